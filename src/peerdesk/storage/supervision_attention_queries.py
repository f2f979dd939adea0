"""What Needs attention reads for supervision: active PSWs, their journeys, last sessions, actions.

Each is one query over every active PSW the viewer may see, so 10,000 PSWs cost three queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionStatus
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel, PswStatusChange
from peerdesk.storage.supervision_models import (
    SupervisionActionRow,
    SupervisionAttendeeRow,
    SupervisionSessionRow,
)
from peerdesk.storage.visibility import visible_psws


def _display_name() -> ColumnElement[str]:
    return func.coalesce(func.nullif(PswRowModel.known_as, ""), PswRowModel.full_name)


def _active(viewer: Viewer) -> ColumnElement[bool]:
    """Active, not archived, and visible to ``viewer`` (paused PSWs are left out here)."""
    return and_(
        PswRowModel.status == JourneyStatus.ACTIVE.value,
        PswRowModel.archived.is_(False),
        visible_psws(viewer),
    )


@dataclass(frozen=True)
class ActivePsw:
    id: PswId
    name: str
    role: Role
    history: tuple[StatusChange, ...]


_STATUS = {status.value: status for status in JourneyStatus}
_ROLE = {role.value: role for role in Role}


def active_psws(s: Session, viewer: Viewer) -> list[ActivePsw]:
    """Every active PSW ``viewer`` may see, with their journey oldest first (two queries).

    Remembered for the rest of the session (``Session.info``): Needs attention asks for it once
    for supervision and once for annual reviews in the same read.
    """
    key = ("active_psws", viewer)
    cached = s.info.get(key)
    if cached is not None:
        return list(cached)
    conn = s.connection()  # plain Core rows: 10,000 journeys need none of the ORM's work
    heads = conn.execute(
        select(PswRowModel.id, _display_name(), PswRowModel.role).where(_active(viewer))
    ).all()
    moves: dict[int, list[StatusChange]] = defaultdict(list)
    rows = conn.execute(
        select(
            PswStatusChange.psw_id,
            PswStatusChange.from_status,
            PswStatusChange.to_status,
            PswStatusChange.changed_on,
            PswStatusChange.recorded_at,
        )
        .join(PswRowModel, PswRowModel.id == PswStatusChange.psw_id)
        .where(_active(viewer))
        .order_by(PswStatusChange.psw_id, PswStatusChange.id)
    ).all()
    for psw_id, old, new, on, at in rows:
        moves[psw_id].append(
            StatusChange(None if old is None else _STATUS[old], _STATUS[new], on, "", at)
        )
    found = [
        ActivePsw(PswId(i), name, _ROLE[role], tuple(moves.get(i, ()))) for i, name, role in heads
    ]
    s.info[key] = tuple(found)
    return found


def last_held(s: Session, viewer: Viewer) -> dict[tuple[PswId, SupervisionKind], dt.date]:
    """The last session of each kind each active PSW attended (a group counts for each)."""
    rows = (
        s.connection()
        .execute(
            select(
                SupervisionAttendeeRow.psw_id,
                SupervisionSessionRow.kind,
                func.max(SupervisionSessionRow.held_on),
            )
            .join(
                SupervisionSessionRow, SupervisionSessionRow.id == SupervisionAttendeeRow.session_id
            )
            .join(PswRowModel, PswRowModel.id == SupervisionAttendeeRow.psw_id)
            .where(_active(viewer))
            .group_by(SupervisionAttendeeRow.psw_id, SupervisionSessionRow.kind)
        )
        .all()
    )
    kinds = {kind.value: kind for kind in SupervisionKind}
    return {(PswId(p), kinds[k]): day for p, k, day in rows}


@dataclass(frozen=True)
class OverdueAction:
    psw_id: PswId
    name: str
    text: str
    due_on: dt.date
    origin_on: dt.date
    kind: SupervisionKind
    supervisor: str
    confidentiality: Confidentiality


def overdue_actions(s: Session, before: dt.date, viewer: Viewer) -> list[OverdueAction]:
    """Open actions due before ``before``, for PSWs ``viewer`` may see (archived left out)."""
    rows = s.execute(
        select(
            SupervisionActionRow.psw_id,
            _display_name(),
            SupervisionActionRow.text,
            SupervisionActionRow.due_on,
            SupervisionSessionRow.held_on,
            SupervisionSessionRow.kind,
            SupervisionSessionRow.supervisor,
            SupervisionSessionRow.confidentiality,
        )
        .join(SupervisionSessionRow, SupervisionSessionRow.id == SupervisionActionRow.session_id)
        .join(PswRowModel, PswRowModel.id == SupervisionActionRow.psw_id)
        .where(
            SupervisionActionRow.status == ActionStatus.OPEN.value,
            SupervisionActionRow.due_on < before,
            PswRowModel.archived.is_(False),
            visible_psws(viewer),
        )
    )
    return [
        OverdueAction(
            PswId(p), name, text, due, held, SupervisionKind(k), sup, Confidentiality(level)
        )
        for p, name, text, due, held, k, sup, level in rows
    ]
