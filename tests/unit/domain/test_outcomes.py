"""Outcome measures as data: checks, scoring and change. Every measure here is made up."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from peerdesk.domain.errors import Problem
from peerdesk.domain.outcomes import (
    Change,
    Measure,
    MeasureItem,
    Scoring,
    answer_problems,
    change,
    measure_problems,
    score,
    score_range,
)

MOOD = Measure(
    "Made-up mood check",
    (
        MeasureItem("I felt rested", 1, 5),
        MeasureItem("I saw friends", 1, 5),
        MeasureItem("I felt hopeful", 0, 10),
    ),
    Scoring.SUM,
    higher_is_better=True,
)
WORRY = Measure(
    "Made-up worry scale",
    (MeasureItem("Worried about money", 0, 3), MeasureItem("Worried about sleep", 0, 3)),
    Scoring.MEAN,
    higher_is_better=False,
)


def test_good_measures_have_no_problems() -> None:
    assert measure_problems(MOOD) == []
    assert measure_problems(WORRY) == []


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        pytest.param(
            Measure(" ", (MeasureItem("a", 0, 1),)),
            [Problem("name", "Give the measure a name.")],
            id="no-name",
        ),
        pytest.param(
            Measure("n" * 201, (MeasureItem("a", 0, 1),)),
            [Problem("name", "Use at most 200 characters.")],
            id="long-name",
        ),
        pytest.param(
            Measure("Scale", ()),
            [Problem("items", "A measure needs at least one item.")],
            id="no-items",
        ),
        pytest.param(
            Measure("Scale", (MeasureItem("a", 0, 1), MeasureItem("  ", 0, 1))),
            [Problem("items", "Item 2 has no wording.")],
            id="empty-label",
        ),
        pytest.param(
            Measure("Scale", (MeasureItem("x" * 10_001, 0, 1),)),
            [Problem("items", "Item 1: use at most 10,000 characters.")],
            id="long-label",
        ),
        pytest.param(
            Measure("Scale", (MeasureItem("Sleep", 5, 5),)),
            [
                Problem(
                    "items",
                    "Item 1 (“Sleep”): the lowest answer (5) must be below the highest (5).",
                )
            ],
            id="low-equals-high",
        ),
        pytest.param(
            Measure("Scale", (MeasureItem("", 4, 1),)),
            [
                Problem("items", "Item 1 has no wording."),
                Problem("items", "Item 1: the lowest answer (4) must be below the highest (1)."),
            ],
            id="low-above-high-no-label",
        ),
    ],
)
def test_measure_problems(measure: Measure, expected: list[Problem]) -> None:
    assert measure_problems(measure) == expected


def test_scores() -> None:
    assert score(MOOD, [3, 4, 7]) == 14.0
    assert score(WORRY, [1, 2]) == 1.5
    assert score_range(MOOD) == (2.0, 20.0)
    assert score_range(WORRY) == (0.0, 3.0)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        pytest.param(
            [3, 4],
            "2 answers given for 3 items: every item needs exactly one answer.",
            id="too-few",
        ),
        pytest.param(
            [3, 4, 5, 6],
            "4 answers given for 3 items: every item needs exactly one answer.",
            id="too-many",
        ),
        pytest.param([3, None, 5], "Item 2 (“I saw friends”) has no answer.", id="unanswered"),
        pytest.param([6, 4, 5], "Item 1 (“I felt rested”): 6 is outside 1 to 5.", id="above"),
        pytest.param([3, 4, -1], "Item 3 (“I felt hopeful”): -1 is outside 0 to 10.", id="below"),
    ],
)
def test_bad_answers(answers: list[int | None], message: str) -> None:
    assert answer_problems(MOOD, answers) == [Problem("answers", message)]
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        score(MOOD, answers)


def test_every_bad_answer_is_reported() -> None:
    assert [p.message for p in answer_problems(MOOD, [0, None, 11])] == [
        "Item 1 (“I felt rested”): 0 is outside 1 to 5.",
        "Item 2 (“I saw friends”) has no answer.",
        "Item 3 (“I felt hopeful”): 11 is outside 0 to 10.",
    ]


def test_a_broken_measure_cannot_score() -> None:
    broken = Measure("Broken", ())
    assert answer_problems(broken, []) == [
        Problem("answers", "The measure “Broken” is not set up properly.")
    ]
    with pytest.raises(ValueError, match="not set up properly"):
        score(broken, [])
    with pytest.raises(ValueError, match="at least one item"):
        score_range(broken)


def test_long_item_wording_is_shortened_in_messages() -> None:
    measure = Measure("Scale", (MeasureItem("word " * 20, 0, 1),))
    [problem] = answer_problems(measure, [2])
    assert problem.message.startswith("Item 1 (“word word")
    assert "…”): 2 is outside 0 to 1." in problem.message


@pytest.mark.parametrize(
    ("measure", "first", "latest", "expected", "words"),
    [
        pytest.param(
            MOOD,
            10,
            14,
            Change(10, 14, 4, True),
            "Improved by 4 (from 10 to 14)",
            id="higher-better-up",
        ),
        pytest.param(
            MOOD,
            14,
            10,
            Change(14, 10, -4, False),
            "Worse by 4 (from 14 to 10)",
            id="higher-better-down",
        ),
        pytest.param(
            WORRY,
            2.5,
            1.0,
            Change(2.5, 1.0, -1.5, True),
            "Improved by 1.5 (from 2.5 to 1)",
            id="lower-better-down",
        ),
        pytest.param(
            WORRY,
            1.0,
            2.5,
            Change(1.0, 2.5, 1.5, False),
            "Worse by 1.5 (from 1 to 2.5)",
            id="lower-better-up",
        ),
        pytest.param(MOOD, 12, 12, Change(12, 12, 0, False), "No change (12)", id="same"),
    ],
)
def test_change(
    measure: Measure, first: float, latest: float, expected: Change, words: str
) -> None:
    result = change(first, latest, measure)
    assert result == expected
    assert result.describe() == words
    assert result.worsened == (result.difference != 0 and not result.improved)


@pytest.mark.parametrize(
    ("first", "latest", "message"),
    [
        (1, 10, "The first score 1 is outside 2 to 20 for “Made-up mood check”."),
        (10, 21, "The latest score 21 is outside 2 to 20 for “Made-up mood check”."),
    ],
)
def test_change_refuses_scores_the_measure_cannot_give(
    first: float, latest: float, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        change(first, latest, MOOD)
    assert str(caught.value) == message


@st.composite
def measures(draw: st.DrawFn) -> Measure:
    items = draw(
        st.lists(
            st.tuples(st.integers(-5, 10), st.integers(1, 10)).map(
                lambda t: MeasureItem("item", t[0], t[0] + t[1])
            ),
            min_size=1,
            max_size=8,
        )
    )
    return Measure("Made up", tuple(items), draw(st.sampled_from(Scoring)), draw(st.booleans()))


@st.composite
def measure_and_answers(draw: st.DrawFn) -> tuple[Measure, list[int | None]]:
    measure = draw(measures())
    answers: list[int | None] = [draw(st.integers(i.low, i.high)) for i in measure.items]
    return measure, answers


@given(measure_and_answers())
def test_score_within_range(case: tuple[Measure, list[int | None]]) -> None:
    measure, answers = case
    assert measure_problems(measure) == []
    low, high = score_range(measure)
    assert low < high
    assert low <= score(measure, answers) <= high


@given(measure_and_answers(), st.data())
def test_raising_an_answer_moves_the_score_up(
    case: tuple[Measure, list[int | None]], data: st.DataObject
) -> None:
    measure, answers = case
    n = data.draw(st.integers(0, len(answers) - 1))
    item, answer = measure.items[n], answers[n]
    assert answer is not None
    assume(answer < item.high)
    raised = [*answers[:n], answer + 1, *answers[n + 1 :]]
    assert score(measure, raised) > score(measure, answers)


@given(measure_and_answers(), st.data())
def test_improved_is_symmetric_with_direction(
    a: tuple[Measure, list[int | None]], data: st.DataObject
) -> None:
    measure, first_answers = a
    latest_answers = [data.draw(st.integers(i.low, i.high)) for i in measure.items]
    first, latest = score(measure, first_answers), score(measure, latest_answers)
    flipped = Measure(measure.name, measure.items, measure.scoring, not measure.higher_is_better)
    forward, backward = change(first, latest, measure), change(latest, first, measure)
    assert forward.difference == latest - first == -backward.difference
    if first == latest:
        assert not forward.improved and not change(first, latest, flipped).improved
    else:
        assert forward.improved != change(first, latest, flipped).improved
        assert forward.improved == change(latest, first, flipped).improved
        assert forward.improved != backward.improved
        assert forward.improved == (latest > first if measure.higher_is_better else latest < first)
