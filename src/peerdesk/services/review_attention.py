"""Needs attention for annual reviews: due within the window or overdue, per active PSW.

The rule: the next review is 12 months after the latest one; a PSW with no review yet is first
due 12 months after they first became active. Paused, left and archived PSWs are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.reviews import first_review_on
from peerdesk.storage import supervision_attention_queries
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

PSW = "psw"


def review_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """ "Annual review due …" (or "First annual review due …") up to ``window.until``."""
    lines = []
    for psw in supervision_attention_queries.review_candidates(s, window.viewer, window.until):
        due = psw.next_on
        what = "Annual review"
        if due is None:
            if psw.first_active_on is None:
                continue
            due, what = first_review_on(psw.first_active_on), "First annual review"
        if due > window.until:
            continue
        status = "Review overdue" if due < window.today else "Review due"
        lines.append(
            AttentionItem(PSW, psw.id, psw.name, f"{what} due {format_date(due)}", status, due)
        )
    return lines
