"""An unlocked vault: its session factory and files. Services see sessions only as ``Tx``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from peerdesk.storage.engine import storage_errors
from peerdesk.storage.vault.files import VaultPaths

Tx = Session
"""What a service holds during one transaction and passes to query functions unopened."""


@dataclass
class Workspace:
    """Handed from the vault service to every other service. Never crosses threads."""

    paths: VaultPaths
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction; environment failures become StorageUnavailable."""
        with storage_errors(), self.sessions.begin() as s:
            yield s

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with storage_errors(), self.sessions() as s:
            yield s

    def close(self) -> None:
        bind = self.sessions.kw.get("bind")
        if bind is not None:
            bind.dispose()
