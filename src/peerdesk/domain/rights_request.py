"""A logged data subject's request and the bank holidays its due date steps over, as records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NewType

from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.rights_due import ACCESS, Due, RequestDates, due, kind_label

RequestId = NewType("RequestId", int)

RESTRICTED_BY = "Restricted by request "
"""How a restriction's retention hold begins ("Restricted by request REQ-0004"): matching and
the caseload plan leave out a record with such a hold in force."""


def reference_of(request_id: int, kind: str) -> str:
    """One number series for every kind; the prefix says which: SAR for access, REQ otherwise."""
    return f"{'SAR' if kind == ACCESS else 'REQ'}-{request_id:04d}"


def restriction_reason(reference: str) -> str:
    """The hold's reason for a restriction asked for by request ``reference``."""
    return RESTRICTED_BY + reference


def restricted_by(reason: str) -> str:
    """The request reference of a restriction hold's reason; "" for any other hold."""
    return reason[len(RESTRICTED_BY) :] if reason.startswith(RESTRICTED_BY) else ""


@dataclass(frozen=True)
class RightsRequest:
    """One request, its dated steps and who it is from (a PSW or a supported person).

    ``subject_name`` is empty when the subject's record has since been erased.
    """

    id: RequestId
    kind: str
    psw_id: PswId | None
    person_id: PersonId | None
    subject_name: str
    nation: str
    dates: RequestDates
    extension_reason: str
    sent_on: dt.date | None
    note: str
    recorded_at: dt.datetime
    recorded_by: str
    version: int

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def is_open(self) -> bool:
        return self.sent_on is None

    def due(self, holidays: frozenset[dt.date]) -> Due:
        return due(self.dates, holidays)

    @property
    def reference(self) -> str:
        """The request's reference for file names and lists ("SAR-0007", "REQ-0008")."""
        return reference_of(self.id, self.kind)

    @property
    def done_word(self) -> str:
        """An access request is answered by sending; the other kinds are done."""
        return "sent" if self.kind == ACCESS else "done"


@dataclass(frozen=True)
class BankHoliday:
    nation: str
    day: dt.date
    name: str
