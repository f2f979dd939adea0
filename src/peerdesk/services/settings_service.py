"""Organisation settings: name, whether this is a demo vault, pipeline targets, who records."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.pipeline import target_problems
from peerdesk.domain.roles import Action
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.pipeline_settings import (
    COORDINATOR_NAME,
    recorder_from,
    target_key,
    targets_from,
)
from peerdesk.services.vault_service import DEMO, ORGANISATION
from peerdesk.storage import settings_store
from peerdesk.storage.workspace import Workspace


@dataclass(frozen=True)
class OrganisationSettings:
    name: str
    demo: bool


class SettingsService:
    def __init__(self, workspace: Workspace, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace

    def organisation(self) -> OrganisationSettings:
        with self._ws.reading() as s:
            values = settings_store.read_all(s)
        return OrganisationSettings(values.get(ORGANISATION, ""), values.get(DEMO) == "1")

    def rename_organisation(self, name: str) -> Changes:
        self._viewer.require(Action.SETTINGS)
        clean = tidy_line(name)
        if not clean or len(clean) > SHORT_TEXT_MAX:
            raise ValidationFailed(
                [Problem("organisation", f"Enter a name of 1 to {SHORT_TEXT_MAX} characters.")]
            )
        with self._ws.transaction() as s:
            settings_store.write(s, ORGANISATION, clean)
        return Changes(settings=True)

    def stage_targets(self) -> dict[JourneyStatus, int]:
        """Days an applicant may spend at each stage before active before they are "stalled"."""
        with self._ws.reading() as s:
            return targets_from(settings_store.read_all(s))

    def set_stage_targets(self, targets: dict[JourneyStatus, int]) -> Changes:
        """Save some or all stages' targets (1 to 3,650 days; only stages before active)."""
        self._viewer.require(Action.SETTINGS)
        problems = target_problems(targets)
        if problems:
            raise ValidationFailed([Problem("stage_targets", m) for m in problems])
        with self._ws.transaction() as s:
            for status, days in targets.items():
                settings_store.write(s, target_key(status), str(days))
        return Changes(settings=True)

    def coordinator_name(self) -> str:
        """Who status changes are recorded by unless they say ("Coordinator" when unset)."""
        with self._ws.reading() as s:
            return recorder_from(settings_store.read_all(s))

    def set_coordinator_name(self, name: str) -> Changes:
        """Set the default recorder; an empty name goes back to "Coordinator"."""
        self._viewer.require(Action.SETTINGS)
        clean = tidy_line(name)
        if len(clean) > SHORT_TEXT_MAX:
            raise ValidationFailed(
                [Problem("coordinator_name", f"Use at most {SHORT_TEXT_MAX} characters.")]
            )
        with self._ws.transaction() as s:
            settings_store.write(s, COORDINATOR_NAME, clean)
        return Changes(settings=True)
