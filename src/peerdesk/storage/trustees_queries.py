"""What trustees' figures read: the fields ``trustees_inputs`` lists, in a handful of Core queries.

No name, email, phone, address, date of birth or note leaves this module: each query selects
only ids, dates, statuses, reasons, minutes, bands and scores. The figures count the whole
organisation, so no viewer applies here: protected records are counted like any other (a count
shows no one's details), and PSWs and people who were archived still count for the dates they
were with the scheme, so a past period's figures do not change when someone is archived.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from peerdesk.domain.contacts import ContactOutcome
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import EndReason, MatchStage
from peerdesk.domain.outcomes import Scoring
from peerdesk.domain.person import PersonStatus
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.trustees_inputs import (
    AGE_BAND,
    ContactFacts,
    EqualityAnswer,
    MatchFacts,
    OutcomeScores,
    PersonFacts,
    PswFacts,
    TrusteesInputs,
    age_band,
)
from peerdesk.storage.check_models import (
    RequirementDueRow,
    RequirementPolicyRow,
    TrainingRecordRow,
)
from peerdesk.storage.match_models import ContactRow, MatchRow, MatchStepRow
from peerdesk.storage.models import PswDemographic, PswRowModel, PswStatusChange
from peerdesk.storage.outcome_models import OutcomeAnswerRow, OutcomeMeasureRow, OutcomeScoreRow
from peerdesk.storage.person_models import PersonRowModel, PersonStatusChangeRow
from peerdesk.storage.supervision_models import SupervisionAttendeeRow, SupervisionSessionRow

K = TypeVar("K")
V = TypeVar("V")

_JOURNEY = {status.value: status for status in JourneyStatus}
_PERSON = {status.value: status for status in PersonStatus}
_ROLE = {role.value: role for role in Role}
_REASON = {reason.value: reason for reason in EndReason}
_KIND = {kind.value: kind for kind in SupervisionKind}


_DAY = dt.date.fromisoformat
_BY_DATE = itemgetter(1)


def _text(column: Any) -> Any:
    """A date column read as its stored ISO text: ``dt.date.fromisoformat`` (C) parses it far
    faster than SQLAlchemy's per-row Date processing, the bulk of reading 100,000 dated rows."""
    return type_coerce(column, String)


def _day_or_none(text: str | None) -> dt.date | None:
    return None if text is None else _DAY(text)


def _by_date(moves: list[tuple[K, dt.date]]) -> tuple[tuple[K, dt.date], ...]:
    """Oldest first, keeping the given order within a day (as the figures sort them)."""
    moves.sort(key=_BY_DATE)
    return tuple(moves)


def _grouped(pairs: Iterable[tuple[K, V]]) -> dict[K, list[V]]:
    found: dict[K, list[V]] = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def read_inputs(s: Session, since: dt.date | None = None) -> TrusteesInputs:
    """Every PSW, person, match, attended contact and score, as name-free facts (no standings).

    With ``since``, training and contacts dated before it are left out: no figure for a period
    starting on or after ``since`` reads them (journeys and scores are read whole, since a
    period's figures look back to the first status or score).
    """
    s.flush()
    conn = s.connection()  # plain Core rows: 10,000 journeys need none of the ORM's work
    return TrusteesInputs(
        psws=_psws(conn, since),
        people=_people(conn),
        matches=_matches(conn),
        contacts=_contacts(conn, since),
    )


def _psws(conn: Connection, since: dt.date | None) -> tuple[PswFacts, ...]:
    moves = _grouped(
        (psw, (_JOURNEY[status], _DAY(on)))
        for psw, status, on in conn.execute(
            select(
                PswStatusChange.psw_id,
                PswStatusChange.to_status,
                _text(PswStatusChange.changed_on),
            ).order_by(PswStatusChange.id)
        ).all()
    )
    banded: dict[tuple[str, str], EqualityAnswer] = {}  # few distinct answers, banded once
    answers = _grouped(
        (
            psw,
            banded.get((question, answer))
            or banded.setdefault((question, answer), EqualityAnswer.of(question, answer)),
        )
        for psw, question, answer in conn.execute(
            select(PswDemographic.psw_id, PswDemographic.question, PswDemographic.answer)
        ).all()
    )
    training = select(TrainingRecordRow.psw_id, _text(TrainingRecordRow.done_on))
    if since is not None:
        training = training.where(TrainingRecordRow.done_on >= since)
    trained = _grouped((psw, _DAY(on)) for psw, on in conn.execute(training).all())
    heads = conn.execute(select(PswRowModel.id, PswRowModel.role).order_by(PswRowModel.id)).all()
    return tuple(
        PswFacts(
            PswId(psw),
            _ROLE[role],
            _by_date(moves.get(psw, [])),
            tuple(sorted(answers.get(psw, ()), key=lambda a: a.question)),
            tuple(sorted(trained.get(psw, ()))),
        )
        for psw, role in heads
    )


def _people(conn: Connection) -> tuple[PersonFacts, ...]:
    moves = _grouped(
        (person, (_PERSON[status], _DAY(on)))
        for person, status, on in conn.execute(
            select(
                PersonStatusChangeRow.person_id,
                PersonStatusChangeRow.to_status,
                _text(PersonStatusChangeRow.changed_on),
            ).order_by(PersonStatusChangeRow.id)
        ).all()
    )
    outcomes = _outcomes(conn)
    heads = conn.execute(
        select(
            PersonRowModel.id,
            _text(PersonRowModel.referred_on),
            _text(PersonRowModel.date_of_birth),
        ).order_by(PersonRowModel.id)
    )
    # The date of birth is read only to band it here: it never leaves this function.
    found = []
    for person, referred, born in heads:
        referred_on = _DAY(referred)
        band = EqualityAnswer(AGE_BAND, age_band(_day_or_none(born), referred_on))
        found.append(
            PersonFacts(
                PersonId(person),
                referred_on,
                _by_date(moves.get(person, [])),
                (band,),
                outcomes.get(person, ()),
            )
        )
    return tuple(found)


def _outcomes(conn: Connection) -> dict[int, tuple[OutcomeScores, ...]]:
    """Per person, each measure's dated scores (the total or average of the answers)."""
    rows = conn.execute(
        select(
            OutcomeScoreRow.person_id,
            OutcomeScoreRow.measure_id,
            OutcomeMeasureRow.higher_is_better,
            OutcomeMeasureRow.scoring,
            _text(OutcomeScoreRow.taken_on),
            func.sum(OutcomeAnswerRow.value),
            func.count(OutcomeAnswerRow.value),
        )
        .join(OutcomeMeasureRow, OutcomeMeasureRow.id == OutcomeScoreRow.measure_id)
        .join(OutcomeAnswerRow, OutcomeAnswerRow.score_id == OutcomeScoreRow.id)
        .group_by(OutcomeScoreRow.id)
        .order_by(OutcomeScoreRow.person_id, OutcomeScoreRow.measure_id, OutcomeScoreRow.taken_on)
    ).all()
    scores: dict[tuple[int, int], list[tuple[dt.date, float]]] = defaultdict(list)
    better: dict[int, bool] = {}
    for person, measure, higher, scoring, on, total, answered in rows:
        value = float(total) if scoring == Scoring.SUM.value else float(total) / answered
        scores[(person, measure)].append((_DAY(on), value))
        better[measure] = bool(higher)
    found: dict[int, list[OutcomeScores]] = defaultdict(list)
    for (person, measure), dated in scores.items():
        found[person].append(OutcomeScores(str(measure), better[measure], tuple(dated)))
    return {person: tuple(measures) for person, measures in found.items()}


def _matches(conn: Connection) -> tuple[MatchFacts, ...]:
    """When each match became active, and when and why it ended (one ended before it became
    active has no start; proposals withdrawn never count)."""
    started: dict[int, dt.date] = {}
    ended: dict[int, tuple[dt.date, EndReason | None]] = {}
    for match, stage, on, reason in conn.execute(
        select(
            MatchStepRow.match_id,
            MatchStepRow.stage,
            _text(MatchStepRow.on),
            MatchStepRow.end_reason,
        )
        .where(MatchStepRow.stage.in_((MatchStage.ACTIVE.value, MatchStage.ENDED.value)))
        .order_by(MatchStepRow.match_id, MatchStepRow.id)
    ).all():
        if stage == MatchStage.ACTIVE.value:
            started.setdefault(match, _DAY(on))
        else:
            ended[match] = (_DAY(on), None if reason is None else _REASON.get(reason))
    return tuple(
        MatchFacts(started.get(match), *ended.get(match, (None, None)))
        for match in sorted(started.keys() | ended.keys())
    )


def _contacts(conn: Connection, since: dt.date | None) -> tuple[ContactFacts, ...]:
    attended = (
        select(_text(ContactRow.on), ContactRow.minutes, MatchRow.psw_id)
        .join(MatchRow, MatchRow.id == ContactRow.match_id)
        .where(ContactRow.outcome == ContactOutcome.ATTENDED.value)
    )
    if since is not None:
        attended = attended.where(ContactRow.on >= since)
    rows = conn.execute(attended).all()
    return tuple(ContactFacts(_DAY(on), minutes, PswId(psw)) for on, minutes, psw in rows)


def measure_names(s: Session) -> dict[str, str]:
    """Each outcome measure's name by its id as text (as ``OutcomeScores.measure`` holds it)."""
    rows = s.connection().execute(select(OutcomeMeasureRow.id, OutcomeMeasureRow.name))
    return {str(measure): name for measure, name in rows}


def last_held_by(
    s: Session, days: Sequence[dt.date]
) -> list[dict[tuple[PswId, SupervisionKind], dt.date]]:
    """For each of ``days``, the last session of each kind each PSW attended on or before it
    (groups included), in one pass over the sessions."""
    held_on = SupervisionSessionRow.held_on
    rows = s.connection().execute(
        select(
            SupervisionAttendeeRow.psw_id,
            SupervisionSessionRow.kind,
            *(_text(func.max(case((held_on <= day, held_on)))) for day in days),
        )
        .join(SupervisionSessionRow, SupervisionSessionRow.id == SupervisionAttendeeRow.session_id)
        .where(held_on <= max(days, default=dt.date.min))
        .group_by(SupervisionAttendeeRow.psw_id, SupervisionSessionRow.kind)
    )
    found: list[dict[tuple[PswId, SupervisionKind], dt.date]] = [{} for _ in days]
    for psw, kind, *last in rows.all():
        if kind in _KIND:
            for by_day, held in zip(found, last, strict=True):
                if held is not None:
                    by_day[(PswId(psw), _KIND[kind])] = _DAY(held)
    return found


def requirement_standings(s: Session) -> dict[PswId, list[tuple[str, dt.date | None, int]]]:
    """Per PSW, each requirement as last evaluated: (status, expiry, the policy's grace days).

    ``requirement_due`` is rewritten whenever evidence or a policy changes, and its expiry never
    depends on the day, so a standing on any day follows from it without loading the evidence.
    """
    rows = s.connection().execute(
        select(
            RequirementDueRow.psw_id,
            RequirementDueRow.status,
            _text(RequirementDueRow.next_due),
            RequirementPolicyRow.grace_days,
        ).join(RequirementPolicyRow, RequirementPolicyRow.id == RequirementDueRow.policy_id)
    )
    return _grouped(
        (PswId(psw), (status, _day_or_none(due), grace or 0))
        for psw, status, due, grace in rows.all()
    )
