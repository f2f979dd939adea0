"""Many annual reviews with their goals and progress notes at once (demo data), one executemany a
table; rows are written as ``review_store`` writes them, so they read back alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from peerdesk.domain.framework import FrameworkItem, framework_json
from peerdesk.domain.goals import GoalDraft, GoalStatus
from peerdesk.domain.reviews import ReviewDraft, ReviewForm, content_json, next_review_on
from peerdesk.storage.review_models import AnnualReviewRow, GoalProgressRow, GoalRow

Row = dict[str, object]


@dataclass(frozen=True)
class PastGoal:
    """A goal set in a review: its status now and its dated progress notes."""

    draft: GoalDraft
    status: GoalStatus
    progress: tuple[tuple[dt.date, str], ...] = ()


@dataclass(frozen=True)
class PastReview:
    """A review held some time ago (agreed dates in ``draft``) with the goals it set."""

    draft: ReviewDraft
    recorded_at: dt.datetime
    goals: tuple[PastGoal, ...] = ()


def _table(model: type) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _next_id(s: Session, table: Table) -> int:
    return int(s.scalar(select(func.max(table.c.id))) or 0) + 1


def _review_row(i: int, past: PastReview, framework: str, recorded_by: str) -> Row:
    d = past.draft
    return {
        "id": i,
        "psw_id": d.psw_id,
        "form": d.form.value,
        "held_on": d.held_on,
        "reviewer": d.reviewer,
        "framework": framework,
        "content": content_json(d.content),
        "confidentiality": d.confidentiality.value,
        "next_on": next_review_on(d.held_on),
        "agreed_by_psw_on": d.agreed_by_psw_on,
        "agreed_by_reviewer_on": d.agreed_by_reviewer_on,
        "recorded_at": past.recorded_at,
        "recorded_by": recorded_by,
        "version": 1,
    }


def insert_reviews(
    s: Session,
    reviews: Sequence[PastReview],
    used: Mapping[ReviewForm, Sequence[FrameworkItem]],
    *,
    recorded_by: str,
) -> int:
    """Insert ``reviews`` (already checked), each keeping a copy of the entries its form
    used, in the caller's transaction; how many goals they set."""
    if not reviews:
        return 0
    s.flush()
    tables = [_table(m) for m in (AnnualReviewRow, GoalRow, GoalProgressRow)]
    copies = {form: framework_json(items) for form, items in used.items()}
    review_id, goal_id = _next_id(s, tables[0]), _next_id(s, tables[1])
    rows: list[list[Row]] = [[], [], []]
    for past in reviews:
        rows[0].append(_review_row(review_id, past, copies[past.draft.form], recorded_by))
        for goal in past.goals:
            rows[1].append(
                {
                    "id": goal_id,
                    "psw_id": past.draft.psw_id,
                    "review_id": review_id,
                    "what": goal.draft.what,
                    "measure": goal.draft.measure,
                    "target_on": goal.draft.target_on,
                    "status": goal.status.value,
                    "created_at": past.recorded_at,
                }
            )
            rows[2] += (
                {
                    "goal_id": goal_id,
                    "on": on,
                    "note": note,
                    "session_id": None,
                    "recorded_at": dt.datetime.combine(on, dt.time(17, 0)),
                    "recorded_by": recorded_by,
                }
                for on, note in goal.progress
            )
            goal_id += 1
        review_id += 1
    connection = s.connection()
    for table, params in zip(tables, rows, strict=True):
        if params:
            connection.execute(insert(table), params)
    return len(rows[1])
