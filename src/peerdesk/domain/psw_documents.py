"""What a PSW's printed documents are made from: references, file names, and read-only inputs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from peerdesk.domain.check_records import Adjustment, DbsCheck, OhReferral, Reference
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.consent import ConsentEntry
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.induction import Induction
from peerdesk.domain.match_lifecycle import Match
from peerdesk.domain.plans import PlanKind, PlanVersion
from peerdesk.domain.psw import Psw
from peerdesk.domain.requirements import RequirementResult
from peerdesk.domain.reviews import ReviewRow
from peerdesk.domain.supervision_session import SessionId, SessionRow, SupervisionSession
from peerdesk.domain.training import TrainingNeed, TrainingRecord

PRIVATE_NOT_PRINTED = (
    "This text is private: private text is never printed. Read it on the record in PeerDesk."
)
"""What a printed copy says where private text would be (the one rule for every printout)."""


def psw_reference(psw_id: PswId) -> str:
    """ "PSW-0042": what headers, footers and metadata carry instead of a name."""
    return f"PSW-{int(psw_id):04d}"


def psw_file_name(psw_id: PswId, what: str) -> str:
    """ "psw-0042-record.pdf": a suggested file name that names no one."""
    return f"psw-{int(psw_id):04d}-{what}.pdf"


def unprintable_note(count: int) -> str:
    """The done message's note on characters no shipped font has ("" when there are none)."""
    if count == 0:
        return ""
    if count == 1:
        return "1 character could not be printed (shown as ?)."
    return f"{count:,} characters could not be printed (shown as ?)."


@dataclass(frozen=True)
class DatedNote:
    """A confidential or private note listed by its date and kind only, never its text."""

    on: dt.date
    what: str
    level: Confidentiality


@dataclass(frozen=True)
class PswRecordInputs:
    """Everything one PSW's full record prints, as read through the one visibility rule."""

    psw: Psw
    item_names: Mapping[TaxonomyItemId, str]
    references: tuple[Reference, ...] = ()
    dbs: tuple[DbsCheck, ...] = ()
    health: tuple[OhReferral, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    induction: Induction | None = None
    training: tuple[TrainingRecord, ...] = ()
    training_needs: tuple[TrainingNeed, ...] = ()
    requirements: tuple[RequirementResult, ...] = ()
    consents: tuple[ConsentEntry, ...] = ()
    matches: tuple[Match, ...] = ()
    supervision: tuple[SessionRow, ...] = ()
    reviews: tuple[ReviewRow, ...] = ()
    dated_notes: tuple[DatedNote, ...] = ()

    @property
    def reference(self) -> str:
        return psw_reference(self.psw.id)

    def item(self, item_id: TaxonomyItemId | None) -> str:
        if item_id is None:
            return ""
        return self.item_names.get(item_id, f"(list item {int(item_id)})")


@dataclass(frozen=True)
class SupervisionInputs:
    """One session as one attendee sees it, for their printed copy."""

    psw_id: PswId
    psw_name: str
    session: SupervisionSession

    @property
    def reference(self) -> str:
        return f"{psw_reference(self.psw_id)} supervision {int(self.session.id)}"

    @property
    def file_name(self) -> str:
        return psw_file_name(self.psw_id, f"supervision-{int(SessionId(self.session.id))}")


@dataclass(frozen=True)
class PlanInputs:
    """A plan version for the PSW to keep; ``version`` None when none is saved yet."""

    psw_id: PswId
    psw_name: str
    kind: PlanKind
    version: PlanVersion | None
    text_shown: bool
    """False when the version is private: its sections' text is not printed."""
