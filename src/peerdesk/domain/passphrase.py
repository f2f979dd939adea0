"""Passphrase rules: Unicode normalisation, an honest strength estimate and blocking problems."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

MIN_LENGTH = 10

LABELS = ("Too short", "Weak", "Fair", "Good", "Strong")

# Guessers try these first, so each counts as a single cheap guess however long it is.
_COMMON_TEXT = """
    password passw0rd passphrase peerdesk support qwerty qwertyuiop asdf asdfgh zxcvbn
    letmein welcome admin login secret iloveyou monkey dragon football sunshine princess trustno1
    master shadow baseball superman hello freedom whatever charlie changeme default
    volunteer coordinator london england
"""
COMMON_WORDS = frozenset(_COMMON_TEXT.split())
_COMMON_LONGEST_FIRST = sorted((w for w in COMMON_WORDS if len(w) >= 4), key=len, reverse=True)
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\s+|[\W_]+")

# Bits of estimated guessing work at which each label starts (scores 1 to 4).
_THRESHOLDS = (0.0, 30.0, 45.0, 60.0)

TOO_SHORT_HINT = (
    f"Use at least {MIN_LENGTH} characters; a few unrelated words are easy to remember and hard "
    "to guess."
)


@dataclass(frozen=True)
class Strength:
    """How hard a passphrase looks to guess: ``score`` 0 (too short) to 4 (strong)."""

    score: int
    label: str
    hint: str


def normalise(passphrase: str) -> str:
    """Return the NFC form, so "Zoë" typed on any keyboard is the same passphrase.

    Spaces are kept: a coordinator may well have meant them.
    """
    return unicodedata.normalize("NFC", passphrase)


def problems(passphrase: str, repeat: str) -> list[str]:
    """Return the messages that block using ``passphrase`` (empty when it may be used)."""
    first, second = normalise(passphrase), normalise(repeat)
    found: list[str] = []
    if len(first) < MIN_LENGTH:
        found.append(f"The passphrase must be at least {MIN_LENGTH} characters long.")
    if first and not first.strip():
        found.append("The passphrase cannot be only spaces.")
    if first != second:
        found.append("The two passphrases do not match.")
    return found


def assess(passphrase: str) -> Strength:
    """Estimate strength from length, character variety, patterns and very common words.

    Deliberately pessimistic: a word-like run of letters is scored as a dictionary word could be,
    not as random letters, because that is how people actually choose them.
    """
    text = normalise(passphrase)
    if len(text) < MIN_LENGTH:
        return Strength(0, LABELS[0], TOO_SHORT_HINT)
    if not text.strip():
        return Strength(1, LABELS[1], "A passphrase cannot be only spaces.")
    bits = 0.0
    patterned = common = False
    for token in _TOKEN.findall(text):
        token_bits, token_common, token_patterned = _token_bits(token)
        bits += token_bits
        common |= token_common
        patterned |= token_patterned
    score = max(i + 1 for i, limit in enumerate(_THRESHOLDS) if bits >= limit)
    return Strength(score, LABELS[score], _hint(score, common=common, patterned=patterned))


def _hint(score: int, *, common: bool, patterned: bool) -> str:
    if score >= 4:
        return "Strong: this would take a very long time to guess."
    if common:
        return (
            "Avoid common passwords and words such as “password” or “peerdesk”: they are "
            "guessed first. A few unrelated words are easy to remember and hard to guess."
        )
    if patterned:
        return "Avoid repeated characters and runs such as “abc” or “123”: they are guessed early."
    if score == 3:
        return "Good. Another unrelated word would make it stronger."
    return "Add another unrelated word or two to make it harder to guess."


def _token_bits(token: str) -> tuple[float, bool, bool]:
    """Return (bits, contained a common word, was a repeat or sequence) for one token."""
    lower = token.lower()
    if token.isspace():
        return 1.0, False, False  # a separator between words adds almost nothing
    if len(token) >= 3 and len(set(lower)) == 1:
        return math.log2(_pool(token)) + math.log2(len(token)), False, True
    if len(token) >= 3 and _is_sequence(lower):
        return math.log2(_pool(token)) + 2.0, False, True
    if token.isdigit():
        if len(token) == 4 and token[:2] in ("19", "20"):
            return 7.0, False, False  # a year
        return len(token) * math.log2(10), False, False
    if not token.isalpha():
        return len(token) * 5.0, False, False
    return _letters_bits(token)


def _letters_bits(token: str) -> tuple[float, bool, bool]:
    lower = token.lower()
    bits = 0.0
    common = False
    for word in _COMMON_LONGEST_FIRST:
        if word in lower:
            bits += 4.0 * lower.count(word)
            lower = lower.replace(word, "")
            common = True
    if lower:
        # Random letters give 4.7 bits each; words people pick give far fewer per letter.
        bits += min(len(lower) * math.log2(26), 6.0 + 1.5 * len(lower))
    if token != token.lower():
        bits += 1.0 if token[1:] == token[1:].lower() else len(token) * 0.5
    return bits, common, False


def _is_sequence(lower: str) -> bool:
    return any(lower in run or lower in run[::-1] for run in _SEQUENCES)


def _pool(token: str) -> int:
    if token.isdigit():
        return 10
    if token.isalpha():
        return 26
    return 33
