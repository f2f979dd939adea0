"""Queries on supported people. Each takes the caller's Session: services own transactions."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person import PersonQuery, PersonRow, PersonSort, PersonStatus
from peerdesk.domain.text import fold
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.domain.waiting import Wait, wait_on
from peerdesk.storage.models import ListItemRow
from peerdesk.storage.person_models import PersonLanguage, PersonRowModel, PersonStatusChangeRow
from peerdesk.storage.psw_queries import like_pattern
from peerdesk.storage.visibility import visible_people


def _filtered(query: PersonQuery, viewer: Viewer, *columns: object) -> Select[tuple[object, ...]]:
    stmt: Select[tuple[object, ...]] = select(*columns)  # type: ignore[call-overload]
    stmt = stmt.where(visible_people(viewer))
    if query.statuses:
        stmt = stmt.where(PersonRowModel.status.in_(sorted(s.value for s in query.statuses)))
    if query.area_id is not None:
        stmt = stmt.where(PersonRowModel.area_id == query.area_id)
    if query.language_id is not None:
        stmt = stmt.where(
            select(PersonLanguage.person_id)
            .where(
                PersonLanguage.person_id == PersonRowModel.id,
                PersonLanguage.item_id == query.language_id,
            )
            .exists()
        )
    if fold(query.team):
        stmt = stmt.where(PersonRowModel.team_key == fold(query.team))
    if fold(query.text):
        stmt = stmt.where(PersonRowModel.search_key.like(like_pattern(query.text), escape="\\"))
    return stmt


def list_ids(
    s: Session, query: PersonQuery, *, today: dt.date, viewer: Viewer = COORDINATOR
) -> list[PersonId]:
    """Ids in display order: by name in SQL, or by wait (longest first) as of ``today``.

    The wait subtracts time on hold, read from the status history, so it is worked out by the
    one domain function (``waiting.wait_on``) rather than a second copy in SQL.
    """
    if query.sort is PersonSort.NAME:
        name = PersonRowModel.name_key
        order = [name.desc() if query.descending else name.asc(), PersonRowModel.id]
        stmt = _filtered(query, viewer, PersonRowModel.id).order_by(*order)
        return [PersonId(int(r[0])) for r in s.connection().execute(stmt)]
    ids = longest_wait_first(waits_for(s, query, today=today, viewer=viewer))
    return ids[::-1] if query.descending else ids


def longest_wait_first(waits: dict[int, tuple[str, Wait]]) -> list[PersonId]:
    """Ids by wait, longest first; equal waits by name, then by id (stable across runs)."""
    ranked = sorted(waits.items(), key=lambda kv: (-kv[1][1].days, kv[1][0], kv[0]))
    return [PersonId(pid) for pid, _ in ranked]


def waits_for(
    s: Session, query: PersonQuery, *, today: dt.date, viewer: Viewer = COORDINATOR
) -> dict[int, tuple[str, Wait]]:
    """Each matching person ``viewer`` may see, with their name key and wait on ``today``."""
    people = {
        int(r[0]): (r[1], r[2])
        for r in s.connection().execute(
            _filtered(
                query,
                viewer,
                PersonRowModel.id,
                PersonRowModel.referred_on,
                PersonRowModel.name_key,
            )
        )
    }
    moves = _moves(s, list(people))
    return {
        pid: (key, wait_on(referred, moves.get(pid, []), today))
        for pid, (referred, key) in people.items()
    }


def _moves(s: Session, ids: list[int]) -> dict[int, list[tuple[PersonStatus, dt.date]]]:
    found: dict[int, list[tuple[PersonStatus, dt.date]]] = defaultdict(list)
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        stmt = (
            select(
                PersonStatusChangeRow.person_id,
                PersonStatusChangeRow.to_status,
                PersonStatusChangeRow.changed_on,
            )
            .where(PersonStatusChangeRow.person_id.in_(chunk))
            .order_by(PersonStatusChangeRow.person_id, PersonStatusChangeRow.id)
        )
        for pid, status, on in s.execute(stmt):
            found[pid].append((PersonStatus(status), on))
    return found


def rows_for(s: Session, ids: Sequence[PersonId]) -> list[PersonRow]:
    """Table lines for ``ids`` (in that order; ids no longer in the vault are left out)."""
    found: dict[int, PersonRow] = {}
    for start in range(0, len(ids), 900):
        stmt = (
            select(
                PersonRowModel.id,
                PersonRowModel.full_name,
                PersonRowModel.known_as,
                PersonRowModel.status,
                PersonRowModel.status_since,
                PersonRowModel.referred_on,
                ListItemRow.name,
                PersonRowModel.team,
            )
            .outerjoin(ListItemRow, PersonRowModel.area_id == ListItemRow.id)
            .where(PersonRowModel.id.in_(list(ids[start : start + 900])))
        )
        for r in s.execute(stmt):
            found[r[0]] = PersonRow(
                id=PersonId(r[0]),
                full_name=r[1],
                known_as=r[2],
                status=PersonStatus(r[3]),
                status_since=r[4],
                referred_on=r[5],
                area=r[6] or "",
                team=r[7],
            )
    return [found[i] for i in ids if i in found]


def load(s: Session, person_id: PersonId) -> PersonRowModel:
    """The full ORM row with its lists, for reading into a record or editing in this Session."""
    row = s.scalars(
        select(PersonRowModel)
        .where(PersonRowModel.id == person_id)
        .options(
            selectinload(PersonRowModel.contact_modes),
            selectinload(PersonRowModel.lived_experience),
            selectinload(PersonRowModel.interests),
            selectinload(PersonRowModel.languages),
            selectinload(PersonRowModel.identity),
            selectinload(PersonRowModel.availability),
            selectinload(PersonRowModel.history),
        )
    ).one_or_none()
    if row is None:
        raise NotFound("That supported person is no longer in the vault.")
    return row
