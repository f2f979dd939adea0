"""Needs attention: "3 records are past retention: review them", while any record is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.retention import decide
from peerdesk.domain.viewer import EVERYONE
from peerdesk.storage import retention_store
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

RETENTION = "retention"
"""The line's subject kind: it opens the retention review, not a record."""


def retention_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """One line counting every record (protected ones too) past retention, due the earliest
    day one fell due; no line when none is."""
    rules = retention_store.rules(s)
    facts = retention_store.psw_facts(s, EVERYONE, name_of=False, with_rule_only=True)
    facts += retention_store.person_facts(s, EVERYONE, name_of=False, with_rule_only=True)
    due = [d.due_on for f in facts if (d := decide(f, rules, window.today)).outcome.acts]
    dates = [day for day in due if day is not None]
    if not dates:
        return []
    count = len(dates)
    return [
        AttentionItem(
            RETENTION,
            0,
            "Retention",
            f"{count} record{'s are' if count != 1 else ' is'} past retention: review them",
            "Overdue" if min(dates) < window.today else "Due",
            min(dates),
        )
    ]
