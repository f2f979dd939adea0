"""Outcomes for funders: the organisation's own measures and the scores people give on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcome_records import (
    MeasureDetails,
    MeasureId,
    MeasureRecord,
    OutcomeScore,
    PersonOutcome,
)
from peerdesk.domain.outcomes import (
    Stage,
    answer_problems,
    change,
    edit_problems,
    every_months_problems,
    measure_problems,
    next_due,
)
from peerdesk.domain.roles import Action
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.storage import outcome_store, settings_store
from peerdesk.storage.workspace import Tx, Workspace

CHANGED = Changes(outcomes=True)


class OutcomeService:
    """Each write is one transaction and returns the saved record and ``Changes(outcomes=True)``."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    # --- measures -----------------------------------------------------------------------------

    def measures(self, *, include_retired: bool = True) -> list[MeasureRecord]:
        with self._ws.reading() as s:
            found = outcome_store.measures(s)
        return [m for m in found if include_retired or not m.retired]

    def measure(self, measure_id: MeasureId) -> MeasureRecord:
        with self._ws.reading() as s:
            return outcome_store.read_measure(s, measure_id)

    def check_measure(
        self, details: MeasureDetails, measure_id: MeasureId | None = None
    ) -> list[Problem]:
        """Every reason the editor's measure cannot be saved, as the coordinator types."""
        with self._ws.reading() as s:
            return self._measure_problems(s, _tidied(details), measure_id)

    def add_measure(self, details: MeasureDetails) -> tuple[MeasureRecord, Changes]:
        clean = _tidied(details)
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            refuse(self._measure_problems(s, clean, None))
            saved = outcome_store.save_measure(s, clean, measure_id=None, now=self._clock.now())
        return saved, CHANGED

    def update_measure(
        self, measure_id: MeasureId, details: MeasureDetails
    ) -> tuple[MeasureRecord, Changes]:
        """Save edits; once scores are taken, items with answers keep their ranges and stay."""
        clean = _tidied(details)
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            refuse(self._measure_problems(s, clean, measure_id))
            saved = outcome_store.save_measure(
                s, clean, measure_id=measure_id, now=self._clock.now()
            )
        return saved, CHANGED

    def set_retired(self, measure_id: MeasureId, retired: bool) -> tuple[MeasureRecord, Changes]:
        """A retired measure keeps its scores but is not offered for new ones."""
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            saved = outcome_store.set_retired(s, measure_id, retired=retired)
        return saved, CHANGED

    @staticmethod
    def _measure_problems(
        s: Tx, details: MeasureDetails, measure_id: MeasureId | None
    ) -> list[Problem]:
        problems = measure_problems(details.measure)
        problems += every_months_problems(details.every_months)
        taken = outcome_store.measure_named(s, details.name) if details.name else None
        if taken is not None and taken != measure_id:
            problems.append(Problem("name", f"There is already a measure called “{details.name}”."))
        if measure_id is not None:
            old = outcome_store.read_measure(s, measure_id)
            problems += edit_problems(
                list(zip(old.item_ids, old.measure.items, strict=True)),
                [(i.id, i.item) for i in details.items],
                outcome_store.answered_items(s, measure_id),
                scored=old.scored,
            )
        elif any(i.id is not None for i in details.items):
            problems.append(Problem("items", "A new measure cannot take items of another."))
        return problems

    # --- scores -------------------------------------------------------------------------------

    def check_score(
        self, measure_id: MeasureId, *, taken_on: dt.date, answers: Sequence[int | None]
    ) -> list[Problem]:
        """Why these answers cannot be recorded (as the coordinator types them)."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            measure = outcome_store.read_measure(s, measure_id)
        return self._score_problems(measure, taken_on, answers)

    def record_score(
        self,
        person_id: PersonId,
        measure_id: MeasureId,
        *,
        taken_on: dt.date,
        stage: Stage,
        answers: Sequence[int | None],
    ) -> tuple[OutcomeScore, Changes]:
        """One answer per item, each within the item's range; the date not in the future."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.transaction() as s:
            outcome_store.require_person(s, person_id)
            measure = outcome_store.read_measure(s, measure_id)
            refuse(self._score_problems(measure, taken_on, answers))
            saved = outcome_store.add_score(
                s,
                person_id,
                measure,
                taken_on=taken_on,
                stage=stage,
                answers=[a for a in answers if a is not None],
                now=self._clock.now(),
                recorded_by=recorder_from(settings_store.read_all(s)),
            )
        return saved, CHANGED

    def _score_problems(
        self, measure: MeasureRecord, taken_on: dt.date, answers: Sequence[int | None]
    ) -> list[Problem]:
        problems = []
        if measure.retired:
            problems.append(
                Problem(
                    "measure",
                    f"“{measure.name}” is retired: restore it in Settings to record scores on it.",
                )
            )
        if taken_on > self._clock.today():
            problems.append(Problem("taken_on", "The date taken cannot be in the future."))
        return problems + answer_problems(measure.measure, answers)

    def scores(self, person_id: PersonId) -> list[OutcomeScore]:
        """The person's scores, by measure name and then oldest first."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            return [x for _m, found in outcome_store.scores_for(s, person_id) for x in found]

    def person_outcomes(self, person_id: PersonId) -> list[PersonOutcome]:
        """Each measure the person has scores on, with the change from first to latest."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            grouped = outcome_store.scores_for(s, person_id)
        return [
            PersonOutcome(
                measure=m,
                scores=tuple(found),
                change=(
                    change(found[0].value, found[-1].value, m.measure) if len(found) > 1 else None
                ),
                next_due=next_due(found[-1].taken_on, m.every_months),
            )
            for m, found in grouped
        ]

    def next_due(self, person_id: PersonId) -> dict[MeasureId, dt.date]:
        """For display: the latest date taken plus the measure's interval, where it has one."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            grouped = outcome_store.scores_for(s, person_id)
        due = {m.id: next_due(found[-1].taken_on, m.every_months) for m, found in grouped}
        return {k: v for k, v in due.items() if v is not None}


def _tidied(details: MeasureDetails) -> MeasureDetails:
    items = tuple(replace(i, label=tidy(i.label)) for i in details.items)
    return replace(details, name=tidy_line(details.name), items=items)
