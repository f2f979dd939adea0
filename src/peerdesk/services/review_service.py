"""Annual reviews, development goals and the competence framework: one transaction per action.

The framework is seeded lazily with DOMAIN.md's nine domains and a short list of volunteer
abilities the first time it is read (a settings flag records that, so a framework emptied by
retiring keeps its choice). Entries are retired, never deleted; a review keeps its own copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.framework import (
    FrameworkItem,
    FrameworkItemId,
    FrameworkKind,
    default_items,
    name_problems,
)
from peerdesk.domain.goals import (
    Goal,
    GoalDraft,
    GoalId,
    GoalStatus,
    goal_problems,
    progress_problems,
)
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.psw import Role
from peerdesk.domain.reviews import (
    LOCKED,
    AnnualReview,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
    ReviewId,
    ReviewRow,
    agreement_problems,
    review_problems,
)
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.domain.training import NeedStatus, TopicId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import framework_store, review_store, settings_store, training_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.visibility import text_visible
from peerdesk.storage.workspace import Tx, Workspace

FRAMEWORK_SEEDED_KEY = "reviews.framework_seeded"
_CHANGED = Changes(reviews=True)


def used_by(form: ReviewForm, items: list[FrameworkItem]) -> list[FrameworkItem]:
    """The entries (not retired) a form asks about: domains and competences, or abilities."""
    kinds = (
        {FrameworkKind.DOMAIN, FrameworkKind.COMPETENCE}
        if form is ReviewForm.PAID
        else {FrameworkKind.ABILITY}
    )
    live = {i.id for i in items if not i.retired}
    return [
        i
        for i in items
        if i.kind in kinds and i.id in live and (i.parent_id is None or i.parent_id in live)
    ]


class ReviewService:
    """Reviews with their framework copy, goals with progress, and the framework itself."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._ws = workspace
        self._clock = clock
        self._viewer = viewer

    # --- the framework ----------------------------------------------------------------------

    def framework(self) -> list[FrameworkItem]:
        """Every entry, retired ones too, in order; seeded once in a vault that has none."""
        with self._ws.transaction() as s:
            if FRAMEWORK_SEEDED_KEY not in settings_store.read_all(s):
                if framework_store.is_empty(s):
                    for kind, name in default_items():
                        framework_store.add(s, kind, name)
                settings_store.write(s, FRAMEWORK_SEEDED_KEY, "1")
            return framework_store.items(s)

    def add_item(
        self, kind: FrameworkKind, name: str, parent_id: FrameworkItemId | None = None
    ) -> tuple[FrameworkItem, Changes]:
        """A new domain, ability, or competence under the domain ``parent_id``."""
        name = tidy_line(name)
        with self._ws.transaction() as s:
            if (kind is FrameworkKind.COMPETENCE) != (parent_id is not None):
                raise ValidationFailed([Problem("name", "A competence belongs to one domain.")])
            if parent_id is not None:
                parent = framework_store.require_item(s, parent_id)
                if parent.kind is not FrameworkKind.DOMAIN:
                    raise ValidationFailed([Problem("name", "Choose a domain for the competence.")])
            refuse(name_problems(name, kind, self._siblings(s, kind, parent_id)))
            item = framework_store.add(s, kind, name, parent_id)
        return item, _CHANGED

    def rename_item(self, item_id: FrameworkItemId, name: str) -> Changes:
        """A new name for future reviews; past reviews keep the name they used."""
        name = tidy_line(name)
        with self._ws.transaction() as s:
            item = framework_store.require_item(s, item_id)
            siblings = self._siblings(s, item.kind, item.parent_id)
            refuse(name_problems(name, item.kind, siblings, own_id=item_id))
            framework_store.set_item(s, item_id, name=name, retired=item.retired)
        return _CHANGED

    def set_retired(self, item_id: FrameworkItemId, retired: bool = True) -> Changes:
        """Retire an entry (kept for the reviews that used it) or bring it back."""
        with self._ws.transaction() as s:
            item = framework_store.require_item(s, item_id)
            framework_store.set_item(s, item_id, name=item.name, retired=retired)
        return _CHANGED

    @staticmethod
    def _siblings(
        s: Tx, kind: FrameworkKind, parent_id: FrameworkItemId | None
    ) -> list[FrameworkItem]:
        return [i for i in framework_store.items(s) if i.kind is kind and i.parent_id == parent_id]

    # --- reviews ----------------------------------------------------------------------------

    def form_for(self, psw_id: PswId) -> ReviewForm:
        """The form the PSW's role suggests (paid or volunteer); the coordinator may change it."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            role, _name = require_psw(s, psw_id)
        return ReviewForm.for_role(Role(role))

    def questions(self, form: ReviewForm) -> list[FrameworkItem]:
        """The entries a new review on ``form`` asks about, in order."""
        return used_by(form, self.framework())

    def check(self, draft: ReviewDraft) -> list[Problem]:
        """Problems with ``draft`` as the form shows them (nothing is saved)."""
        clean = draft.tidied()
        with self._ws.reading() as s:
            return self._problems(s, clean)

    def _problems(self, s: Tx, draft: ReviewDraft) -> list[Problem]:
        last = review_store.last_held_on(s, draft.psw_id)
        return review_problems(draft, today=self._clock.today(), last_held_on=last)

    def record(self, draft: ReviewDraft) -> tuple[ReviewId, Changes]:
        """Save the review, its new goals and its training needs (sent to the profile)."""
        clean = draft.tidied()
        now = self._clock.now()
        with self._ws.transaction() as s:
            require_psw(s, clean.psw_id)
            refuse(self._problems(s, clean))
            used = used_by(clean.form, framework_store.items(s))
            asked = {i.id for i in used}
            content = _only(clean.content, clean.form, asked)
            for need in content.training_needs:
                training_store.require_topic(s, TopicId(need.topic_id))
            review_id = review_store.insert_review(
                s, replace(clean, content=content), used, now=now, recorded_by=DEFAULT_RECORDER
            )
            for need in content.training_needs:
                note = f": {need.note}" if need.note else ""
                training_store.save_need(
                    s,
                    psw_id=clean.psw_id,
                    topic_id=TopicId(need.topic_id),
                    source=f"Annual review {format_date(clean.held_on)}{note}"[:200],
                    status=NeedStatus.OPEN,
                )
        psw = frozenset({clean.psw_id})
        changed = Changes(psws=psw, reviews=True)
        return review_id, changed | Changes(checks=psw) if content.training_needs else changed

    def agree(
        self, review_id: ReviewId, *, psw_on: dt.date | None, reviewer_on: dt.date | None
    ) -> Changes:
        """When the PSW and the reviewer agreed it; with both dates it is locked."""
        require_sees_record(self._ws, self._viewer, Owned.REVIEW, review_id)
        with self._ws.transaction() as s:
            row = review_store.review_row(s, review_id)
            if row.agreed_by_psw_on is not None and row.agreed_by_reviewer_on is not None:
                raise ValidationFailed([Problem("agreed", LOCKED)])
            refuse(
                agreement_problems(
                    psw_on, reviewer_on, held_on=row.held_on, today=self._clock.today()
                )
            )
            row.agreed_by_psw_on = row.agreed_by_psw_on or psw_on
            row.agreed_by_reviewer_on = row.agreed_by_reviewer_on or reviewer_on
            row.version += 1
            psw = PswId(row.psw_id)
        return Changes(psws=frozenset({psw}), reviews=True)

    def history(self, psw_id: PswId) -> list[ReviewRow]:
        """The PSW's reviews, newest first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return review_store.history(s, psw_id)

    def review(self, review_id: ReviewId, *, private_revealed: bool = False) -> AnnualReview:
        """One review; private text only once revealed on the record."""
        require_sees_record(self._ws, self._viewer, Owned.REVIEW, review_id)
        with self._ws.reading() as s:
            found = review_store.read_review(s, review_id)
        if text_visible(
            found.confidentiality,
            self._viewer,
            listing=False,
            private_revealed=private_revealed,
            psw_id=found.psw_id,
        ):
            return found
        return replace(found, content=ReviewContent(), text_hidden=True)

    # --- goals ------------------------------------------------------------------------------

    def goals(self, psw_id: PswId) -> list[Goal]:
        """The PSW's goals, open ones first, soonest target first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return review_store.goals(s, psw_id)

    def add_goal(self, psw_id: PswId, draft: GoalDraft) -> tuple[GoalId, Changes]:
        """A goal outside a review (e.g. agreed in supervision); not yet SMART only warns."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = draft.tidied()
        refuse(goal_problems(clean))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            goal_id = review_store.add_goal(s, psw_id, clean, now=self._clock.now())
        return goal_id, Changes(psws=frozenset({psw_id}), reviews=True)

    def set_goal_status(self, goal_id: GoalId, status: GoalStatus) -> Changes:
        require_sees_record(self._ws, self._viewer, Owned.GOAL, goal_id)
        with self._ws.transaction() as s:
            row = review_store.goal_row(s, goal_id)
            row.status = status.value
            psw = PswId(row.psw_id)
        return Changes(psws=frozenset({psw}), reviews=True)

    def add_progress(
        self,
        goal_id: GoalId,
        note: str,
        *,
        on: dt.date | None = None,
        session_id: int | None = None,
    ) -> Changes:
        """A dated progress note (today unless ``on``), from a review or a supervision session."""
        require_sees_record(self._ws, self._viewer, Owned.GOAL, goal_id)
        note = tidy(note)
        day = on or self._clock.today()
        refuse(progress_problems(day, note, today=self._clock.today()))
        with self._ws.transaction() as s:
            row = review_store.goal_row(s, goal_id)
            review_store.add_progress(
                s,
                goal_id,
                on=day,
                note=note,
                session_id=session_id,
                now=self._clock.now(),
                by=DEFAULT_RECORDER,
            )
            psw = PswId(row.psw_id)
        return Changes(psws=frozenset({psw}), reviews=True)


def _only(content: ReviewContent, form: ReviewForm, asked: set[FrameworkItemId]) -> ReviewContent:
    """Ratings and evidence on the paid form, comments on the volunteer form; asked entries only."""
    if form is ReviewForm.PAID:
        return replace(
            content,
            ratings={k: v for k, v in content.ratings.items() if k in asked},
            evidence={k: v for k, v in content.evidence.items() if k in asked},
            comments={},
        )
    return replace(
        content,
        ratings={},
        evidence={},
        comments={k: v for k, v in content.comments.items() if k in asked},
    )
