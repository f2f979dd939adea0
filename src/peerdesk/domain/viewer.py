"""Who is looking: the one input every listing query takes, so visibility is decided in one place.

Until users and roles arrive (the data-protection issue), there is one viewer, the coordinator,
who sees protected records only after turning on "Show protected" (which asks for the
passphrase and is written to the access log).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Right(Enum):
    VIEW_PROTECTED = "view_protected"
    """See PSWs who are also supported by the organisation, and their linked person records."""


@dataclass(frozen=True)
class Viewer:
    id: str
    rights: frozenset[Right] = field(default_factory=frozenset)

    def may(self, right: Right) -> bool:
        return right in self.rights

    def with_right(self, right: Right) -> Viewer:
        return Viewer(self.id, self.rights | {right})

    def without_right(self, right: Right) -> Viewer:
        return Viewer(self.id, self.rights - {right})


COORDINATOR = Viewer("Coordinator")
"""The default viewer: everything but protected records ("Show protected" starts off)."""
EVERYONE = Viewer("system", frozenset(Right))
"""For internal counts and checks that show no one's details (never for a listing on screen)."""
