"""Needs attention when no backup has left the laptop (gone to another drive) for 30 days."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.services.backup_service import FIRST_BACKUP_AT, OFF_LAPTOP_AT
from peerdesk.storage import settings_store
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

OFF_LAPTOP_DAYS = 30
VAULT = "vault"
"""A line about the whole vault: it opens no record."""


def off_laptop_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """One line once 30 days pass since the last backup to another drive (or, before any, since
    the vault's first backup), so a lost or broken laptop does not take every copy with it."""
    known = settings_store.read_all(s)
    since = known.get(OFF_LAPTOP_AT) or known.get(FIRST_BACKUP_AT)
    if not since:
        return []
    try:
        last = dt.datetime.fromisoformat(since).date()
    except ValueError:
        return []
    due_on = last + dt.timedelta(days=OFF_LAPTOP_DAYS)
    if due_on > window.today:  # a warning once the 30 days have passed, not a countdown
        return []
    text = (
        "No backup on another drive yet"
        if OFF_LAPTOP_AT not in known
        else "No backup on another drive since " + format_date(last)
    )
    overdue = due_on < window.today
    return [AttentionItem(VAULT, 0, "Backups", text, "Overdue" if overdue else "Due", due_on)]
