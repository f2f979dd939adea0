"""Organisation settings: name and whether this is a demo vault."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy_line
from peerdesk.services.changes import Changes
from peerdesk.services.vault_service import DEMO, ORGANISATION
from peerdesk.storage import settings_store
from peerdesk.storage.workspace import Workspace


@dataclass(frozen=True)
class OrganisationSettings:
    name: str
    demo: bool


class SettingsService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace

    def organisation(self) -> OrganisationSettings:
        with self._ws.reading() as s:
            values = settings_store.read_all(s)
        return OrganisationSettings(values.get(ORGANISATION, ""), values.get(DEMO) == "1")

    def rename_organisation(self, name: str) -> Changes:
        clean = tidy_line(name)
        if not clean or len(clean) > SHORT_TEXT_MAX:
            raise ValidationFailed(
                [Problem("organisation", f"Enter a name of 1 to {SHORT_TEXT_MAX} characters.")]
            )
        with self._ws.transaction() as s:
            settings_store.write(s, ORGANISATION, clean)
        return Changes(settings=True)
