"""An unlocked vault: its session factory and files. Services see sessions only as ``Tx``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

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
    generation: int = field(default=0, compare=False)
    """Bumped after every committed transaction: caches built from the vault compare it."""

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction; environment failures become StorageUnavailable."""
        try:
            with storage_errors(), self.sessions.begin() as s:
                yield s
        finally:  # a failed write may have changed nothing, but a cache rebuild is always safe
            self.generation += 1

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with storage_errors(), self.sessions() as s:
            yield s

    def close(self) -> None:
        bind = self.sessions.kw.get("bind")
        if bind is not None:
            bind.dispose()
