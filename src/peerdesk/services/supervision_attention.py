"""Needs attention for supervision: overdue or due within 7 days per PSW and kind, and actions.

Due dates are the stored ones (``supervision_due_store``, kept in step by every write that moves
them), read as one index range; paused PSWs are left out.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_due import DUE_SOON_DAYS, classify_due
from peerdesk.storage import supervision_attention_queries, supervision_due_store
from peerdesk.storage.visibility import text_visible
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

PSW = "psw"
ACTION_OVERDUE = "Action overdue"
_ACTION_CHARS = 80


def supervision_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """ "Supervision overdue" and "Due within 7 days" per active PSW and kind, by ``until``."""
    until = min(window.until, window.today + dt.timedelta(days=DUE_SOON_DAYS))
    today = window.today
    items = {kind: f"{kind.label} supervision" for kind in SupervisionKind}  # once, not per line
    return [
        AttentionItem(
            PSW,
            due.psw_id,
            due.name,
            items[due.kind],
            classify_due(due.due_on, today).label,
            due.due_on,
        )
        for due in supervision_due_store.due_by(s, until, window.viewer)
    ]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _ACTION_CHARS else flat[: _ACTION_CHARS - 1] + "…"


def supervision_action_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Open supervision actions past their due date; text only where lists may show it."""
    lines = []
    for a in supervision_attention_queries.overdue_actions(s, window.today, window.viewer):
        if text_visible(a.confidentiality, window.viewer, listing=True):
            what = f"Supervision action: {_short(a.text)}"
        else:  # confidential or private: date, kind and supervisor only
            what = (
                f"Supervision action from {a.kind.label.lower()} supervision with "
                f"{a.supervisor}, {format_date(a.origin_on)}"
            )
        lines.append(AttentionItem(PSW, a.psw_id, a.name, what, ACTION_OVERDUE, a.due_on))
    return lines
