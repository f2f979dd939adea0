"""Outcome measures as data, scores and change for funders (issue 5 part 11).

A measure is whatever scale the organisation is licensed to use, typed in by the coordinator:
its name, items (wording and answer range), how it is scored and which direction is better.
PeerDesk ships none of a published questionnaire's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.calendar import add_months
from peerdesk.domain.errors import Problem
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX


class Scoring(Enum):
    SUM = "sum"
    MEAN = "mean"

    @property
    def label(self) -> str:
        return "Total of the answers" if self is Scoring.SUM else "Average of the answers"


MAX_EVERY_MONTHS = 60
"""The longest interval between reviews a measure may have (five years)."""


class Stage(Enum):
    """When in someone's support a score was taken."""

    START = "start"
    REVIEW = "review"
    END = "end"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class MeasureItem:
    """One question: its wording and the lowest and highest answers allowed (whole numbers)."""

    label: str
    low: int
    high: int


@dataclass(frozen=True)
class Measure:
    name: str
    items: tuple[MeasureItem, ...]
    scoring: Scoring = Scoring.SUM
    higher_is_better: bool = True


@dataclass(frozen=True)
class Change:
    """From the first score to the latest; ``improved`` follows the measure's direction."""

    first: float
    latest: float
    difference: float
    """``latest - first``: positive means the score went up, whatever the direction."""
    improved: bool

    @property
    def worsened(self) -> bool:
        return self.difference != 0 and not self.improved

    def describe(self) -> str:
        """Like "Improved by 3 (from 12 to 15)" or "No change (14)"."""
        if self.difference == 0:
            return f"No change ({_number(self.latest)})"
        word = "Improved" if self.improved else "Worse"
        return (
            f"{word} by {_number(abs(self.difference))} "
            f"(from {_number(self.first)} to {_number(self.latest)})"
        )


def measure_problems(measure: Measure) -> list[Problem]:
    """Why a measure cannot be saved, naming the field; empty when it can."""
    problems = []
    if not measure.name.strip():
        problems.append(Problem("name", "Give the measure a name."))
    elif len(measure.name) > SHORT_TEXT_MAX:
        problems.append(Problem("name", f"Use at most {SHORT_TEXT_MAX} characters."))
    if not measure.items:
        problems.append(Problem("items", "A measure needs at least one item."))
    for n, item in enumerate(measure.items, start=1):
        if not item.label.strip():
            problems.append(Problem("items", f"Item {n} has no wording."))
        elif len(item.label) > LONG_TEXT_MAX:
            problems.append(
                Problem("items", f"Item {n}: use at most {LONG_TEXT_MAX:,} characters.")
            )
        if item.low >= item.high:
            problems.append(
                Problem(
                    "items",
                    f"{_item(n, item)}: the lowest answer ({item.low}) must be below the "
                    f"highest ({item.high}).",
                )
            )
    return problems


def answer_problems(measure: Measure, answers: Sequence[int | None]) -> list[Problem]:
    """Why a set of answers (in item order, None for unanswered) cannot be scored."""
    if measure_problems(measure):
        return [
            Problem("answers", f"The measure \u201c{measure.name}\u201d is not set up properly.")
        ]
    if len(answers) != len(measure.items):
        return [
            Problem(
                "answers",
                f"{len(answers)} answers given for {len(measure.items)} items: "
                "every item needs exactly one answer.",
            )
        ]
    problems = []
    for n, (item, answer) in enumerate(zip(measure.items, answers, strict=True), start=1):
        if answer is None:
            problems.append(Problem("answers", f"{_item(n, item)} has no answer."))
        elif not item.low <= answer <= item.high:
            problems.append(
                Problem(
                    "answers",
                    f"{_item(n, item)}: {answer} is outside {item.low} to {item.high}.",
                )
            )
    return problems


def score(measure: Measure, answers: Sequence[int | None]) -> float:
    """The measure's score; raises ``ValueError`` (with every problem) for bad answers."""
    problems = answer_problems(measure, answers)
    if problems:
        raise ValueError(" ".join(p.message for p in problems))
    return _scored(measure, [a for a in answers if a is not None])


def score_range(measure: Measure) -> tuple[float, float]:
    """The lowest and highest scores the measure can give."""
    if not measure.items:
        raise ValueError("A measure needs at least one item.")
    return (
        _scored(measure, [i.low for i in measure.items]),
        _scored(measure, [i.high for i in measure.items]),
    )


def change(first: float, latest: float, measure: Measure) -> Change:
    """From ``first`` to ``latest`` score, judged by the measure's direction.

    No change is neither improved nor worse. Scores outside :func:`score_range` raise
    ``ValueError``: they cannot have come from this measure.
    """
    low, high = score_range(measure)
    for what, value in (("first", first), ("latest", latest)):
        if not low <= value <= high:
            raise ValueError(
                f"The {what} score {_number(value)} is outside {_number(low)} to "
                f"{_number(high)} for \u201c{measure.name}\u201d."
            )
    difference = latest - first
    improved = difference > 0 if measure.higher_is_better else difference < 0
    return Change(first, latest, difference, improved)


def every_months_problems(every_months: int | None) -> list[Problem]:
    """Why a review interval cannot be saved; None (no regular review) is fine."""
    if every_months is not None and not 1 <= every_months <= MAX_EVERY_MONTHS:
        return [
            Problem(
                "every_months",
                f"Review every 1 to {MAX_EVERY_MONTHS} months, or leave it empty for no regular "
                "review.",
            )
        ]
    return []


def next_due(latest: dt.date, every_months: int | None) -> dt.date | None:
    """When the next score is due: ``every_months`` after the latest; None with no interval."""
    if every_months is None:
        return None
    try:
        return add_months(latest, every_months)
    except ValueError:
        return None


def edit_problems(
    old: Sequence[tuple[int, MeasureItem]],
    new: Sequence[tuple[int | None, MeasureItem]],
    answered: Mapping[int, int],
    *,
    scored: int,
) -> list[Problem]:
    """Why editing a measure's items would break scores already recorded on it.

    ``old`` and ``new`` pair item ids with items (None for a new item); ``answered`` counts the
    answers recorded per item id and ``scored`` the scores taken. Wording may always change;
    an item with answers keeps its range and cannot be removed, and once any score is taken no
    item can be added (the earlier scores would have no answer for it).
    """
    problems = []
    if scored:
        added = sum(1 for item_id, _ in new if item_id is None)
        if added:
            problems.append(
                Problem(
                    "items",
                    f"{_count(scored, 'score has', 'scores have')} been taken on this measure, "
                    "so no item can be added: the earlier scores would have no answer for it. "
                    "Retire this measure and add a new one instead.",
                )
            )
    kept = {item_id: item for item_id, item in new if item_id is not None}
    for n, (item_id, item) in enumerate(old, start=1):
        count = answered.get(item_id, 0)
        if not count:
            continue
        answers = _count(count, "answer", "answers")
        now = kept.get(item_id)
        if now is None:
            problems.append(
                Problem(
                    "items",
                    f"{_item(n, item)} cannot be removed: it has {answers} recorded. "
                    "Retire the measure and add a new one instead.",
                )
            )
        elif (now.low, now.high) != (item.low, item.high):
            problems.append(
                Problem(
                    "items",
                    f"{_item(n, item)} must keep its range of {item.low} to {item.high}: it has "
                    f"{answers} recorded on that range. Its wording can still change.",
                )
            )
    return problems


def format_score(value: float) -> str:
    """A score as people read it: up to two decimals, no trailing zeros (12, 2.5, 3.33)."""
    return _number(value)


def _count(n: int, one: str, many: str) -> str:
    return f"1 {one}" if n == 1 else f"{n:,} {many}"


def _scored(measure: Measure, values: Sequence[int]) -> float:
    total = float(sum(values))
    return total if measure.scoring is Scoring.SUM else total / len(values)


def _item(n: int, item: MeasureItem) -> str:
    label = item.label.strip()
    if len(label) > 40:
        label = label[:39] + "\u2026"
    return f"Item {n} (\u201c{label}\u201d)" if label else f"Item {n}"


def _number(value: float) -> str:
    """Up to two decimals, no trailing zeros: 12, 2.5, 3.33."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
