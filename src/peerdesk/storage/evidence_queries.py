"""Assemble PSWs' evidence in a few batch queries, and keep ``requirement_due`` derived from it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from peerdesk.domain.evidence import (
    DbsDecision,
    DbsEvidence,
    DbsLevel,
    Evidence,
    InductionEvidence,
    OhEvidence,
    OhOutcome,
    ReferenceEvidence,
    TrainingEvidence,
)
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import Role
from peerdesk.domain.requirement_policy import Policy, RequirementKind
from peerdesk.domain.requirements import Readiness, RequirementResult, evaluate, readiness
from peerdesk.domain.text import fold
from peerdesk.storage import policy_store
from peerdesk.storage.check_models import (
    DbsCheckRow,
    DbsStatusCheck,
    InductionItemRow,
    InductionRow,
    OhReferralRow,
    ReferenceRow,
    RequirementDueRow,
    TrainingCourseRow,
    TrainingRecordRow,
    TrainingTopicRow,
)
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.models import PswRowModel

CHUNK = 500
"""Ids per ``IN (...)``: well under SQLite's bound-parameter limit."""


def policies(s: Session) -> list[Policy]:
    return policy_store.policies(s)


def evidence_for(s: Session, psw_id: PswId) -> Evidence:
    """Everything recorded towards one PSW's requirements; NotFound if they are gone."""
    require_psw(s, psw_id)
    return evidence_for_many(s, [psw_id])[psw_id]


def evidence_for_many(
    s: Session, ids: Sequence[PswId] | None, *, only: Iterable[Policy] | None = None
) -> dict[PswId, Evidence]:
    """Evidence for each of ``ids`` (None: every PSW), in a handful of queries per chunk.

    With ``only``, just what those policies read: their kinds of evidence (the rest is left
    empty) and training on their topics, so ``evaluate(only, ...)`` judges it as it would the
    whole; a dashboard asking about two requirements then reads two kinds of rows, not five.
    """
    needs = _Needs.of(only)
    topic_ids = _topic_ids(s, needs.topics)
    found: dict[PswId, Evidence] = {}
    for chunk in _chunks(ids):
        found.update(_evidence_chunk(s, chunk, needs.kinds, topic_ids))
    return found


@dataclass(frozen=True)
class _Needs:
    kinds: frozenset[RequirementKind]
    topics: frozenset[str] | None
    """Folded training topics; None for every topic."""

    @staticmethod
    def of(only: Iterable[Policy] | None) -> _Needs:
        if only is None:
            return _Needs(frozenset(RequirementKind), None)
        chosen = list(only)
        # A training policy without a topic is met by nothing, so it asks for no records.
        topics = {fold(p.topic or "") for p in chosen if p.kind is RequirementKind.TRAINING}
        return _Needs(frozenset(p.kind for p in chosen), frozenset(topics - {""}))


def _topic_ids(s: Session, topics: frozenset[str] | None) -> list[int] | None:
    """Ids of the training topics that fold to one of ``topics`` (None: every topic)."""
    if topics is None:
        return None
    rows = s.connection().execute(select(TrainingTopicRow.id, TrainingTopicRow.name))
    return [topic_id for topic_id, name in rows if fold(name) in topics]


def _chunks(ids: Sequence[PswId] | None) -> Iterator[list[PswId] | None]:
    if ids is None:
        yield None
        return
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start : start + CHUNK]


def _only(
    stmt: Select[Any], column: InstrumentedAttribute[int], ids: list[PswId] | None
) -> Select[Any]:
    return stmt if ids is None else stmt.where(column.in_(ids))


_LEVELS = {level.value: level for level in DbsLevel}
_DECISIONS: dict[str | None, DbsDecision | None] = {None: None} | {d.value: d for d in DbsDecision}
_OUTCOMES: dict[str | None, OhOutcome | None] = {None: None} | {o.value: o for o in OhOutcome}
_ROLES = {role.value: role for role in Role}


def _evidence_chunk(
    s: Session,
    ids: list[PswId] | None,
    kinds: frozenset[RequirementKind] = frozenset(RequirementKind),
    topic_ids: list[int] | None = None,
) -> dict[PswId, Evidence]:
    # Core reads on the session's connection: plain columns need none of the ORM's per-row
    # work (flushed first, as the ORM's autoflush would before reading).
    s.flush()
    connection = s.connection()

    def rows(stmt: Select[Any], column: InstrumentedAttribute[int]) -> Iterable[Any]:
        return connection.execute(_only(stmt, column, ids))

    roles = rows(select(PswRowModel.id, PswRowModel.role), PswRowModel.id)
    dbs = _dbs(rows) if RequirementKind.DBS in kinds else {}
    refs: dict[int, list[ReferenceEvidence]] = defaultdict(list)
    if RequirementKind.REFERENCES in kinds:
        for psw, requested, received, satisfactory in rows(
            select(
                ReferenceRow.psw_id,
                ReferenceRow.requested_on,
                ReferenceRow.received_on,
                ReferenceRow.satisfactory,
            ),
            ReferenceRow.psw_id,
        ):
            refs[psw].append(ReferenceEvidence(requested, received, satisfactory))
    oh: dict[int, list[OhEvidence]] = defaultdict(list)
    if RequirementKind.OCCUPATIONAL_HEALTH in kinds:
        for psw, referred, outcome, outcome_on in rows(
            select(
                OhReferralRow.psw_id,
                OhReferralRow.referred_on,
                OhReferralRow.outcome,
                OhReferralRow.outcome_on,
            ),
            OhReferralRow.psw_id,
        ):
            oh[psw].append(OhEvidence(referred, _OUTCOMES[outcome], outcome_on))
    induction = (
        _induction(
            rows(select(InductionRow.psw_id, InductionRow.mentor), InductionRow.psw_id),
            rows(
                select(InductionItemRow.psw_id, InductionItemRow.done_on), InductionItemRow.psw_id
            ),
        )
        if RequirementKind.INDUCTION in kinds
        else {}
    )
    training: dict[int, list[TrainingEvidence]] = defaultdict(list)
    if RequirementKind.TRAINING in kinds and (topic_ids is None or topic_ids):
        stmt = (
            select(TrainingRecordRow.psw_id, TrainingTopicRow.name, TrainingRecordRow.done_on)
            .join(TrainingCourseRow, TrainingRecordRow.course_id == TrainingCourseRow.id)
            .join(TrainingTopicRow, TrainingCourseRow.topic_id == TrainingTopicRow.id)
        )
        if topic_ids is not None:
            stmt = stmt.where(TrainingCourseRow.topic_id.in_(topic_ids))
        for psw, topic, done in rows(stmt, TrainingRecordRow.psw_id):
            training[psw].append(TrainingEvidence(topic, done))
    none = ()
    return {
        PswId(psw): Evidence(
            role=_ROLES[role],
            dbs=tuple(dbs.get(psw, none)),
            references=tuple(refs.get(psw, none)),
            occupational_health=tuple(oh.get(psw, none)),
            induction=induction.get(psw, none),
            training=tuple(training.get(psw, none)),
        )
        for psw, role in roles
    }


def _dbs(
    rows: Callable[[Select[Any], InstrumentedAttribute[int]], Iterable[Any]],
) -> dict[int, list[DbsEvidence]]:
    checks: dict[int, list[tuple[dt.date, bool]]] = defaultdict(list)
    for dbs_id, on, clean in rows(
        select(DbsStatusCheck.dbs_id, DbsStatusCheck.checked_on, DbsStatusCheck.clean).join(
            DbsCheckRow, DbsStatusCheck.dbs_id == DbsCheckRow.id
        ),
        DbsCheckRow.psw_id,
    ):
        checks[dbs_id].append((on, clean))
    dbs: dict[int, list[DbsEvidence]] = defaultdict(list)
    for dbs_id, psw, level, issued, decision, decided in rows(
        select(
            DbsCheckRow.id,
            DbsCheckRow.psw_id,
            DbsCheckRow.level,
            DbsCheckRow.issued_on,
            DbsCheckRow.decision,
            DbsCheckRow.decided_on,
        ),
        DbsCheckRow.psw_id,
    ):
        dbs[psw].append(
            DbsEvidence(
                level=_LEVELS[level],
                issued_on=issued,
                decision=_DECISIONS[decision],
                decided_on=decided,
                update_service_checks=tuple(checks.get(dbs_id, ())),
            )
        )
    return dbs


def _induction(
    mentors: Iterable[tuple[int, str]], items: Iterable[tuple[int, dt.date | None]]
) -> dict[int, tuple[InductionEvidence, ...]]:
    """Started once it has a mentor or any item; complete when every item is done."""
    done: dict[int, list[dt.date | None]] = defaultdict(list)
    for psw, on in items:
        done[psw].append(on)
    started = {psw for psw, mentor in mentors if mentor} | set(done)
    found: dict[int, tuple[InductionEvidence, ...]] = {}
    for psw in started:
        dates = done.get(psw, [])
        complete = bool(dates) and all(d is not None for d in dates)
        last = max(d for d in dates if d is not None) if complete else None
        found[psw] = (InductionEvidence(started=True, completed_on=last),)
    return found


def results_for(s: Session, psw_id: PswId, today: dt.date) -> list[RequirementResult]:
    return evaluate(policies(s), evidence_for(s, psw_id), today)


def readiness_for(s: Session, psw_id: PswId, today: dt.date) -> tuple[str, Readiness]:
    """(display name, readiness): the one gate for becoming active and being matched."""
    _, name = require_psw(s, psw_id)
    return name, readiness(results_for(s, psw_id, today))


def recompute_due(s: Session, psw_ids: Sequence[PswId] | None, today: dt.date) -> None:
    """Rewrite ``requirement_due`` for ``psw_ids`` (None: everyone) from ``evaluate()``."""
    current = policies(s)
    for chunk in _chunks(psw_ids):
        evidence = _evidence_chunk(s, chunk)
        if chunk is None:
            s.execute(delete(RequirementDueRow))
        else:
            s.execute(delete(RequirementDueRow).where(RequirementDueRow.psw_id.in_(chunk)))
        due = [
            {
                "psw_id": psw,
                "policy_id": r.policy_id,
                "next_due": r.due_on,
                "status": r.status.value,
                "computed_on": today,
            }
            for psw, ev in evidence.items()
            for r in evaluate(current, ev, today)
        ]
        if due:
            s.execute(insert(RequirementDueRow), due)


def stored_due(s: Session, psw_id: PswId) -> dict[int, dt.date | None]:
    """policy id -> the stored due date, for one PSW."""
    rows = s.execute(
        select(RequirementDueRow.policy_id, RequirementDueRow.next_due).where(
            RequirementDueRow.psw_id == psw_id
        )
    ).tuples()
    return {policy: due for policy, due in rows}


def due_candidates(s: Session, until: dt.date) -> list[PswId]:
    """PSWs with any requirement due on or before ``until`` (an index range scan)."""
    stmt = (
        select(RequirementDueRow.psw_id)
        .where(RequirementDueRow.next_due.is_not(None), RequirementDueRow.next_due <= until)
        .distinct()
        .order_by(RequirementDueRow.psw_id)
    )
    return [PswId(i) for i in s.scalars(stmt)]


def current_ids(s: Session) -> list[PswId]:
    """PSWs neither archived nor left: those a policy change is previewed against."""
    stmt = select(PswRowModel.id).where(
        PswRowModel.archived.is_(False), PswRowModel.status != "left"
    )
    return [PswId(i) for i in s.scalars(stmt)]
