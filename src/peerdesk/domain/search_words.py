"""The one way search splits text into folded words, shared by the index, queries and snippets.

A *run* is a stretch of word characters in the text as typed or stored: letters, digits, marks
(so Devanagari vowel signs stay inside their word) and format characters such as soft hyphens
(dropped by folding, so a soft-hyphenated word is one word). Everything else (spaces,
punctuation, symbols, controls, private-use characters, lone surrogates) separates runs. Each run
is folded with :func:`peerdesk.domain.text.fold` on its own and split again by the same rule,
because folding can open a run up ("½" folds to "1⁄2": two words) or empty it. Words without a
letter or digit are dropped.

Folding run by run is what lets a snippet be shown in the original text: every folded word knows
the run it came from. The index stores the folded words joined by single spaces, and FTS5's
``ascii`` tokenizer splits that on the spaces only (it treats every non-ASCII character as part
of a word, and folded words hold no ASCII punctuation), so SQLite sees exactly these words,
whatever Unicode version its own tables were built from.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from peerdesk.domain.text import fold

_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})
_RUN_ONLY_CATEGORIES = frozenset({"Cf"})
_CACHED_RUN_LENGTH = 64
"""Runs this short are folded and split once and remembered (as :func:`fold` does)."""


class Run(NamedTuple):
    """One stretch of word characters in the original text and the folded words it gives."""

    start: int
    end: int
    words: tuple[str, ...]


def folded_words(text: str) -> list[str]:
    """Every folded word of ``text``, in order."""
    return [word for run in runs(text) for word in run.words]


def index_text(text: str) -> str:
    """What the search index stores for ``text``: its folded words joined by single spaces."""
    return " ".join(folded_words(text))


def runs(text: str) -> list[Run]:
    """The runs of ``text`` that give at least one folded word, in order."""
    return list(iter_runs(text))


def iter_runs(text: str) -> Iterator[Run]:
    """Like :func:`runs`, one at a time (a snippet stops once it has found its words)."""
    cached = _run_words
    for match in _spans(text, _tables()[0]):
        start, end = match.span()
        run = text[start:end]
        words = cached(run) if end - start <= _CACHED_RUN_LENGTH else split_folded(fold(run))
        if words:
            yield Run(start, end, words)


@functools.lru_cache(maxsize=50_000)
def _run_words(run: str) -> tuple[str, ...]:
    return split_folded(fold(run))


def split_folded(folded: str) -> tuple[str, ...]:
    """Split already-folded text into words, keeping those with a letter or digit."""
    if folded.isalnum():  # the usual case: letters and digits only, one word
        return (folded,)
    return tuple(
        folded[match.start() : match.end()]
        for match in _spans(folded, _tables()[1])
        if _has_letter_or_digit(folded[match.start() : match.end()])
    )


def _has_letter_or_digit(word: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in word)


_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
"""Runs of letters and digits (``re``'s alphanumerics are exactly Unicode's L* and N*)."""


def _spans(text: str, table: dict[int, str]) -> Iterator[re.Match[str]]:
    """Matches of word-character runs in ``text``, where ``table``'s characters also count.

    ``re`` checks a character against a class of thousands of ranges one range at a time, so
    rather than a class for marks the text is translated character for character (offsets kept)
    with every mark turned into a letter, and searched for plain alphanumeric runs.
    """
    return _LETTERS_AND_DIGITS.finditer(text if text.isascii() else text.translate(table))


@functools.cache
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    """Translation tables: (marks and format characters, marks) to a letter; built once."""
    run_table: dict[int, str] = {}
    word_table: dict[int, str] = {}
    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category in _MARK_CATEGORIES:
            word_table[code] = run_table[code] = "a"
        elif category in _RUN_ONLY_CATEGORIES:
            run_table[code] = "a"
    return run_table, word_table
