"""Which imported rows repeat a PSW already in the vault, or an earlier row of the same file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.text import fold


@dataclass(frozen=True)
class KnownPsw:
    """What duplicates are judged on, for a PSW already in the vault."""

    id: PswId
    full_name: str
    email: str
    date_of_birth: dt.date | None


def _keys(details: PswDetails | KnownPsw) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    if details.email.strip():
        keys.append(("email", fold(details.email)))
    if details.date_of_birth is not None and details.full_name.strip():
        keys.append(("name", fold(details.full_name), details.date_of_birth.isoformat()))
    return keys


def _why(key: tuple[str, ...]) -> str:
    return "the same email" if key[0] == "email" else "the same name and date of birth"


def find_duplicates(
    rows: Iterable[tuple[int, PswDetails]], known: Iterable[KnownPsw]
) -> Mapping[int, str]:
    """Spreadsheet row -> why it is a duplicate: same email, or same folded name and birth date.

    A row repeats the vault ("PSW 42 has the same email") or an earlier row of the file
    ("row 7 has the same name and date of birth"); the first of a repeated pair is not one.
    """
    vault: dict[tuple[str, ...], PswId] = {}
    for psw in known:
        for key in _keys(psw):
            vault.setdefault(key, psw.id)
    seen: dict[tuple[str, ...], int] = {}
    found: dict[int, str] = {}
    for row, details in rows:
        for key in _keys(details):
            if key in vault:
                found.setdefault(row, f"PSW {vault[key]} in PeerDesk already has {_why(key)}")
            elif key in seen:
                found.setdefault(row, f"row {seen[key]} of this file has {_why(key)}")
        for key in _keys(details):
            seen.setdefault(key, row)
    return found
