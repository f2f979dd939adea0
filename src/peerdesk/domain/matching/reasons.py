"""Plain-English reasons for a suggestion, built from its closeness values.

A reason is given only for a criterion the person has a wish on, whose weight and closeness are
both above 0. Profiles hold only consented lived experience, so a non-consented item cannot be
named; an item the PSW has not agreed to share with the person is marked "(coordinator only)".
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from peerdesk.domain.matching.criteria import CRITERIA, Criterion, Weights
from peerdesk.domain.matching.profiles import (
    LANGUAGE_QUESTION,
    IdentityPair,
    PersonWishes,
    PswItem,
    PswProfile,
)
from peerdesk.domain.matching.score import (
    EARTH_RADIUS_MILES,
    PswIndex,
    Scores,
    related_lookup,
    wished_criteria,
)
from peerdesk.domain.text import fold

COORDINATOR_ONLY = " (coordinator only)"


@dataclass(frozen=True)
class Reason:
    criterion: Criterion
    phrase: str
    """Starts lower case, to be joined: "both speak Polish"."""
    not_recorded: bool = False

    @property
    def sentence(self) -> str:
        return self.phrase[:1].upper() + self.phrase[1:]


def join_reasons(reasons: Sequence[Reason]) -> str:
    """ "Both have experience of postnatal depression; both speak Polish; 6 hours …"."""
    text = "; ".join(r.phrase for r in reasons)
    return text[:1].upper() + text[1:]


def reasons_at(
    scores: Scores,
    index: PswIndex,
    row: int,
    person: PersonWishes,
    *,
    weights: Weights,
    related_families: Mapping[str, Collection[str]] | None = None,
) -> list[Reason]:
    """Reasons for row ``row`` of ``scores`` (a PSW of ``index``)."""
    return reasons_for(
        person,
        index.profiles[row],
        closeness=[float(v) for v in scores.closeness[row]],
        not_recorded=[bool(v) for v in scores.not_recorded[row]],
        weights=weights,
        related_families=related_families,
    )


def reasons_for(
    person: PersonWishes,
    profile: PswProfile,
    *,
    closeness: Sequence[float],
    not_recorded: Sequence[bool],
    weights: Weights,
    related_families: Mapping[str, Collection[str]] | None = None,
) -> list[Reason]:
    """Reasons, biggest contribution (weight × closeness) first."""
    wished = wished_criteria(person)
    found: list[tuple[float, int, Reason]] = []
    for criterion in CRITERIA:
        col = criterion.column
        w, c = weights.of(criterion), closeness[col]
        if not wished[col] or w <= 0 or c <= 0:
            continue
        if not_recorded[col]:
            reason = Reason(criterion, _not_recorded_phrase(criterion, person), True)
        else:
            phrase = _phrase(criterion, person, profile, related_families or {})
            if phrase is None:
                continue
            reason = Reason(criterion, phrase)
        found.append((-w * c, col, reason))
    return [reason for *_, reason in sorted(found, key=lambda t: (t[0], t[1]))]


def _not_recorded_phrase(criterion: Criterion, person: PersonWishes) -> str:
    if criterion is Criterion.TRAVEL and person.position is None:
        return "travel distance not known: the person's area is not recorded"
    what = {
        Criterion.LANGUAGE: "languages",
        Criterion.AVAILABILITY: "availability",
        Criterion.TRAVEL: "area or travel distance",
    }.get(criterion, criterion.label.lower())
    return f"{what} not recorded"


def _phrase(
    criterion: Criterion,
    person: PersonWishes,
    profile: PswProfile,
    related_families: Mapping[str, Collection[str]],
) -> str | None:
    if criterion is Criterion.LIVED_EXPERIENCE:
        return _lived_experience(person, profile, related_families)
    if criterion is Criterion.IDENTITY:
        return _identity(person, profile)
    if criterion is Criterion.LANGUAGE:
        return _language(person, profile)
    if criterion is Criterion.AVAILABILITY:
        return _availability(person, profile)
    if criterion is Criterion.TRAVEL:
        return _travel(person, profile)
    if criterion is Criterion.CONTACT_MODE:
        return _contact_mode(person, profile)
    return _interests(person, profile)


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _item(item: PswItem) -> str:
    return item.name + ("" if item.shareable else COORDINATOR_ONLY)


def _lived_experience(
    person: PersonWishes, profile: PswProfile, related_families: Mapping[str, Collection[str]]
) -> str | None:
    related = related_lookup(related_families)
    same: list[str] = []
    close: list[str] = []
    seen: set[object] = set()
    for wish in person.lived_experience:
        exact = [i for i in profile.lived_experience if i.item_id == wish.item_id]
        family = fold(wish.family)
        in_family = [i for i in profile.lived_experience if fold(i.family) == family]
        nearby = [i for i in profile.lived_experience if fold(i.family) in related.get(family, ())]
        if exact:
            if wish.item_id not in seen:
                same.append(_item(exact[0]))
                seen.add(wish.item_id)
        elif in_family:
            names = _and([_item(i) for i in in_family])
            close.append(f"experience of {names}, close to {wish.name} ({wish.family})")
        elif nearby:
            names = _and([_item(i) for i in nearby])
            close.append(f"experience of {names}, related to {wish.name}")
    phrases = ([f"both have experience of {_and(same)}"] if same else []) + close
    return "; ".join(phrases) or None


def _identity(person: PersonWishes, profile: PswProfile) -> str | None:
    met = [w.label for w in person.would_like if _wish_met(w, profile)]
    if not met:
        return None
    return f"meets the wish for {_and(met)}"


def _wish_met(wish: IdentityPair, profile: PswProfile) -> bool:
    question, answer = wish.key()
    if question == LANGUAGE_QUESTION:
        return answer in {fold(lang) for lang in profile.languages}
    return (question, answer) in {a.key() for a in profile.equality}


def _language(person: PersonWishes, profile: PswProfile) -> str | None:
    spoken = {fold(lang) for lang in profile.languages}
    first = person.languages[0]
    if fold(first) in spoken:
        return f"both speak {first}"
    shared = [lang for lang in person.languages[1:] if fold(lang) in spoken]
    if not shared:
        return None
    return f"both speak {_and(shared)} (not {first}, the first choice)"


def _hours(hours: float) -> str:
    number = f"{hours:g}"
    return f"{number} hour{'' if hours == 1 else 's'}"


def _availability(person: PersonWishes, profile: PswProfile) -> str | None:
    if profile.availability is None:
        return None
    hours = person.availability.shared_hours(profile.availability)
    return f"{_hours(hours)} of overlapping availability a week" if hours > 0 else None


def _travel(person: PersonWishes, profile: PswProfile) -> str | None:
    if person.position is None or profile.position is None or profile.travel_miles is None:
        return None
    lat1, lon1 = (math.radians(v) for v in person.position)
    lat2, lon2 = (math.radians(v) for v in profile.position)
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    miles = 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(min(max(a, 0.0), 1.0)))
    return f"about {miles:.1f} miles apart (travels up to {profile.travel_miles:g} miles)"


def _contact_mode(person: PersonWishes, profile: PswProfile) -> str | None:
    offered = {fold(m) for m in profile.contact_modes}
    shared = [m for m in person.contact_modes if fold(m) in offered]
    if not shared:
        return None
    if shared[0] == person.contact_modes[0]:
        return f"offers {shared[0]}, the first choice"
    return f"offers {_and(shared)}"


def _interests(person: PersonWishes, profile: PswProfile) -> str | None:
    theirs = {fold(i) for i in profile.interests}
    shared: list[str] = []
    for interest in person.interests:
        if fold(interest) in theirs and fold(interest) not in {fold(s) for s in shared}:
            shared.append(interest)
    return f"shared interests: {_and(shared)}" if shared else None
