"""Global search: what a coordinator typed, as safe FTS5 query, to a page of results they may see.

Confidential text is searched only when asked (``include_confidential``), private text never,
and protected PSWs' records only for a viewer with that right: the levels and the protected
rule come from storage's one visibility module. Vaults whose records existed before the index
are indexed once, on the first search, and a settings flag records it.
"""

from __future__ import annotations

from peerdesk.domain.ids import PswId
from peerdesk.domain.search_query import MAX_QUERY_WORDS, NOTHING_TO_SEARCH, build_query
from peerdesk.domain.search_records import SearchHit
from peerdesk.domain.search_results import (
    SearchKind,
    SearchPage,
    SearchResult,
    split_attendee_key,
)
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.storage import audit_log, search_documents, search_queries, settings_store
from peerdesk.storage.visibility import searched_levels
from peerdesk.storage.workspace import Tx, Workspace

PAGE_SIZE = 20
INDEXED_KEY = "search.indexed"
NOTHING_FOUND = "Nothing found."
CONFIDENTIAL_LEFT_OUT = (
    ' Confidential notes were left out: tick "Include confidential" to search them.'
)


class SearchService:
    """Searches supervision notes, check-ins, actions, learning needs and current plans."""

    def __init__(self, workspace: Workspace, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._indexed = False

    def search(
        self,
        typed: str,
        *,
        include_confidential: bool = False,
        viewer: Viewer | None = None,
        page: int = 0,
    ) -> SearchPage:
        """Page ``page`` of what ``typed`` finds, best first; the message says what to show above
        it ("Type a word to search." when nothing searchable is left)."""
        viewer = viewer or self._viewer
        query = build_query(typed)
        if query is None:
            return SearchPage((), NOTHING_TO_SEARCH)
        self.ensure_indexed()
        page = max(page, 0)
        levels = {
            level.value
            for level in searched_levels(viewer, include_confidential=include_confidential)
        }
        with self._ws.reading() as s:
            found = search_queries.search_page(
                s, query, levels, viewer, limit=PAGE_SIZE, offset=page * PAGE_SIZE
            )
            results = _results(s, found.hits[:PAGE_SIZE], viewer)
        if page == 0:  # one audit row per search run, never its words; further pages are not new
            with self._ws.audit_only() as s:
                audit_log.record(s, "search", "note")
        message = _message(found, page, include_confidential)
        if query.shortened:
            message += f" Only the first {MAX_QUERY_WORDS} words were searched."
        return SearchPage(
            tuple(results),
            message,
            page=page,
            has_more=len(found.hits) > PAGE_SIZE,
            capped=search_queries.RANK_CAP if found.capped else None,
            shortened=query.shortened,
        )

    def ensure_indexed(self) -> None:
        """Index every existing record once per vault (records made before the index)."""
        if self._indexed:
            return
        with self._ws.reading() as s:
            done = INDEXED_KEY in settings_store.read_all(s)
        if not done:
            with self._ws.transaction() as s:
                if INDEXED_KEY not in settings_store.read_all(s):
                    search_documents.reindex_all(s)
                    settings_store.write(s, INDEXED_KEY, "1")
        self._indexed = True


def _message(found: search_queries.HitPage, page: int, include_confidential: bool) -> str:
    if found.capped:
        first = page * PAGE_SIZE + 1
        last = page * PAGE_SIZE + min(len(found.hits), PAGE_SIZE)
        return (
            f"Showing the newest {first:,} to {last:,} of more than "
            f"{search_queries.RANK_CAP:,} matches (most recently recorded first): "
            "add a word to narrow them."
        )
    if found.count == 0:
        return NOTHING_FOUND + ("" if include_confidential else CONFIDENTIAL_LEFT_OUT)
    first = page * PAGE_SIZE + 1
    last = min(found.count, first + PAGE_SIZE - 1)
    if found.count == 1:
        return "1 match."
    if first == 1 and last == found.count:
        return f"{found.count:,} matches, best first."
    return f"Matches {first:,} to {last:,} of {found.count:,}, best first."


def _results(s: Tx, hits: list[SearchHit], viewer: Viewer) -> list[SearchResult]:
    """Hits with the PSW each opens and their name; a hit whose PSW is gone is left out."""
    names = search_queries.shown_names(s, [h.psw_id for h in hits if h.psw_id is not None])
    groups = search_queries.group_attendees(
        s, [h.record_id for h in hits if h.psw_id is None], viewer
    )
    results = []
    for hit in hits:
        kind = SearchKind(hit.kind)
        session_id: int | None = None
        if hit.psw_id is None:
            people = groups.get(hit.record_id, [])
            if not people:
                continue
            psw_id, name = people[0][0], ", ".join(n for _, n in people)
        elif hit.psw_id in names:
            psw_id, name = hit.psw_id, names[hit.psw_id]
        else:
            continue
        if kind is SearchKind.NOTE:
            session_id = hit.record_id
        elif kind is SearchKind.CHECKIN:
            session_id = split_attendee_key(hit.record_id)[0]
        results.append(
            SearchResult(
                kind=kind,
                record_id=hit.record_id,
                psw_id=PswId(psw_id),
                psw_name=name,
                day=hit.day,
                confidentiality=hit.confidentiality,
                snippet=hit.snippet,
                session_id=session_id,
            )
        )
    return results
