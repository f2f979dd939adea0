"""A logged data subject's request and the bank holidays its due date steps over, as records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NewType

from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.rights_due import Due, RequestDates, due, kind_label

RequestId = NewType("RequestId", int)


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
        """The request's reference for file names and lists ("SAR-0007"): never a name."""
        return f"SAR-{self.id:04d}"


@dataclass(frozen=True)
class BankHoliday:
    nation: str
    day: dt.date
    name: str
