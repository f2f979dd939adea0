"""Retention's reads and small writes: rules, holds, the erasure ledger and each record's facts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.retention import (
    PERSON_STATUSES_WITH_RULES,
    PSW_STATUSES_WITH_RULES,
    Action,
    Hold,
    RecordFacts,
    RecordKind,
    Rule,
    Subject,
    person_triggers,
    psw_triggers,
)
from peerdesk.domain.rights_request import RESTRICTED_BY
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.concern_models import ConcernRow
from peerdesk.storage.match_models import MatchRow, MatchStepRow
from peerdesk.storage.models import PswRowModel, PswStatusChange
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.storage.retention_models import ErasureRow, RetentionHoldRow, RetentionRuleRow
from peerdesk.storage.visibility import visible_people, visible_psws


def rules(s: Session) -> dict[Subject, Rule]:
    known = {subject.value: subject for subject in Subject}
    return {
        known[row.subject]: Rule(known[row.subject], row.months, Action(row.action))
        for row in s.scalars(select(RetentionRuleRow))
        if row.subject in known
    }


def set_rule(s: Session, rule: Rule) -> None:
    row = s.scalar(select(RetentionRuleRow).where(RetentionRuleRow.subject == rule.subject.value))
    if row is None:
        s.add(RetentionRuleRow(subject=rule.subject.value, months=rule.months, action=""))
        s.flush()
        row = s.scalar(
            select(RetentionRuleRow).where(RetentionRuleRow.subject == rule.subject.value)
        )
        assert row is not None
    row.months = rule.months
    row.action = rule.action.value


def _owner(kind: RecordKind, record_id: int) -> dict[str, int | None]:
    if kind is RecordKind.PSW:
        return {"psw_id": record_id, "person_id": None}
    return {"psw_id": None, "person_id": record_id}


def record_exists(s: Session, kind: RecordKind, record_id: int) -> bool:
    model = PswRowModel if kind is RecordKind.PSW else PersonRowModel
    return s.get(model, record_id) is not None


def place_hold(s: Session, kind: RecordKind, record_id: int, reason: str, on: dt.date) -> int:
    if not record_exists(s, kind, record_id):
        raise NotFound("That record is no longer in the vault.")
    row = RetentionHoldRow(reason=reason, placed_on=on, **_owner(kind, record_id))
    s.add(row)
    s.flush()
    return row.id


def lift_hold(s: Session, hold_id: int, on: dt.date) -> tuple[RecordKind, int]:
    """Lift a hold in force; returns the record it was on."""
    row = s.get(RetentionHoldRow, hold_id)
    if row is None or row.lifted_on is not None:
        raise NotFound("That hold has already been lifted.")
    row.lifted_on = on
    if row.psw_id is not None:
        return RecordKind.PSW, row.psw_id
    assert row.person_id is not None
    return RecordKind.PERSON, row.person_id


def holds(s: Session, kind: RecordKind | None = None, record_id: int | None = None) -> list[Hold]:
    """Holds in force, oldest first; for one record when ``kind`` and ``record_id`` are given."""
    query = select(RetentionHoldRow).where(RetentionHoldRow.lifted_on.is_(None))
    if kind is RecordKind.PSW:
        query = query.where(RetentionHoldRow.psw_id == record_id)
    elif kind is RecordKind.PERSON:
        query = query.where(RetentionHoldRow.person_id == record_id)
    found = []
    for row in s.scalars(query.order_by(RetentionHoldRow.id)):
        on_psw = row.psw_id is not None
        owner = row.psw_id if on_psw else row.person_id
        assert owner is not None
        held = RecordKind.PSW if on_psw else RecordKind.PERSON
        found.append(Hold(row.id, held, owner, row.reason, row.placed_on))
    return found


def record_erasure(
    s: Session, kind: RecordKind, record_id: int, action: Action, reason: str, at: dt.datetime
) -> None:
    """The ledger keeps kind, id, what was done, when and which rule ("request"): never names."""
    s.add(
        ErasureRow(
            subject_kind=kind.value,
            subject_id=record_id,
            action=action.value,
            done_at=at,
            reason=reason,
        )
    )


def erasures(s: Session) -> list[tuple[str, int, str, dt.datetime, str]]:
    rows = s.execute(
        select(
            ErasureRow.subject_kind,
            ErasureRow.subject_id,
            ErasureRow.action,
            ErasureRow.done_at,
            ErasureRow.reason,
        ).order_by(ErasureRow.id)
    ).all()
    return [tuple(row) for row in rows]


def _held(s: Session, column: InstrumentedAttribute[int | None]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for owner, reason in s.execute(
        select(column, RetentionHoldRow.reason).where(
            column.isnot(None),
            RetentionHoldRow.lifted_on.is_(None),
        )
    ).all():
        found.setdefault(owner, []).append(reason)
    return found


def psw_facts(
    s: Session,
    viewer: Viewer,
    psw_id: int | None = None,
    name_of: bool = True,
    *,
    with_rule_only: bool = False,
) -> list[RecordFacts]:
    """Every visible PSW (or one) with the rules that apply to them and their holds.

    ``with_rule_only`` reads only those a rule can apply to (left, or still at enquiry).
    """
    ever_active = exists().where(
        PswStatusChange.psw_id == PswRowModel.id, PswStatusChange.to_status == "active"
    )
    incident = exists().where(
        ConcernRow.psw_id == PswRowModel.id,
        ConcernRow.status == "closed",
        ConcernRow.was_incident.is_(True),
    )
    query = select(
        PswRowModel.id,
        PswRowModel.full_name,
        PswRowModel.status,
        PswRowModel.status_since,
        PswRowModel.updated_at,
        PswRowModel.anonymised_on,
        ever_active,
        incident,
    ).where(visible_psws(viewer))
    if psw_id is not None:
        query = query.where(PswRowModel.id == psw_id)
    if with_rule_only:
        query = query.where(PswRowModel.status.in_(PSW_STATUSES_WITH_RULES))
    held = _held(s, RetentionHoldRow.psw_id)
    found = []
    for pid, name, status, since, updated, anonymised, active, had_incident in s.execute(
        query.order_by(PswRowModel.id)
    ).all():
        last = max(since, updated.date()) if since is not None else updated.date()
        triggers = psw_triggers(
            status, since, ever_active=bool(active), last_activity=last, incident=bool(had_incident)
        )
        found.append(
            RecordFacts(
                RecordKind.PSW,
                pid,
                name if name_of else "",
                triggers,
                tuple(held.get(pid, ())),
                "" if triggers else f"Still with the scheme ({status.replace('_', ' ')}).",
                anonymised,
            )
        )
    return found


def person_facts(
    s: Session,
    viewer: Viewer,
    person_id: int | None = None,
    name_of: bool = True,
    *,
    with_rule_only: bool = False,
) -> list[RecordFacts]:
    """Every visible supported person (or one) with their rule's dates and holds.

    ``with_rule_only`` reads only those a rule can apply to (closed).
    """
    last_end = (
        select(MatchRow.person_id, func.max(MatchStepRow.on).label("ended"))
        .join(MatchStepRow, and_(MatchStepRow.match_id == MatchRow.id))
        .where(MatchStepRow.stage == "ended")
        .group_by(MatchRow.person_id)
        .subquery()
    )
    query = (
        select(
            PersonRowModel.id,
            PersonRowModel.full_name,
            PersonRowModel.status,
            PersonRowModel.status_since,
            PersonRowModel.anonymised_on,
            last_end.c.ended,
        )
        .outerjoin(last_end, last_end.c.person_id == PersonRowModel.id)
        .where(visible_people(viewer))
    )
    if person_id is not None:
        query = query.where(PersonRowModel.id == person_id)
    if with_rule_only:
        query = query.where(PersonRowModel.status.in_(PERSON_STATUSES_WITH_RULES))
    held = _held(s, RetentionHoldRow.person_id)
    found = []
    for pid, name, status, since, anonymised, ended in s.execute(
        query.order_by(PersonRowModel.id)
    ).all():
        closed_on = since if status == "closed" else None
        triggers = person_triggers(status, closed_on, ended)
        found.append(
            RecordFacts(
                RecordKind.PERSON,
                pid,
                name if name_of else "",
                triggers,
                tuple(held.get(pid, ())),
                "" if triggers else f"Still with the scheme ({status.replace('_', ' ')}).",
                anonymised,
            )
        )
    return found


def hidden_count(s: Session, viewer: Viewer) -> int:
    """How many records the viewer cannot see (protected, until Show protected)."""
    psws = s.scalar(select(func.count()).select_from(PswRowModel).where(~visible_psws(viewer)))
    people = s.scalar(
        select(func.count()).select_from(PersonRowModel).where(~visible_people(viewer))
    )
    return int(psws or 0) + int(people or 0)


def _restriction_in_force() -> ColumnElement[bool]:
    return RetentionHoldRow.lifted_on.is_(None) & RetentionHoldRow.reason.startswith(
        RESTRICTED_BY, autoescape=True
    )


def psw_unrestricted() -> ColumnElement[bool]:
    """True for a PSW no request restricted (kept, not used): matching leaves the rest out."""
    return ~exists().where(RetentionHoldRow.psw_id == PswRowModel.id, _restriction_in_force())


def person_unrestricted() -> ColumnElement[bool]:
    """True for a supported person no request restricted (the caseload plan leaves the rest)."""
    return ~exists().where(RetentionHoldRow.person_id == PersonRowModel.id, _restriction_in_force())
