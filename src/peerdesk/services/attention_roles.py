"""Which Needs attention sections a role sees: none whose action the role may not take."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import Viewer
from peerdesk.services.audit_attention import audit_chain_lines
from peerdesk.services.backup_attention import off_laptop_lines
from peerdesk.services.retention_attention import retention_lines
from peerdesk.services.rights_attention import rights_request_lines

Source = TypeVar("Source", bound=Callable[..., object])

TAKEN_WITH: dict[Callable[..., object], Action] = {
    retention_lines: Action.ERASE,
    rights_request_lines: Action.RIGHTS_REQUESTS,
    audit_chain_lines: Action.AUDIT,
    off_laptop_lines: Action.RESTORE,  # backups kept off the laptop are the coordinator's care
}
"""Sections whose lines ask for something only some roles may do; every other section is about
PSW and person records (``Action.SEE_PSWS``), each line filtered by the visibility rule."""


def role_sources(sources: Sequence[Source], viewer: Viewer) -> list[Source]:
    """The sections ``viewer``'s role may act on: a trustee sees none (counts only)."""
    return [s for s in sources if viewer.can(TAKEN_WITH.get(s, Action.SEE_PSWS))]
