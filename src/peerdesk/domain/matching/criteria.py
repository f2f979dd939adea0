"""The seven matching criteria, their labels, and the coordinator's weights for them."""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from enum import Enum

import numpy as np
import numpy.typing as npt

from peerdesk.domain.errors import Problem

WEIGHT_MIN = 0
WEIGHT_MAX = 10


class Criterion(Enum):
    """In column order: ``closeness[:, criterion.column]`` is that criterion's closeness."""

    LIVED_EXPERIENCE = "lived_experience"
    IDENTITY = "identity"
    LANGUAGE = "language"
    AVAILABILITY = "availability"
    TRAVEL = "travel"
    CONTACT_MODE = "contact_mode"
    INTERESTS = "interests"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def column(self) -> int:
        return _COLUMNS[self]


CRITERIA: tuple[Criterion, ...] = tuple(Criterion)
_COLUMNS = {criterion: i for i, criterion in enumerate(CRITERIA)}
_LABELS = {
    Criterion.LIVED_EXPERIENCE: "Lived experience",
    Criterion.IDENTITY: "Identity",
    Criterion.LANGUAGE: "Language",
    Criterion.AVAILABILITY: "Availability",
    Criterion.TRAVEL: "Travel",
    Criterion.CONTACT_MODE: "Contact mode",
    Criterion.INTERESTS: "Interests",
}


@dataclass(frozen=True)
class Weights:
    """How much each criterion counts, 0–10 (Settings › Matching). Field order = column order."""

    lived_experience: int = 10
    identity: int = 6
    language: int = 6
    availability: int = 5
    travel: int = 4
    contact_mode: int = 3
    interests: int = 3

    def of(self, criterion: Criterion) -> int:
        value: int = getattr(self, criterion.value)
        return value

    def as_array(self) -> npt.NDArray[np.float64]:
        return np.array([getattr(self, c.value) for c in CRITERIA], dtype=np.float64)


DEFAULT_WEIGHTS = Weights()


def weights_problems(weights: Weights) -> list[Problem]:
    """Why ``weights`` cannot be saved: a value outside 0–10 or not whole, or every one zero."""
    problems: list[Problem] = []
    for field in fields(weights):
        value = getattr(weights, field.name)
        label = Criterion(field.name).label
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(Problem(field.name, f"{label}: the weight must be a whole number."))
        elif not WEIGHT_MIN <= value <= WEIGHT_MAX:
            problems.append(
                Problem(
                    field.name,
                    f"{label}: the weight must be {WEIGHT_MIN} to {WEIGHT_MAX}, not {value}.",
                )
            )
    if not problems and not any(astuple(weights)):
        problems.append(
            Problem("weights", "At least one weight must be above 0, or nothing can be ranked.")
        )
    return problems
