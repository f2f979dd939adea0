"""Whose record a child row is (a session, review, concern, check…), and whether a viewer sees them.

Services that take a child record's id (not a PSW's) ask here before reading or changing it, so a
supervisor passing another PSW's session or reference id meets "not found", exactly as for a PSW
they may not see. The owners are the PSWs (and supported people) the row belongs to: one PSW for
most rows, every attendee for a supervision session, a PSW and/or a person for a concern, both
for a match or a conflict. A viewer sees the row only when they see every owner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.check_models import (
    AdjustmentRow,
    DbsCheckRow,
    InductionItemRow,
    OhReferralRow,
    ReferenceRow,
    TrainingNeedRow,
    TrainingRecordRow,
)
from peerdesk.storage.concern_models import ConcernRow
from peerdesk.storage.consent_models import ConsentEntryRow
from peerdesk.storage.match_models import MatchRow
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.storage.protection_models import ConflictRow
from peerdesk.storage.recruitment_models import ApplicationSupportRow, InterviewRow
from peerdesk.storage.review_models import AnnualReviewRow, GoalRow
from peerdesk.storage.supervision_models import (
    SupervisionAttendeeRow,
    SupervisionLearningNeedRow,
)
from peerdesk.storage.team_models import TeamMemberRow
from peerdesk.storage.visibility import visible_people, visible_psws

HIDDEN_RECORD = (
    "There is no such record you can see (it may belong to a peer worker you do not see)."
)


class Owned(Enum):
    """Kinds of child record a service may be handed by id."""

    SESSION = "supervision session"
    LEARNING_NEED = "learning need"
    REVIEW = "annual review"
    GOAL = "goal"
    CONCERN = "concern"
    REFERENCE = "reference"
    DBS = "DBS check"
    REFERRAL = "occupational health referral"
    ADJUSTMENT = "adjustment"
    INDUCTION_ITEM = "induction item"
    INTERVIEW = "interview"
    SUPPORT = "application support"
    TRAINING_RECORD = "training record"
    TRAINING_NEED = "training need"
    CONSENT_ENTRY = "consent entry"
    MATCH = "match"
    CONFLICT = "conflict of interest"
    MEMBERSHIP = "team membership"


@dataclass(frozen=True)
class _Columns:
    key: InstrumentedAttribute[int]
    psw: InstrumentedAttribute[int] | InstrumentedAttribute[int | None] | None
    person: InstrumentedAttribute[int] | InstrumentedAttribute[int | None] | None = None


_COLUMNS: dict[Owned, _Columns] = {
    Owned.SESSION: _Columns(SupervisionAttendeeRow.session_id, SupervisionAttendeeRow.psw_id),
    Owned.LEARNING_NEED: _Columns(SupervisionLearningNeedRow.id, SupervisionLearningNeedRow.psw_id),
    Owned.REVIEW: _Columns(AnnualReviewRow.id, AnnualReviewRow.psw_id),
    Owned.GOAL: _Columns(GoalRow.id, GoalRow.psw_id),
    Owned.CONCERN: _Columns(ConcernRow.id, ConcernRow.psw_id, ConcernRow.person_id),
    Owned.REFERENCE: _Columns(ReferenceRow.id, ReferenceRow.psw_id),
    Owned.DBS: _Columns(DbsCheckRow.id, DbsCheckRow.psw_id),
    Owned.REFERRAL: _Columns(OhReferralRow.id, OhReferralRow.psw_id),
    Owned.ADJUSTMENT: _Columns(AdjustmentRow.id, AdjustmentRow.psw_id),
    Owned.INDUCTION_ITEM: _Columns(InductionItemRow.id, InductionItemRow.psw_id),
    Owned.INTERVIEW: _Columns(InterviewRow.id, InterviewRow.psw_id),
    Owned.SUPPORT: _Columns(ApplicationSupportRow.id, ApplicationSupportRow.psw_id),
    Owned.TRAINING_RECORD: _Columns(TrainingRecordRow.id, TrainingRecordRow.psw_id),
    Owned.TRAINING_NEED: _Columns(TrainingNeedRow.id, TrainingNeedRow.psw_id),
    Owned.CONSENT_ENTRY: _Columns(ConsentEntryRow.id, ConsentEntryRow.psw_id),
    Owned.MATCH: _Columns(MatchRow.id, MatchRow.psw_id, MatchRow.person_id),
    Owned.CONFLICT: _Columns(ConflictRow.id, ConflictRow.psw_id, ConflictRow.person_id),
    Owned.MEMBERSHIP: _Columns(TeamMemberRow.id, TeamMemberRow.psw_id),
}


@dataclass(frozen=True)
class Owners:
    psws: frozenset[int]
    people: frozenset[int]


def owners(s: Session, kind: Owned, record_id: int) -> Owners | None:
    """The PSWs and people ``record_id`` (of ``kind``) belongs to; None when there is no row."""
    cols = _COLUMNS[kind]
    picked = [c for c in (cols.psw, cols.person) if c is not None]
    rows = s.execute(select(cols.key, *picked).where(cols.key == record_id)).all()
    if not rows:
        return None
    psws = {int(r[1]) for r in rows if r[1] is not None}
    people = {int(r[2]) for r in rows if cols.person is not None and r[2] is not None}
    return Owners(frozenset(psws), frozenset(people))


def sees_all_psws(s: Session, psw_ids: Iterable[int], viewer: Viewer) -> bool:
    """Whether ``viewer`` sees every PSW in ``psw_ids`` (each in the vault and visible)."""
    wanted = sorted(set(psw_ids))
    if not wanted:
        return True
    found = s.scalar(
        select(func.count())
        .select_from(PswRowModel)
        .where(PswRowModel.id.in_(wanted), visible_psws(viewer))
    )
    return found == len(wanted)


def sees_all_people(s: Session, person_ids: Iterable[int], viewer: Viewer) -> bool:
    wanted = sorted(set(person_ids))
    if not wanted:
        return True
    found = s.scalar(
        select(func.count())
        .select_from(PersonRowModel)
        .where(PersonRowModel.id.in_(wanted), visible_people(viewer))
    )
    return found == len(wanted)


def require_visible_record(s: Session, kind: Owned, record_id: int, viewer: Viewer) -> None:
    """NotFound unless ``viewer`` sees every PSW and person the row belongs to. A missing row
    passes: the service's own lookup says it is gone, in its own words."""
    found = owners(s, kind, record_id)
    if found is None:
        return
    if not (sees_all_psws(s, found.psws, viewer) and sees_all_people(s, found.people, viewer)):
        raise NotFound(HIDDEN_RECORD)
