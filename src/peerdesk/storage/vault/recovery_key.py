"""Recovery keys: 160 random bits in Crockford base32, 8 groups with a check character each."""

from __future__ import annotations

import secrets
import unicodedata

from peerdesk.domain.errors import RecoveryKeyTypo

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 8
DATA_PER_GROUP = 4
GROUP_LENGTH = DATA_PER_GROUP + 1
DATA_LENGTH = GROUPS * DATA_PER_GROUP  # 32 characters x 5 bits = 160 bits
KEY_BITS = DATA_LENGTH * 5

_N = len(ALPHABET)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Crockford: letters easily misread as digits are read as those digits.
_ALIASES = {"O": "0", "I": "1", "L": "1"}
# People copy keys with all sorts of separators; none of them carry meaning.
_IGNORED = frozenset(" -\u2010\u2011\u2012\u2013\u2014\u2212_.\t\r\n")
_RECHECK = "Check it against your written copy."


def generate() -> str:
    """Return a new random recovery key in its display form, e.g. ``"K7M2Q-...."``."""
    number = secrets.randbits(KEY_BITS)
    data = "".join(ALPHABET[(number >> (5 * i)) & 0x1F] for i in range(DATA_LENGTH))
    return _format(data)


def parse(text: str) -> str:
    """Return the canonical display form of a typed recovery key.

    Case, spaces and hyphens are ignored and O, I and L are read as 0, 1 and 1.
    Raises ``RecoveryKeyTypo`` for a wrong length, a character that cannot appear, or a group
    whose check character does not match (``group`` is then its 1-based number).
    """
    chars: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch in _IGNORED or ch.isspace():
            continue
        upper = ch.upper()
        upper = _ALIASES.get(upper, upper)
        if upper not in _VALUE:
            raise RecoveryKeyTypo(
                f"The recovery key cannot contain {ch!r}: it uses only the digits 0 to 9 and the "
                f"letters A to Z (never U). {_RECHECK}"
            )
        chars.append(upper)
    expected = GROUPS * GROUP_LENGTH
    if len(chars) != expected:
        raise RecoveryKeyTypo(
            f"The recovery key should have {expected} letters and digits "
            f"({GROUPS} groups of {GROUP_LENGTH}), but this one has {len(chars)}. {_RECHECK}"
        )
    for index in range(GROUPS):
        group = chars[index * GROUP_LENGTH : (index + 1) * GROUP_LENGTH]
        data, check = group[:DATA_PER_GROUP], group[DATA_PER_GROUP]
        if _check_character(index + 1, "".join(data)) != check:
            raise RecoveryKeyTypo(
                f"Group {index + 1} of the recovery key has a typo: check it against your "
                "written copy.",
                group=index + 1,
            )
    return "-".join(
        "".join(chars[i * GROUP_LENGTH : (i + 1) * GROUP_LENGTH]) for i in range(GROUPS)
    )


def secret(text: str) -> bytes:
    """Return the secret material for the key derivation: the 32 data characters, as ASCII."""
    canonical = parse(text)
    groups = canonical.split("-")
    return "".join(g[:DATA_PER_GROUP] for g in groups).encode("ascii")


def _format(data: str) -> str:
    groups = []
    for index in range(GROUPS):
        chunk = data[index * DATA_PER_GROUP : (index + 1) * DATA_PER_GROUP]
        groups.append(chunk + _check_character(index + 1, chunk))
    return "-".join(groups)


def _check_character(seed: int, chunk: str) -> str:
    """Luhn mod 32 over the seed and the chunk.

    The seed (the group's number) is part of the input, so a group moved to another position
    fails its check: the seed contributes differently at each position and the mapping is
    one-to-one. Luhn mod N catches every single-character substitution.
    """
    values = [seed % _N, *(_VALUE[ch] for ch in chunk)]
    factor = 2
    total = 0
    for value in reversed(values):
        addend = factor * value
        total += addend // _N + addend % _N
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_N - total % _N) % _N]
