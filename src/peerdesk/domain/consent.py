"""The consent ledger: append-only entries per purpose, and the one rule for current consent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Literal, NewType

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.text import LONG_TEXT_MAX

ConsentEntryId = NewType("ConsentEntryId", int)

LIVED_EXPERIENCE_PREFIX = "lived_experience"
UseKind = Literal["matching", "sharing"]
MATCHING: UseKind = "matching"
SHARING: UseKind = "sharing"


class ConsentHow(Enum):
    """How consent was given or withdrawn."""

    WRITTEN = "written"
    IN_PERSON = "in person"
    PHONE = "phone"
    MESSAGE = "message"
    BEFORE_LEDGER = "recorded before the ledger"
    """Only for flags carried over when the ledger began: nobody chooses this."""

    @property
    def label(self) -> str:
        return self.value.capitalize()


CHOOSABLE_HOWS = (ConsentHow.WRITTEN, ConsentHow.IN_PERSON, ConsentHow.PHONE, ConsentHow.MESSAGE)


class EntryKind(Enum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"
    CORRECTION = "correction"
    """Restates an earlier entry (given or withdrawn) or, with neither date, voids it."""


@dataclass(frozen=True)
class Wording:
    """What the PSW is told for a purpose; a new version when the text changes."""

    version: int
    text: str


@dataclass(frozen=True)
class Purpose:
    key: str
    label: str
    wording: Wording


MATCHING_WORDING = Wording(
    1,
    "We will use this part of your lived experience to suggest people you might support. "
    "Only coordinators see it. You can withdraw this at any time.",
)
SHARING_WORDING = Wording(
    1,
    "We may tell a person you support that you have this lived experience, if it helps them. "
    "You can withdraw this at any time.",
)
OTHER_PURPOSES = (
    Purpose(
        "publicity",
        "Photos and stories in publicity",
        Wording(1, "We may use your photo or story in leaflets, reports or our website."),
    ),
    Purpose(
        "research",
        "Taking part in evaluation or research",
        Wording(1, "We may invite you to evaluation or research about peer support."),
    ),
    Purpose(
        "news",
        "Contact about news and opportunities",
        Wording(1, "We may contact you about news, training and other opportunities."),
    ),
)


def lived_experience_purpose(item_id: TaxonomyItemId, use: UseKind) -> str:
    """E.g. ``lived_experience:12:matching``."""
    return f"{LIVED_EXPERIENCE_PREFIX}:{int(item_id)}:{use}"


def parse_lived_experience(key: str) -> tuple[TaxonomyItemId, UseKind] | None:
    """The item and use a lived-experience purpose key names, or None for other purposes."""
    parts = key.split(":")
    if len(parts) != 3 or parts[0] != LIVED_EXPERIENCE_PREFIX or not parts[1].isdigit():
        return None
    if parts[2] == MATCHING:
        return TaxonomyItemId(int(parts[1])), MATCHING
    if parts[2] == SHARING:
        return TaxonomyItemId(int(parts[1])), SHARING
    return None


def is_known_purpose(key: str) -> bool:
    return parse_lived_experience(key) is not None or any(p.key == key for p in OTHER_PURPOSES)


def wording_for(key: str) -> Wording:
    """The current wording for a purpose (the text the dialog copies in)."""
    parsed = parse_lived_experience(key)
    if parsed is not None:
        return MATCHING_WORDING if parsed[1] == MATCHING else SHARING_WORDING
    for purpose in OTHER_PURPOSES:
        if purpose.key == key:
            return purpose.wording
    raise KeyError(key)


@dataclass(frozen=True)
class ConsentEntry:
    """One line of the ledger. Never changed: withdrawals and corrections are new entries."""

    id: ConsentEntryId
    psw_id: PswId
    purpose: str
    kind: EntryKind
    recorded_by: str
    recorded_at: dt.datetime
    given_on: dt.date | None = None
    how: ConsentHow | None = None
    told: str = ""
    wording_version: int | None = None
    withdrawn_on: dt.date | None = None
    withdrawn_how: ConsentHow | None = None
    note: str = ""
    before_ledger: bool = False
    """Carried over from the consent boxes that existed before the ledger."""
    corrects: ConsentEntryId | None = None


Effect = Literal["give", "withdraw"]


def effect(entry: ConsentEntry) -> Effect | None:
    """What an entry (or a correction's restatement) says; None for a voiding correction."""
    if entry.kind is EntryKind.GIVEN:
        return "give"
    if entry.kind is EntryKind.WITHDRAWN:
        return "withdraw"
    if entry.withdrawn_on is not None:
        return "withdraw"
    if entry.given_on is not None:
        return "give"
    return None


def effective_entries(entries: Iterable[ConsentEntry], purpose: str) -> list[ConsentEntry]:
    """The purpose's entries in recording order, each replaced by its latest correction."""
    mine = sorted((e for e in entries if e.purpose == purpose), key=lambda e: e.id)
    latest_fix: dict[ConsentEntryId, ConsentEntry] = {}
    for e in mine:
        if e.kind is EntryKind.CORRECTION and e.corrects is not None:
            latest_fix[e.corrects] = e  # later ids win: corrections supersede
    result = []
    for e in mine:
        if e.kind is EntryKind.CORRECTION:
            continue
        shown = latest_fix.get(e.id, e)
        if effect(shown) is not None:
            result.append(shown)
    return result


def current_consent(entries: Iterable[ConsentEntry], purpose: str) -> bool:
    """True when the latest give (as corrected) has no withdrawal recorded after it."""
    effective = effective_entries(entries, purpose)
    return bool(effective) and effect(effective[-1]) == "give"


def give_problems(*, given_on: dt.date, told: str, today: dt.date) -> list[Problem]:
    problems = []
    if given_on > today:
        problems.append(Problem("given_on", "The date consent was given cannot be in the future."))
    if not told.strip():
        problems.append(Problem("told", "Record what they were told when they gave consent."))
    elif len(told) > LONG_TEXT_MAX:
        problems.append(Problem("told", "What they were told is too long."))
    return problems


def withdraw_problems(
    *, on: dt.date, today: dt.date, current: ConsentEntry | None
) -> list[Problem]:
    problems = []
    if on > today:
        problems.append(Problem("withdrawn_on", "The date of withdrawal cannot be in the future."))
    if current is None:
        problems.append(Problem("purpose", "There is no consent in force to withdraw."))
    elif current.given_on is not None and on < current.given_on:
        problems.append(
            Problem("withdrawn_on", "Consent cannot be withdrawn before the date it was given.")
        )
    return problems


def consent_in_force(entries: Iterable[ConsentEntry], purpose: str) -> ConsentEntry | None:
    """The (corrected) give now in force for the purpose, or None."""
    effective = effective_entries(entries, purpose)
    if effective and effect(effective[-1]) == "give":
        return effective[-1]
    return None
