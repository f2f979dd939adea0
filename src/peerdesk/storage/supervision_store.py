"""Supervision sessions in the vault: record, carry actions forward, read one PSW's part, lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import (
    Action,
    ActionId,
    ActionStatus,
    Addendum,
    AttendeeDraft,
    CarryChoice,
    LearningNeed,
    LearningNeedId,
    OwnPart,
    SessionDraft,
    SessionId,
    SessionRow,
    SupervisionSession,
)
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.lookup import require
from peerdesk.storage.models import ListItemRow, PswRowModel
from peerdesk.storage.search_documents import index_session
from peerdesk.storage.supervision_models import (
    SupervisionActionRow,
    SupervisionAddendumRow,
    SupervisionAttendeeRow,
    SupervisionLearningNeedRow,
    SupervisionSessionRow,
    SupervisionTopicRow,
)
from peerdesk.storage.visibility import text_listed, text_visible

PREVIEW_CHARS = 120


def names(s: Session, psw_ids: Iterable[PswId]) -> dict[PswId, tuple[str, str]]:
    """Each existing PSW's (full name, known as)."""
    ids = sorted(set(psw_ids))
    rows = s.execute(
        select(PswRowModel.id, PswRowModel.full_name, PswRowModel.known_as).where(
            PswRowModel.id.in_(ids)
        )
    )
    return {PswId(i): (full, known) for i, full, known in rows}


def insert_session(
    s: Session, draft: SessionDraft, *, now: dt.datetime, recorded_by: str
) -> SessionId:
    row = SupervisionSessionRow(
        kind=draft.kind.value,
        is_group=draft.is_group,
        supervisor=draft.supervisor,
        held_on=draft.held_on,
        starts_at=draft.starts_at,
        minutes=draft.minutes,
        mode=draft.mode.value,
        notes=draft.notes,
        confidentiality=draft.confidentiality.value,
        next_on=draft.next_on,
        recorded_at=now,
        recorded_by=recorded_by,
    )
    row.topics = [SupervisionTopicRow(item_id=item) for item in dict.fromkeys(draft.topics)]
    row.attendees = [
        SupervisionAttendeeRow(psw_id=a.psw_id, checkin=a.checkin, checkin_note=a.checkin_note)
        for a in draft.attendees
    ]
    s.add(row)
    s.flush()
    for part in draft.attendees:
        s.add_all(
            SupervisionLearningNeedRow(session_id=row.id, psw_id=part.psw_id, text=text)
            for text in part.learning_needs
        )
        s.add_all(
            SupervisionActionRow(
                session_id=row.id,
                psw_id=part.psw_id,
                text=a.text,
                owner=a.owner,
                due_on=a.due_on,
                status=ActionStatus.OPEN.value,
            )
            for a in part.actions
        )
    index_session(s, row.id)  # flushes; the index changes in this transaction
    return SessionId(row.id)


def meeting(s: Session, session_id: SessionId) -> tuple[SessionDraft, int]:
    """The session's meeting details and shared notes as a draft (attendees by id only), and
    its version, for correcting it before it is agreed."""
    row = session_row(s, session_id)
    draft = SessionDraft(
        kind=SupervisionKind(row.kind),
        supervisor=row.supervisor,
        held_on=row.held_on,
        minutes=row.minutes,
        attendees=tuple(AttendeeDraft(PswId(a.psw_id)) for a in row.attendees),
        is_group=row.is_group,
        starts_at=row.starts_at,
        mode=ContactMode(row.mode),
        topics=tuple(TaxonomyItemId(t.item_id) for t in row.topics),
        notes=row.notes,
        next_on=row.next_on,
        confidentiality=Confidentiality(row.confidentiality),
    )
    return draft, row.version


def save_meeting(s: Session, row: SupervisionSessionRow, draft: SessionDraft) -> None:
    """Overwrite the meeting details and shared notes (attendees and their parts stay)."""
    row.kind = draft.kind.value
    row.supervisor = draft.supervisor
    row.held_on = draft.held_on
    row.starts_at = draft.starts_at
    row.minutes = draft.minutes
    row.mode = draft.mode.value
    row.notes = draft.notes
    row.confidentiality = draft.confidentiality.value
    row.next_on = draft.next_on
    row.topics = [SupervisionTopicRow(item_id=item) for item in dict.fromkeys(draft.topics)]
    row.version += 1
    index_session(s, row.id)


def _actions(s: Session, *conditions: ColumnElement[bool]) -> list[Action]:
    stmt = (
        select(SupervisionActionRow, SupervisionSessionRow.held_on)
        .join(SupervisionSessionRow, SupervisionSessionRow.id == SupervisionActionRow.session_id)
        .where(*conditions)
        .order_by(SupervisionSessionRow.held_on, SupervisionActionRow.id)
    )
    return [
        Action(
            id=ActionId(a.id),
            psw_id=PswId(a.psw_id),
            text=a.text,
            owner=a.owner,
            due_on=a.due_on,
            status=ActionStatus(a.status),
            origin_on=held_on,
            closed_on=a.closed_on,
        )
        for a, held_on in s.execute(stmt).tuples()
    ]


def open_actions(s: Session, psw_ids: Iterable[PswId]) -> list[Action]:
    """Open actions of these PSWs, oldest session first, with the date each was agreed."""
    return _actions(
        s,
        SupervisionActionRow.psw_id.in_(sorted(set(psw_ids))),
        SupervisionActionRow.status == ActionStatus.OPEN.value,
    )


def close_carried(
    s: Session,
    carried: Mapping[ActionId, CarryChoice],
    *,
    session_id: SessionId,
    held_on: dt.date,
) -> None:
    """Mark carried actions done or dropped in ``session_id``; kept ones stay open."""
    for action_id, choice in carried.items():
        if choice is CarryChoice.KEPT:
            continue
        row = require(s, SupervisionActionRow, action_id, "supervision action")
        row.status = (
            ActionStatus.DONE if choice is CarryChoice.DONE else ActionStatus.DROPPED
        ).value
        row.closed_on, row.closed_in_session_id = held_on, session_id
    s.flush()


def history(s: Session, psw_id: PswId, viewer: Viewer) -> list[SessionRow]:
    """Sessions ``psw_id`` attended, newest first; note previews only where lists may show them."""
    stmt = (
        select(
            SupervisionSessionRow.id,
            SupervisionSessionRow.held_on,
            SupervisionSessionRow.kind,
            SupervisionSessionRow.is_group,
            SupervisionSessionRow.supervisor,
            SupervisionSessionRow.minutes,
            SupervisionSessionRow.confidentiality,
            SupervisionSessionRow.agreed_by_psw_on.is_not(None)
            & SupervisionSessionRow.agreed_by_supervisor_on.is_not(None),
            func.substr(SupervisionSessionRow.notes, 1, PREVIEW_CHARS),
            text_listed(SupervisionSessionRow.confidentiality, viewer),
        )
        .join(SupervisionAttendeeRow, SupervisionAttendeeRow.session_id == SupervisionSessionRow.id)
        .where(SupervisionAttendeeRow.psw_id == psw_id)
        .order_by(SupervisionSessionRow.held_on.desc(), SupervisionSessionRow.id.desc())
    )
    return [
        SessionRow(
            id=SessionId(i),
            held_on=held_on,
            kind=SupervisionKind(kind),
            is_group=bool(group),
            supervisor=supervisor,
            minutes=minutes,
            confidentiality=Confidentiality(level),
            locked=bool(locked),
            preview=" ".join(preview.split()) if listed else "",
        )
        for i, held_on, kind, group, supervisor, minutes, level, locked, preview, listed in (
            s.execute(stmt)
        )
    ]


def session_row(s: Session, session_id: SessionId) -> SupervisionSessionRow:
    return require(s, SupervisionSessionRow, session_id, "supervision session")


def read_session(
    s: Session,
    session_id: SessionId,
    psw_id: PswId,
    viewer: Viewer,
    *,
    private_revealed: bool = False,
) -> SupervisionSession:
    """The session as ``psw_id`` sees it: shared notes, their own check-in and actions only."""
    row = session_row(s, session_id)
    mine = next((a for a in row.attendees if a.psw_id == psw_id), None)
    if mine is None:
        raise NotFound("That peer worker did not attend this supervision session.")
    level = Confidentiality(row.confidentiality)
    shown = text_visible(
        level, viewer, listing=False, private_revealed=private_revealed, supervisor=row.supervisor
    )
    topics = s.scalars(
        select(ListItemRow.name)
        .join(SupervisionTopicRow, SupervisionTopicRow.item_id == ListItemRow.id)
        .where(SupervisionTopicRow.session_id == session_id)
        .order_by(ListItemRow.position, ListItemRow.name)
    ).all()
    people = names(s, [PswId(a.psw_id) for a in row.attendees])
    needs = s.scalars(
        select(SupervisionLearningNeedRow)
        .where(
            SupervisionLearningNeedRow.session_id == session_id,
            SupervisionLearningNeedRow.psw_id == psw_id,
        )
        .order_by(SupervisionLearningNeedRow.id)
    ).all()
    own = OwnPart(
        psw_id=psw_id,
        checkin=mine.checkin,
        checkin_note=mine.checkin_note if shown else "",
        learning_needs=tuple(
            LearningNeed(LearningNeedId(n.id), psw_id, n.text, n.training_need_id is not None)
            for n in needs
        ),
        actions=tuple(
            _actions(
                s,
                SupervisionActionRow.session_id == session_id,
                SupervisionActionRow.psw_id == psw_id,
            )
        ),
    )
    return SupervisionSession(
        id=session_id,
        kind=SupervisionKind(row.kind),
        is_group=row.is_group,
        supervisor=row.supervisor,
        held_on=row.held_on,
        starts_at=row.starts_at,
        minutes=row.minutes,
        mode=ContactMode(row.mode),
        topics=tuple(topics),
        notes=row.notes if shown else "",
        text_hidden=not shown,
        confidentiality=level,
        next_on=row.next_on,
        agreed_by_psw_on=row.agreed_by_psw_on,
        agreed_by_supervisor_on=row.agreed_by_supervisor_on,
        attendee_names=tuple(sorted((k or f for f, k in people.values()), key=str.casefold)),
        own=own,
        addenda=tuple(
            Addendum(a.added_on, a.text if shown else "", a.recorded_by) for a in row.addenda
        ),
    )


def add_addendum(
    s: Session, session_id: SessionId, *, on: dt.date, text: str, now: dt.datetime, by: str
) -> None:
    s.add(
        SupervisionAddendumRow(
            session_id=session_id, added_on=on, text=text, recorded_at=now, recorded_by=by
        )
    )
    s.flush()
    s.expire(session_row(s, session_id), ["addenda"])
    index_session(s, session_id)


def learning_need(s: Session, need_id: LearningNeedId) -> SupervisionLearningNeedRow:
    return require(s, SupervisionLearningNeedRow, need_id, "learning need")
