"""Hypothesis properties of scoring, reasons and exclusions."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.matching.constraints import eligible, exclusions, why_not_rows
from peerdesk.domain.matching.criteria import CRITERIA, Weights
from peerdesk.domain.matching.profiles import (
    IdentityPair,
    PersonWishes,
    PswItem,
    PswProfile,
    WishedItem,
)
from peerdesk.domain.matching.reasons import reasons_at
from peerdesk.domain.matching.score import NOT_RECORDED, PswIndex, combine, score_person

FAMILIES = ("Perinatal", "Anxiety", "Psychosis", "Grief")
RELATED = {"Perinatal": ["Anxiety"]}
NAMES = ("Polish", "English", "Urdu", "普通话", "العربية")
MODES = ("phone", "video", "face to face")
INTERESTS = ("chess", "art", "Łyżwiarstwo", "书法")
PAIRS = (IdentityPair("gender", "woman"), IdentityPair("faith", "Muslim"))

weights_st = st.builds(Weights, *[st.integers(0, 10) for _ in CRITERIA]).filter(
    lambda w: any(w.as_array())
)
item_ids = st.integers(1, 8)
ranges = st.builds(
    lambda d, s, n: TimeRange(d, s, min(48, s + n)),
    st.integers(0, 6),
    st.integers(0, 46),
    st.integers(1, 8),
)
availability = st.lists(ranges, max_size=4).map(Availability.of)
position = st.tuples(st.floats(50, 55), st.floats(-3, 1))


def psw_item(i: int, shareable: bool) -> PswItem:
    return PswItem(TaxonomyItemId(i), f"item {i}", FAMILIES[i % 4], shareable=shareable)


@st.composite
def profiles(draw: st.DrawFn) -> list[PswProfile]:
    count = draw(st.integers(1, 6))
    return [
        PswProfile(
            id=PswId(n + 1),
            name=draw(st.sampled_from(("Zoë", "Łukasz", "李", "محمد"))),
            lived_experience=tuple(
                psw_item(i, draw(st.booleans()))
                for i in draw(st.lists(item_ids, max_size=3, unique=True))
            ),
            equality=tuple(draw(st.lists(st.sampled_from(PAIRS), max_size=2))),
            languages=tuple(draw(st.lists(st.sampled_from(NAMES), max_size=2))),
            availability=draw(st.none() | availability),
            position=draw(st.none() | position),
            travel_miles=draw(st.none() | st.floats(0, 50)),
            contact_modes=tuple(draw(st.lists(st.sampled_from(MODES), max_size=2))),
            interests=tuple(draw(st.lists(st.sampled_from(INTERESTS), max_size=3))),
            places=draw(st.integers(0, 3)),
            places_used=draw(st.integers(0, 3)),
            active=draw(st.booleans()),
            inducted=draw(st.booleans()),
        )
        for n in range(count)
    ]


persons = st.builds(
    PersonWishes,
    lived_experience=st.lists(
        st.builds(
            lambda i, m: WishedItem(TaxonomyItemId(i), f"item {i}", FAMILIES[i % 4], m),
            item_ids,
            st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    would_like=st.lists(st.sampled_from(PAIRS), max_size=2).map(tuple),
    must=st.lists(st.sampled_from(PAIRS), max_size=1).map(tuple),
    languages=st.lists(st.sampled_from(NAMES), max_size=2).map(tuple),
    availability=availability,
    position=st.none() | position,
    contact_modes=st.lists(st.sampled_from(MODES), max_size=2).map(tuple),
    interests=st.lists(st.sampled_from(INTERESTS), max_size=3).map(tuple),
    face_to_face=st.booleans(),
)
unit = st.floats(0, 1)


@given(
    c=st.lists(unit, min_size=7, max_size=7),
    w=weights_st,
    wished=st.lists(st.booleans(), min_size=7, max_size=7),
    col=st.integers(0, 6),
    raised=unit,
)
def test_raising_one_closeness_never_lowers_the_score(
    c: list[float], w: Weights, wished: list[bool], col: int, raised: float
) -> None:
    before = np.array([c])
    after = before.copy()
    after[0, col] = max(after[0, col], raised)
    mask = np.array(wished)
    a, b = combine(before, w.as_array(), mask), combine(after, w.as_array(), mask)
    if a is None or b is None:
        assert a is None and b is None
        return
    assert 0.0 <= a[0] <= 100.0 and 0.0 <= b[0] <= 100.0
    assert b[0] >= a[0] - 1e-9


@settings(max_examples=150)
@given(person=persons, pool=profiles(), w=weights_st)
def test_scores_in_range_deterministic_and_reasons_justified(
    person: PersonWishes, pool: list[PswProfile], w: Weights
) -> None:
    index = PswIndex.build(pool)
    s = score_person(person, index, weights=w, related_families=RELATED)
    again = score_person(person, PswIndex.build(pool), weights=w, related_families=RELATED)
    assert np.array_equal(s.closeness, again.closeness)
    assert (s.scores is None) == (again.scores is None)
    assert ((s.closeness >= 0) & (s.closeness <= 1)).all()
    if s.scores is not None:
        assert again.scores is not None and np.array_equal(s.scores, again.scores)
        assert ((s.scores >= 0) & (s.scores <= 100)).all()
    # missing data is exactly 0.5, said as "not recorded"
    assert (s.closeness[s.not_recorded] == NOT_RECORDED).all()
    for row in range(len(pool)):
        got = reasons_at(s, index, row, person, weights=w, related_families=RELATED)
        assert got == reasons_at(s, index, row, person, weights=w, related_families=RELATED)
        for r in got:
            col = r.criterion.column
            assert w.of(r.criterion) > 0 and s.closeness[row, col] > 0 and s.wished[col]
            assert r.not_recorded == bool(s.not_recorded[row, col])
            assert ("not recorded" in r.phrase) == r.not_recorded
    # the vectorised mask and the sentences agree
    conflicts = [p.id for p in pool[::3]]
    out = exclusions(person, pool, conflicts=conflicts)
    mask = eligible(person, index, conflicts=conflicts)
    assert [bool(m) for m in mask] == [p.id not in out for p in pool]
    # ... and so do the sentences made from masks, row by row and in order
    rows = list(range(len(pool)))
    by_rows = why_not_rows(person, index, rows, conflicts=conflicts)
    assert by_rows == [out.get(p.id, []) for p in pool]


def matched_profile(profile: PswProfile, recorded: list[tuple[PswItem, bool]]) -> PswProfile:
    """What the caller does: keep only items whose matching consent is current (ledger result)."""
    return PswProfile(
        **{**profile.__dict__, "lived_experience": tuple(i for i, ok in recorded if ok)}
    )


@settings(max_examples=100)
@given(
    person=persons,
    pool=profiles(),
    withheld=st.lists(st.lists(item_ids, max_size=3), min_size=6, max_size=6),
)
def test_non_consented_items_change_nothing(
    person: PersonWishes, pool: list[PswProfile], withheld: list[list[int]]
) -> None:
    """Items recorded without matching consent, whatever they are, change no score or reason.

    Each PSW's record holds its consented items plus some not consented (named "secret …", and
    sharing ids with the person's wishes); the caller's ledger filter drops those.
    """
    filtered = [
        matched_profile(
            p,
            [(i, True) for i in p.lived_experience]
            + [
                (PswItem(TaxonomyItemId(i), f"secret {i}", FAMILIES[i % 4], shareable=True), False)
                for i in extra
            ],
        )
        for p, extra in zip(pool, withheld, strict=False)
    ]
    a_index, b_index = PswIndex.build(pool), PswIndex.build(filtered)
    a = score_person(person, a_index, related_families=RELATED)
    b = score_person(person, b_index, related_families=RELATED)
    assert np.array_equal(a.closeness, b.closeness)
    assert (a.scores is None and b.scores is None) or np.array_equal(a.scores, b.scores)  # type: ignore[arg-type]
    assert exclusions(person, pool) == exclusions(person, filtered)
    w = Weights()
    for row in range(len(pool)):
        ra = reasons_at(a, a_index, row, person, weights=w, related_families=RELATED)
        rb = reasons_at(b, b_index, row, person, weights=w, related_families=RELATED)
        assert ra == rb
        assert not any("secret" in r.phrase for r in rb)


@given(person=persons, pool=profiles())
def test_missing_psw_side_is_half_and_not_recorded(
    person: PersonWishes, pool: list[PswProfile]
) -> None:
    bare = [
        PswProfile(**{**p.__dict__, "languages": (), "availability": None, "position": None})
        for p in pool
    ]
    s = score_person(person, PswIndex.build(bare))
    for criterion_col, wished in (
        (2, bool(person.languages)),
        (3, bool(person.availability.ranges)),
        (4, person.face_to_face),
    ):
        if wished:
            assert (s.closeness[:, criterion_col] == 0.5).all()
            assert s.not_recorded[:, criterion_col].all()
