"""DBS, PVG and AccessNI: the schemes, their certificate number formats and the decision rules."""

from __future__ import annotations

import re
from enum import Enum

from peerdesk.domain.errors import Problem


class DbsScheme(Enum):
    """Which nation's disclosure scheme issued the certificate."""

    DBS = "dbs"
    PVG = "pvg"
    ACCESS_NI = "access_ni"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def digits(self) -> int:
        """How many digits a certificate number from this scheme has."""
        return _DIGITS[self]


_LABELS = {
    DbsScheme.DBS: "DBS (England and Wales)",
    DbsScheme.PVG: "PVG (Scotland)",
    DbsScheme.ACCESS_NI: "AccessNI (Northern Ireland)",
}
_DIGITS = {DbsScheme.DBS: 12, DbsScheme.PVG: 16, DbsScheme.ACCESS_NI: 9}
_SHORT = {DbsScheme.DBS: "DBS", DbsScheme.PVG: "PVG", DbsScheme.ACCESS_NI: "AccessNI"}
# ASCII digits only: str.isdigit() would accept "²" or Arabic-Indic digits.
_DIGITS_ONLY = re.compile(r"[0-9]+")
_SEPARATORS = re.compile(r"[\s-]+")


def normalised_certificate_number(number: str) -> str:
    """The number as stored: spaces and hyphens people type between groups removed."""
    return _SEPARATORS.sub("", number)


def certificate_number_problems(scheme: DbsScheme, number: str) -> list[Problem]:
    """Why ``number`` is not a certificate number from ``scheme`` (empty when it is)."""
    clean = normalised_certificate_number(number)
    want = scheme.digits
    short = _SHORT[scheme]
    if not clean:
        return [Problem("certificate_number", f"Enter the {short} certificate number.")]
    if not _DIGITS_ONLY.fullmatch(clean):
        return [
            Problem(
                "certificate_number",
                f"A {short} certificate number is {want} digits, with no letters.",
            )
        ]
    if len(clean) != want:
        return [
            Problem(
                "certificate_number",
                f"A {short} certificate number is {want} digits; this has {len(clean)}.",
            )
        ]
    return []
