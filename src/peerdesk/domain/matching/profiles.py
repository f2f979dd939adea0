"""Frozen inputs to matching: what a supported person wishes for, and what a PSW offers.

The caller (a service) builds these from the vault. Consent is applied *before* matching: a PSW
profile holds only the lived-experience items with current matching consent (ledger query) and
only the equality answers whose "may be used" flag is set, so nothing here can leak the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.domain.availability import Availability
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.text import fold

Position = tuple[float, float]
"""(latitude, longitude) in degrees, e.g. an area's centre."""

LANGUAGE_QUESTION = "language"
"""An identity wish with this question is met by the PSW's languages, not equality answers."""


@dataclass(frozen=True)
class WishedItem:
    """A lived-experience area the person would like their peer to share."""

    item_id: TaxonomyItemId
    name: str
    family: str
    most_important: bool = False


@dataclass(frozen=True)
class IdentityPair:
    """A (question, answer) pair: a person's identity wish, or a PSW's usable equality answer."""

    question: str
    answer: str

    def key(self) -> tuple[str, str]:
        return fold(self.question), fold(self.answer)

    @property
    def label(self) -> str:
        return f"{self.question} “{self.answer}”"


@dataclass(frozen=True)
class PersonWishes:
    """One supported person's side of matching. Empty fields mean "no preference"."""

    lived_experience: tuple[WishedItem, ...] = ()
    would_like: tuple[IdentityPair, ...] = ()
    must: tuple[IdentityPair, ...] = ()
    languages: tuple[str, ...] = ()
    """First is preferred."""
    availability: Availability = field(default_factory=Availability)
    position: Position | None = None
    contact_modes: tuple[str, ...] = ()
    """Ranked: first is the first choice."""
    interests: tuple[str, ...] = ()
    face_to_face: bool = False
    """Travel counts only when the person wants to meet face to face."""


@dataclass(frozen=True)
class PswItem:
    """A lived-experience item the PSW consented to be matched on."""

    item_id: TaxonomyItemId
    name: str
    family: str
    shareable: bool = False
    """Consent to tell the person; otherwise reasons mark the item "(coordinator only)"."""


@dataclass(frozen=True)
class PswProfile:
    """One PSW's side of matching, with consent already applied by the caller."""

    id: PswId
    name: str
    lived_experience: tuple[PswItem, ...] = ()
    equality: tuple[IdentityPair, ...] = ()
    """Only answers whose "may be used for matching" flag is set."""
    languages: tuple[str, ...] = ()
    """First is their first language; empty means not recorded."""
    availability: Availability | None = None
    """None means not recorded (an empty grid means recorded and never free)."""
    position: Position | None = None
    travel_miles: float | None = None
    contact_modes: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    places: int = 0
    places_used: int = 0
    """Proposed, introduced and active matches each use one place."""
    active: bool = True
    inducted: bool = True
    blocked: tuple[str, ...] = ()
    """Blocking ``readiness()`` reasons, already dated ("DBS renewal overdue since …")."""
