"""Needs attention for data subjects' requests of every kind, due or overdue, until sent or done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.matching_attention import PERSON
from peerdesk.services.rights_service import lines
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

PSW = "psw"


def rights_request_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """ "Erasure request due 5 January 2027" or "… overdue since …" per open request due by
    ``until``, whatever its kind.

    A request waiting for identity or clarification has no due date yet, so it is listed on the
    record, not here. A request whose subject was erased has nothing to open and is left out.
    """
    found = []
    for line in lines(s, window.viewer, open_only=True):
        r, due_on = line.request, line.due.due_on
        if due_on is None or due_on > window.until:
            continue
        if r.psw_id is not None:
            kind, subject = PSW, int(r.psw_id)
        elif r.person_id is not None:
            kind, subject = PERSON, int(r.person_id)
        else:
            continue
        overdue = due_on < window.today
        found.append(
            AttentionItem(
                kind,
                subject,
                r.subject_name,
                f"{r.kind_label} {'overdue since' if overdue else 'due'} {format_date(due_on)}",
                "Overdue" if overdue else "Due",
                due_on,
            )
        )
    return found
