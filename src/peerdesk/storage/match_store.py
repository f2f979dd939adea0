"""Matches, their steps and contact logs, each inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import (
    Contact,
    ContactDetails,
    ContactId,
    ContactOutcome,
    MatchId,
)
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import EndReason, Match, MatchStage, MatchStep
from peerdesk.storage.match_models import ContactRow, MatchRow, MatchStepRow
from peerdesk.storage.models import PswRowModel


def _step(row: MatchStepRow) -> MatchStep:
    return MatchStep(
        stage=MatchStage(row.stage),
        on=row.on,
        by=row.by,
        note=row.note,
        end_reason=None if row.end_reason is None else EndReason(row.end_reason),
    )


def _step_row(step: MatchStep) -> MatchStepRow:
    return MatchStepRow(
        stage=step.stage.value,
        on=step.on,
        by=step.by,
        note=step.note,
        end_reason=None if step.end_reason is None else step.end_reason.value,
    )


def _match(row: MatchRow) -> Match:
    return Match(
        MatchId(row.id),
        PersonId(row.person_id),
        PswId(row.psw_id),
        tuple(_step(r) for r in row.steps),
    )


def _load(s: Session, match_id: MatchId) -> MatchRow:
    row = s.get(MatchRow, match_id, options=[selectinload(MatchRow.steps)])
    if row is None:
        raise NotFound("That match is no longer in the vault.")
    return row


def insert(
    s: Session,
    person_id: PersonId,
    psw_id: PswId,
    *,
    rationale: str,
    proposed: MatchStep,
    now: dt.datetime,
) -> Match:
    """A new match with its first (proposed) step."""
    row = MatchRow(person_id=person_id, psw_id=psw_id, rationale=rationale, created_at=now)
    row.steps = [_step_row(proposed)]
    s.add(row)
    s.flush()
    return _match(row)


def append_step(s: Session, match_id: MatchId, step: MatchStep) -> Match:
    row = _load(s, match_id)
    row.steps.append(_step_row(step))
    s.flush()
    return _match(row)


def load(s: Session, match_id: MatchId) -> Match:
    return _match(_load(s, match_id))


def rationale(s: Session, match_id: MatchId) -> str:
    return _load(s, match_id).rationale


def steps(s: Session, match_id: MatchId) -> tuple[MatchStep, ...]:
    return _match(_load(s, match_id)).history


def _matches(s: Session, stmt: Select[tuple[MatchRow]]) -> list[Match]:
    rows = s.scalars(stmt.options(selectinload(MatchRow.steps)).order_by(MatchRow.id))
    return [_match(r) for r in rows]


def for_person(s: Session, person_id: PersonId) -> list[Match]:
    """Their matches, oldest first."""
    return _matches(s, select(MatchRow).where(MatchRow.person_id == person_id))


def for_psw(s: Session, psw_id: PswId) -> list[Match]:
    """The PSW's matches, oldest first."""
    return _matches(s, select(MatchRow).where(MatchRow.psw_id == psw_id))


def _latest_stage() -> Select[tuple[int, str]]:
    """Each match's id and current stage (that of its step with the highest id)."""
    latest = (
        select(MatchStepRow.match_id, func.max(MatchStepRow.id).label("step_id"))
        .group_by(MatchStepRow.match_id)
        .subquery()
    )
    return select(MatchStepRow.match_id, MatchStepRow.stage).join(
        latest, MatchStepRow.id == latest.c.step_id
    )


def places_used(s: Session, psw_ids: Iterable[PswId]) -> dict[PswId, int]:
    """Places taken per PSW (proposed, introduced and active matches take one); 0 for none."""
    wanted = sorted(set(psw_ids))
    used = {p: 0 for p in wanted}
    if not wanted:
        return used
    current = _latest_stage().subquery()
    live = sorted(st.value for st in MatchStage if st.uses_place)
    stmt = (
        select(MatchRow.psw_id, func.count())
        .join(current, current.c.match_id == MatchRow.id)
        .where(MatchRow.psw_id.in_(wanted), current.c.stage.in_(live))
        .group_by(MatchRow.psw_id)
    )
    for psw_id, count in s.execute(stmt):
        used[PswId(psw_id)] = int(count)
    return used


def places_left(s: Session, psw_ids: Iterable[PswId]) -> dict[PswId, int]:
    """Each PSW's capacity less the places their matches use (negative when over capacity)."""
    used = places_used(s, psw_ids)
    stmt = select(PswRowModel.id, PswRowModel.capacity).where(PswRowModel.id.in_(sorted(used)))
    return {PswId(p): capacity - used[PswId(p)] for p, capacity in s.execute(stmt)}


def _contact(row: ContactRow, psw_id: int) -> Contact:
    details = ContactDetails(
        on=row.on,
        minutes=row.minutes,
        mode=ContactMode(row.mode),
        outcome=ContactOutcome(row.outcome),
        note=row.note,
    )
    return Contact(ContactId(row.id), MatchId(row.match_id), PswId(psw_id), details)


def add_contact(s: Session, match: Match, details: ContactDetails) -> Contact:
    row = ContactRow(
        match_id=match.id,
        on=details.on,
        minutes=details.minutes,
        mode=details.mode.value,
        outcome=details.outcome.value,
        note=details.note,
    )
    s.add(row)
    s.flush()
    return _contact(row, match.psw_id)


def contacts(s: Session, match_id: MatchId) -> list[Contact]:
    """The match's contact log, by date (then as entered)."""
    psw_id = _load(s, match_id).psw_id
    rows = s.scalars(
        select(ContactRow)
        .where(ContactRow.match_id == match_id)
        .order_by(ContactRow.on, ContactRow.id)
    )
    return [_contact(r, psw_id) for r in rows]


def last_contact_on(s: Session, match_ids: Sequence[MatchId]) -> dict[MatchId, dt.date]:
    """The date of each match's latest logged contact (matches with none are left out)."""
    stmt = (
        select(ContactRow.match_id, func.max(ContactRow.on))
        .where(ContactRow.match_id.in_(sorted(set(match_ids))))
        .group_by(ContactRow.match_id)
    )
    return {MatchId(m): on for m, on in s.execute(stmt)}


def attended_contacts(
    s: Session, psw_id: PswId | None, start: dt.date, end: dt.date
) -> list[Contact]:
    """Attended contacts dated from ``start`` to ``end`` inclusive, for one PSW or everyone."""
    stmt = (
        select(ContactRow, MatchRow.psw_id)
        .join(MatchRow, MatchRow.id == ContactRow.match_id)
        .where(
            ContactRow.outcome == ContactOutcome.ATTENDED.value,
            ContactRow.on >= start,
            ContactRow.on <= end,
        )
        .order_by(ContactRow.on, ContactRow.id)
    )
    if psw_id is not None:
        stmt = stmt.where(MatchRow.psw_id == psw_id)
    return [_contact(row, p) for row, p in s.execute(stmt).tuples()]


def people_with_live_match(s: Session) -> set[PersonId]:
    """People with a proposed, introduced or active match (they are not planned again)."""
    current = _latest_stage().subquery()
    live = sorted(st.value for st in MatchStage if st.uses_place)
    stmt = (
        select(MatchRow.person_id)
        .join(current, current.c.match_id == MatchRow.id)
        .where(current.c.stage.in_(live))
        .distinct()
    )
    return {PersonId(p) for p in s.scalars(stmt)}
