"""`peerdesk due` floor: a bare Python process opens the vault and runs the raw selection.

Usage: python floor_due.py DATA_DIR WITHIN_DAYS (passphrase in $PEERDESK_PASSPHRASE). It derives
the key from the key file at the vault's own KDF cost, as ``peerdesk due`` must, then prints
the selected rows as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import sqlcipher3

from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths

# Every section of Needs attention as one statement: requirement due dates (indexed), references
# awaited, stalled applicants (default targets), adjustment reviews, active with a blocking row.
RAW_SELECTION = """
WITH cur AS (SELECT id, coalesce(nullif(known_as, ''), full_name) AS name, status, status_since
             FROM psw WHERE archived = 0 AND status != 'left')
SELECT 'due', cur.id, cur.name, d.policy_id, d.next_due FROM requirement_due d
  JOIN cur ON cur.id = d.psw_id WHERE d.next_due IS NOT NULL AND d.next_due <= :until
    AND d.status NOT IN ('missing', 'in_progress')
UNION ALL
SELECT 'reference', cur.id, cur.name, r.position, date(r.requested_on, '+14 days')
  FROM psw_reference r JOIN cur ON cur.id = r.psw_id
  WHERE r.received_on IS NULL AND r.satisfactory IS NULL
    AND r.requested_on <= date(:until, '-14 days')
UNION ALL
SELECT 'stalled', id, name, status, status_since FROM cur
  WHERE (status = 'enquiry' AND status_since <= date(:until, '-15 days'))
     OR (status = 'application' AND status_since <= date(:until, '-22 days'))
     OR (status = 'interview' AND status_since <= date(:until, '-22 days'))
     OR (status = 'checks' AND status_since <= date(:until, '-43 days'))
     OR (status = 'induction' AND status_since <= date(:until, '-57 days'))
UNION ALL
SELECT 'adjustment', cur.id, cur.name, a.category, a.review_on FROM psw_adjustment a
  JOIN cur ON cur.id = a.psw_id
  WHERE a.review_on IS NOT NULL AND a.review_on <= :until AND a.status != 'ended'
UNION ALL
SELECT DISTINCT 'uncleared', cur.id, cur.name, NULL, :today FROM requirement_due d
  JOIN cur ON cur.id = d.psw_id
  WHERE cur.status = 'active'
    AND (d.status IN ('missing', 'in_progress')
         OR (d.next_due IS NOT NULL AND d.next_due <= :today))
"""


def raw_rows(connection: sqlcipher3.Connection, today: dt.date, within: int) -> list[tuple]:
    until = today + dt.timedelta(days=within)
    params = {"today": today.isoformat(), "until": until.isoformat()}
    return list(connection.execute(RAW_SELECTION, params))


def open_raw(paths: VaultPaths, passphrase: str) -> sqlcipher3.Connection:
    key = keyslots.unlock(paths, passphrase)
    connection = sqlcipher3.connect(str(paths.db))
    connection.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    keyslots.wipe(key)
    return connection


def main() -> int:
    paths = VaultPaths(Path(sys.argv[1]))
    connection = open_raw(paths, os.environ["PEERDESK_PASSPHRASE"])
    rows = raw_rows(connection, dt.date.today(), int(sys.argv[2]))
    sys.stdout.write(json.dumps([list(r) for r in rows], ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
