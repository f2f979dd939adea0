"""Organisation-wide settings kept in the vault as key/value text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.storage.models import Setting


def read_all(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Setting.key, Setting.value)).tuples().all())


def write(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
    s.flush()
