"""Global search over the index as one viewer may see it: levels, protected PSWs, ranked pages.

The statements are plain SQL (built once per shape and reused), because a search runs on every
keystroke and must stay close to the same query typed into SQLite by hand. Which levels and
PSWs are left out comes from :mod:`peerdesk.storage.visibility`, the one visibility rule.

Ranking orders every hit by bm25, which for a very common word means scoring most of the index.
So the hits are first counted up to :data:`RANK_CAP`; beyond it the page is the most recently
indexed matches (documents are indexed as records are made, and :func:`reindex_all` goes
oldest first), newest first, and the result says so.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.search_query import SearchQuery
from peerdesk.domain.search_records import SearchHit
from peerdesk.domain.search_snippet import (
    CUT,
    MATCH_END,
    MATCH_START,
    SNIPPET_WORDS,
    original_snippet,
)
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.supervision_models import SupervisionAttendeeRow
from peerdesk.storage.visibility import hidden_psw_ids, visible_psws

RANK_CAP = 500
"""Up to this many hits are ranked best first; beyond it the newest come first."""

_PAGE_SQL = """SELECT kind, record_id, psw_id, day, confidentiality, original,
       snippet(search_text, 0, ?, ?, ?, ?)
FROM search_text
WHERE search_text MATCH ? AND confidentiality IN ({levels}){visible}
ORDER BY {order}
LIMIT ? OFFSET ?"""

_COUNT_SQL = """SELECT count(*) FROM (
    SELECT 1 FROM search_text
    WHERE search_text MATCH ? AND confidentiality IN ({levels}){visible}
    LIMIT ?)"""

_VISIBLE_SQL = """
  AND CASE WHEN psw_id IS NOT NULL THEN psw_id NOT IN ({protected})
      ELSE EXISTS (SELECT 1 FROM supervision_attendee AS a
                   WHERE a.session_id = search_text.record_id AND a.psw_id NOT IN ({protected}))
      END"""


@dataclass(frozen=True, slots=True)
class HitPage:
    """Hits of one page (one more than asked, if there are more) and how many there are:
    ``count`` is exact up to ``RANK_CAP``; ``capped`` means more, newest first."""

    hits: list[SearchHit]
    count: int
    capped: bool


@functools.cache
def _hidden_sql(viewer: Viewer) -> str:
    """The ids ``viewer`` may not see (``hidden_psw_ids``) as SQL; "" when every PSW shows."""
    hidden = hidden_psw_ids(viewer)
    if hidden is None:
        return ""
    compiled = hidden.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    return str(compiled)


@functools.cache
def _statement(template: str, levels: int, hidden: str, order: str = "") -> str:
    visible = _VISIBLE_SQL.format(protected=hidden) if hidden else ""
    return template.format(levels=", ".join("?" * levels), visible=visible, order=order)


def search_page(
    s: Session,
    query: SearchQuery,
    levels: Collection[str],
    viewer: Viewer,
    *,
    limit: int,
    offset: int,
    cap: int | None = None,
) -> HitPage:
    """``limit`` + 1 hits from ``offset``: best first, or newest first beyond ``cap`` hits."""
    if not levels:
        return HitPage([], 0, capped=False)
    cap = RANK_CAP if cap is None else cap
    chosen = sorted(levels)
    hide = _hidden_sql(viewer)
    connection = s.connection()
    count_sql = _statement(_COUNT_SQL, len(chosen), hide)
    count = connection.exec_driver_sql(count_sql, (query.expression, *chosen, cap + 1)).scalar()
    count = int(count or 0)
    if count == 0:
        return HitPage([], 0, capped=False)
    capped = count > cap
    sql = _statement(_PAGE_SQL, len(chosen), hide, "rowid DESC" if capped else "rank")
    params = (MATCH_START, MATCH_END, CUT, SNIPPET_WORDS, query.expression, *chosen)
    rows = connection.exec_driver_sql(sql, (*params, limit + 1, offset)).all()
    hits = [_hit(*row) for row in rows[:limit]]  # the extra row only says there are more
    if len(rows) > limit:
        kind, record_id, psw_id, day, level = rows[limit][:5]
        hits.append(_hit(kind, record_id, psw_id, day, level, "", ""))
    return HitPage(hits, min(count, cap), capped)


def _hit(
    kind: str,
    record_id: int,
    psw_id: int | None,
    day: str,
    level: str,
    original: str,
    fragment: str,
) -> SearchHit:
    snippet = original_snippet(original, fragment)
    owner = None if psw_id is None else PswId(psw_id)
    return SearchHit(kind, record_id, owner, dt.date.fromisoformat(day), level, snippet)


def shown_names(s: Session, psw_ids: Iterable[PswId]) -> dict[PswId, str]:
    """Each existing PSW's name as lists show it (known as, else full name).

    Plain SQL: it runs on every keystroke's page of results.
    """
    ids = sorted(set(psw_ids))
    if not ids:
        return {}
    rows = s.connection().exec_driver_sql(
        f"SELECT id, full_name, known_as FROM psw WHERE id IN ({', '.join('?' * len(ids))})",
        tuple(ids),
    )
    return {PswId(i): known or full for i, full, known in rows}


def group_attendees(
    s: Session, session_ids: Iterable[int], viewer: Viewer
) -> dict[int, list[tuple[PswId, str]]]:
    """Per session, the attendees ``viewer`` may see, as (id, shown name), by name."""
    ids = sorted(set(session_ids))
    if not ids:
        return {}
    stmt = (
        select(
            SupervisionAttendeeRow.session_id,
            PswRowModel.id,
            PswRowModel.full_name,
            PswRowModel.known_as,
        )
        .join(PswRowModel, PswRowModel.id == SupervisionAttendeeRow.psw_id)
        .where(SupervisionAttendeeRow.session_id.in_(ids), visible_psws(viewer))
    )
    found: dict[int, list[tuple[PswId, str]]] = {}
    for session_id, psw_id, full, known in s.execute(stmt):
        found.setdefault(session_id, []).append((PswId(psw_id), known or full))
    for people in found.values():
        people.sort(key=lambda p: p[1].casefold())
    return found
