"""Saved outcome measures, the scores people gave and each person's change, as frozen records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NewType

from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcomes import Change, Measure, MeasureItem, Scoring, Stage

MeasureId = NewType("MeasureId", int)
OutcomeItemId = NewType("OutcomeItemId", int)
OutcomeScoreId = NewType("OutcomeScoreId", int)


@dataclass(frozen=True)
class DraftItem:
    """An item as the editor holds it: ``id`` is None for an item not saved yet."""

    label: str
    low: int
    high: int
    id: OutcomeItemId | None = None

    @property
    def item(self) -> MeasureItem:
        return MeasureItem(self.label, self.low, self.high)


@dataclass(frozen=True)
class MeasureDetails:
    """What the measure editor saves."""

    name: str
    items: tuple[DraftItem, ...]
    scoring: Scoring = Scoring.SUM
    higher_is_better: bool = True
    every_months: int | None = None
    """How often it is taken again after the start (for the next-due date); None: no interval."""

    @property
    def measure(self) -> Measure:
        items = tuple(i.item for i in self.items)
        return Measure(self.name, items, self.scoring, self.higher_is_better)


@dataclass(frozen=True)
class MeasureRecord:
    id: MeasureId
    measure: Measure
    item_ids: tuple[OutcomeItemId, ...]
    every_months: int | None
    retired: bool
    scored: int
    """How many scores have been taken on it (its items' ranges are then fixed)."""

    @property
    def name(self) -> str:
        return self.measure.name

    @property
    def details(self) -> MeasureDetails:
        m = self.measure
        items = tuple(
            DraftItem(i.label, i.low, i.high, item_id)
            for i, item_id in zip(m.items, self.item_ids, strict=True)
        )
        return MeasureDetails(m.name, items, m.scoring, m.higher_is_better, self.every_months)


@dataclass(frozen=True)
class OutcomeScore:
    """One time a person answered a measure; ``value`` is scored from ``answers``."""

    id: OutcomeScoreId
    person_id: PersonId
    measure_id: MeasureId
    taken_on: dt.date
    stage: Stage
    answers: tuple[int, ...]
    """In the measure's item order."""
    value: float
    recorded_by: str


@dataclass(frozen=True)
class PersonOutcome:
    """One measure on a person's record: scores oldest first, the change and when next due."""

    measure: MeasureRecord
    scores: tuple[OutcomeScore, ...]
    change: Change | None
    """From the first score to the latest; None until there are two."""
    next_due: dt.date | None

    @property
    def first(self) -> OutcomeScore:
        return self.scores[0]

    @property
    def latest(self) -> OutcomeScore:
        return self.scores[-1]
