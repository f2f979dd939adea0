"""What has been recorded towards a PSW's checks: the plain facts ``evaluate()`` reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from peerdesk.domain.psw import Role


class DbsLevel(Enum):
    """Disclosure level, ordered: a higher level satisfies a policy asking for a lower one."""

    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_BARRED = "enhanced_barred"

    @property
    def label(self) -> str:
        return _DBS_LABELS[self]

    @property
    def rank(self) -> int:
        return _DBS_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, DbsLevel):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, DbsLevel):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, DbsLevel):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, DbsLevel):
            return NotImplemented
        return self.rank >= other.rank


_DBS_ORDER = (DbsLevel.BASIC, DbsLevel.STANDARD, DbsLevel.ENHANCED, DbsLevel.ENHANCED_BARRED)
_DBS_LABELS = {
    DbsLevel.BASIC: "Basic",
    DbsLevel.STANDARD: "Standard",
    DbsLevel.ENHANCED: "Enhanced",
    DbsLevel.ENHANCED_BARRED: "Enhanced with barred lists",
}


class DbsDecision(Enum):
    """The organisation's decision on a check; no decision yet (None) means it is pending."""

    CLEARED = "cleared"
    CLEARED_AFTER_RISK_ASSESSMENT = "cleared_after_risk_assessment"
    NOT_CLEARED = "not_cleared"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def clears(self) -> bool:
        return self is not DbsDecision.NOT_CLEARED


class StatusCheck(NamedTuple):
    """One Update Service status check; a plain ``(checked_on, clean)`` tuple works as well."""

    checked_on: dt.date
    clean: bool


@dataclass(frozen=True)
class DbsEvidence:
    """A DBS check's metadata (never the certificate itself)."""

    level: DbsLevel
    issued_on: dt.date
    decision: DbsDecision | None = None
    decided_on: dt.date | None = None
    update_service_checks: tuple[tuple[dt.date, bool], ...] = ()
    """(checked_on, clean) pairs: a clean status check renews validity from its date."""


@dataclass(frozen=True)
class ReferenceEvidence:
    """One reference: ``satisfactory`` is None until the outcome is recorded."""

    requested_on: dt.date
    received_on: dt.date | None = None
    satisfactory: bool | None = None


class OhOutcome(Enum):
    """Occupational health outcomes (no clinical detail is ever kept)."""

    FIT = "fit"
    FIT_WITH_ADJUSTMENTS = "fit_with_adjustments"
    REVIEW_NEEDED = "review_needed"
    NOT_REQUIRED = "not_required"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def satisfies(self) -> bool:
        return self is not OhOutcome.REVIEW_NEEDED


@dataclass(frozen=True)
class OhEvidence:
    """An occupational health referral; ``outcome`` is None while it awaits one."""

    referred_on: dt.date
    outcome: OhOutcome | None = None
    outcome_on: dt.date | None = None


@dataclass(frozen=True)
class InductionEvidence:
    started: bool = True
    completed_on: dt.date | None = None


@dataclass(frozen=True)
class TrainingEvidence:
    topic: str
    done_on: dt.date


@dataclass(frozen=True)
class Evidence:
    """Everything recorded for one PSW that a requirement policy can be met by."""

    role: Role
    dbs: tuple[DbsEvidence, ...] = ()
    references: tuple[ReferenceEvidence, ...] = ()
    occupational_health: tuple[OhEvidence, ...] = ()
    induction: tuple[InductionEvidence, ...] = ()
    training: tuple[TrainingEvidence, ...] = ()
