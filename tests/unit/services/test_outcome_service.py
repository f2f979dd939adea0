"""Outcome measures and scores through the service. Every measure here is made up."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from peerdesk.domain.errors import NotFound, ValidationFailed
from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcome_records import DraftItem, MeasureDetails, MeasureRecord
from peerdesk.domain.outcomes import Scoring, Stage
from peerdesk.domain.person import PersonDetails
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from tests.conftest import NOW

TODAY = NOW.date()
D = dt.date
WELLBEING = MeasureDetails(
    "Made-up wellbeing check",
    (DraftItem("I felt rested", 1, 5), DraftItem("I saw friends", 0, 4)),
    Scoring.SUM,
    higher_is_better=True,
    every_months=3,
)


def person(services: Services, name: str = "Zoë Nguyễn") -> PersonId:
    return services.people.create(PersonDetails(full_name=name, referred_on=D(2026, 6, 1)))[0].id


def measure(services: Services, details: MeasureDetails = WELLBEING) -> MeasureRecord:
    return services.outcomes.add_measure(details)[0]


def fields(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.message for p in excinfo.value.problems}


def test_no_measure_is_seeded(services: Services) -> None:
    assert services.outcomes.measures() == []


def test_add_tidies_and_lists_measures_by_name(services: Services) -> None:
    saved, changes = services.outcomes.add_measure(
        replace(WELLBEING, name="  Made-up   wellbeing check ")
    )
    assert changes == Changes(outcomes=True) and not changes.empty
    assert saved.name == "Made-up wellbeing check" and saved.every_months == 3
    assert [i.label for i in saved.measure.items] == ["I felt rested", "I saw friends"]
    assert saved.scored == 0 and not saved.retired
    other = measure(services, replace(WELLBEING, name="another scale", every_months=None))
    assert [m.id for m in services.outcomes.measures()] == [other.id, saved.id]
    assert services.outcomes.measure(saved.id) == saved


@pytest.mark.parametrize(
    ("details", "field", "words"),
    [
        (replace(WELLBEING, name=" "), "name", "Give the measure a name."),
        (replace(WELLBEING, items=()), "items", "at least one item"),
        (replace(WELLBEING, items=(DraftItem("x", 3, 3),)), "items", "must be below"),
        (replace(WELLBEING, every_months=0), "every_months", "1 to 60 months"),
        (replace(WELLBEING, every_months=61), "every_months", "1 to 60 months"),
    ],
)
def test_bad_measures_are_refused_naming_the_field(
    services: Services, details: MeasureDetails, field: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.outcomes.add_measure(details)
    assert words in fields(refused)[field]
    assert services.outcomes.check_measure(details) == list(refused.value.problems)
    assert services.outcomes.measures() == []


def test_names_are_unique_whatever_the_case(services: Services) -> None:
    measure(services)
    with pytest.raises(ValidationFailed) as refused:
        services.outcomes.add_measure(replace(WELLBEING, name="MADE-UP WELLBEING CHECK"))
    assert "already a measure" in fields(refused)["name"]


def test_record_scores_and_see_the_change(services: Services) -> None:
    who, m = person(services), measure(services)
    start, changes = services.outcomes.record_score(
        who, m.id, taken_on=D(2026, 6, 2), stage=Stage.START, answers=[2, 1]
    )
    assert changes.outcomes and start.value == 3 and start.answers == (2, 1)
    assert start.recorded_by == "Coordinator"
    only = services.outcomes.person_outcomes(who)
    assert len(only) == 1 and only[0].change is None and only[0].first == only[0].latest
    services.outcomes.record_score(
        who, m.id, taken_on=D(2026, 9, 2), stage=Stage.REVIEW, answers=[4, 3]
    )
    [outcome] = services.outcomes.person_outcomes(who)
    assert [s.value for s in outcome.scores] == [3, 7]
    assert outcome.change is not None and outcome.change.describe() == "Improved by 4 (from 3 to 7)"
    assert outcome.next_due == D(2026, 12, 2)
    assert services.outcomes.next_due(who) == {m.id: D(2026, 12, 2)}
    assert [s.stage for s in services.outcomes.scores(who)] == [Stage.START, Stage.REVIEW]
    assert services.outcomes.measure(m.id).scored == 2


def test_lower_is_better_and_mean_scoring(services: Services) -> None:
    worry = measure(
        services,
        MeasureDetails(
            "Made-up worry scale",
            (DraftItem("Money", 0, 3), DraftItem("Sleep", 0, 3)),
            Scoring.MEAN,
            higher_is_better=False,
        ),
    )
    who = person(services)
    for day, answers in ((D(2026, 1, 5), [3, 2]), (D(2026, 7, 5), [1, 2])):
        services.outcomes.record_score(
            who, worry.id, taken_on=day, stage=Stage.REVIEW, answers=answers
        )
    [outcome] = services.outcomes.person_outcomes(who)
    assert outcome.change is not None
    assert outcome.change.describe() == "Improved by 1 (from 2.5 to 1.5)"
    assert outcome.next_due is None and services.outcomes.next_due(who) == {}


def test_scores_taken_out_of_order_run_by_date(services: Services) -> None:
    who, m = person(services), measure(services)
    services.outcomes.record_score(
        who, m.id, taken_on=D(2026, 9, 1), stage=Stage.END, answers=[1, 0]
    )
    services.outcomes.record_score(
        who, m.id, taken_on=D(2026, 3, 1), stage=Stage.START, answers=[5, 4]
    )
    [outcome] = services.outcomes.person_outcomes(who)
    assert outcome.first.taken_on == D(2026, 3, 1) and outcome.latest.stage is Stage.END
    assert outcome.change is not None and outcome.change.describe().startswith("Worse by 8")


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ([2], "every item needs exactly one answer"),
        ([2, 5], "5 is outside 0 to 4"),
        ([None, 1], "has no answer"),
        ([0, 1], "0 is outside 1 to 5"),
    ],
)
def test_bad_answers_are_refused(services: Services, answers: list[int | None], words: str) -> None:
    who, m = person(services), measure(services)
    with pytest.raises(ValidationFailed) as refused:
        services.outcomes.record_score(
            who, m.id, taken_on=TODAY, stage=Stage.START, answers=answers
        )
    assert words in fields(refused)["answers"]
    assert services.outcomes.scores(who) == []


def test_future_dates_retired_measures_and_missing_people_are_refused(
    services: Services,
) -> None:
    who, m = person(services), measure(services)
    with pytest.raises(ValidationFailed) as refused:
        services.outcomes.record_score(
            who, m.id, taken_on=TODAY + dt.timedelta(days=1), stage=Stage.START, answers=[1, 1]
        )
    assert fields(refused) == {"taken_on": "The date taken cannot be in the future."}
    retired, changes = services.outcomes.set_retired(m.id, True)
    assert retired.retired and changes.outcomes
    assert services.outcomes.measures(include_retired=False) == []
    with pytest.raises(ValidationFailed) as refused:
        services.outcomes.record_score(who, m.id, taken_on=TODAY, stage=Stage.START, answers=[1, 1])
    assert "is retired" in fields(refused)["measure"]
    services.outcomes.set_retired(m.id, False)
    with pytest.raises(NotFound):
        services.outcomes.record_score(
            PersonId(9999), m.id, taken_on=TODAY, stage=Stage.START, answers=[1, 1]
        )


def test_editing_a_measure_without_scores_may_change_anything(services: Services) -> None:
    m = measure(services)
    first, second = m.details.items
    edited = replace(
        m.details,
        items=(DraftItem("Slept well", 0, 10, second.id), DraftItem("New item", 1, 3)),
        scoring=Scoring.MEAN,
    )
    saved, _ = services.outcomes.update_measure(m.id, edited)
    assert [(i.label, i.low, i.high) for i in saved.measure.items] == [
        ("Slept well", 0, 10),
        ("New item", 1, 3),
    ]
    assert saved.item_ids[0] == second.id and first.id not in saved.item_ids
    assert saved.measure.scoring is Scoring.MEAN


def test_editing_a_scored_measure_keeps_ranges_and_items(services: Services) -> None:
    who, m = person(services), measure(services)
    services.outcomes.record_score(who, m.id, taken_on=TODAY, stage=Stage.START, answers=[2, 1])
    rested, friends = m.details.items

    for items, words in (
        ((rested, replace(friends, high=10)), "must keep its range of 0 to 4"),
        ((rested,), "cannot be removed: it has 1 answer recorded"),
        ((rested, friends, DraftItem("Extra", 0, 1)), "no item can be added"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            services.outcomes.update_measure(m.id, replace(m.details, items=items))
        assert words in fields(refused)["items"]

    reworded = (replace(friends, label="I met a friend"), rested)  # moved and reworded
    saved, _ = services.outcomes.update_measure(m.id, replace(m.details, items=reworded))
    assert [i.label for i in saved.measure.items] == ["I met a friend", "I felt rested"]
    [score] = services.outcomes.scores(who)
    assert score.answers == (1, 2) and score.value == 3


def test_a_new_measure_cannot_take_saved_items(services: Services) -> None:
    m = measure(services)
    with pytest.raises(ValidationFailed) as refused:
        services.outcomes.add_measure(replace(m.details, name="Copy"))
    assert "cannot take items" in fields(refused)["items"]
