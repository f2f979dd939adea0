"""Peer support worker records: what the form edits (``PswDetails``) and what is read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from peerdesk.domain.availability import Availability
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import DemographicAnswer
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import JourneyStatus, StatusChange


class Role(Enum):
    """Paid or volunteer: supervision policy and trustees' figures differ between them."""

    VOLUNTEER = "volunteer"
    PAID = "paid"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class EmergencyContact:
    name: str = ""
    relationship: str = ""
    phone: str = ""


@dataclass(frozen=True)
class LivedExperience:
    """One lived-experience item with the PSW's two separate consents."""

    item_id: TaxonomyItemId
    note: str = ""
    use_for_matching: bool = False
    share_with_supported: bool = False


@dataclass(frozen=True)
class LanguageSkill:
    item_id: TaxonomyItemId
    first: bool = False


@dataclass(frozen=True)
class PswDetails:
    """Everything the PSW form edits. Equal details mean "nothing changed"."""

    full_name: str
    known_as: str = ""
    pronouns: str = ""
    date_of_birth: dt.date | None = None
    role: Role = Role.VOLUNTEER
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    emergency_contact: EmergencyContact = field(default_factory=EmergencyContact)
    contact_modes: tuple[ContactMode, ...] = ()
    lived_experience: tuple[LivedExperience, ...] = ()
    skills: tuple[TaxonomyItemId, ...] = ()
    interests: tuple[TaxonomyItemId, ...] = ()
    languages: tuple[LanguageSkill, ...] = ()
    demographics: tuple[DemographicAnswer, ...] = ()
    availability: Availability = field(default_factory=Availability)
    hours_per_week: float | None = None
    area_id: TaxonomyItemId | None = None
    travel_miles: int | None = None
    capacity: int = 1
    notes: str = ""

    def display_name(self) -> str:
        """The name to greet them by: "Known as" when given."""
        return self.known_as or self.full_name


@dataclass(frozen=True)
class Psw:
    """A stored PSW: details plus what the vault keeps about them."""

    id: PswId
    details: PswDetails
    status: JourneyStatus
    status_since: dt.date
    history: tuple[StatusChange, ...]
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    """Bumped on every save: a form saving over a newer version is refused, not silently lost."""


@dataclass(frozen=True)
class PswRow:
    """One line of the peer workers table."""

    id: PswId
    full_name: str
    known_as: str
    status: JourneyStatus
    status_since: dt.date
    role: Role
    area: str
    capacity: int
    archived: bool
    updated_at: dt.datetime


class PswSort(Enum):
    """Columns the table sorts by (in SQL, so large vaults stay fast)."""

    NAME = "name"
    KNOWN_AS = "known_as"
    STATUS = "status"
    SINCE = "since"
    ROLE = "role"
    AREA = "area"
    CAPACITY = "capacity"
    UPDATED = "updated"


@dataclass(frozen=True)
class PswQuery:
    """What the peer workers table shows: typed text, status filter, archived or not, order."""

    text: str = ""
    statuses: frozenset[JourneyStatus] = frozenset()
    """Empty means every status."""
    archived: bool = False
    sort: PswSort = PswSort.NAME
    descending: bool = False
