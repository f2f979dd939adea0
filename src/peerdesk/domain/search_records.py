"""What goes into the full-text search index and what a search gives back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.domain.ids import PswId


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One record's searchable text, keyed by its kind and id (one document per record).

    ``confidentiality`` is the record's level name as stored (e.g. "shared", "confidential",
    "private"); the index only stores it so searches can leave levels out.
    """

    kind: str
    record_id: int
    psw_id: PswId | None
    day: dt.date
    confidentiality: str
    text: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result, best first; ``snippet`` is original text with matches marked.

    Show the snippet with :func:`peerdesk.domain.search_snippet.snippet_html` (escaped, matches
    bold) or :func:`peerdesk.domain.search_snippet.snippet_plain`.
    """

    kind: str
    record_id: int
    psw_id: PswId | None
    day: dt.date
    confidentiality: str
    snippet: str
