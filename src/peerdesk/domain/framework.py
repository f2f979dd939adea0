"""The competence framework as editable data: domains with competences, volunteer abilities."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NewType

from peerdesk.domain.errors import Problem
from peerdesk.domain.text import fold, tidy_line

FrameworkItemId = NewType("FrameworkItemId", int)
NAME_MAX = 200

DEFAULT_DOMAINS = (
    "Values and principles of peer support",
    "Knowledge",
    "Core relational skills",
    "Supporting people",
    "Working with teams and promoting rights",
    "Self-care and support",
    "Psychological approaches for recovery",
    "Meta-competences",
    "Organisational competences",
)
"""The nine domains of the Competence Framework for Mental Health Peer Support Workers, as
DOMAIN.md names them. DOMAIN.md lists no competences, so none are seeded: coordinators add them."""

DEFAULT_ABILITIES = (
    "Listening",
    "Sharing lived experience safely",
    "Reliability",
    "Working with others",
    "Looking after my own wellbeing",
    "Respecting boundaries and confidentiality",
)
"""A short neutral starting list for the volunteer form (DOMAIN.md names none)."""


class FrameworkKind(Enum):
    DOMAIN = "domain"
    COMPETENCE = "competence"
    ABILITY = "ability"

    @property
    def label(self) -> str:
        return "ability or quality" if self is FrameworkKind.ABILITY else self.value


@dataclass(frozen=True)
class FrameworkItem:
    """A domain, a competence (``parent_id`` is its domain) or a volunteer ability."""

    id: FrameworkItemId
    kind: FrameworkKind
    name: str
    parent_id: FrameworkItemId | None = None
    position: int = 0
    retired: bool = False


def default_items() -> list[tuple[FrameworkKind, str]]:
    """What an empty framework is seeded with, in order."""
    return [(FrameworkKind.DOMAIN, d) for d in DEFAULT_DOMAINS] + [
        (FrameworkKind.ABILITY, a) for a in DEFAULT_ABILITIES
    ]


def name_problems(
    name: str,
    kind: FrameworkKind,
    siblings: Sequence[FrameworkItem],
    *,
    own_id: FrameworkItemId | None = None,
) -> list[Problem]:
    """Why ``name`` cannot be used: blank, too long, or already among ``siblings``."""
    name = tidy_line(name)
    if not name:
        return [Problem("name", f"Type the {kind.label}'s name.")]
    if len(name) > NAME_MAX:
        return [Problem("name", f"A name can be at most {NAME_MAX} characters.")]
    if any(i.id != own_id and fold(i.name) == fold(name) for i in siblings):
        return [Problem("name", f"There is already a {kind.label} called {name}.")]
    return []


def in_order(items: Sequence[FrameworkItem]) -> list[FrameworkItem]:
    """Items by position, then id (stable whatever order they were read in)."""
    return sorted(items, key=lambda i: (i.position, i.id))


def framework_json(items: Sequence[FrameworkItem]) -> str:
    """A deterministic JSON copy of the entries a review used (kept with the review)."""
    return json.dumps(
        [
            {"id": i.id, "kind": i.kind.value, "name": i.name, "parent_id": i.parent_id}
            for i in in_order(items)
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def framework_from_json(text: str) -> list[FrameworkItem]:
    """The copy kept with a review, in its saved order (positions follow that order)."""
    entries = json.loads(text)
    return [
        FrameworkItem(
            id=FrameworkItemId(int(e["id"])),
            kind=FrameworkKind(e["kind"]),
            name=str(e["name"]),
            parent_id=None if e["parent_id"] is None else FrameworkItemId(int(e["parent_id"])),
            position=n,
        )
        for n, e in enumerate(entries)
    ]
