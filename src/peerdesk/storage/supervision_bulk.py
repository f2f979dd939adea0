"""Many supervision sessions and plan versions at once (demo data), one Core executemany a table.

Rows are written as ``supervision_store`` and ``plan_store`` write them, so they read back alike.
Ids are assigned here after the highest in the vault, as ``psw_bulk`` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanDraft, sections_to_json
from peerdesk.domain.supervision_session import ActionStatus, SessionDraft, SessionId
from peerdesk.storage.plan_version_models import PlanVersionRow
from peerdesk.storage.supervision_models import (
    SupervisionActionRow,
    SupervisionAttendeeRow,
    SupervisionLearningNeedRow,
    SupervisionSessionRow,
    SupervisionTopicRow,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class PastSession:
    """A session recorded some time ago: ``closed`` gives, for each action in attendee order,
    the day it was done (None: still open)."""

    draft: SessionDraft
    recorded_at: dt.datetime
    agreed_on: dt.date | None = None
    """The day both the PSW and the supervisor agreed it (locking it), if they have."""
    closed: tuple[dt.date | None, ...] = ()


@dataclass(frozen=True)
class PastPlanVersion:
    psw_id: PswId
    number: int
    draft: PlanDraft
    recorded_at: dt.datetime


def _next_id(s: Session, table: Table) -> int:
    return int(s.scalar(select(func.max(table.c.id))) or 0) + 1


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _session_row(i: int, past: PastSession, recorded_by: str) -> Row:
    d = past.draft
    return {
        "id": i,
        "kind": d.kind.value,
        "is_group": d.is_group,
        "supervisor": d.supervisor,
        "held_on": d.held_on,
        "starts_at": d.starts_at,
        "minutes": d.minutes,
        "mode": d.mode.value,
        "notes": d.notes,
        "confidentiality": d.confidentiality.value,
        "next_on": d.next_on,
        "agreed_by_psw_on": past.agreed_on,
        "agreed_by_supervisor_on": past.agreed_on,
        "recorded_at": past.recorded_at,
        "recorded_by": recorded_by,
        "version": 1,
    }


def insert_sessions(
    s: Session, sessions: Sequence[PastSession], *, recorded_by: str
) -> list[SessionId]:
    """Insert ``sessions`` (already checked) in the caller's transaction; their new ids."""
    if not sessions:
        return []
    s.flush()
    tables = [
        _table(m)
        for m in (
            SupervisionSessionRow,
            SupervisionAttendeeRow,
            SupervisionTopicRow,
            SupervisionActionRow,
            SupervisionLearningNeedRow,
        )
    ]
    first = _next_id(s, tables[0])
    action_id, need_id = _next_id(s, tables[3]), _next_id(s, tables[4])
    rows: list[list[Row]] = [[] for _ in tables]
    for offset, past in enumerate(sessions):
        i = first + offset
        rows[0].append(_session_row(i, past, recorded_by))
        rows[2] += ({"session_id": i, "item_id": t} for t in dict.fromkeys(past.draft.topics))
        actions = [(a.psw_id, x) for a in past.draft.attendees for x in a.actions]
        closed = list(past.closed) + [None] * (len(actions) - len(past.closed))
        for part in past.draft.attendees:
            rows[1].append(
                {
                    "session_id": i,
                    "psw_id": part.psw_id,
                    "checkin": part.checkin,
                    "checkin_note": part.checkin_note,
                }
            )
            for text in part.learning_needs:
                rows[4].append(
                    {
                        "id": need_id,
                        "session_id": i,
                        "psw_id": part.psw_id,
                        "text": text,
                        "training_need_id": None,
                    }
                )
                need_id += 1
        for (psw, action), done_on in zip(actions, closed, strict=True):
            status = ActionStatus.OPEN if done_on is None else ActionStatus.DONE
            rows[3].append(
                {
                    "id": action_id,
                    "session_id": i,
                    "psw_id": psw,
                    "text": action.text,
                    "owner": action.owner,
                    "due_on": action.due_on,
                    "status": status.value,
                    "closed_on": done_on,
                    "closed_in_session_id": None,
                }
            )
            action_id += 1
    connection = s.connection()
    for table, params in zip(tables, rows, strict=True):
        if params:
            connection.execute(insert(table), params)
    return [SessionId(first + offset) for offset in range(len(sessions))]


def insert_plan_versions(
    s: Session, versions: Sequence[PastPlanVersion], *, recorded_by: str
) -> None:
    """Insert plan versions (numbers already counted per PSW and kind) in one executemany."""
    if not versions:
        return
    s.flush()
    params = [
        {
            "psw_id": v.psw_id,
            "kind": v.draft.kind.value,
            "number": v.number,
            "sections": sections_to_json(v.draft.sections),
            "confidentiality": v.draft.confidentiality.value,
            "review_on": v.draft.review_on,
            "agreed_by_psw_on": v.draft.agreed_by_psw_on,
            "recorded_at": v.recorded_at,
            "recorded_by": recorded_by,
        }
        for v in versions
    ]
    s.connection().execute(insert(_table(PlanVersionRow)), params)
