"""Leaving outcomes and stalled applicants. Each function takes the caller's Session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.leaving import LeavingOutcome, LeavingRecord, RouteAnswer, RouteOffered
from peerdesk.domain.pipeline import days_at_stage
from peerdesk.domain.status_moves import StalledPsw
from peerdesk.storage.models import PswRowModel, PswStatusChange
from peerdesk.storage.recruitment_models import LeavingOutcomeRow, LeavingRouteRow


def record_leaving(
    s: Session, psw_id: PswId, status_change_id: int, leaving: LeavingOutcome
) -> None:
    s.add(
        LeavingOutcomeRow(
            psw_id=psw_id,
            status_change_id=status_change_id,
            outcome=leaving.outcome,
            routes=[
                LeavingRouteRow(route=r.route, offered_on=r.offered_on, answer=r.answer.value)
                for r in leaving.routes
            ],
        )
    )
    s.flush()


def leaving_for(s: Session, psw_id: PswId) -> list[LeavingRecord]:
    """The PSW's leaving outcomes, oldest first, dated by the move that recorded them."""
    rows = s.execute(
        select(LeavingOutcomeRow, PswStatusChange.changed_on)
        .join(PswStatusChange, PswStatusChange.id == LeavingOutcomeRow.status_change_id)
        .where(LeavingOutcomeRow.psw_id == psw_id)
        .options(selectinload(LeavingOutcomeRow.routes))
        .order_by(LeavingOutcomeRow.id)
    ).all()
    return [
        LeavingRecord(
            status_change_on=on,
            outcome=LeavingOutcome(
                outcome=row.outcome,
                routes=tuple(
                    RouteOffered(r.route, r.offered_on, RouteAnswer(r.answer)) for r in row.routes
                ),
            ),
        )
        for row, on in rows
    ]


def stalled_psws(s: Session, today: dt.date, targets: dict[JourneyStatus, int]) -> list[StalledPsw]:
    """Unarchived applicants past their stage's target, longest stalled first.

    One OR of (status, cutoff) pairs, so SQLite walks ``ix_psw_archived_status`` per stage.
    """
    if not targets:
        return []
    cutoffs = [
        and_(
            PswRowModel.status == status.value,
            PswRowModel.status_since < today - dt.timedelta(days=days),
        )
        for status, days in targets.items()
    ]
    stmt = (
        select(
            PswRowModel.id,
            PswRowModel.known_as,
            PswRowModel.full_name,
            PswRowModel.status,
            PswRowModel.status_since,
        )
        .where(PswRowModel.archived.is_(False), or_(*cutoffs))
        .order_by(PswRowModel.status_since, PswRowModel.name_key, PswRowModel.id)
    )
    found = []
    for psw_id, known_as, full_name, status, since in s.execute(stmt).tuples():
        stage = JourneyStatus(status)
        found.append(
            StalledPsw(
                psw_id=PswId(psw_id),
                name=known_as or full_name,
                status=stage,
                since=since,
                days=days_at_stage(since, today),
                target=targets[stage],
            )
        )
    # Ordered by how long past target, the most overdue first.
    found.sort(key=lambda p: (p.stalled_on, p.name))
    return found
