"""Supported people: what the referral form edits (``PersonDetails``) and what is read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from peerdesk.domain.availability import Availability
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.ids import PersonId, TaxonomyItemId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.psw import LanguageSkill

REFERRAL_SOURCE_SUGGESTIONS = (
    "Self-referral",
    "GP",
    "Community mental health team",
    "Crisis team",
    "Hospital ward",
    "Social worker",
    "Voluntary organisation",
    "Family or friend",
    "Housing provider",
    "Other",
)
"""Offered as the coordinator types; any other source is kept as typed."""


class PersonStatus(Enum):
    """Where a supported person is with the scheme."""

    WAITING = "waiting"
    ON_HOLD = "on_hold"
    MATCHED = "matched"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def needs_reason(self) -> bool:
        """Holding and closing are always explained (trustees count the reasons)."""
        return self in (PersonStatus.ON_HOLD, PersonStatus.CLOSED)


@dataclass(frozen=True)
class PersonStatusChange:
    """One dated change of status. ``from_status`` is None for the first entry (the referral)."""

    from_status: PersonStatus | None
    to_status: PersonStatus
    on: dt.date
    reason: str
    recorded_at: dt.datetime
    recorded_by: str = DEFAULT_RECORDER


class Wish(Enum):
    """How strongly a person asks for a peer like this: a "must" excludes, a "would like" scores."""

    MUST = "must"
    WOULD_LIKE = "would_like"

    @property
    def label(self) -> str:
        return "Must" if self is Wish.MUST else "Would like"


@dataclass(frozen=True)
class IdentityPreference:
    """E.g. a peer whose gender (a ``demographics.QUESTIONS`` key) is "Woman", a must."""

    question: str
    answer: str
    wish: Wish = Wish.WOULD_LIKE


@dataclass(frozen=True)
class ExperienceWish:
    """A lived-experience item they would like their peer to share."""

    item_id: TaxonomyItemId
    most_important: bool = False


@dataclass(frozen=True)
class PersonDetails:
    """Everything the referral form edits. Equal details mean "nothing changed"."""

    full_name: str
    referred_on: dt.date
    known_as: str = ""
    pronouns: str = ""
    date_of_birth: dt.date | None = None
    email: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    contact_modes: tuple[ContactMode, ...] = ()
    referral_source: str = ""
    wants: str = ""
    """What they want from a peer, in their words."""
    lived_experience: tuple[ExperienceWish, ...] = ()
    interests: tuple[TaxonomyItemId, ...] = ()
    languages: tuple[LanguageSkill, ...] = ()
    identity: tuple[IdentityPreference, ...] = ()
    availability: Availability = field(default_factory=Availability)
    area_id: TaxonomyItemId | None = None
    risk_notes: str = ""
    """Seen by the coordinator only: never shown to a PSW or printed for one."""
    team: str = ""

    def display_name(self) -> str:
        """The name to greet them by: "Known as" when given."""
        return self.known_as or self.full_name


@dataclass(frozen=True)
class Person:
    """A stored supported person: details plus what the vault keeps about them."""

    id: PersonId
    details: PersonDetails
    status: PersonStatus
    status_since: dt.date
    history: tuple[PersonStatusChange, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    """Bumped on every save: a form saving over a newer version is refused, not silently lost."""


@dataclass(frozen=True)
class PersonRow:
    """One line of a people table (no contact details or risk notes)."""

    id: PersonId
    full_name: str
    known_as: str
    status: PersonStatus
    status_since: dt.date
    referred_on: dt.date
    area: str
    team: str


class PersonSort(Enum):
    """Orders the people list offers."""

    WAIT = "wait"
    """Longest wait (less time on hold) first."""
    NAME = "name"


@dataclass(frozen=True)
class PersonQuery:
    """What a people list shows: typed text, filters and order."""

    text: str = ""
    statuses: frozenset[PersonStatus] = frozenset()
    """Empty means every status."""
    area_id: TaxonomyItemId | None = None
    language_id: TaxonomyItemId | None = None
    team: str = ""
    """Matched folded, so "riverside" finds "Riverside"; empty means any team (or none)."""
    sort: PersonSort = PersonSort.NAME
    descending: bool = False
