"""Settings › Matching through the service: weights, related families and the plan's floor."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.matching.criteria import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    WEIGHT_MAX,
    WEIGHT_MIN,
    Weights,
)
from peerdesk.domain.text import fold
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.matching_settings import (
    DEFAULT_MINIMUM_SCORE,
    MINIMUM_SCORE_KEY,
    RELATED_KEY,
    WEIGHTS_KEY,
    minimum_score_from,
    related_from,
    weights_from,
)
from peerdesk.storage import settings_store

ALL_ZERO = Weights(*(0 for _ in fields(Weights)))
ZERO_MESSAGE = "At least one weight must be above 0, or nothing can be ranked."
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def store(services: Services, key: str, value: str) -> None:
    with services.workspace.transaction() as s:
        settings_store.write(s, key, value)


def test_defaults_before_anything_is_saved(services: Services) -> None:
    ms = services.matching_settings
    assert ms.weights() == DEFAULT_WEIGHTS
    assert ms.related_families() == {}
    assert ms.minimum_score() == DEFAULT_MINIMUM_SCORE == 30


def test_weights_round_trip_and_reset(services: Services) -> None:
    ms = services.matching_settings
    chosen = Weights(lived_experience=0, identity=10, language=1, interests=0)
    assert ms.set_weights(chosen) == Changes(settings=True)
    assert ms.weights() == chosen
    assert ms.reset_weights() == Changes(settings=True)
    assert ms.weights() == DEFAULT_WEIGHTS


def test_all_zero_is_refused_with_the_message_and_nothing_saved(services: Services) -> None:
    ms = services.matching_settings
    ms.set_weights(Weights(travel=9))
    with pytest.raises(ValidationFailed) as refused:
        ms.set_weights(ALL_ZERO)
    assert [(p.field, p.message) for p in refused.value.problems] == [("weights", ZERO_MESSAGE)]
    assert ms.weights() == Weights(travel=9)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (11, "Travel: the weight must be 0 to 10, not 11."),
        (-1, "Travel: the weight must be 0 to 10, not -1."),
        (2.5, "Travel: the weight must be a whole number."),
        (True, "Travel: the weight must be a whole number."),
    ],
)
def test_a_weight_out_of_range_is_refused(services: Services, value: object, message: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.matching_settings.set_weights(Weights(travel=value))
    assert [(p.field, p.message) for p in refused.value.problems] == [("travel", message)]
    assert services.matching_settings.weights() == DEFAULT_WEIGHTS


def test_save_and_reset_keep_weights_and_minimum_score_together(services: Services) -> None:
    ms = services.matching_settings
    ms.save(Weights(language=2), 55)
    assert (ms.weights(), ms.minimum_score()) == (Weights(language=2), 55)
    with pytest.raises(ValidationFailed) as refused:
        ms.save(ALL_ZERO, 101)
    assert {p.field for p in refused.value.problems} == {"weights", "minimum_score"}
    with pytest.raises(ValidationFailed):
        ms.save(Weights(), 101)  # a good half is not saved alone
    assert (ms.weights(), ms.minimum_score()) == (Weights(language=2), 55)
    ms.set_related_families({"Perinatal": ["Mental health"]})
    assert ms.reset() == Changes(settings=True)
    assert (ms.weights(), ms.minimum_score()) == (DEFAULT_WEIGHTS, 30)
    assert ms.related_families() != {}  # reset leaves the related families alone


@pytest.mark.parametrize("score", [0, 1, 99, 100])
def test_minimum_score_round_trips(services: Services, score: int) -> None:
    services.matching_settings.set_minimum_score(score)
    assert services.matching_settings.minimum_score() == score


@pytest.mark.parametrize("score", [-1, 101, True, 3.0, "30"])
def test_a_bad_minimum_score_is_refused(services: Services, score: object) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.matching_settings.set_minimum_score(score)
    assert refused.value.problems[0].message == "The plan's minimum score must be 0 to 100."
    assert services.matching_settings.minimum_score() == 30


def test_related_lists_are_symmetric_and_drop_self_relations(services: Services) -> None:
    ms = services.matching_settings
    ms.set_related_families(
        {
            "Perinatal": ["Mental health", "perinatal", "  "],
            "Mental health": ["Perinatal", "Substance use"],
            "Caring": "Homelessness",  # one name, not its letters
        }
    )
    assert ms.related_families() == {
        "Perinatal": {"Mental health"},
        "Mental health": {"Perinatal", "Substance use"},
        "Substance use": {"Mental health"},
        "Caring": {"Homelessness"},
        "Homelessness": {"Caring"},
    }
    ms.set_related_families({})  # replaces, not adds
    assert ms.related_families() == {}


def test_a_pair_repeated_in_another_case_is_kept_once(services: Services) -> None:
    ms = services.matching_settings
    ms.set_related_families({"Mental health": ["Perinatal"], "PERINATAL": [" mental  health"]})
    assert ms.related_families() == {"Mental health": {"Perinatal"}, "Perinatal": {"Mental health"}}


def test_family_names_in_any_script(services: Services) -> None:
    ms = services.matching_settings
    names = ["Zdrowie psychiczne Łódź", "精神健康", "الصحة النفسية", "Здоровье", "Zoë"]
    ms.set_related_families({names[0]: names[1:]})
    got = ms.related_families()
    assert got[names[0]] == set(names[1:])
    assert all(got[name] == {names[0]} for name in names[1:])
    ms.set_related_families({"ZOE": ["Zoë"]})  # the same family, folded
    assert ms.related_families() == {}


def test_an_over_long_family_name_is_refused(services: Services) -> None:
    ms = services.matching_settings
    ms.set_related_families({"Caring": ["Homelessness"]})
    with pytest.raises(ValidationFailed) as refused:
        ms.set_related_families({"Caring": ["x" * 201]})
    assert refused.value.problems[0].message == "Family names are at most 200 characters."
    assert ms.related_families() == {"Caring": {"Homelessness"}, "Homelessness": {"Caring"}}


@pytest.mark.parametrize(
    "damaged",
    ["", "not json", "null", "[]", "5", '"text"', '{"travel": "high"}', '{"travel": 11}',
     '{"identity": 2.5}', "[" * 100_000, '{"lived_experience": 0, "identity": 0, "language": 0, '
     '"availability": 0, "travel": 0, "contact_mode": 0, "interests": 0}'],
)  # fmt: skip
def test_damaged_stored_weights_fall_back_to_the_defaults(services: Services, damaged: str) -> None:
    store(services, WEIGHTS_KEY, damaged)
    assert services.matching_settings.weights() == DEFAULT_WEIGHTS


def test_stored_weights_missing_a_criterion_take_its_default() -> None:
    assert weights_from({WEIGHTS_KEY: '{"travel": 0, "unknown": 4}'}) == Weights(travel=0)


@pytest.mark.parametrize(
    "damaged",
    ["", "nonsense", "null", "7", '{"ab": "cd"}', '"ab"', '["ab"]', '[["a"]]', "[" * 100_000],
)
def test_damaged_related_lists_fall_back_to_none(services: Services, damaged: str) -> None:
    store(services, RELATED_KEY, damaged)
    assert services.matching_settings.related_families() == {}


def test_damaged_related_pairs_are_skipped_one_by_one() -> None:
    stored = '[["A", "B"], ["C"], [1, "D"], "EF", ["G", "g"], ["H", "I", "J"], ["", "K"]]'
    assert related_from({RELATED_KEY: stored}) == {"A": {"B"}, "B": {"A"}}


@pytest.mark.parametrize("damaged", ["", "-5", "101", "thirty", "²", "٣٠", " 30", "3.5"])
def test_a_damaged_minimum_score_falls_back_to_30(services: Services, damaged: str) -> None:
    store(services, MINIMUM_SCORE_KEY, damaged)
    assert services.matching_settings.minimum_score() == 30
    assert minimum_score_from({MINIMUM_SCORE_KEY: damaged}) == 30


in_range = st.integers(WEIGHT_MIN, WEIGHT_MAX)
valid_weights = st.builds(Weights, *(in_range for _ in fields(Weights))).filter(
    lambda w: any(w.of(c) for c in CRITERIA)
)


@PROPERTY
@given(weights=valid_weights)
def test_valid_weights_round_trip(services: Services, weights: Weights) -> None:
    services.matching_settings.set_weights(weights)
    assert services.matching_settings.weights() == weights


def _spoilt(weights: Weights, data: st.DataObject) -> Weights:
    """``weights`` with one or more criteria made unacceptable, or all of them zero."""
    if data.draw(st.booleans()):
        return ALL_ZERO
    bad = st.one_of(
        st.integers(max_value=WEIGHT_MIN - 1),
        st.integers(min_value=WEIGHT_MAX + 1),
        st.floats(allow_nan=True),
        st.booleans(),
        st.text(max_size=3),
        st.none(),
    )
    names = [f.name for f in fields(Weights)]
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, unique=True))
    return replace(weights, **{name: data.draw(bad) for name in chosen})


@PROPERTY
@given(before=valid_weights, data=st.data())
def test_invalid_weights_are_never_saved(
    services: Services, before: Weights, data: st.DataObject
) -> None:
    ms = services.matching_settings
    ms.set_weights(before)
    spoilt = _spoilt(before, data)
    with pytest.raises(ValidationFailed):
        ms.set_weights(spoilt)
    with pytest.raises(ValidationFailed):
        ms.save(spoilt, data.draw(st.integers(0, 100)))
    assert ms.weights() == before


family_names = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30
)


@PROPERTY
@given(related=st.dictionaries(family_names, st.lists(family_names, max_size=4), max_size=5))
def test_saved_related_lists_are_symmetric_without_self_relations(
    services: Services, related: dict[str, list[str]]
) -> None:
    services.matching_settings.set_related_families(related)
    got = services.matching_settings.related_families()
    for family, others in got.items():
        assert family.strip() and family not in others
        assert all(fold(family) != fold(other) for other in others)
        assert all(family in got[other] for other in others)
