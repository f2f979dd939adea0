"""Global search over the index as one viewer may see it: levels, protected PSWs, ranked pages.

The statements are plain SQL (built once per shape and reused), because a search runs on every
keystroke and must stay close to the same query typed into SQLite by hand. Which levels and
PSWs are left out comes from :mod:`peerdesk.storage.visibility`, the one visibility rule. A
supervisor's confidential hits are kept only in their own sessions: the session ids are bound
as one JSON list, so the statement's shape does not depend on how many there are.

Ranking orders every hit by bm25, which for a very common word means scoring most of the index.
So the hits are first counted up to :data:`RANK_CAP`; beyond it the page is the most recently
indexed matches (documents are indexed as records are made, and :func:`reindex_all` goes
oldest first), newest first, and the result says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.search_query import SearchQuery
from peerdesk.domain.search_records import SearchHit
from peerdesk.domain.search_results import ATTENDEE_KEY_BITS, SearchKind
from peerdesk.domain.search_snippet import (
    CUT,
    MATCH_END,
    MATCH_START,
    SNIPPET_WORDS,
    original_snippet,
)
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.supervision_models import (
    SupervisionActionRow,
    SupervisionAttendeeRow,
    SupervisionLearningNeedRow,
)
from peerdesk.storage.visibility import (
    hidden_psw_ids,
    own_confidential_only,
    own_session_ids,
    visible_psws,
)

RANK_CAP = 500
"""Up to this many hits are ranked best first; beyond it the newest come first."""

_PAGE_SQL = """SELECT kind, record_id, psw_id, day, confidentiality, original,
       snippet(search_text, 0, ?, ?, ?, ?)
FROM search_text
WHERE search_text MATCH ? AND confidentiality IN ({levels}){visible}{own}
ORDER BY {order}
LIMIT ? OFFSET ?"""

_COUNT_SQL = """SELECT count(*) FROM (
    SELECT 1 FROM search_text
    WHERE search_text MATCH ? AND confidentiality IN ({levels}){visible}{own}
    LIMIT ?)"""

_ROW_SESSION = "(SELECT session_id FROM {table} WHERE id = search_text.record_id)"
_SESSION_OF = {
    SearchKind.NOTE: "record_id",
    SearchKind.CHECKIN: f"record_id >> {ATTENDEE_KEY_BITS}",
    SearchKind.ACTION: _ROW_SESSION.format(table=SupervisionActionRow.__tablename__),
    SearchKind.LEARNING_NEED: _ROW_SESSION.format(table=SupervisionLearningNeedRow.__tablename__),
}
"""Per kind of document in a session (every kind but plans), its session id in SQL."""

_OWN_SQL = """
  AND (confidentiality <> '{confidential}'
       OR coalesce(CASE kind {cases} END IN (SELECT value FROM json_each(?)), 0)
       OR (kind IN ({plans}) AND psw_id IN (SELECT value FROM json_each(?))))"""
"""Keeps confidential hits only in the sessions of one bound JSON list of ids, or plans of the
PSWs of a second list (the supervisees): one statement for any number of either."""
CONFIDENTIAL = Confidentiality.CONFIDENTIAL.value
_CASES = " ".join(f"WHEN '{kind.value}' THEN {sql}" for kind, sql in _SESSION_OF.items())
_PLANS = ", ".join(f"'{kind.value}'" for kind in SearchKind if kind.is_plan)

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
def _statement(template: str, levels: int, hidden: str, order: str = "", own: bool = False) -> str:
    visible = _VISIBLE_SQL.format(protected=hidden) if hidden else ""
    owned = _OWN_SQL.format(confidential=CONFIDENTIAL, cases=_CASES, plans=_PLANS) if own else ""
    return template.format(levels=", ".join("?" * levels), visible=visible, own=owned, order=order)


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
    chosen, own = _levels_and_own(s, levels, viewer)
    if not chosen:
        return HitPage([], 0, capped=False)
    hide = _hidden_sql(viewer)
    connection = s.connection()
    count_sql = _statement(_COUNT_SQL, len(chosen), hide, own=bool(own))
    count_params = (query.expression, *chosen, *own, cap + 1)
    count = int(connection.exec_driver_sql(count_sql, count_params).scalar() or 0)
    if count == 0:
        return HitPage([], 0, capped=False)
    capped = count > cap
    order = "rowid DESC" if capped else "rank"
    sql = _statement(_PAGE_SQL, len(chosen), hide, order, own=bool(own))
    params = (MATCH_START, MATCH_END, CUT, SNIPPET_WORDS, query.expression, *chosen, *own)
    rows = connection.exec_driver_sql(sql, (*params, limit + 1, offset)).all()
    hits = [_hit(*row) for row in rows[:limit]]  # the extra row only says there are more
    if len(rows) > limit:
        kind, record_id, psw_id, day, level = rows[limit][:5]
        hits.append(_hit(kind, record_id, psw_id, day, level, "", ""))
    return HitPage(hits, min(count, cap), capped)


def _levels_and_own(
    s: Session, levels: Collection[str], viewer: Viewer
) -> tuple[list[str], tuple[str, ...]]:
    """The levels to search, and (for a supervisor, whose confidential hits must be their own)
    the bound JSON lists of their own sessions and their supervisees, whose plans they may read
    (``text_visible``); with neither, the confidential level is not searched at all."""
    chosen = sorted(levels)
    if CONFIDENTIAL not in chosen or not own_confidential_only(viewer):
        return chosen, ()
    own, supervisees = own_session_ids(s, viewer), sorted(viewer.supervisees)
    if not own and not supervisees:
        return [level for level in chosen if level != CONFIDENTIAL], ()
    return chosen, (json.dumps(own), json.dumps(supervisees))


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
