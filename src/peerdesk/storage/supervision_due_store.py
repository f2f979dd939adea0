"""Stored next supervision dates: rewritten from ``supervision_due`` for some PSWs, or read back.

The journeys and last sessions are read for the PSWs asked about in a few plain Core queries
(chunked, so SQLite's parameter limit is never reached), every due date worked out by the pure
rule, and the PSWs' rows replaced. Needs attention then reads one index range.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, func, insert, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import SupervisionKind, SupervisionPolicy
from peerdesk.domain.supervision_due import supervision_due
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel, PswStatusChange, psw_display_name
from peerdesk.storage.supervision_due_models import SupervisionDueRow
from peerdesk.storage.supervision_models import SupervisionAttendeeRow, SupervisionSessionRow
from peerdesk.storage.visibility import visible_psws

_CHUNK = 500
_STATUS = {status.value: status for status in JourneyStatus}
_ROLE = {role.value: role for role in Role}
_KIND = {kind.value: kind for kind in SupervisionKind}


def _chunks(psw_ids: Sequence[PswId] | None) -> Iterator[Sequence[PswId] | None]:
    if psw_ids is None:
        yield None
        return
    ids = iter(psw_ids)
    while chunk := list(itertools.islice(ids, _CHUNK)):
        yield chunk


def _among(
    column: InstrumentedAttribute[int], chunk: Sequence[PswId] | None
) -> ColumnElement[bool]:
    return true() if chunk is None else column.in_(chunk)


def _journeys(
    s: Session, chunk: Sequence[PswId] | None
) -> dict[int, tuple[Role, list[StatusChange]]]:
    """Role and journey (oldest first) of each active PSW in ``chunk``; nobody else is due."""
    conn = s.connection()
    active = and_(PswRowModel.status == JourneyStatus.ACTIVE.value, _among(PswRowModel.id, chunk))
    found: dict[int, tuple[Role, list[StatusChange]]] = {
        i: (_ROLE[role], [])
        for i, role in conn.execute(select(PswRowModel.id, PswRowModel.role).where(active))
    }
    rows = conn.execute(
        select(
            PswStatusChange.psw_id,
            PswStatusChange.from_status,
            PswStatusChange.to_status,
            PswStatusChange.changed_on,
            PswStatusChange.recorded_at,
        )
        .join(PswRowModel, PswRowModel.id == PswStatusChange.psw_id)
        .where(active)
        .order_by(PswStatusChange.psw_id, PswStatusChange.id)
    )
    for psw_id, old, new, on, at in rows:
        found[psw_id][1].append(
            StatusChange(None if old is None else _STATUS[old], _STATUS[new], on, "", at)
        )
    return found


def _last_held(
    s: Session, chunk: Sequence[PswId] | None
) -> dict[tuple[int, SupervisionKind], dt.date]:
    """The last session of each kind each PSW in ``chunk`` attended (a group counts for each)."""
    rows = s.connection().execute(
        select(
            SupervisionAttendeeRow.psw_id,
            SupervisionSessionRow.kind,
            func.max(SupervisionSessionRow.held_on),
        )
        .join(SupervisionSessionRow, SupervisionSessionRow.id == SupervisionAttendeeRow.session_id)
        .where(_among(SupervisionAttendeeRow.psw_id, chunk))
        .group_by(SupervisionAttendeeRow.psw_id, SupervisionSessionRow.kind)
    )
    return {(p, _KIND[k]): day for p, k, day in rows}


def recompute(s: Session, psw_ids: Sequence[PswId] | None, policy: SupervisionPolicy) -> None:
    """Rewrite the stored due dates of ``psw_ids`` (None: everyone) under ``policy``."""
    for chunk in _chunks(psw_ids):
        journeys = _journeys(s, chunk)
        last = _last_held(s, chunk)
        if chunk is None:
            s.execute(delete(SupervisionDueRow))
        else:
            s.execute(delete(SupervisionDueRow).where(SupervisionDueRow.psw_id.in_(chunk)))
        rows = []
        for psw_id, (role, history) in journeys.items():
            for kind in SupervisionKind:
                held = last.get((psw_id, kind))
                due = supervision_due(policy, kind, role, history, [] if held is None else [held])
                if due is not None:
                    rows.append({"psw_id": psw_id, "kind": kind.value, "due_on": due.due_on})
        if rows:
            s.execute(insert(SupervisionDueRow), rows)


@dataclass(frozen=True)
class StoredDue:
    psw_id: PswId
    name: str
    kind: SupervisionKind
    due_on: dt.date


def due_by(s: Session, until: dt.date, viewer: Viewer) -> list[StoredDue]:
    """Stored dates on or before ``until`` of active, unarchived PSWs ``viewer`` may see."""
    name = psw_display_name()
    stmt = (
        select(SupervisionDueRow.psw_id, name, SupervisionDueRow.kind, SupervisionDueRow.due_on)
        .join(PswRowModel, PswRowModel.id == SupervisionDueRow.psw_id)
        .where(
            SupervisionDueRow.due_on <= until,
            PswRowModel.status == JourneyStatus.ACTIVE.value,
            PswRowModel.archived.is_(False),
            visible_psws(viewer),
        )
    )
    rows = s.connection().execute(stmt).all()  # one fetch, not a call per row: thousands
    return [StoredDue(PswId(p), n, _KIND[k], day) for p, n, k, day in rows]
