"""Unlock: Argon2id at the default cost, and passphrase to first query, against raw SQLCipher."""

from __future__ import annotations

import secrets
import sys

import sqlcipher3

from _common import PASSPHRASE, Figure, demo_vault, median_of, parser, print_table, settings
from peerdesk.domain.psw import PswQuery
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage import psw_queries
from peerdesk.storage.engine import make_sessions, open_engine
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import DEFAULT_KDF, derive_key

TARGET_SECONDS = 0.5
FIRST_QUERY = "SELECT count(*) FROM psw WHERE archived = 0"


def keyslots_unlock_and_query(paths: VaultPaths) -> int:
    """What the brief times: key slot, engine, first query (no migration check)."""
    key = keyslots.unlock(paths, PASSPHRASE)
    try:
        engine = open_engine(paths.db, key)
    finally:
        keyslots.wipe(key)
    try:
        with make_sessions(engine)() as s:
            return psw_queries.count(s, PswQuery())
    finally:
        engine.dispose()


def app_unlock_and_query(paths: VaultPaths) -> int:
    """What the app does: the vault service (including the migration check), then a count."""
    services = build(vault_service.unlock(paths, PASSPHRASE))
    try:
        return services.psws.count(PswQuery())
    finally:
        services.close()


def raw_open_and_query(paths: VaultPaths, key: bytes) -> int:
    """The floor: SQLCipher opened with the raw key (no key derivation), then the same query."""
    connection = sqlcipher3.connect(str(paths.db))
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return int(connection.execute(FIRST_QUERY).fetchone()[0])
    finally:
        connection.close()


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args, quick_psws=50)
    paths = VaultPaths(demo_vault(s.work, s.psws, strong_kdf=True))
    raw_key = bytes(keyslots.unlock(paths, PASSPHRASE))
    salt = secrets.token_bytes(16)
    secret = PASSPHRASE.encode()
    expected = raw_open_and_query(paths, raw_key)
    assert keyslots_unlock_and_query(paths) == expected == app_unlock_and_query(paths)

    floor = median_of(s.runs, lambda: raw_open_and_query(paths, raw_key))
    kdf = DEFAULT_KDF
    figures = [
        Figure("floor: raw sqlcipher3 open with the key + first query", floor),
        Figure(
            f"Argon2id alone ({kdf.memory_kib // 1024} MiB, t={kdf.iterations}, "
            f"p={kdf.parallelism})",
            median_of(s.runs, lambda: derive_key(secret, salt, kdf)),
        ),
        Figure(
            "keyslots.unlock + open_engine + first query",
            median_of(s.runs, lambda: keyslots_unlock_and_query(paths)),
            target=TARGET_SECONDS,
            floor=floor,
        ),
        Figure(
            "vault_service.unlock (as the app) + first query",
            median_of(s.runs, lambda: app_unlock_and_query(paths)),
            target=TARGET_SECONDS,
            floor=floor,
        ),
    ]
    ok = print_table(f"Unlock, {s.psws:,} PSWs, median of {s.runs}", figures)
    return 0 if ok or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
