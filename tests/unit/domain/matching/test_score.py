"""Table tests per criterion, plus the no-wishes and not-recorded rules."""

from __future__ import annotations

import numpy as np
import pytest

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.matching.criteria import Criterion, Weights
from peerdesk.domain.matching.profiles import IdentityPair, PersonWishes, PswItem, WishedItem
from peerdesk.domain.matching.score import PswIndex, combine, ranking, score_person

from .conftest import ANXIETY, BIRTH_TRAUMA, MORNINGS, PND, PSYCHOSIS, pnd_item, psw

RELATED = {"Perinatal": ["Anxiety"]}


def closeness(person: PersonWishes, *profiles: object, criterion: Criterion) -> list[float]:
    s = score_person(person, PswIndex.build(profiles), related_families=RELATED)  # type: ignore[arg-type]
    return [round(float(v), 6) for v in s.closeness[:, criterion.column]]


def test_lived_experience_levels() -> None:
    person = PersonWishes(lived_experience=(PND,))
    got = closeness(
        person,
        psw(1, lived_experience=(pnd_item(),)),
        psw(2, lived_experience=(BIRTH_TRAUMA,)),
        psw(3, lived_experience=(ANXIETY,)),
        psw(4, lived_experience=(PSYCHOSIS,)),
        psw(5),
        criterion=Criterion.LIVED_EXPERIENCE,
    )
    assert got == [1.0, 0.6, 0.3, 0.0, 0.0]


def test_related_is_symmetric_and_case_folded() -> None:
    person = PersonWishes(lived_experience=(WishedItem(ANXIETY.item_id, "anxiety", "ANXIETY"),))
    got = closeness(
        person, psw(1, lived_experience=(BIRTH_TRAUMA,)), criterion=Criterion.LIVED_EXPERIENCE
    )
    assert got == [0.3]


def test_most_important_weighs_two() -> None:
    other = WishedItem(TaxonomyItemId(9), "psychosis", "Psychosis")
    important = WishedItem(PND.item_id, PND.name, PND.family, most_important=True)
    person = PersonWishes(lived_experience=(important, other))
    got = closeness(
        person, psw(1, lived_experience=(pnd_item(),)), criterion=Criterion.LIVED_EXPERIENCE
    )
    assert got == [round(2 / 3, 6)]


def test_identity_share_of_would_like() -> None:
    person = PersonWishes(
        would_like=(IdentityPair("Gender", "Woman"), IdentityPair("Faith", "Muslim"))
    )
    got = closeness(
        person,
        psw(1, equality=(IdentityPair("gender", "woman"), IdentityPair("faith", "muslim"))),
        psw(2, equality=(IdentityPair("gender", "woman"),)),
        psw(3),
        criterion=Criterion.IDENTITY,
    )
    assert got == [1.0, 0.5, 0.0]


def test_language_first_other_none_not_recorded() -> None:
    person = PersonWishes(languages=("Polish", "English"))
    index = PswIndex.build(
        [
            psw(1, languages=("English", "polish")),
            psw(2, languages=("English",)),
            psw(3, languages=("Urdu",)),
            psw(4, languages=()),
        ]
    )
    s = score_person(person, index)
    col = Criterion.LANGUAGE.column
    assert list(s.closeness[:, col]) == [1.0, 0.6, 0.0, 0.5]
    assert list(s.not_recorded[:, col]) == [False, False, False, True]


def test_availability_hours_over_four_capped() -> None:
    person = PersonWishes(availability=Availability.of([TimeRange(0, 18, 22)]))  # 2 h
    index = PswIndex.build(
        [
            psw(1, availability=MORNINGS),
            psw(2, availability=Availability.of([TimeRange(0, 21, 30)])),
            psw(3, availability=Availability()),
            psw(4, availability=None),
        ]
    )
    s = score_person(person, index)
    col = Criterion.AVAILABILITY.column
    assert list(s.closeness[:, col]) == [0.5, 0.125, 0.0, 0.5]
    assert list(s.not_recorded[:, col]) == [False, False, False, True]
    wide = PersonWishes(availability=MORNINGS)
    assert score_person(wide, index).closeness[0, col] == 1.0


def test_travel_half_limit_then_linear() -> None:
    # One degree of latitude is about 69.09 miles: positions along a meridian.
    person = PersonWishes(face_to_face=True, position=(51.0, 0.0))
    deg = 1 / 69.0933  # one mile
    index = PswIndex.build(
        [
            psw(1, position=(51.0 + 4 * deg, 0.0), travel_miles=10.0),
            psw(2, position=(51.0 + 7.5 * deg, 0.0), travel_miles=10.0),
            psw(3, position=(51.0 + 12 * deg, 0.0), travel_miles=10.0),
            psw(4, position=None),
            psw(5, travel_miles=None),
        ]
    )
    s = score_person(person, index)
    col = Criterion.TRAVEL.column
    assert s.closeness[:, col] == pytest.approx([1.0, 0.5, 0.0, 0.5, 0.5], abs=1e-3)
    assert list(s.not_recorded[:, col]) == [False, False, False, True, True]


def test_travel_only_when_face_to_face_and_unknown_person_area() -> None:
    index = PswIndex.build([psw(1)])
    assert not score_person(PersonWishes(position=(51.0, 0.0)), index).wished[4]
    s = score_person(PersonWishes(face_to_face=True), index)
    assert s.closeness[0, 4] == 0.5 and s.not_recorded[0, 4]


def test_contact_mode_and_interests() -> None:
    person = PersonWishes(contact_modes=("Video", "phone"), interests=("Chess", "gardening"))
    index = PswIndex.build(
        [
            psw(1, contact_modes=("video",), interests=("chess", "Gardening", "art")),
            psw(2, contact_modes=("phone",), interests=("gardening",)),
            psw(3, contact_modes=("text",), interests=()),
        ]
    )
    s = score_person(person, index)
    assert list(s.closeness[:, 5]) == [1.0, 0.5, 0.0]
    assert list(s.closeness[:, 6]) == [1.0, 0.5, 0.0]


def test_score_is_weighted_mean_over_wished_only() -> None:
    person = PersonWishes(languages=("Polish",), interests=("chess",))
    index = PswIndex.build([psw(1, languages=("Polish",), interests=())])
    s = score_person(person, index, weights=Weights())
    # language 6 × 1.0 + interests 3 × 0 over 9; the other criteria are "no preference".
    assert s.scores is not None
    assert s.scores[0] == pytest.approx(100 * 6 / 9)


def test_no_wishes_gives_no_score_and_ranks_by_hours() -> None:
    index = PswIndex.build(
        [
            psw(1, availability=None),
            psw(2, availability=Availability.of([TimeRange(0, 0, 4)])),
            psw(3, availability=MORNINGS),
            psw(4, availability=MORNINGS),
        ]
    )
    s = score_person(PersonWishes(), index)
    assert s.no_wishes and s.scores is None
    assert list(index.ids[ranking(s, index)]) == [3, 4, 2, 1]
    zero = score_person(PersonWishes(interests=("chess",)), index, weights=Weights(interests=0))
    assert zero.scores is None


def test_ranking_best_first_ties_by_id_and_among() -> None:
    index = PswIndex.build([psw(3, languages=("Urdu",)), psw(1), psw(2)])
    s = score_person(PersonWishes(languages=("English",)), index)
    assert list(index.ids[ranking(s, index)]) == [1, 2, 3]
    among = np.array([True, False, True])
    assert list(index.ids[ranking(s, index, among=among)]) == [2, 3]


def test_combine_handles_empty_pool() -> None:
    out = combine(np.zeros((0, 7)), Weights().as_array(), np.ones(7, dtype=np.bool_))
    assert out is not None and out.shape == (0,)


def test_consent_filtered_items_are_simply_absent() -> None:
    person = PersonWishes(lived_experience=(PND,))
    assert closeness(
        person, psw(1, lived_experience=(PSYCHOSIS,)), criterion=Criterion.LIVED_EXPERIENCE
    ) == [0.0]


def test_names_in_any_script() -> None:
    person = PersonWishes(languages=("普通话",), interests=("Łyżwiarstwo",))
    index = PswIndex.build([psw(1, languages=("普通话",), interests=("łyżwiarstwo",))])
    s = score_person(person, index)
    assert s.closeness[0, 2] == 1.0 and s.closeness[0, 6] == 1.0


def test_duplicate_items_do_not_double_count() -> None:
    person = PersonWishes(interests=("chess", "Chess"))
    index = PswIndex.build([psw(1, interests=("chess", "chess"))])
    assert score_person(person, index).closeness[0, 6] == 1.0
    items = (pnd_item(), pnd_item(False))
    assert closeness(
        PersonWishes(lived_experience=(PND,)),
        psw(1, lived_experience=items),
        criterion=Criterion.LIVED_EXPERIENCE,
    ) == [1.0]
    assert isinstance(BIRTH_TRAUMA, PswItem)
