"""Turn what a coordinator typed into a safe FTS5 MATCH expression: words, prefixes and phrases.

User text never reaches MATCH as syntax. The text is cleaned (lone surrogates and format
characters removed, other control characters including NUL made spaces, NFC), cut to
:data:`MAX_QUERY_CHARACTERS`, then split on double quotes: each balanced pair makes a phrase and
an unpaired quote is plain text. Everything is split into folded words by
:mod:`peerdesk.domain.search_words`, exactly as the index splits stored text, so AND, OR, NOT,
NEAR, ``*``, ``^``, ``:`` and brackets are ordinary words or separators, never operators.

* A word outside quotes matches as a prefix: ``night shi`` gives ``"night"* "shi"*``.
* A phrase matches its words consecutively and exactly, the last word too: closing the quote says
  the phrase is finished (``"night shift"`` does not find "night shifts"). A one-word phrase is
  an exact word.
* Every word and phrase is required (FTS5's implicit AND). Repeats are dropped.
* At most :data:`MAX_QUERY_WORDS` words are used; a phrase crossing the limit is shortened.
  :attr:`SearchQuery.shortened` says when anything was cut, so the screen can say so.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from peerdesk.domain.search_words import folded_words

NOTHING_TO_SEARCH = "Type a word to search."
"""What to show when the typed text holds no word to search for."""

MAX_QUERY_CHARACTERS = 1_000
"""Longer input is cut here before anything else (a pasted note still searches quickly)."""

MAX_QUERY_WORDS = 32
"""Words beyond this many (counting each word of a phrase) are ignored."""

QUOTE_MARKS = frozenset('"“”„‟')
"""Characters that open or close a phrase (typed or "smart" double quotes)."""

_REMOVED_CATEGORIES = frozenset({"Cs", "Cf"})


@dataclass(frozen=True, slots=True)
class Term:
    """One required part of a query: a single word (a prefix) or a phrase (exact words)."""

    words: tuple[str, ...]
    phrase: bool

    @property
    def expression(self) -> str:
        """This term as FTS5 syntax: a quoted string, with ``*`` for a prefix."""
        quoted = '"' + " ".join(self.words).replace('"', '""') + '"'
        return quoted if self.phrase else quoted + "*"


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A query ready for FTS5 MATCH, with its parts for testing and explaining."""

    terms: tuple[Term, ...]
    shortened: bool

    @property
    def expression(self) -> str:
        """The MATCH expression: every term, space-separated (all required)."""
        return " ".join(term.expression for term in self.terms)


def build_query(typed: str) -> SearchQuery | None:
    """The query for ``typed``, or None when it holds no word (show :data:`NOTHING_TO_SEARCH`)."""
    cleaned = clean(typed)
    shortened = len(cleaned) > MAX_QUERY_CHARACTERS
    cleaned = cleaned[:MAX_QUERY_CHARACTERS]
    terms: list[Term] = []
    budget = MAX_QUERY_WORDS
    for text, is_phrase in _segments(cleaned):
        words = folded_words(text)
        if len(words) > budget:
            words, shortened = words[:budget], True
        if not words:
            continue
        candidates = [Term(tuple(words), True)] if is_phrase else [Term((w,), False) for w in words]
        for term in candidates:
            if term not in terms:
                terms.append(term)
                budget -= len(term.words)
    return SearchQuery(tuple(terms), shortened) if terms else None


def clean(typed: str) -> str:
    """``typed`` without lone surrogates or format characters, controls as spaces, in NFC."""
    kept = "".join(
        " " if category == "Cc" else ch
        for ch in typed
        if (category := unicodedata.category(ch)) not in _REMOVED_CATEGORIES
    )
    return unicodedata.normalize("NFC", kept)


def _segments(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` at quote marks into (text, is phrase); an unpaired last quote is a space."""
    pieces: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in QUOTE_MARKS:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one pairs with nothing
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces)]
