"""Declared conflicts of interest between a PSW and a supported person: never matched."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NewType

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.text import LONG_TEXT_MAX

ConflictId = NewType("ConflictId", int)


class ConflictKind(Enum):
    """Why the pair must not be matched."""

    KNOWS_THEM = "knows them"
    FAMILY = "family"
    NEIGHBOUR = "neighbour"
    OTHER = "other"
    """Needs a note saying what the conflict is."""

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Conflict:
    """One declared conflict, as recorded (it is removed, never edited)."""

    id: ConflictId
    person_id: PersonId
    psw_id: PswId
    kind: ConflictKind
    note: str
    declared_on: dt.date
    recorded_by: str


def conflict_problems(
    kind: ConflictKind | None, note: str, declared_on: dt.date, *, today: dt.date
) -> list[Problem]:
    """Why a conflict cannot be declared as typed, naming the field; empty when it can."""
    problems: list[Problem] = []
    if kind is None:
        problems.append(Problem("kind", "Choose what kind of conflict it is."))
    elif kind is ConflictKind.OTHER and not note.strip():
        problems.append(Problem("note", "Say what the conflict is (a note is needed for Other)."))
    if len(note) > LONG_TEXT_MAX:
        problems.append(Problem("note", f"Use at most {LONG_TEXT_MAX:,} characters."))
    if declared_on > today:
        problems.append(Problem("declared_on", "The date cannot be in the future."))
    return problems
