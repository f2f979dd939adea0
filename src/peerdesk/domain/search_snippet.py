"""Search snippets in the original text: map FTS5's folded snippet back, then bold or plain it.

The index holds folded words (see :mod:`peerdesk.domain.search_words`), so SQLite's
``snippet()`` returns folded text: "lukasz" where the note says "Łukasz". It still does the hard
part (choosing the best stretch, marking each matched word with :data:`MATCH_START` and
:data:`MATCH_END`), and :func:`original_snippet` carries that choice back to the stored text:
the snippet's words are found as a consecutive run of the original's folded words and the same
stretch of the original is returned, with the runs that gave a matched word marked. Any place
where the same folded words occur has the same matches, so the first one is as good as any.

The markers are private-use characters, which folding removes, so they can never come from the
index; any in the original text are dropped from snippets. Escape first, then bold:
:func:`snippet_html` for rich text, :func:`snippet_plain` for the command line and exports.
"""

from __future__ import annotations

import html
import re

from peerdesk.domain.search_words import Run, iter_runs

MATCH_START = "\ue000"
"""Marks where a matched word starts in a snippet."""
MATCH_END = "\ue001"
"""Marks where a matched word ends in a snippet."""
CUT = "\ue002"
"""What ``snippet()`` puts where it cut the text; becomes an ellipsis."""
ELLIPSIS = "…"
SNIPPET_WORDS = 16
"""How many words ``snippet()`` is asked for (FTS5 allows up to 64)."""

_MARKERS = str.maketrans("", "", MATCH_START + MATCH_END + CUT)
_SPACES = re.compile(r"\s+")


def original_snippet(original: str, folded_snippet: str) -> str:
    """The stretch of ``original`` that ``folded_snippet`` shows, matched runs marked.

    Falls back to ``folded_snippet`` itself (still marked) if its words are not in ``original``:
    that only happens if the index and the stored text disagree.
    """
    lead = folded_snippet.startswith(CUT)
    trail = folded_snippet.endswith(CUT) and len(folded_snippet) > 1
    words, hits = _parse(folded_snippet.strip(CUT))
    located = _locate(original, words)
    if located is None:
        return folded_snippet.replace(CUT, ELLIPSIS)
    found, chosen = located
    matched = {run_index for run_index, hit in zip(chosen, hits, strict=True) if hit}
    return _render(original, found, chosen[0], chosen[-1], matched, lead, trail)


def _locate(original: str, words: list[str]) -> tuple[list[Run], list[int]] | None:
    """The runs of ``original`` up to the first place ``words`` occur, and each word's run."""
    if not words:
        return None
    found: list[Run] = []
    flat: list[str] = []
    owners: list[int] = []
    width = len(words)
    last = words[-1]
    for run in iter_runs(original):
        found.append(run)
        for word in run.words:
            flat.append(word)
            owners.append(len(found) - 1)
            if word == last and flat[-width:] == words:
                return found, owners[-width:]
    return None


def snippet_html(snippet: str) -> str:
    """``snippet`` as rich text: everything escaped, then each marked match in ``<b>…</b>``."""
    parts: list[str] = []
    bold = False
    for piece in re.split(f"([{MATCH_START}{MATCH_END}])", snippet.replace(CUT, ELLIPSIS)):
        if piece == MATCH_START:
            if not bold:
                parts.append("<b>")
            bold = True
        elif piece == MATCH_END:
            if bold:
                parts.append("</b>")
            bold = False
        else:
            parts.append(html.escape(piece, quote=False))
    if bold:
        parts.append("</b>")
    return "".join(parts)


def snippet_plain(snippet: str) -> str:
    """``snippet`` as plain text: the match markers dropped."""
    return snippet.replace(CUT, ELLIPSIS).translate(_MARKERS)


def _parse(fragment: str) -> tuple[list[str], list[bool]]:
    """The words of a folded snippet and whether each was marked as a match."""
    words: list[str] = []
    hits: list[bool] = []
    inside = False
    for token in fragment.split(" "):
        hit = inside or MATCH_START in token
        if MATCH_START in token:
            inside = True
        if MATCH_END in token:
            inside = False
        word = token.translate(_MARKERS)
        if word:
            words.append(word)
            hits.append(hit)
    return words, hits


def _render(
    original: str,
    found: list[Run],
    first: int,
    last: int,
    matched: set[int],
    lead: bool,
    trail: bool,
) -> str:
    # Where the snippet reaches an end of the text, keep what lies beyond the last word there.
    parts = [ELLIPSIS if lead else _tidy(original[: found[first].start]).lstrip()]
    for index in range(first, last + 1):
        run = found[index]
        if index > first:
            parts.append(_tidy(original[found[index - 1].end : run.start]))
        text = original[run.start : run.end].translate(_MARKERS)
        parts.append(MATCH_START + text + MATCH_END if index in matched else text)
    parts.append(ELLIPSIS if trail else _tidy(original[found[last].end :]).rstrip())
    return "".join(parts)


def _tidy(gap: str) -> str:
    return _SPACES.sub(" ", gap.translate(_MARKERS))
