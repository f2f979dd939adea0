"""Queries on peer support workers. Each takes the caller's Session: services own transactions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswQuery, PswRow, PswSort, Role
from peerdesk.domain.text import fold
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.storage.models import ListItemRow, PswRowModel
from peerdesk.storage.visibility import hidden_psw_ids, visible_psws

_SORT_COLUMNS = {
    PswSort.NAME: (PswRowModel.name_key,),
    PswSort.KNOWN_AS: (PswRowModel.known_as, PswRowModel.name_key),
    PswSort.STATUS: (PswRowModel.status, PswRowModel.name_key),
    PswSort.SINCE: (PswRowModel.status_since, PswRowModel.name_key),
    PswSort.ROLE: (PswRowModel.role, PswRowModel.name_key),
    PswSort.AREA: (ListItemRow.name, PswRowModel.name_key),
    PswSort.CAPACITY: (PswRowModel.capacity, PswRowModel.name_key),
    PswSort.UPDATED: (PswRowModel.updated_at,),
}


def like_pattern(typed: str) -> str:
    """A ``LIKE … ESCAPE '\\'`` pattern matching the folded text anywhere, taken literally."""
    folded = fold(typed)
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(query: PswQuery, columns: Sequence[object], viewer: Viewer) -> Select[tuple[int]]:
    stmt = select(*columns).where(  # type: ignore[call-overload]
        PswRowModel.archived.is_(query.archived), visible_psws(viewer)
    )
    if query.statuses:
        stmt = stmt.where(PswRowModel.status.in_(sorted(s.value for s in query.statuses)))
    if fold(query.text):
        stmt = stmt.where(PswRowModel.search_key.like(like_pattern(query.text), escape="\\"))
    return stmt  # type: ignore[no-any-return]


def list_ids(s: Session, query: PswQuery, *, viewer: Viewer = COORDINATOR) -> list[PswId]:
    """Ids of the PSWs ``viewer`` may see that the table shows, in display order. Sorting and
    filtering happen in SQL.

    Run as a Core statement on the session's connection and read as plain tuples: for 100,000
    ids that is 4x faster than an ORM ``scalars()`` read (measured 200 ms -> 48 ms).
    """
    stmt = _filtered(query, [PswRowModel.id], viewer)
    order = _SORT_COLUMNS[query.sort]
    if query.sort is PswSort.AREA:
        stmt = stmt.outerjoin(ListItemRow, PswRowModel.area_id == ListItemRow.id)
    keys = [c.desc() if query.descending else c.asc() for c in order]
    stmt = stmt.order_by(*keys, PswRowModel.id)
    return [PswId(row[0]) for row in s.connection().execute(stmt).tuples()]


def rows_for(s: Session, ids: Sequence[PswId]) -> list[PswRow]:
    """Table lines for ``ids`` (in that order; ids no longer in the vault are left out)."""
    stmt = (
        select(
            PswRowModel.id,
            PswRowModel.full_name,
            PswRowModel.known_as,
            PswRowModel.status,
            PswRowModel.status_since,
            PswRowModel.role,
            ListItemRow.name,
            PswRowModel.capacity,
            PswRowModel.archived,
            PswRowModel.updated_at,
        )
        .outerjoin(ListItemRow, PswRowModel.area_id == ListItemRow.id)
        .where(PswRowModel.id.in_(list(ids)))
    )
    found = {
        r[0]: PswRow(
            id=PswId(r[0]),
            full_name=r[1],
            known_as=r[2],
            status=JourneyStatus(r[3]),
            status_since=r[4],
            role=Role(r[5]),
            area=r[6] or "",
            capacity=r[7],
            archived=r[8],
            updated_at=r[9],
        )
        for r in s.execute(stmt)
    }
    return [found[i] for i in ids if i in found]


def load(s: Session, psw_id: PswId) -> PswRowModel:
    """The full ORM row with its lists, for reading into a record or editing in this Session."""
    row = s.scalars(
        select(PswRowModel)
        .where(PswRowModel.id == psw_id)
        .options(
            selectinload(PswRowModel.contact_modes),
            selectinload(PswRowModel.lived_experience),
            selectinload(PswRowModel.skills),
            selectinload(PswRowModel.interests),
            selectinload(PswRowModel.languages),
            selectinload(PswRowModel.demographics),
            selectinload(PswRowModel.availability),
            selectinload(PswRowModel.history),
        )
    ).one_or_none()
    if row is None:
        raise NotFound("That peer support worker is no longer in the vault.")
    return row


def count(s: Session, query: PswQuery, *, viewer: Viewer = COORDINATOR) -> int:
    return int(s.scalar(_filtered(query, [func.count(PswRowModel.id)], viewer)) or 0)


def hidden_ids(s: Session, viewer: Viewer) -> set[PswId]:
    """PSWs ``viewer`` may not see (protected ones, unless the viewer has the right; for a
    supervisor, all but theirs): lines already selected by date are filtered by this set."""
    hidden = hidden_psw_ids(viewer)
    if hidden is None:
        return set()
    return {PswId(i) for i in s.scalars(hidden) if i is not None}
