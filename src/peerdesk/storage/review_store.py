"""Annual reviews and development goals in the vault: insert, read, agree, goals and progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.framework import FrameworkItem, framework_from_json, framework_json
from peerdesk.domain.goals import (
    Goal,
    GoalDraft,
    GoalId,
    GoalProgress,
    GoalStatus,
    GoalUpdate,
)
from peerdesk.domain.ids import PswId
from peerdesk.domain.reviews import (
    AnnualReview,
    ReviewDraft,
    ReviewForm,
    ReviewId,
    ReviewRow,
    content_from_json,
    content_json,
    next_review_on,
)
from peerdesk.storage.lookup import require
from peerdesk.storage.review_models import AnnualReviewRow, GoalProgressRow, GoalRow


def last_held_on(s: Session, psw_id: PswId) -> dt.date | None:
    return s.scalar(
        select(func.max(AnnualReviewRow.held_on)).where(AnnualReviewRow.psw_id == psw_id)
    )


def insert_review(
    s: Session,
    draft: ReviewDraft,
    used: list[FrameworkItem],
    *,
    now: dt.datetime,
    recorded_by: str,
) -> ReviewId:
    row = AnnualReviewRow(
        psw_id=draft.psw_id,
        form=draft.form.value,
        held_on=draft.held_on,
        reviewer=draft.reviewer,
        framework=framework_json(used),
        content=content_json(draft.content),
        confidentiality=draft.confidentiality.value,
        next_on=next_review_on(draft.held_on),
        agreed_by_psw_on=draft.agreed_by_psw_on,
        agreed_by_reviewer_on=draft.agreed_by_reviewer_on,
        recorded_at=now,
        recorded_by=recorded_by,
        version=1,
    )
    s.add(row)
    s.flush()
    for goal in draft.new_goals:
        add_goal(s, draft.psw_id, goal, now=now, review_id=ReviewId(row.id))
    return ReviewId(row.id)


def review_row(s: Session, review_id: ReviewId) -> AnnualReviewRow:
    return require(s, AnnualReviewRow, review_id, "annual review")


def history(s: Session, psw_id: PswId) -> list[ReviewRow]:
    """The PSW's reviews, newest first."""
    rows = s.scalars(
        select(AnnualReviewRow)
        .where(AnnualReviewRow.psw_id == psw_id)
        .order_by(AnnualReviewRow.held_on.desc(), AnnualReviewRow.id.desc())
    )
    return [
        ReviewRow(
            ReviewId(r.id),
            ReviewForm(r.form),
            r.held_on,
            r.reviewer,
            r.next_on,
            r.agreed_by_psw_on is not None and r.agreed_by_reviewer_on is not None,
        )
        for r in rows
    ]


def read_review(s: Session, review_id: ReviewId) -> AnnualReview:
    r = review_row(s, review_id)
    return AnnualReview(
        id=ReviewId(r.id),
        psw_id=PswId(r.psw_id),
        form=ReviewForm(r.form),
        held_on=r.held_on,
        reviewer=r.reviewer,
        framework=tuple(framework_from_json(r.framework)),
        content=content_from_json(r.content),
        confidentiality=Confidentiality(r.confidentiality),
        next_on=r.next_on,
        agreed_by_psw_on=r.agreed_by_psw_on,
        agreed_by_reviewer_on=r.agreed_by_reviewer_on,
    )


# --- goals ------------------------------------------------------------------------------------


def add_goal(
    s: Session,
    psw_id: PswId,
    draft: GoalDraft,
    *,
    now: dt.datetime,
    review_id: ReviewId | None = None,
) -> GoalId:
    row = GoalRow(
        psw_id=psw_id,
        review_id=review_id,
        what=draft.what,
        measure=draft.measure,
        target_on=draft.target_on,
        status=GoalStatus.ON_TRACK.value,
        created_at=now,
    )
    s.add(row)
    s.flush()
    return GoalId(row.id)


def _goal(r: GoalRow) -> Goal:
    return Goal(
        id=GoalId(r.id),
        psw_id=PswId(r.psw_id),
        review_id=r.review_id,
        what=r.what,
        measure=r.measure,
        target_on=r.target_on,
        status=GoalStatus(r.status),
        progress=tuple(GoalProgress(p.on, p.note, p.session_id) for p in r.progress),
    )


def goals(s: Session, psw_id: PswId) -> list[Goal]:
    """The PSW's goals, open ones first, then by target date (none last) and id."""
    rows = [_goal(r) for r in s.scalars(select(GoalRow).where(GoalRow.psw_id == psw_id))]
    return sorted(
        rows,
        key=lambda g: (not g.status.open, g.target_on is None, g.target_on or dt.date.min, g.id),
    )


def goal_row(s: Session, goal_id: GoalId) -> GoalRow:
    return require(s, GoalRow, goal_id, "goal")


def add_progress(
    s: Session,
    goal_id: GoalId,
    *,
    on: dt.date,
    note: str,
    session_id: int | None,
    now: dt.datetime,
    by: str,
) -> None:
    s.add(
        GoalProgressRow(
            goal_id=goal_id,
            on=on,
            note=note,
            session_id=session_id,
            recorded_at=now,
            recorded_by=by,
        )
    )
    s.flush()


def unknown_goals(s: Session, updates: Sequence[GoalUpdate], psw_ids: Sequence[PswId]) -> bool:
    """Whether any update is for a goal that is gone, closed, or not an attendee's."""
    wanted = {u.goal_id for u in updates}
    if not wanted:
        return False
    found = s.scalars(
        select(GoalRow.id).where(
            GoalRow.id.in_(wanted),
            GoalRow.psw_id.in_(list(psw_ids)),
            GoalRow.status.in_([GoalStatus.ON_TRACK.value, GoalStatus.AT_RISK.value]),
        )
    )
    return set(found) != wanted


def apply_updates(
    s: Session,
    updates: Sequence[GoalUpdate],
    *,
    on: dt.date,
    session_id: int,
    now: dt.datetime,
    by: str,
) -> set[PswId]:
    """Progress notes (dated ``on``, from the session) and status changes, in the caller's
    transaction; the PSWs whose goals changed."""
    changed: set[PswId] = set()
    for update in updates:
        if not update.note and update.status is None:
            continue
        row = goal_row(s, update.goal_id)
        if update.status is not None and update.status.value != row.status:
            row.status = update.status.value
        if update.note:
            add_progress(
                s, update.goal_id, on=on, note=update.note, session_id=session_id, now=now, by=by
            )
        changed.add(PswId(row.psw_id))
    s.flush()
    return changed
