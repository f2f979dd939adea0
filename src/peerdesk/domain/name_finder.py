"""Finding the vault's known names in free text, folded (case, accents), whole words only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from peerdesk.domain.text import fold

_WORD = re.compile(r"\w+")
MIN_NAME_CHARS = 3
"""Folded names shorter than this ("Al", "Jo") are not looked for: they match too much text."""


@dataclass(frozen=True)
class NameHit:
    """A known name found in a text: where (in the original text) and which name."""

    start: int
    end: int
    name: str


class NameFinder:
    """Looks for each name as a run of whole words, folded, so "ZOE nguyen" finds "Zoë Nguyễn"."""

    def __init__(self, names: Iterable[str], *, except_names: Iterable[str] = ()) -> None:
        skip = {self._key(n) for n in except_names}
        self._names: dict[tuple[str, ...], str] = {}
        for name in names:
            key = self._key(name)
            if key and key not in skip and len(" ".join(key)) >= MIN_NAME_CHARS:
                self._names.setdefault(key, name)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(self._names, key=len, reverse=True):  # longest first
            self._by_first.setdefault(key[0], []).append(key)

    @staticmethod
    def _key(name: str) -> tuple[str, ...]:
        return tuple(w for word in _WORD.findall(name) for w in fold(word).split() if w)

    def hits(self, text: str) -> list[NameHit]:
        """Every known name in ``text``, in order, never overlapping (longest name wins)."""
        words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        found: list[NameHit] = []
        i = 0
        while i < len(words):
            matched = 0
            for key in self._by_first.get(words[i][2], ()):
                span = words[i : i + len(key)]
                if len(span) == len(key) and all(w[2] == k for w, k in zip(span, key, strict=True)):
                    found.append(NameHit(span[0][0], span[-1][1], self._names[key]))
                    matched = len(key)
                    break
            i += matched or 1
        return found


def marked(text: str, hits: list[NameHit], *, left: str = "»", right: str = "«") -> str:
    """``text`` with each name found wrapped in plain markers (shown without colour)."""
    out, at = [], 0
    for hit in hits:
        out += [text[at : hit.start], left, text[hit.start : hit.end], right]
        at = hit.end
    out.append(text[at:])
    return "".join(out)
