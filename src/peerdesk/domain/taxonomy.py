"""Editable lists (lived experience in families, skills, interests, languages, areas)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.ids import TaxonomyItemId


class ListKind(Enum):
    """The editable lists. Items are data in the vault, seeded from ``taxonomy_defaults``."""

    LIVED_EXPERIENCE = "lived_experience"
    SKILL = "skill"
    INTEREST = "interest"
    LANGUAGE = "language"
    AREA = "area"
    SUPERVISION_TOPIC = "supervision_topic"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ListKind.LIVED_EXPERIENCE: "Lived experience",
    ListKind.SKILL: "Skills",
    ListKind.INTEREST: "Interests",
    ListKind.LANGUAGE: "Languages",
    ListKind.AREA: "Areas",
    ListKind.SUPERVISION_TOPIC: "Supervision topics",
}


@dataclass(frozen=True)
class ListItem:
    """An entry of an editable list. ``family`` groups lived experience; areas may have a centre."""

    id: TaxonomyItemId
    kind: ListKind
    name: str
    family: str = ""
    latitude: float | None = None
    longitude: float | None = None
    retired: bool = False
    """Retired items stay on records that use them but are not offered for new ones."""

    def display(self) -> str:
        return f"{self.family}: {self.name}" if self.family else self.name


@dataclass(frozen=True)
class ListItemDraft:
    """What the Lists page edits."""

    kind: ListKind
    name: str
    family: str = ""
    latitude: float | None = None
    longitude: float | None = None
