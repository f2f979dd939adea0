"""How many idle minutes before PeerDesk locks itself: kept in the vault's settings."""

from __future__ import annotations

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.storage import settings_store
from peerdesk.storage.workspace import Workspace

IDLE_MINUTES_KEY = "lock_idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60


def idle_minutes_problems(minutes: int) -> list[Problem]:
    if MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        return []
    return [
        Problem(
            "lock_idle_minutes",
            f"Lock after between {MIN_IDLE_MINUTES} and {MAX_IDLE_MINUTES} minutes "
            "without use. PeerDesk always locks itself.",
        )
    ]


class LockSettings:
    def __init__(self, workspace: Workspace, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._workspace = workspace

    def idle_minutes(self) -> int:
        """The stored limit; the default when unset or out of range."""
        with self._workspace.reading() as s:
            raw = settings_store.read_all(s).get(IDLE_MINUTES_KEY, "")
        try:
            minutes = int(raw)
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return minutes if not idle_minutes_problems(minutes) else DEFAULT_IDLE_MINUTES

    def set_idle_minutes(self, minutes: int) -> Changes:
        self._viewer.require(Action.SETTINGS)
        problems = idle_minutes_problems(minutes)
        if problems:
            raise ValidationFailed(problems)
        with self._workspace.transaction() as s:
            settings_store.write(s, IDLE_MINUTES_KEY, str(minutes))
        return Changes(settings=True)
