"""Deterministic made-up UK peer support workers for demo vaults and benchmarks (no storage)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import PREFER_NOT_TO_SAY, DemographicAnswer
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import EmergencyContact, LanguageSkill, LivedExperience, PswDetails, Role
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.services.demo_journey import choose_status, make_journey
from peerdesk.services.demo_names import (
    BACKGROUNDS,
    Background,
    ascii_words,
    choose_background,
    make_name,
)

S = JourneyStatus


@dataclass(frozen=True)
class DemoPsw:
    """One made-up PSW, ready for ``storage.psw_bulk.insert_many``."""

    details: PswDetails
    status: JourneyStatus
    status_since: dt.date
    history: tuple[StatusChange, ...]
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime


_AREA_POSTCODES = {
    "Liverpool city centre": ("L1", "L3", "L6", "L7", "L8", "L15", "L17"),
    "Birkenhead": ("CH41", "CH42", "CH43"),
    "Chester": ("CH1", "CH2", "CH3", "CH4"),
    "Warrington": ("WA1", "WA2", "WA4", "WA5"),
    "Crewe": ("CW1", "CW2"),
    "St Helens": ("WA9", "WA10", "WA11"),
    "Southport": ("PR8", "PR9"),
    "Widnes and Runcorn": ("WA7", "WA8"),
}
_TOWNS = {"Liverpool city centre": "Liverpool", "Widnes and Runcorn": "Widnes"}
_ANY_DISTRICT = tuple(d for districts in _AREA_POSTCODES.values() for d in districts)
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters Royal Mail uses in the inward code
_STREETS = (
    "Church",
    "Mill",
    "Station",
    "Park",
    "Victoria",
    "Albert",
    "Chapel",
    "Hawthorn",
    "Beech",
    "Orchard",
    "Rosemary",
    "Canal",
    "Derby",
    "Grange",
    "Elm",
    "Wellington",
)
_STREET_KINDS = ("Road", "Street", "Lane", "Avenue", "Close", "Drive", "Grove", "Terrace", "Way")
# Ofcom's numbers reserved for drama: they will never ring anyone (three digits follow each).
_LANDLINES = ("0151 496 0", "0161 496 0", "01632 960", "029 2018 0", "0113 496 0")
_RELATIVES = (
    ("Mother", "f"),
    ("Father", "m"),
    ("Sister", "f"),
    ("Brother", "m"),
    ("Daughter", "f"),
    ("Son", "m"),
    ("Aunt", "f"),
    ("Wife", "f"),
    ("Husband", "m"),
)
_OTHERS = ("Partner", "Friend", "Neighbour", "Housemate")
_NOTES = (
    "Met at the Recovery College open day.",
    "Referred by the community mental health team's peer lead.",
    "Heard about us from a friend who volunteers on Thursdays.",
    "Previously volunteered with a carers' centre.",
    "Prefers a text the day before a shift.",
    "Would like to co-facilitate a group once settled in.",
    "Asked for written questions before any meeting.",
    "Keen to support people newly discharged from hospital.",
)
_LE_NOTES = (
    "Diagnosed in my twenties; well now with support.",
    "Happy to talk about this one to one.",
    "A long time ago; still shapes how I listen.",
    "Ongoing; managing it well with my GP.",
    "Through my brother's experience.",
)
# Lived-experience families by how often volunteers bring them (DOMAIN.md: think wider).
_FAMILY_WEIGHTS = {"Mental health": 6, "Caring": 2, "Identity-based experience": 2}
_BLOCKS = ((18, 24), (20, 28), (20, 26), (26, 32), (26, 34), (28, 32), (36, 41), (18, 34))


def generate(
    items: Sequence[ListItem], *, count: int, seed: int, now: dt.datetime
) -> list[DemoPsw]:
    return list(iter_generate(items, count=count, seed=seed, now=now))


def iter_generate(
    items: Sequence[ListItem], *, count: int, seed: int, now: dt.datetime
) -> Iterator[DemoPsw]:
    """``count`` PSWs drawn from the vault's list ``items``; the same seed gives the same PSWs."""
    rng = random.Random(seed)
    lists = _Lists(items)
    for _ in range(count):
        yield _psw(rng, lists, now)


class _Lists:
    """The vault's list items by kind (retired ones are not offered), in a stable order."""

    def __init__(self, items: Sequence[ListItem]) -> None:
        live = sorted((i for i in items if not i.retired), key=lambda i: i.id)
        self.by_kind = {k: [i for i in live if i.kind is k] for k in ListKind}
        self.language_ids = {i.name: i.id for i in self.by_kind[ListKind.LANGUAGE]}
        self.lived = self.by_kind[ListKind.LIVED_EXPERIENCE]
        self.lived_weights = [_FAMILY_WEIGHTS.get(i.family, 1) for i in self.lived]

    def ids(self, rng: random.Random, kind: ListKind, low: int, high: int) -> list[TaxonomyItemId]:
        pool = self.by_kind[kind]
        return sorted(i.id for i in rng.sample(pool, min(len(pool), rng.randint(low, high))))


def _psw(rng: random.Random, lists: _Lists, now: dt.datetime) -> DemoPsw:
    bg = choose_background(rng)
    gender = "f" if rng.random() < 0.64 else "m"  # most peer support volunteers are women
    name = make_name(rng, bg, gender)
    non_binary = rng.random() < 0.03
    status = choose_status(rng)
    journey = make_journey(rng, status, now=now)
    dob = _date_of_birth(rng, now.date())
    area = rng.choice(lists.by_kind[ListKind.AREA]) if lists.by_kind[ListKind.AREA] else None
    availability = _availability(rng)
    role = Role.PAID if rng.random() < 0.15 else Role.VOLUNTEER
    details = PswDetails(
        full_name=name.full_name,
        known_as=name.known_as,
        pronouns=_pronouns(rng, gender, non_binary=non_binary),
        date_of_birth=dob,
        role=role,
        email=_email(rng, ascii_words(name.latin)),
        phone="" if rng.random() < 0.04 else f"07700 900{rng.randrange(1000):03d}",
        address=_address(rng, area.name if area and rng.random() < 0.8 else ""),
        postcode=_postcode(rng, area.name if area else ""),
        emergency_contact=_emergency_contact(rng, bg, name.surname),
        contact_modes=_contact_modes(rng),
        lived_experience=_lived_experience(rng, lists),
        skills=tuple(lists.ids(rng, ListKind.SKILL, 1, 5)),
        interests=tuple(lists.ids(rng, ListKind.INTEREST, 1, 5)),
        languages=_languages(rng, lists, bg),
        demographics=_demographics(rng, bg, gender, non_binary=non_binary, age=_age(dob, now)),
        availability=availability,
        hours_per_week=_hours(rng, role, availability),
        area_id=area.id if area and rng.random() < 0.95 else None,
        travel_miles=None if rng.random() < 0.1 else rng.choice((2, 3, 5, 5, 8, 10, 15, 20, 25)),
        capacity=_capacity(rng, status),
        notes=" ".join(rng.sample(_NOTES, rng.choice((0, 1, 1, 2)))),
    )
    history = journey.history
    return DemoPsw(
        details,
        status,
        journey.since,
        history,
        journey.archived,
        history[0].recorded_at,
        history[-1].recorded_at,
    )


def _pronouns(rng: random.Random, gender: str, *, non_binary: bool) -> str:
    if non_binary:
        return rng.choice(("they/them", "they/them", "she/they", "he/they"))
    if rng.random() < 0.3:
        return ""
    return "she/her" if gender == "f" else "he/him"


def _date_of_birth(rng: random.Random, today: dt.date) -> dt.date | None:
    if rng.random() < 0.1:
        return None
    age_days = int(365.25 * min(75.0, max(18.5, rng.gauss(44, 13))))
    return today - dt.timedelta(days=age_days + rng.randrange(365))


def _email(rng: random.Random, words: tuple[str, ...]) -> str:
    if rng.random() < 0.05 or not words:
        return ""
    first, last = words[0], words[-1]
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first}{last}{rng.randrange(10, 99)}",
            f"{first[0]}.{last}",
            f"{first}_{last}",
            f"{first}{rng.randrange(1, 9)}",
        )
    )
    return f"{local}@example.org"


def _address(rng: random.Random, town: str) -> str:
    if rng.random() < 0.08:
        return ""
    street = f"{rng.randint(1, 180)} {rng.choice(_STREETS)} {rng.choice(_STREET_KINDS)}"
    if rng.random() < 0.2:
        street = f"Flat {rng.randint(1, 24)}, {street}"
    town = _TOWNS.get(town, town)
    return f"{street}\n{town}" if town else street


def _postcode(rng: random.Random, area: str) -> str:
    if rng.random() < 0.06:
        return ""
    district = rng.choice(_AREA_POSTCODES.get(area, _ANY_DISTRICT))
    letters = "".join(rng.choices(_INWARD_LETTERS, k=2))
    return f"{district} {rng.randint(1, 9)}{letters}"


def _emergency_contact(rng: random.Random, bg: Background, surname: str) -> EmergencyContact:
    if rng.random() < 0.1:
        return EmergencyContact()
    if rng.random() < 0.6:
        relationship, gender = rng.choice(_RELATIVES)
        person = make_name(rng, bg, gender, surname=surname)
    else:
        relationship = rng.choice(_OTHERS)
        other = bg if rng.random() < 0.7 else rng.choice(BACKGROUNDS)
        person = make_name(rng, other, rng.choice("fm"))
    prefix = "07700 900" if rng.random() < 0.7 else rng.choice(_LANDLINES)
    return EmergencyContact(person.full_name, relationship, f"{prefix}{rng.randrange(1000):03d}")


def _contact_modes(rng: random.Random) -> tuple[ContactMode, ...]:
    modes = list(ContactMode)
    weights = [4, 5, 4, 1]
    chosen: list[ContactMode] = []
    for _ in range(rng.choice((1, 2, 2, 3, 4))):
        pick = rng.choices(modes, weights)[0]
        index = modes.index(pick)
        chosen.append(modes.pop(index))
        weights.pop(index)
    return tuple(chosen)


def _lived_experience(rng: random.Random, lists: _Lists) -> tuple[LivedExperience, ...]:
    if not lists.lived:
        return ()
    wanted = min(len(lists.lived), rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
    picked: dict[TaxonomyItemId, None] = {}
    while len(picked) < wanted:
        picked[rng.choices(lists.lived, lists.lived_weights)[0].id] = None
    return tuple(
        LivedExperience(
            item_id,
            note=rng.choice(_LE_NOTES) if rng.random() < 0.15 else "",
            use_for_matching=rng.random() < 0.8,
            share_with_supported=rng.random() < 0.55,
        )
        for item_id in picked
    )


def _languages(rng: random.Random, lists: _Lists, bg: Background) -> tuple[LanguageSkill, ...]:
    first: TaxonomyItemId | None = None
    others: set[TaxonomyItemId] = set()
    for name, speaks, first_chance in bg.languages:
        item = lists.language_ids.get(name)
        if item is not None and rng.random() < speaks:
            if first is None and rng.random() < first_chance:
                first = item
            else:
                others.add(item)
    english = lists.language_ids.get("English")
    if english is not None:
        if first is None:
            first = english
        else:
            others.add(english)
    bsl = lists.language_ids.get("British Sign Language")
    if bsl is not None and rng.random() < 0.02:
        others.add(bsl)
    if first is None:
        return tuple(LanguageSkill(i) for i in sorted(others))
    others.discard(first)
    return (LanguageSkill(first, True), *(LanguageSkill(i) for i in sorted(others)))


def _demographics(
    rng: random.Random, bg: Background, gender: str, *, non_binary: bool, age: int | None
) -> tuple[DemographicAnswer, ...]:
    if rng.random() < 0.12:  # never filled in the equality form
        return ()
    trans = (non_binary and rng.random() < 0.5) or rng.random() < 0.01
    answers = {
        "age_band": _age_band(age) if age is not None else "",
        "disability": "Yes" if rng.random() < 0.3 else "No",
        "ethnicity": bg.ethnicity if rng.random() < 0.93 else "Mixed or multiple ethnic groups",
        "gender": "Non-binary" if non_binary else ("Woman" if gender == "f" else "Man"),
        "religion": rng.choices([r for r, _ in bg.religions], [w for _, w in bg.religions])[0],
        "sexual_orientation": rng.choices(
            ("Straight or heterosexual", "Gay or lesbian", "Bisexual", "In another way"),
            (84, 7, 7, 2),
        )[0],
        "trans": "No" if trans else "Yes",
    }
    out = []
    for question, answer in sorted(answers.items()):
        roll = rng.random()
        if roll < 0.08:
            answer = PREFER_NOT_TO_SAY
        elif roll < 0.2:
            continue  # skipped this one
        if answer:
            out.append(DemographicAnswer(question, answer, may_use_for_matching=rng.random() < 0.4))
    return tuple(out)


def _age(dob: dt.date | None, now: dt.datetime) -> int | None:
    if dob is None:
        return None
    today = now.date()
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


def _age_band(age: int) -> str:
    for top, band in (
        (24, "16–24"),
        (34, "25–34"),
        (44, "35–44"),
        (54, "45–54"),
        (64, "55–64"),
        (74, "65–74"),
    ):
        if age <= top:
            return band
    return "75 and over"


def _availability(rng: random.Random) -> Availability:
    if rng.random() < 0.1:
        return Availability()
    days = rng.sample(range(7), rng.choice((1, 1, 2, 2, 2, 3, 4)))
    ranges = []
    for day in days:
        start, end = rng.choice(_BLOCKS)
        if day >= 5:  # weekend volunteers tend to do shorter, later-morning blocks
            start, end = 20, 26
        ranges.append(TimeRange(day, start, end))
    return Availability.of(ranges)


def _hours(rng: random.Random, role: Role, availability: Availability) -> float | None:
    if role is Role.PAID:
        return rng.choice((15.0, 18.75, 22.5, 30.0, 37.5))
    if rng.random() < 0.15:
        return None
    offered = availability.hours_per_week or 4.0
    return min(offered, float(rng.choice((2, 3, 4, 4, 6, 8, 10))))


def _capacity(rng: random.Random, status: JourneyStatus) -> int:
    if status is S.ACTIVE:
        return rng.choices((0, 1, 2, 3, 4), (5, 30, 35, 20, 10))[0]
    if status in (S.PAUSED, S.LEFT):
        return 0 if rng.random() < 0.7 else 1
    return rng.choice((1, 1, 2))
