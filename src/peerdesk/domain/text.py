"""The one folding function every text match goes through, plus text limits and tidying.

SQLite's own ``LIKE`` folds only ASCII case and FTS5's ``remove_diacritics`` misses letters that
Unicode does not decompose (ł, ø, đ, ß, æ …), so PeerDesk folds text itself, the same way for
what is stored and what is typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters that NFKD leaves whole: map them to what a UK keyboard user would type instead.
_NO_DECOMPOSITION = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "ĸ": "k",
        "ſ": "s",
        "ƒ": "f",
        "ʼ": "'",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
    }
)
_SPACES = re.compile(r"\s+")
_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}

SHORT_TEXT_MAX = 200
"""Names, phone numbers, e-mail addresses and other one-line fields."""
LONG_TEXT_MAX = 10_000
"""Notes and free-text descriptions."""


FOLD_CACHE_MAX_LENGTH = 64
"""Short strings (list items, names, answers) are folded once and remembered: matching folds the
same few hundred words hundreds of thousands of times."""


def fold(text: str) -> str:
    """Fold ``text`` for matching: case, accents and look-alike letters removed, spaces collapsed.

    "Zoë" and "ZOE" fold alike, "Łukasz" to "lukasz", "Straße" to "strasse". Scripts without case
    or accents (Arabic, Chinese) pass through, less their combining marks.
    """
    if len(text) <= FOLD_CACHE_MAX_LENGTH:
        return _fold_short(text)
    return _fold(text)


def forget_folded() -> None:
    """Drop remembered folds (e.g. when the vault locks: they may include names)."""
    _fold_short.cache_clear()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) not in _CONTROL
    )
    # casefold again: NFKD can expose new upper-case forms (e.g. from compatibility letters).
    translated = kept.casefold().translate(_NO_DECOMPOSITION)
    return _SPACES.sub(" ", translated).strip()


_fold_short = functools.lru_cache(maxsize=50_000)(_fold)


def tidy(text: str) -> str:
    """Normalise user text for storage: NFC, no control characters, trimmed ends.

    Inner line breaks and tabs are kept (notes need them); other control characters and NULs are
    dropped because they break searches and printing.
    """
    nfc = unicodedata.normalize("NFC", text)
    cleaned = "".join(
        ch for ch in nfc if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    return cleaned.strip()


def tidy_line(text: str) -> str:
    """Like :func:`tidy`, for one-line fields: runs of white space become one space."""
    return _SPACES.sub(" ", tidy(text))
