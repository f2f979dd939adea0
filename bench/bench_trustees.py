"""Trustees' report to PDF bytes on 10,000 PSWs and a year of data, beside raw SQL recounts.

The vault is the demo one with people (``create_demo_vault``: journeys, checks, training,
supervision, matches with contact logs, outcome scores), cached between runs. Figures:

- ``TrusteesReportService.pdf`` for the last year (read, standings, figures for the year and the
  year before, charts, PDF bytes), target 1 s;
- the floor: the headline figures (PSWs active on the last day, referrals, people matched,
  matches started and ended, volunteer hours) as raw SQL on a raw sqlcipher3 connection to the
  same vault, in the same run. The two agree (checked before timing).
"""

from __future__ import annotations

import datetime as dt
import sys

import _common
from _common import PASSPHRASE, Figure, median_of, print_table
from _people import NOW, open_services, people_vault
from floor_due import open_raw
from peerdesk.domain.progress import Progress
from peerdesk.storage.vault.files import VaultPaths

TARGET = 1.0
START, END = NOW.date() - dt.timedelta(days=364), NOW.date()

HEADLINES = """
SELECT
  (SELECT count(*) FROM psw p WHERE (
     SELECT c.to_status FROM psw_status_change c WHERE c.psw_id = p.id AND c.changed_on <= :b
     ORDER BY c.changed_on DESC, c.id DESC LIMIT 1) = 'active'),
  (SELECT count(*) FROM person WHERE referred_on BETWEEN :a AND :b),
  (SELECT count(*) FROM (SELECT match_id, min("on") AS began FROM match_step
     WHERE stage = 'active' GROUP BY match_id) WHERE began BETWEEN :a AND :b),
  (SELECT count(*) FROM match_step WHERE stage = 'ended' AND "on" BETWEEN :a AND :b),
  (SELECT coalesce(sum(minutes), 0) / 60.0 FROM contact
     WHERE outcome = 'attended' AND "on" BETWEEN :a AND :b)
"""


def main() -> int:
    args = _common.parser(__doc__.splitlines()[0]).parse_args()
    cfg = _common.settings(args, quick_psws=300)
    people = 200 if cfg.quick else cfg.psws // 2
    folder = people_vault(cfg.work, cfg.psws, people)
    services = open_services(folder)
    raw = open_raw(VaultPaths(folder), PASSPHRASE)
    params = {"a": START.isoformat(), "b": END.isoformat()}
    try:
        report = services.trustees_report
        now = report.report(START, END).figures.current
        mine = (
            now.active_psws,
            now.referrals,
            now.matches_started,
            sum(now.matches_ended.values()),
            round(sum(h for _, h in now.hours_by_month), 6),
        )
        row = raw.execute(HEADLINES, params).fetchone()
        floor_figures = (*row[:4], round(row[4], 6))
        if mine != floor_figures:
            print(f"MISMATCH: report {mine} != raw SQL {floor_figures}", file=sys.stderr)
            return 1
        made = report.pdf(START, END, Progress())
        pdf = median_of(cfg.runs, lambda: report.pdf(START, END, Progress()))
        floor = median_of(cfg.runs, lambda: raw.execute(HEADLINES, params).fetchone())
    finally:
        raw.close()
        services.close()
    active, referrals, started, ended, hours = mine
    ok = print_table(
        f"Trustees' report {START} to {END}, {cfg.psws:,} PSWs and {people:,} people, median of "
        f"{cfg.runs} ({len(made.data) / 1024:,.0f} KiB PDF; active {active:,}, referrals "
        f"{referrals:,}, matches started {started:,} and ended {ended:,}, {hours:,.1f} hours)",
        [
            Figure(
                "TrusteesReportService.pdf (last year, with the year before)",
                pdf,
                target=TARGET,
                floor=floor,
                unit="s",
            ),
            Figure("raw SQL: the headline figures (sqlcipher3)", floor),
        ],
    )
    return 0 if ok or cfg.quick else 1


if __name__ == "__main__":
    sys.exit(main())
