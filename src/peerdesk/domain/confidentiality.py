"""Confidentiality levels of a note or plan: shared, confidential (the default) or private."""

from __future__ import annotations

from enum import Enum


class Confidentiality(Enum):
    """How far a note's text travels (the rule itself is in ``storage/visibility``).

    Shared: shown in lists. Confidential: lists show date, kind and supervisor only; the text
    shows on the record. Private: as confidential, and the text shows on the record only after
    "Show private text". ("Restricted" is kept for the legal restriction of processing and
    "protected" for a PSW supported by their own team.)
    """

    SHARED = "shared"
    CONFIDENTIAL = "confidential"
    PRIVATE = "private"

    @property
    def label(self) -> str:
        return self.value.capitalize()


DEFAULT_CONFIDENTIALITY = Confidentiality.CONFIDENTIAL
