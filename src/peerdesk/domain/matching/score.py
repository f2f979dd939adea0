"""Vectorised scoring of one supported person against many PSWs.

``PswIndex.build`` turns PSW profiles into arrays once (availability as 336-bit rows, posting lists
of rows per item, family, language, answer, contact mode and interest, positions in radians);
``score_person`` then builds the closeness matrix ``c`` (PSWs × 7 criteria, column order of
:data:`CRITERIA`) with a handful of numpy operations per wish, and
``score = 100 × Σ w·c / Σ w`` over the criteria the person has a wish on.

Choices the issue leaves open, made here:

* Language: 1.0 when the PSW speaks the person's *first* (preferred) language, 0.6 when they share
  only another of the person's languages. The PSW's own first language does not matter.
* "Related" families are symmetric: if A lists B as related, B is related to A.
* Travel with the person's own area unknown, or the PSW's position or mile limit unknown: 0.5 and
  "not recorded", like any other missing side.
* A person with no wishes (or wishes only on criteria weighted 0) gets ``score = None``:
  :func:`ranking` then orders PSWs by hours a week available (most first; not recorded last),
  and the caller breaks remaining ties by wait. No number is invented for them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from peerdesk.domain.availability import SLOTS_PER_DAY, Availability
from peerdesk.domain.ids import PswId
from peerdesk.domain.matching.criteria import CRITERIA, DEFAULT_WEIGHTS, Weights
from peerdesk.domain.matching.profiles import LANGUAGE_QUESTION, PersonWishes, PswProfile
from peerdesk.domain.text import fold

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Rows = npt.NDArray[np.int64]

SAME_ITEM = 1.0
SAME_FAMILY = 0.6
RELATED_FAMILY = 0.3
MOST_IMPORTANT_WEIGHT = 2.0
FIRST_LANGUAGE = 1.0
OTHER_LANGUAGE = 0.6
FULL_AVAILABILITY_HOURS = 4.0
"""Shared hours a week at which availability closeness reaches 1."""
FIRST_CONTACT_MODE = 1.0
OTHER_CONTACT_MODE = 0.5
NOT_RECORDED = 0.5
"""Closeness where the PSW's side is missing: neither wins nor loses a match."""
EARTH_RADIUS_MILES = 3958.8

_BITS = 7 * SLOTS_PER_DAY
_WORDS = -(-_BITS // 64)
EMPTY_ROWS: Rows = np.zeros(0, dtype=np.int64)

LE, ID, LANG, AVAIL, TRAVEL, MODE, INTERESTS = (c.column for c in CRITERIA)


def availability_bits(availability: Availability) -> npt.NDArray[np.bool_]:
    """The week as 336 booleans, Monday 00:00 first."""
    bits = np.zeros(_BITS, dtype=np.bool_)
    for r in availability.ranges:
        base = r.weekday * SLOTS_PER_DAY
        bits[base + r.start : base + r.end] = True
    return bits


def _pack(bits: npt.NDArray[np.bool_]) -> npt.NDArray[np.uint64]:
    """(n, 336) booleans to (n, 6) uint64 words (padded to whole words)."""
    n = bits.shape[0]
    padded = np.zeros((n, _WORDS * 64), dtype=np.bool_)
    padded[:, :_BITS] = bits
    packed = np.packbits(padded, axis=1)
    return np.ascontiguousarray(packed).view(np.uint64).reshape(n, _WORDS)


def _postings(pairs: Iterable[tuple[Hashable, int]]) -> dict[Hashable, Rows]:
    lists: dict[Hashable, set[int]] = defaultdict(set)
    for key, row in pairs:
        lists[key].add(row)
    return {key: np.array(sorted(rows), dtype=np.int64) for key, rows in lists.items()}


@dataclass(frozen=True, eq=False)
class PswIndex:
    """PSW profiles as arrays for fast scoring; build once, score many people against it."""

    profiles: tuple[PswProfile, ...]
    ids: npt.NDArray[np.int64]
    row_of: Mapping[PswId, int]
    availability: npt.NDArray[np.uint64]
    availability_known: Bools
    hours_per_week: Floats
    items: Mapping[Hashable, Rows]
    families: Mapping[Hashable, Rows]
    languages: Mapping[Hashable, Rows]
    languages_known: Bools
    answers: Mapping[Hashable, Rows]
    contact_modes: Mapping[Hashable, Rows]
    interests: Mapping[Hashable, Rows]
    place: Rows
    """Per row, which of the distinct positions (``places_lat``/``places_lon``) it has; -1 none.
    PSWs share a few area centres, so distances are worked out once per distinct position."""
    places_lat: Floats
    places_lon: Floats
    travel_miles: Floats
    """NaN where the position or the mile limit is not recorded."""
    ready: Bools
    """Active, inducted, unblocked and with a place left: the person-independent constraints."""

    @classmethod
    def build(cls, profiles: Sequence[PswProfile]) -> PswIndex:
        profiles = tuple(profiles)
        n = len(profiles)
        bits = np.zeros((n, _BITS), dtype=np.bool_)
        known = np.zeros(n, dtype=np.bool_)
        lat = np.full(n, np.nan)
        lon = np.full(n, np.nan)
        miles = np.full(n, np.nan)
        for row, p in enumerate(profiles):
            if p.availability is not None:
                known[row] = True
                bits[row] = availability_bits(p.availability)
            if p.position is not None and p.travel_miles is not None:
                lat[row], lon[row] = math.radians(p.position[0]), math.radians(p.position[1])
                miles[row] = p.travel_miles
        place, places_lat, places_lon = _distinct_positions(lat, lon)
        return cls(
            profiles=profiles,
            ids=np.array([p.id for p in profiles], dtype=np.int64),
            row_of={p.id: row for row, p in enumerate(profiles)},
            availability=_pack(bits),
            availability_known=known,
            hours_per_week=np.where(known, bits.sum(axis=1) / 2, -1.0),
            items=_postings(
                (i.item_id, row) for row, p in enumerate(profiles) for i in p.lived_experience
            ),
            families=_postings(
                (fold(i.family), row) for row, p in enumerate(profiles) for i in p.lived_experience
            ),
            languages=_postings(
                (fold(lang), row) for row, p in enumerate(profiles) for lang in p.languages
            ),
            languages_known=np.array([bool(p.languages) for p in profiles], dtype=np.bool_),
            answers=_postings((a.key(), row) for row, p in enumerate(profiles) for a in p.equality),
            contact_modes=_postings(
                (fold(m), row) for row, p in enumerate(profiles) for m in p.contact_modes
            ),
            interests=_postings(
                (fold(i), row) for row, p in enumerate(profiles) for i in p.interests
            ),
            place=place,
            places_lat=places_lat,
            places_lon=places_lon,
            travel_miles=miles,
            ready=np.array(
                [
                    p.active and p.inducted and not p.blocked and p.places_used < p.places
                    for p in profiles
                ],
                dtype=np.bool_,
            ),
        )

    def __len__(self) -> int:
        return len(self.profiles)


@dataclass(frozen=True, eq=False)
class Scores:
    """One person against every PSW of an index; row ``i`` is ``index.profiles[i]``."""

    closeness: Floats
    """(PSWs × 7), each in 0–1; columns of criteria without a wish are 0 and unused."""
    not_recorded: Bools
    """(PSWs × 7): True where the 0.5 came from the PSW's (or the person's area's) missing side."""
    wished: Bools
    """(7,): the criteria the person has a wish on."""
    weights: Floats
    scores: Floats | None
    """0–100 per PSW, or None when the person has no (weighted) wishes at all."""

    @property
    def no_wishes(self) -> bool:
        return self.scores is None


def related_lookup(related_families: Mapping[str, Collection[str]]) -> dict[str, set[str]]:
    """Folded, symmetric "related" lists, without a family being related to itself."""
    lookup: dict[str, set[str]] = defaultdict(set)
    for family, others in related_families.items():
        for other in others:
            a, b = fold(family), fold(other)
            if a != b:
                lookup[a].add(b)
                lookup[b].add(a)
    return dict(lookup)


def wished_criteria(person: PersonWishes) -> Bools:
    wished = np.zeros(len(CRITERIA), dtype=np.bool_)
    wished[LE] = bool(person.lived_experience)
    wished[ID] = bool(person.would_like)
    wished[LANG] = bool(person.languages)
    wished[AVAIL] = bool(person.availability.ranges)
    wished[TRAVEL] = person.face_to_face
    wished[MODE] = bool(person.contact_modes)
    wished[INTERESTS] = bool(person.interests)
    return wished


def combine(closeness: Floats, weights: Floats, wished: Bools) -> Floats | None:
    """``100 × Σ w·c / Σ w`` over wished criteria, per row; None if no wished weight is above 0."""
    w = np.where(wished, weights, 0.0)
    total = float(w.sum())
    if total <= 0:
        return None
    result: Floats = np.clip(closeness @ (w * (100.0 / total)), 0.0, 100.0)
    return result


def score_person(
    person: PersonWishes,
    index: PswIndex,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    related_families: Mapping[str, Collection[str]] | None = None,
) -> Scores:
    """Closeness per criterion and the score of ``person`` against every PSW in ``index``."""
    n = len(index)
    related = related_lookup(related_families or {})
    c = np.zeros((n, len(CRITERIA)), dtype=np.float64)
    missing = np.zeros((n, len(CRITERIA)), dtype=np.bool_)
    wished = wished_criteria(person)
    if wished[LE]:
        c[:, LE] = _lived_experience(person, index, related)
    if wished[ID]:
        c[:, ID] = _identity(person, index)
    if wished[LANG]:
        c[:, LANG] = _language(person, index)
        missing[:, LANG] = ~index.languages_known
    if wished[AVAIL]:
        c[:, AVAIL] = _availability(person, index)
        missing[:, AVAIL] = ~index.availability_known
    if wished[TRAVEL]:
        c[:, TRAVEL], missing[:, TRAVEL] = _travel(person, index)
    if wished[MODE]:
        c[:, MODE] = _contact_mode(person, index)
    if wished[INTERESTS]:
        c[:, INTERESTS] = _interests(person, index)
    w = weights.as_array()
    return Scores(c, missing, wished, w, combine(c, w, wished))


def ranking(scores: Scores, index: PswIndex, *, among: Bools | None = None) -> Rows:
    """Rows best first (ties by PSW id); ``among`` keeps only rows marked True (e.g. not excluded).

    With no wishes, PSWs are ordered by hours a week available, most first.
    """
    key = scores.scores if scores.scores is not None else index.hours_per_week
    rows = np.arange(len(index), dtype=np.int64) if among is None else np.flatnonzero(among)
    order = np.lexsort((index.ids[rows], -key[rows]))
    result: Rows = rows[order]
    return result


def _lived_experience(
    person: PersonWishes, index: PswIndex, related: dict[str, set[str]]
) -> Floats:
    total = np.zeros(len(index))
    weight_sum = 0.0
    for wish in person.lived_experience:
        c = np.zeros(len(index))
        family = fold(wish.family)
        for other in related.get(family, ()):
            c[index.families.get(other, EMPTY_ROWS)] = RELATED_FAMILY
        c[index.families.get(family, EMPTY_ROWS)] = SAME_FAMILY
        c[index.items.get(wish.item_id, EMPTY_ROWS)] = SAME_ITEM
        m = MOST_IMPORTANT_WEIGHT if wish.most_important else 1.0
        total += m * c
        weight_sum += m
    result: Floats = total / weight_sum
    return result


def _identity(person: PersonWishes, index: PswIndex) -> Floats:
    met = np.zeros(len(index))
    for wish in person.would_like:
        question, answer = wish.key()
        source = index.languages if question == LANGUAGE_QUESTION else index.answers
        key: Hashable = answer if question == LANGUAGE_QUESTION else (question, answer)
        met[source.get(key, EMPTY_ROWS)] += 1
    result: Floats = met / len(person.would_like)
    return result


def _language(person: PersonWishes, index: PswIndex) -> Floats:
    c = np.zeros(len(index))
    for lang in person.languages[1:]:
        c[index.languages.get(fold(lang), EMPTY_ROWS)] = OTHER_LANGUAGE
    c[index.languages.get(fold(person.languages[0]), EMPTY_ROWS)] = FIRST_LANGUAGE
    c[~index.languages_known] = NOT_RECORDED
    return c


def _availability(person: PersonWishes, index: PswIndex) -> Floats:
    mine = _pack(availability_bits(person.availability)[np.newaxis, :])[0]
    slots = np.bitwise_count(index.availability & mine).sum(axis=1, dtype=np.int64)
    c: Floats = np.minimum(slots / 2 / FULL_AVAILABILITY_HOURS, 1.0)
    c[~index.availability_known] = NOT_RECORDED
    return c


def miles_between(lat1: Floats, lon1: Floats, lat2: float, lon2: float) -> Floats:
    """Straight-line (haversine) miles; latitudes and longitudes in radians."""
    dlat, dlon = np.sin((lat1 - lat2) / 2), np.sin((lon1 - lon2) / 2)
    a = dlat**2 + np.cos(lat1) * math.cos(lat2) * dlon**2
    miles: Floats = 2 * EARTH_RADIUS_MILES * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return miles


def _distinct_positions(lat: Floats, lon: Floats) -> tuple[Rows, Floats, Floats]:
    """(``place``, ``places_lat``, ``places_lon``) of a :class:`PswIndex`."""
    known = ~np.isnan(lat)
    place: Rows = np.full(len(lat), -1, dtype=np.int64)
    if not known.any():
        return place, np.zeros(0), np.zeros(0)
    pairs = np.column_stack((lat[known], lon[known]))
    distinct, inverse = np.unique(pairs, axis=0, return_inverse=True)
    place[known] = inverse.reshape(-1)
    return place, distinct[:, 0].copy(), distinct[:, 1].copy()


def _travel(person: PersonWishes, index: PswIndex) -> tuple[Floats, Bools]:
    if person.position is None:
        return np.full(len(index), NOT_RECORDED), np.ones(len(index), dtype=np.bool_)
    known = ~np.isnan(index.travel_miles)
    lat, lon = (math.radians(v) for v in person.position)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        per_place = np.append(miles_between(index.places_lat, index.places_lon, lat, lon), np.nan)
        d = per_place[index.place]  # -1 picks the NaN on the end: no position
        limit = index.travel_miles
        falling = (limit - d) / (limit / 2)
        c = np.where(d <= limit / 2, 1.0, np.where(d >= limit, 0.0, falling))
    c = np.where(known, np.clip(c, 0.0, 1.0), NOT_RECORDED)
    return c, ~known


def _contact_mode(person: PersonWishes, index: PswIndex) -> Floats:
    c = np.zeros(len(index))
    for mode in person.contact_modes[1:]:
        c[index.contact_modes.get(fold(mode), EMPTY_ROWS)] = OTHER_CONTACT_MODE
    c[index.contact_modes.get(fold(person.contact_modes[0]), EMPTY_ROWS)] = FIRST_CONTACT_MODE
    return c


def _interests(person: PersonWishes, index: PswIndex) -> Floats:
    wanted = {fold(i) for i in person.interests}
    count = np.zeros(len(index))
    for interest in wanted:
        count[index.interests.get(interest, EMPTY_ROWS)] += 1
    result: Floats = count / len(wanted)
    return result
