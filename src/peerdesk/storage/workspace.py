"""An unlocked vault: its session factory and files. Services see sessions only as ``Tx``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from peerdesk.domain.errors import StorageUnavailable, VaultDamaged
from peerdesk.domain.storage_faults import StorageFaultError, not_saved
from peerdesk.storage.audit_log import AuditContext, set_context
from peerdesk.storage.engine import close_engine, storage_errors
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
    closed: bool = field(default=False, compare=False)
    """Set by ``close`` (on locking or quitting): no session is handed out afterwards."""
    user: str = field(default="Coordinator", compare=False)
    """Who the audit log says acted (the signed-in user's name once there are users)."""
    now: Callable[[], dt.datetime] = field(default=dt.datetime.now, compare=False)
    """The service clock the audit log stamps rows with (set by ``services.bundle.build``)."""
    damaged: bool = field(default=False, compare=False)
    """Set by ``report_damage``: the vault was found damaged and is no longer written."""
    damage_listeners: list[Callable[[], None]] = field(default_factory=list, compare=False)
    """Called once, on whichever thread found it, when the vault is first found damaged."""

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction; environment failures become StorageUnavailable."""
        self._refuse_when_closed()
        try:
            with self._watch(saving=True), storage_errors(), self.sessions.begin() as s:
                set_context(s, AuditContext(self.user, self.now))
                yield s
        finally:  # a failed write may have changed nothing, but a cache rebuild is always safe
            self.generation += 1

    @contextmanager
    def audit_only(self) -> Iterator[Session]:
        """A short transaction that appends to the audit log only (a record opened, a search):
        caches built from the vault stay valid, so ``generation`` is left alone."""
        self._refuse_when_closed()
        with self._watch(saving=False), storage_errors(), self.sessions.begin() as s:
            set_context(s, AuditContext(self.user, self.now))
            yield s

    @contextmanager
    def reading(self) -> Iterator[Session]:
        self._refuse_when_closed()
        with self._watch(saving=False), storage_errors(), self.sessions() as s:
            yield s

    def close(self) -> None:
        """Close every connection and zero the engine's copy of the data key (idempotent)."""
        self.closed = True
        bind = self.sessions.kw.get("bind")
        if bind is not None:
            close_engine(bind)

    def report_damage(self) -> None:
        """Stop writing at once (no session is handed out), then tell the listeners (once).

        The engine stays open until the files are set aside: SQLite's last connection to close
        copies the WAL into the database file, unless that file has moved away first.
        """
        if self.damaged:
            return
        self.damaged = True
        for listener in list(self.damage_listeners):
            listener()

    @contextmanager
    def _watch(self, *, saving: bool) -> Iterator[None]:
        """Damage seen during use stops all writing; a failed save names its fault and folder."""
        try:
            yield
        except VaultDamaged:
            self.report_damage()
            raise
        except StorageFaultError as error:
            if not saving:
                raise
            raise StorageFaultError(not_saved(error.fault, self.paths.folder), error.fault) from (
                error
            )

    def _refuse_when_closed(self) -> None:
        if self.damaged:
            raise VaultDamaged("PeerDesk found damage in the vault and stopped using it.")
        if self.closed:
            raise StorageUnavailable("PeerDesk is locked. Unlock it, then try again.")
