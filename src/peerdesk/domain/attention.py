"""Dated items that need the coordinator's attention, from any part of PeerDesk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.domain.calendar import describe_days


@dataclass(frozen=True)
class AttentionItem:
    """One line of "Needs attention" and of ``peerdesk due``.

    ``subject_kind`` says what the line is about ("psw" now; people, requests and other records
    in later issues) and ``subject_id`` which one, so a click or a script can open it.
    """

    subject_kind: str
    subject_id: int
    name: str
    item: str
    status: str
    due_on: dt.date

    def days(self, today: dt.date) -> int:
        """Days until due: negative when overdue."""
        return (self.due_on - today).days

    def when(self, today: dt.date) -> str:
        """ "12 days overdue", "due in 3 days": words, never colour alone."""
        return describe_days(self.days(today))


def sort_key(item: AttentionItem) -> tuple[dt.date, str, str]:
    """Most pressing first, then by name and item so the order is stable."""
    return (item.due_on, item.name.casefold(), item.item.casefold())
