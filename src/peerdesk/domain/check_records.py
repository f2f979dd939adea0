"""Records of a PSW's checks: references, DBS metadata, occupational health and adjustments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NewType

from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.evidence import DbsDecision, DbsLevel, OhOutcome, StatusCheck
from peerdesk.domain.ids import PswId

ReferenceId = NewType("ReferenceId", int)
DbsCheckId = NewType("DbsCheckId", int)
OhReferralId = NewType("OhReferralId", int)
AdjustmentId = NewType("AdjustmentId", int)

DISCLOSURE_NOTE_MONTHS = 6
"""Free text about what was disclosed is cleared this many calendar months after the decision."""


class ReferenceKind(Enum):
    EMPLOYER = "employer"
    CHARACTER = "character"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class ReferenceDetails:
    """What the reference form edits. ``satisfactory`` is None until the outcome is known."""

    requested_on: dt.date
    kind: ReferenceKind = ReferenceKind.EMPLOYER
    referee: str = ""
    contact: str = ""
    received_on: dt.date | None = None
    satisfactory: bool | None = None
    concerns_followed_up: str = ""
    outcome_on: dt.date | None = None


@dataclass(frozen=True)
class Reference:
    id: ReferenceId
    psw_id: PswId
    position: int
    """1 for the first reference requested, 2 for the second …"""
    details: ReferenceDetails
    chased_on: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class DbsDetails:
    """A check's metadata as the form edits it. The certificate itself is never stored."""

    scheme: DbsScheme
    level: DbsLevel
    certificate_number: str
    issued_on: dt.date
    update_service: bool = False
    seen_by: str = ""
    seen_on: dt.date | None = None
    disclosure: bool = False
    disclosure_note: str = ""
    """Cleared :data:`DISCLOSURE_NOTE_MONTHS` after the decision."""
    decision: DbsDecision | None = None
    decided_on: dt.date | None = None
    decided_by: str = ""


@dataclass(frozen=True)
class RiskAssessment:
    """Done when a check disclosed something, before it can be cleared."""

    assessed_on: dt.date
    panel: str
    outcome: str


@dataclass(frozen=True)
class DbsCheck:
    id: DbsCheckId
    psw_id: PswId
    details: DbsDetails
    status_checks: tuple[StatusCheck, ...] = ()
    risk_assessments: tuple[RiskAssessment, ...] = ()


@dataclass(frozen=True)
class OhDetails:
    """An occupational health referral: outcome only, never clinical detail."""

    referred_on: dt.date
    outcome: OhOutcome | None = None
    outcome_on: dt.date | None = None


@dataclass(frozen=True)
class OhReferral:
    id: OhReferralId
    psw_id: PswId
    details: OhDetails


class AdjustmentStatus(Enum):
    PROPOSED = "proposed"
    IN_PLACE = "in_place"
    ENDED = "ended"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class AdjustmentDetails:
    """A reasonable adjustment: e.g. category "Hours", what "No shifts before 10am"."""

    category: str
    what: str
    agreed_on: dt.date | None = None
    agreed_by: str = ""
    status: AdjustmentStatus = AdjustmentStatus.PROPOSED
    review_on: dt.date | None = None


@dataclass(frozen=True)
class Adjustment:
    id: AdjustmentId
    psw_id: PswId
    details: AdjustmentDetails
