"""SQL selections for "Needs attention": only the rows that could be due, from indexed columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, and_, false, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from peerdesk.domain.ids import PswId
from peerdesk.storage.check_models import AdjustmentRow, ReferenceRow, RequirementDueRow
from peerdesk.storage.models import PswRowModel, psw_display_name

LEFT = "left"
ACTIVE = "active"
ENDED = "ended"
UNCLEARED = ("missing", "in_progress")
"""Stored requirement statuses that are exact without a date and block becoming active."""


@dataclass(frozen=True)
class PswHeading:
    """What a dashboard line needs to say about the PSW it concerns."""

    id: PswId
    name: str
    status: str
    since: dt.date


@dataclass(frozen=True)
class DueCandidate:
    """A requirement of a PSW's that may be due, expired or blocking: worth evaluating."""

    psw: PswHeading
    policy_id: int


@dataclass(frozen=True)
class AwaitedReference:
    psw: PswHeading
    position: int
    kind: str
    referee: str
    requested_on: dt.date


@dataclass(frozen=True)
class AdjustmentReview:
    psw: PswHeading
    category: str
    status: str
    review_on: dt.date


def _current() -> ColumnElement[bool]:
    """Neither archived nor left: the people a coordinator is still working with.

    In joins led by the other table, whose dated rows are few: SQLite's unary ``+`` keeps the
    planner off the ``psw (archived, status)`` index, which (with no ANALYZE statistics in the
    vault) it would otherwise walk for every current PSW, probing the dated table once each,
    instead of range-scanning the dated rows and looking their PSWs up by id.
    """
    return and_(_unindexed(PswRowModel.archived).is_(False), PswRowModel.status != LEFT)


def _unindexed(column: InstrumentedAttribute[bool]) -> ColumnElement[bool]:
    return UnaryExpression(column.expression, operator=custom_op("+"), type_=Boolean())


# Rows are read through the session's connection (Core), not the ORM: these selections name
# columns only, so the ORM's per-row result processing is pure overhead here.


def _heading_columns() -> tuple[Any, ...]:
    return (PswRowModel.id, psw_display_name(), PswRowModel.status, PswRowModel.status_since)


def _heading(row: Sequence[Any]) -> PswHeading:
    return PswHeading(PswId(row[0]), row[1], row[2], row[3])


def requirement_candidates(s: Session, until: dt.date, today: dt.date) -> list[DueCandidate]:
    """(PSW, policy) pairs worth judging, for current PSWs only, in two index-led selections.

    Due by ``until``: ``next_due`` never depends on today, so this range is exact. Blocking an
    active PSW: ``requirement_due.status`` is exact for missing and in-progress rows (neither
    moves with the date), and anything that could have expired has ``next_due <= today``.
    """
    due = RequirementDueRow
    columns = (*_heading_columns(), due.policy_id)
    dated = (
        select(*columns)
        .join(PswRowModel, PswRowModel.id == due.psw_id)
        .where(
            _current(),
            due.next_due.is_not(None),
            due.next_due <= until,
            # in progress (a reference awaited) is exact as stored, and the references
            # section lists each one itself
            due.status.not_in(UNCLEARED),
        )
    )
    blocking = (
        select(*columns)
        .join(due, due.psw_id == PswRowModel.id)
        .where(
            PswRowModel.archived.is_(False),
            PswRowModel.status == ACTIVE,
            or_(
                due.status.in_(UNCLEARED),
                and_(due.next_due.is_not(None), due.next_due <= today),
            ),
        )
    )
    found = {
        (row[0], row[4]): DueCandidate(_heading(row[:4]), row[4])
        for stmt in (dated, blocking)
        for row in s.connection().execute(stmt)
    }
    return list(found.values())


def stalled_candidates(s: Session, latest_since: Mapping[str, dt.date]) -> list[PswHeading]:
    """Current PSWs at a stage (key) since on or before its date (value)."""
    stages = [
        and_(PswRowModel.status == status, PswRowModel.status_since <= since)
        for status, since in latest_since.items()
    ]
    stmt = select(*_heading_columns()).where(PswRowModel.archived.is_(False), or_(false(), *stages))
    return [_heading(row) for row in s.connection().execute(stmt).all()]


def awaited_references(s: Session, requested_by: dt.date) -> list[AwaitedReference]:
    """References requested on or before ``requested_by`` with nothing back yet."""
    ref = ReferenceRow
    stmt = (
        select(*_heading_columns(), ref.position, ref.kind, ref.referee, ref.requested_on)
        .join(PswRowModel, PswRowModel.id == ref.psw_id)
        .where(
            _current(),
            ref.received_on.is_(None),
            ref.satisfactory.is_(None),
            ref.requested_on <= requested_by,
        )
    )
    return [
        AwaitedReference(_heading(row[:4]), row[4], row[5], row[6], row[7])
        for row in s.connection().execute(stmt)
    ]


def adjustment_reviews(s: Session, until: dt.date) -> list[AdjustmentReview]:
    """Adjustments not ended whose review date is on or before ``until`` (an index range)."""
    adj = AdjustmentRow
    stmt = (
        select(*_heading_columns(), adj.category, adj.status, adj.review_on)
        .join(PswRowModel, PswRowModel.id == adj.psw_id)
        .where(
            _current(),
            adj.review_on.is_not(None),
            adj.review_on <= until,
            adj.status != ENDED,
        )
    )
    rows = s.connection().execute(stmt)
    return [AdjustmentReview(_heading(row[:4]), row[4], row[5], row[6]) for row in rows]
