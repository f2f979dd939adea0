"""What Needs attention reads for supervision and reviews: active PSWs, journeys, open actions.

Each is one query over every active PSW the viewer may see, whatever their number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionStatus
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel, PswStatusChange, psw_display_name
from peerdesk.storage.review_models import AnnualReviewRow
from peerdesk.storage.supervision_models import (
    SupervisionActionRow,
    SupervisionSessionRow,
)
from peerdesk.storage.visibility import visible_psws


def _active(viewer: Viewer) -> ColumnElement[bool]:
    """Active, not archived, and visible to ``viewer`` (paused PSWs are left out here)."""
    return and_(
        PswRowModel.status == JourneyStatus.ACTIVE.value,
        PswRowModel.archived.is_(False),
        visible_psws(viewer),
    )


@dataclass(frozen=True)
class ReviewCandidate:
    id: PswId
    name: str
    first_active_on: dt.date | None
    """The first day they became active (the first annual review counts from it)."""
    next_on: dt.date | None
    """The next review their latest review set, if they have had one."""


SLACK_DAYS = 3
"""SQLite's date(…, '+12 months') runs 29 February on to 1 March where ours stops at 28
February; selecting a few days early lets the exact rule decide those."""


def review_candidates(s: Session, viewer: Viewer, until: dt.date) -> list[ReviewCandidate]:
    """Active PSWs ``viewer`` may see whose next annual review may fall by ``until`` (one
    query; the caller applies the exact calendar rule)."""
    first = (
        select(PswStatusChange.psw_id, func.min(PswStatusChange.changed_on).label("on"))
        .where(PswStatusChange.to_status == JourneyStatus.ACTIVE.value)
        .group_by(PswStatusChange.psw_id)
        .subquery()
    )
    latest = (
        select(AnnualReviewRow.psw_id, func.max(AnnualReviewRow.next_on).label("next_on"))
        .group_by(AnnualReviewRow.psw_id)
        .subquery()
    )
    counted = func.coalesce(latest.c.next_on, func.date(first.c.on, "+12 months"))
    rows = s.connection().execute(
        select(PswRowModel.id, psw_display_name(), first.c.on, latest.c.next_on)
        .outerjoin(first, first.c.psw_id == PswRowModel.id)
        .outerjoin(latest, latest.c.psw_id == PswRowModel.id)
        .where(
            _active(viewer),
            func.date(counted, f"-{SLACK_DAYS} days") <= until.isoformat(),
        )
    )
    return [ReviewCandidate(PswId(i), name, on, nxt) for i, name, on, nxt in rows]


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
            psw_display_name(),
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
