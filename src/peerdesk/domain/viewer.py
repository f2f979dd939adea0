"""Who is looking: the one input every listing query takes, so visibility is decided in one place.

Without users there is one viewer, the coordinator, who sees protected records only after
turning on "Show protected" (which asks for the passphrase and is written to the access log).
With users (``domain/roles.py``) the person who unlocked is the viewer: a supervisor sees only
their supervisees (``supervisees``), a protected PSW only if named on it (``named``), and
confidential notes only where they are the note's supervisor (``name``); a trustee sees counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from peerdesk.domain.roles import Action, Role, allowed, require


class Right(Enum):
    VIEW_PROTECTED = "view_protected"
    """See PSWs who are also supported by the organisation, and their linked person records."""


@dataclass(frozen=True)
class Viewer:
    id: str
    """The name shown in logs (the user's name, or "Coordinator" without users)."""
    rights: frozenset[Right] = field(default_factory=frozenset)
    role: Role = Role.COORDINATOR
    user_id: int | None = None
    """The ``user_account`` row; None without users (or for internal viewers)."""
    supervisees: frozenset[int] = field(default_factory=frozenset)
    """PSW ids a supervisor supervises (ignored for other roles)."""
    named: frozenset[int] = field(default_factory=frozenset)
    """Protected PSW ids this user is named on: seen as a coordinator would see them."""

    def may(self, right: Right) -> bool:
        return right in self.rights

    def can(self, action: Action) -> bool:
        return allowed(self.role, action)

    def require(self, action: Action) -> None:
        """Raise ``NotAllowed`` (a plain message) unless this viewer's role may ``action``."""
        require(self.role, action)

    def with_right(self, right: Right) -> Viewer:
        return replace(self, rights=self.rights | {right})

    def without_right(self, right: Right) -> Viewer:
        return replace(self, rights=self.rights - {right})


COORDINATOR = Viewer("Coordinator")
"""The default viewer: everything but protected records ("Show protected" starts off)."""
EVERYONE = Viewer("system", frozenset(Right))
"""For internal counts and checks that show no one's details (never for a listing on screen)."""
