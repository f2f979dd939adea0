"""What global search indexes (document kinds) and what the search service gives back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.calendar import format_date
from peerdesk.domain.ids import PswId
from peerdesk.domain.search_snippet import snippet_html, snippet_plain


class SearchKind(Enum):
    """A kind of indexed document; the value is what ``search_entry.kind`` stores.

    A supervision note is one document per session (a group's notes are shared): it carries the
    PSW for an individual session and no PSW for a group, whose attendees are looked up when it
    is found. A check-in belongs to one attendee, keyed by :func:`attendee_key`. A plan is one
    document per PSW and kind, keyed by the PSW's id and replaced by each new version.
    """

    NOTE = "supervision_note"
    CHECKIN = "supervision_checkin"
    ACTION = "supervision_action"
    LEARNING_NEED = "learning_need"
    WELLBEING_PLAN = "wellbeing_plan"
    STORY_PLAN = "story_plan"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_plan(self) -> bool:
        return self in (SearchKind.WELLBEING_PLAN, SearchKind.STORY_PLAN)


_LABELS = {
    SearchKind.NOTE: "Supervision notes",
    SearchKind.CHECKIN: "Wellbeing check-in",
    SearchKind.ACTION: "Supervision action",
    SearchKind.LEARNING_NEED: "Learning need",
    SearchKind.WELLBEING_PLAN: "Wellbeing plan",
    SearchKind.STORY_PLAN: "Telling my story safely",
}

ATTENDEE_KEY_BITS = 32
"""A check-in's key holds its session id above this many bits (SQL reads it with ``>>``)."""


def attendee_key(session_id: int, psw_id: int) -> int:
    """One integer for (session, attendee): an attendee's row has no id of its own."""
    return (session_id << ATTENDEE_KEY_BITS) | psw_id


def split_attendee_key(key: int) -> tuple[int, int]:
    """(session id, PSW id) back from :func:`attendee_key`."""
    return key >> ATTENDEE_KEY_BITS, key & ((1 << ATTENDEE_KEY_BITS) - 1)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One found document as a results list shows it; ``snippet`` has its matches marked.

    ``psw_id`` is the PSW the result opens (for a group's notes, the first attendee the viewer
    may see, by name); ``psw_name`` names every such attendee. ``session_id`` is set for notes
    and check-ins; ``record_id`` is the id stored in the index.
    """

    kind: SearchKind
    record_id: int
    psw_id: PswId
    psw_name: str
    day: dt.date
    confidentiality: str
    snippet: str
    session_id: int | None = None

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def date_text(self) -> str:
        return format_date(self.day)

    @property
    def snippet_html(self) -> str:
        """The snippet escaped, its matches in bold: the only rich text a result has."""
        return snippet_html(self.snippet)

    @property
    def snippet_text(self) -> str:
        return snippet_plain(self.snippet)


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of results, best first, and what to say above them.

    ``capped`` is the hit count beyond which results are the most recently recorded matches
    rather than the best ranked ones (ranking every hit of a very common word is what costs);
    it is None when every match was ranked.
    """

    results: tuple[SearchResult, ...]
    message: str
    page: int = 0
    has_more: bool = False
    capped: int | None = None
    shortened: bool = False
