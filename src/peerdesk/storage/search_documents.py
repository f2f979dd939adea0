"""Keeping the search index in step with supervision records and plans, in their transaction.

The store functions that write a session, an addendum or a plan version call these on the same
session, so a record and its searchable text commit (or roll back) together. Empty text is
taken out of the index rather than stored. :func:`unindex_psw` takes a PSW's documents out as
their record is deleted. :func:`reindex_all` writes every document afresh, for vaults whose
records were made before the index existed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import NO_ADJUSTMENTS, PlanKind, sections_from_json
from peerdesk.domain.search_records import SearchDocument
from peerdesk.domain.search_results import SearchKind, attendee_key
from peerdesk.storage.plan_version_models import PlanVersionRow
from peerdesk.storage.search_index import delete_document, upsert_document
from peerdesk.storage.supervision_models import (
    SupervisionActionRow,
    SupervisionAttendeeRow,
    SupervisionLearningNeedRow,
    SupervisionSessionRow,
)

PLAN_KINDS = {PlanKind.WELLBEING: SearchKind.WELLBEING_PLAN, PlanKind.STORY: SearchKind.STORY_PLAN}


def _put(
    s: Session,
    kind: SearchKind,
    record_id: int,
    psw_id: int | None,
    day: dt.date,
    level: str,
    text: str,
) -> None:
    connection = s.connection()
    if text.strip():
        document = SearchDocument(
            kind.value, record_id, None if psw_id is None else PswId(psw_id), day, level, text
        )
        upsert_document(connection, document)
    else:
        delete_document(connection, kind.value, record_id)


def index_session(s: Session, session_id: int) -> None:
    """(Re)write a session's documents: its notes with addenda, check-ins, actions, needs."""
    s.flush()
    row = s.get(SupervisionSessionRow, session_id)
    if row is None:
        return
    day, level = row.held_on, row.confidentiality
    attendees = sorted(row.attendees, key=lambda a: a.psw_id)
    notes = "\n\n".join([row.notes, *(a.text for a in row.addenda)])
    only = attendees[0].psw_id if len(attendees) == 1 and not row.is_group else None
    _put(s, SearchKind.NOTE, session_id, only, day, level, notes)
    for a in attendees:
        key = attendee_key(session_id, a.psw_id)
        _put(s, SearchKind.CHECKIN, key, a.psw_id, day, level, a.checkin_note)
    actions = s.execute(
        select(
            SupervisionActionRow.id, SupervisionActionRow.psw_id, SupervisionActionRow.text
        ).where(SupervisionActionRow.session_id == session_id)
    ).all()
    for action_id, psw_id, text in actions:
        _put(s, SearchKind.ACTION, action_id, psw_id, day, level, text)
    needs = s.execute(
        select(
            SupervisionLearningNeedRow.id,
            SupervisionLearningNeedRow.psw_id,
            SupervisionLearningNeedRow.text,
        ).where(SupervisionLearningNeedRow.session_id == session_id)
    ).all()
    for need_id, psw_id, text in needs:
        _put(s, SearchKind.LEARNING_NEED, need_id, psw_id, day, level, text)


def index_plan(s: Session, psw_id: int, kind: PlanKind) -> None:
    """Make the index hold the current (latest) version of one PSW's plan, and only that."""
    s.flush()
    row = s.scalars(
        select(PlanVersionRow)
        .where(PlanVersionRow.psw_id == psw_id, PlanVersionRow.kind == kind.value)
        .order_by(PlanVersionRow.number.desc())
        .limit(1)
    ).first()
    search_kind = PLAN_KINDS[kind]
    if row is None:
        delete_document(s.connection(), search_kind.value, psw_id)
        return
    sections = sections_from_json(row.sections)
    text = "\n\n".join(s.as_text() for s in sections if s.as_text() != NO_ADJUSTMENTS)
    _put(s, search_kind, psw_id, psw_id, row.recorded_at.date(), row.confidentiality, text)


def unindex_psw(s: Session, psw_id: int) -> None:
    """Take out a PSW's documents before their record is deleted (their rows go with it): their
    check-ins, actions, learning needs and plans, and the notes of their one-to-one sessions.
    A group's notes stay: they belong to the other attendees too."""
    s.flush()
    sessions = s.execute(
        select(SupervisionAttendeeRow.session_id, SupervisionSessionRow.is_group)
        .join(SupervisionSessionRow, SupervisionSessionRow.id == SupervisionAttendeeRow.session_id)
        .where(SupervisionAttendeeRow.psw_id == psw_id)
    ).all()
    keys = [(SearchKind.CHECKIN, attendee_key(sid, psw_id)) for sid, _group in sessions]
    keys += [(SearchKind.NOTE, sid) for sid, group in sessions if not group]
    action, need = SupervisionActionRow, SupervisionLearningNeedRow
    for kind, column, owner in (
        (SearchKind.ACTION, action.id, action.psw_id),
        (SearchKind.LEARNING_NEED, need.id, need.psw_id),
    ):
        owned = s.scalars(select(column).where(owner == psw_id))
        keys += [(kind, record_id) for record_id in owned]
    keys += [(plan_kind, psw_id) for plan_kind in PLAN_KINDS.values()]
    connection = s.connection()
    for kind, record_id in keys:
        delete_document(connection, kind.value, record_id)


def reindex_all(s: Session) -> int:
    """Write every session's and current plan's documents (oldest first, so the index's order
    follows the records' dates); returns how many sessions and plans were indexed."""
    sessions = s.scalars(
        select(SupervisionSessionRow.id).order_by(
            SupervisionSessionRow.held_on, SupervisionSessionRow.id
        )
    ).all()
    for session_id in sessions:
        index_session(s, session_id)
    plans = s.execute(
        select(PlanVersionRow.psw_id, PlanVersionRow.kind)
        .group_by(PlanVersionRow.psw_id, PlanVersionRow.kind)
        .order_by(func.max(PlanVersionRow.recorded_at))
    ).all()
    for psw_id, kind in plans:
        index_plan(s, psw_id, PlanKind(kind))
    return len(sessions) + len(plans)
