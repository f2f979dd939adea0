"""SQLite's own integrity checks on the open vault, each reduced to one plain ``Finding``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from peerdesk.domain.errors import VaultDamaged
from peerdesk.domain.integrity import SOUND, Finding
from peerdesk.storage.engine import storage_errors

QUICK_SOUND = "Quick check passed."
_Reader = Callable[[str, list[tuple[object, ...]]], "str | None"]
"""Turns a check's rows into one line about the first problem, or None when sound."""
Check = Callable[[Session], Finding]
"""``quick_check`` or ``full_check``: what the integrity service runs in its session."""
_UNREADABLE = "the vault could not be read to the end: its pages are damaged"


def quick_check(s: Session) -> Finding:
    """``PRAGMA quick_check``: page and b-tree structure, in a fraction of the full check's time."""
    return _first_failure(s, (("quick check", "PRAGMA quick_check", _ok_rows),)) or Finding(
        True, QUICK_SOUND
    )


def full_check(s: Session) -> Finding:
    """``integrity_check`` (indexes too), SQLCipher's per-page HMACs, then every foreign key."""
    checks = (
        ("integrity check", "PRAGMA integrity_check", _ok_rows),
        ("encryption check", "PRAGMA cipher_integrity_check", _no_rows),
        ("foreign key check", "PRAGMA foreign_key_check", _no_rows),
    )
    return _first_failure(s, checks) or Finding(True, SOUND)


def _first_failure(s: Session, checks: Sequence[tuple[str, str, _Reader]]) -> Finding | None:
    connection = s.connection()
    for name, pragma, reader in checks:
        try:
            with storage_errors():
                rows = [tuple(row) for row in connection.exec_driver_sql(pragma).fetchall()]
        except VaultDamaged:
            # SQLite sometimes reports damage by failing the check itself (SQLITE_CORRUPT).
            return Finding.damaged(f"Damaged: the {name} stopped: {_UNREADABLE}.")
        problem = reader(name, rows)
        if problem is not None:
            return Finding.damaged(problem)
    return None


def _ok_rows(name: str, rows: list[tuple[object, ...]]) -> str | None:
    messages = [str(row[0]) for row in rows if row]
    if messages == ["ok"]:
        return None
    more = f" (and {len(messages) - 1} more problems)" if len(messages) > 1 else ""
    first = messages[0] if messages else "no answer"
    return f"Damaged: the {name} found: {first}{more}."


def _no_rows(name: str, rows: list[tuple[object, ...]]) -> str | None:
    if not rows:
        return None
    first = ", ".join(str(value) for value in rows[0])
    more = f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""
    return f"Damaged: the {name} found: {first}{more}."
