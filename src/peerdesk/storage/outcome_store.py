"""Outcome measures (typed in by the organisation) and the scores people gave on them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcome_records import (
    MeasureDetails,
    MeasureId,
    MeasureRecord,
    OutcomeItemId,
    OutcomeScore,
    OutcomeScoreId,
)
from peerdesk.domain.outcomes import Measure, MeasureItem, Scoring, Stage, score
from peerdesk.storage.lookup import require
from peerdesk.storage.outcome_models import (
    OutcomeAnswerRow,
    OutcomeItemRow,
    OutcomeMeasureRow,
    OutcomeScoreRow,
)
from peerdesk.storage.person_models import PersonRowModel


def _record(row: OutcomeMeasureRow, scored: int) -> MeasureRecord:
    items = tuple(MeasureItem(i.wording, i.low, i.high) for i in row.items)
    measure = Measure(row.name, items, Scoring(row.scoring), row.higher_is_better)
    ids = tuple(OutcomeItemId(i.id) for i in row.items)
    return MeasureRecord(MeasureId(row.id), measure, ids, row.every_months, row.retired, scored)


def _score_counts(s: Session) -> dict[int, int]:
    rows = s.execute(
        select(OutcomeScoreRow.measure_id, func.count()).group_by(OutcomeScoreRow.measure_id)
    ).tuples()
    return dict(rows.all())


def measures(s: Session) -> list[MeasureRecord]:
    """Every measure by name, retired ones too (each says so)."""
    counts = _score_counts(s)
    rows = s.scalars(
        select(OutcomeMeasureRow)
        .options(selectinload(OutcomeMeasureRow.items))
        .order_by(func.lower(OutcomeMeasureRow.name), OutcomeMeasureRow.id)
    )
    return [_record(r, counts.get(r.id, 0)) for r in rows]


def read_measure(s: Session, measure_id: MeasureId) -> MeasureRecord:
    row = require(s, OutcomeMeasureRow, measure_id, "outcome measure")
    scored = s.scalar(select(func.count()).where(OutcomeScoreRow.measure_id == measure_id))
    return _record(row, scored or 0)


def measure_named(s: Session, name: str) -> MeasureId | None:
    found = s.scalar(
        select(OutcomeMeasureRow.id).where(func.lower(OutcomeMeasureRow.name) == name.lower())
    )
    return None if found is None else MeasureId(found)


def answered_items(s: Session, measure_id: MeasureId) -> dict[int, int]:
    """How many answers each of the measure's items has, by item id (items with none left out)."""
    rows = s.execute(
        select(OutcomeAnswerRow.item_id, func.count())
        .join(OutcomeItemRow, OutcomeAnswerRow.item_id == OutcomeItemRow.id)
        .where(OutcomeItemRow.measure_id == measure_id)
        .group_by(OutcomeAnswerRow.item_id)
    ).tuples()
    return dict(rows.all())


def save_measure(
    s: Session, details: MeasureDetails, *, measure_id: MeasureId | None, now: dt.datetime
) -> MeasureRecord:
    """Insert, or overwrite ``measure_id``: items are matched by id, new ones added, missing
    ones deleted (the service has refused any removal that would lose answers)."""
    if measure_id is None:
        row = OutcomeMeasureRow(created_at=now, retired=False)
        s.add(row)
    else:
        row = require(s, OutcomeMeasureRow, measure_id, "outcome measure")
    row.name = details.name
    row.scoring = details.scoring.value
    row.higher_is_better = details.higher_is_better
    row.every_months = details.every_months
    existing = {i.id: i for i in row.items}
    kept: list[OutcomeItemRow] = []
    for position, draft in enumerate(details.items, start=1):
        item = existing.get(draft.id) if draft.id is not None else None
        if item is None:
            item = OutcomeItemRow()
        item.position, item.wording, item.low, item.high = (
            position,
            draft.label,
            draft.low,
            draft.high,
        )
        kept.append(item)
    row.items = kept
    s.flush()
    s.refresh(row, ["items"])
    return read_measure(s, MeasureId(row.id))


def set_retired(s: Session, measure_id: MeasureId, *, retired: bool) -> MeasureRecord:
    row = require(s, OutcomeMeasureRow, measure_id, "outcome measure")
    row.retired = retired
    s.flush()
    return read_measure(s, measure_id)


def require_person(s: Session, person_id: PersonId) -> None:
    if s.scalar(select(PersonRowModel.id).where(PersonRowModel.id == person_id)) is None:
        raise NotFound("That person is no longer in the vault.")


def add_score(
    s: Session,
    person_id: PersonId,
    measure: MeasureRecord,
    *,
    taken_on: dt.date,
    stage: Stage,
    answers: Sequence[int],
    now: dt.datetime,
    recorded_by: str,
) -> OutcomeScore:
    """One answer per item, in item order (the service has checked them against the ranges)."""
    row = OutcomeScoreRow(
        person_id=person_id,
        measure_id=measure.id,
        taken_on=taken_on,
        stage=stage.value,
        recorded_at=now,
        recorded_by=recorded_by,
        answers=[
            OutcomeAnswerRow(item_id=item_id, value=value)
            for item_id, value in zip(measure.item_ids, answers, strict=True)
        ],
    )
    s.add(row)
    s.flush()
    return _score(row, measure)


def _score(row: OutcomeScoreRow, measure: MeasureRecord) -> OutcomeScore:
    by_item = {a.item_id: a.value for a in row.answers}
    answers = tuple(by_item[i] for i in measure.item_ids)
    return OutcomeScore(
        id=OutcomeScoreId(row.id),
        person_id=PersonId(row.person_id),
        measure_id=MeasureId(row.measure_id),
        taken_on=row.taken_on,
        stage=Stage(row.stage),
        answers=answers,
        value=score(measure.measure, answers),
        recorded_by=row.recorded_by,
    )


def scores_for(s: Session, person_id: PersonId) -> list[tuple[MeasureRecord, list[OutcomeScore]]]:
    """The person's scores grouped by measure (measures by name), each oldest first."""
    rows = s.scalars(
        select(OutcomeScoreRow)
        .options(selectinload(OutcomeScoreRow.answers))
        .where(OutcomeScoreRow.person_id == person_id)
        .order_by(OutcomeScoreRow.taken_on, OutcomeScoreRow.id)
    ).all()
    grouped: dict[int, list[OutcomeScoreRow]] = defaultdict(list)
    for row in rows:
        grouped[row.measure_id].append(row)
    found = [m for m in measures(s) if m.id in grouped]
    return [(m, [_score(r, m) for r in grouped[m.id]]) for m in found]


def first_and_latest(
    s: Session, person_id: PersonId
) -> list[tuple[MeasureRecord, OutcomeScore, OutcomeScore]]:
    """Per measure the person has scores on: the first and the latest (the same when one)."""
    return [(m, found[0], found[-1]) for m, found in scores_for(s, person_id)]
