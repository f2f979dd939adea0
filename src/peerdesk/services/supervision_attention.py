"""Needs attention for supervision: overdue or due within 7 days per PSW and kind, and actions.

Due dates come from ``supervision_due`` (journey, pauses, policy) and the last session of each
kind each PSW attended: three queries whatever the number of PSWs. Paused PSWs are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_due import DueStatus, supervision_due
from peerdesk.services.supervision_settings import policy_from
from peerdesk.storage import settings_store, supervision_attention_queries
from peerdesk.storage.visibility import text_visible
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

PSW = "psw"
ACTION_OVERDUE = "Action overdue"
_SHOWN = (DueStatus.OVERDUE, DueStatus.DUE_SOON)
_ACTION_CHARS = 80


def supervision_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """ "Supervision overdue" and "Due within 7 days" per active PSW and kind, by ``until``."""
    policy = policy_from(settings_store.read_all(s))
    last = supervision_attention_queries.last_held(s, window.viewer)
    lines = []
    for psw in supervision_attention_queries.active_psws(s, window.viewer):
        for kind in SupervisionKind:
            held = last.get((psw.id, kind))
            due = supervision_due(
                policy, kind, psw.role, psw.history, [] if held is None else [held]
            )
            if due is None or due.due_on > window.until:
                continue
            status = due.classify(window.today)
            if status in _SHOWN:
                item = f"{kind.label} supervision"
                lines.append(AttentionItem(PSW, psw.id, psw.name, item, status.label, due.due_on))
    return lines


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
