"""Every service for one unlocked vault, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.services.clock import Clock, SystemClock
from peerdesk.services.list_service import ListService
from peerdesk.services.psw_service import PswService
from peerdesk.services.settings_service import SettingsService
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace


@dataclass(frozen=True)
class Services:
    paths: VaultPaths
    clock: Clock
    psws: PswService
    lists: ListService
    settings: SettingsService
    workspace: Workspace

    def close(self) -> None:
        self.workspace.close()


def build(workspace: Workspace, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    return Services(
        paths=workspace.paths,
        clock=clock,
        psws=PswService(workspace, clock),
        lists=ListService(workspace),
        settings=SettingsService(workspace),
        workspace=workspace,
    )
