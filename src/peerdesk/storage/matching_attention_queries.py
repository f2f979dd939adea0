"""SQL for Needs attention's matching lines: one statement each, only records the viewer sees."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, bindparam, exists, func, inspect, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.util import ClauseAdapter

from peerdesk.domain.contacts import MatchId
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.domain.person import PersonStatus
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.match_models import ContactRow, MatchRow, MatchStepRow
from peerdesk.storage.models import PswRowModel, psw_display_name
from peerdesk.storage.person_models import PersonRowModel, PersonStatusChangeRow
from peerdesk.storage.visibility import visible_people, visible_psws


@dataclass(frozen=True)
class WaitingPerson:
    """A waiting person referred long enough ago to be over the limit, with their moves."""

    id: PersonId
    name: str
    referred_on: dt.date
    moves: tuple[tuple[PersonStatus, dt.date], ...]
    """(status entered, date), oldest first: what ``waiting.wait_on`` reads."""


@dataclass(frozen=True)
class MatchAtStage:
    """A match whose latest step is at ``stage`` since ``on``, and its last contact if any."""

    id: MatchId
    person_id: PersonId
    person_name: str
    psw_id: PswId
    psw_name: str
    stage: MatchStage
    on: dt.date
    last_contact_on: dt.date | None


def _person_name(person: Any = PersonRowModel) -> ColumnElement[str]:
    # "Known as" when given, as PersonDetails.display_name() says it.
    return func.coalesce(func.nullif(person.known_as, ""), person.full_name)


def long_waits(s: Session, referred_by: dt.date, viewer: Viewer) -> list[WaitingPerson]:
    """Visible people waiting now and referred on or before ``referred_by``, with their status
    history: one statement (people outer-joined to their moves), read in id then move order."""
    moves = PersonStatusChangeRow
    stmt = (
        select(
            PersonRowModel.id,
            _person_name(),
            PersonRowModel.referred_on,
            moves.to_status,
            moves.changed_on,
        )
        .outerjoin(moves, moves.person_id == PersonRowModel.id)
        .where(
            PersonRowModel.status == PersonStatus.WAITING.value,
            PersonRowModel.referred_on <= referred_by,
            visible_people(viewer),
        )
        .order_by(PersonRowModel.id, moves.id)
    )
    found: dict[int, tuple[str, dt.date, list[tuple[PersonStatus, dt.date]]]] = {}
    for pid, name, referred_on, to_status, changed_on in s.connection().execute(stmt):
        _, _, history = found.setdefault(pid, (name, referred_on, []))
        if to_status is not None:
            history.append((PersonStatus(to_status), changed_on))
    return [
        WaitingPerson(PersonId(pid), name, referred_on, tuple(history))
        for pid, (name, referred_on, history) in found.items()
    ]


_LATER = aliased(MatchStepRow, name="later_step")
_WHO = aliased(PersonRowModel, name="who")
"""The matched person, joined under another name: the PSW visibility rule looks for a person row
linked to the PSW, and must not be correlated with the matched person's row."""


@functools.lru_cache(maxsize=8)
def _who_visible(viewer: Viewer) -> ColumnElement[bool]:
    """``visible_people(viewer)`` over :data:`_WHO` (adapting it is slow: done once a viewer)."""
    return ClauseAdapter(inspect(_WHO).selectable).traverse(visible_people(viewer))


def matches_at(
    s: Session, stage: MatchStage, since_by: dt.date, viewer: Viewer, *, quiet_since: bool
) -> list[MatchAtStage]:
    """Matches whose latest step is ``stage``, taken on or before ``since_by``.

    With ``quiet_since`` only those with no contact logged after ``since_by`` either (none in
    the days since). Person and PSW must both be visible to ``viewer``.
    """
    stmt = _matches_at(stage, viewer, quiet_since)
    rows = s.connection().execute(stmt, {"since_by": since_by})
    return [_match(row, stage) for row in rows]


@functools.lru_cache(maxsize=16)
def _matches_at(stage: MatchStage, viewer: Viewer, quiet_since: bool) -> Select[Any]:
    """The statement, built once (building it costs more than running it on 2,000 matches)."""
    step, later, who = MatchStepRow, _LATER, _WHO
    since_by = bindparam("since_by", type_=Date())
    last_contact = (
        select(func.max(ContactRow.on)).where(ContactRow.match_id == MatchRow.id).scalar_subquery()
    )
    stmt: Select[Any] = (
        select(
            MatchRow.id,
            MatchRow.person_id,
            _person_name(who),
            MatchRow.psw_id,
            psw_display_name(),
            step.on,
            last_contact,
        )
        .join(MatchRow, MatchRow.id == step.match_id)
        .join(who, who.id == MatchRow.person_id)
        .join(PswRowModel, PswRowModel.id == MatchRow.psw_id)
        .where(
            step.stage == stage.value,
            step.on <= since_by,
            ~exists(select(later.id).where(later.match_id == step.match_id, later.id > step.id)),
            _who_visible(viewer),
            visible_psws(viewer),
        )
    )
    if quiet_since:
        stmt = stmt.where(
            ~exists(
                select(ContactRow.id).where(
                    ContactRow.match_id == MatchRow.id, ContactRow.on > since_by
                )
            )
        )
    return stmt


def _match(row: Sequence[Any], stage: MatchStage) -> MatchAtStage:
    return MatchAtStage(
        MatchId(row[0]), PersonId(row[1]), row[2], PswId(row[3]), row[4], stage, row[5], row[6]
    )
