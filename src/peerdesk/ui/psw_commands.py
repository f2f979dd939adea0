"""Undoable actions on peer workers: each one is a service call, published on the change bus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand, QUndoStack

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Psw, PswDetails
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus

FailureHandler = Callable[[str, PeerDeskError], None]
"""Told (command text, error) when an undo or redo fails: the command is then dropped."""


class CommandContext:
    """What commands need: services, the bus, the window's undo stack, and a way to complain.

    It also remembers that a record deleted by undoing "Create" and made again by redo has a new
    id, so later commands on the stack still find it.
    """

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        stack: QUndoStack,
        *,
        on_failure: FailureHandler | None = None,
    ) -> None:
        self.services = services
        self.bus = bus
        self.stack = stack
        self.on_failure = on_failure
        self._renamed: dict[PswId, PswId] = {}

    def resolve(self, psw_id: PswId) -> PswId:
        while psw_id in self._renamed:
            psw_id = self._renamed[psw_id]
        return psw_id

    def renamed(self, old: PswId, new: PswId) -> None:
        if old != new:
            self._renamed[old] = new

    def run(self, command: PswCommand) -> PeerDeskError | None:
        """Push ``command`` (which runs it). Returns the error if it failed; nothing is stacked."""
        outcome = command.outcome  # kept here: Qt deletes a failed command inside push()
        self.stack.push(command)
        return outcome.error


@dataclass
class Outcome:
    error: PeerDeskError | None = None
    psw: Psw | None = None
    """The record as the latest run left it (None after an undo that deleted it)."""


class PswCommand(QUndoCommand):
    """Base: runs a step, publishes its Changes with itself as origin, or reports the failure.

    ``replaying`` is False on the first run (the user's own action) and True on undo/redo, so the
    page can bring the affected record into view only when it changed behind the user's back.
    """

    def __init__(self, context: CommandContext, text: str, psw_id: PswId | None) -> None:
        super().__init__(text)
        self.context = context
        self.outcome = Outcome()
        self.replaying = False
        self._ran = False
        self._psw_id = psw_id

    @property
    def psw_id(self) -> PswId | None:
        return None if self._psw_id is None else self.context.resolve(self._psw_id)

    @property
    def services(self) -> Services:
        return self.context.services

    def current_version(self) -> int:
        assert self.psw_id is not None
        return self.services.psws.get(self.psw_id).version

    def redo(self) -> None:
        self.replaying = self._ran
        self._attempt(self.do)
        self._ran = True

    def undo(self) -> None:
        self.replaying = True
        self._attempt(self.undo_step)

    def do(self) -> Changes:
        raise NotImplementedError

    def undo_step(self) -> Changes:
        raise NotImplementedError

    def _attempt(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except PeerDeskError as error:
            self.outcome.error = error
            self.setObsolete(True)  # Qt then drops it from the stack instead of keeping a lie
            if self.replaying and self.context.on_failure is not None:
                self.context.on_failure(self.text(), error)
            return
        self.outcome.error = None
        self.context.bus.publish(changes, self)

    def _keep(self, psw: Psw, changes: Changes) -> Changes:
        self.outcome.psw = psw
        return changes


def _name(details: PswDetails) -> str:
    return details.full_name.strip() or "new peer worker"


class CreatePswCommand(PswCommand):
    def __init__(self, context: CommandContext, details: PswDetails) -> None:
        super().__init__(context, f"Add {_name(details)}", None)
        self.details = details

    def do(self) -> Changes:
        psw, changes = self.services.psws.create(self.details)
        if self._psw_id is None:
            self._psw_id = psw.id
        else:
            self.context.renamed(self._psw_id, psw.id)
        return self._keep(psw, changes)

    def undo_step(self) -> Changes:
        assert self.psw_id is not None
        changes = self.services.psws.remove_new(self.psw_id, version=self.current_version())
        self.outcome.psw = None
        return changes


class SavePswCommand(PswCommand):
    """Save ``after`` over ``before``; undo saves ``before`` back over the current version."""

    def __init__(
        self,
        context: CommandContext,
        psw_id: PswId,
        *,
        before: PswDetails,
        after: PswDetails,
        version: int,
    ) -> None:
        super().__init__(context, f"Edit {_name(after)}", psw_id)
        self.before, self.after = before, after
        self._version = version

    def do(self) -> Changes:
        assert self.psw_id is not None
        version = self.current_version() if self._ran else self._version
        psw, changes = self.services.psws.update(self.psw_id, self.after, version=version)
        if not self._ran and changes.empty:
            self.setObsolete(True)  # nothing changed: nothing to undo
        return self._keep(psw, changes)

    def undo_step(self) -> Changes:
        assert self.psw_id is not None
        psw, changes = self.services.psws.update(
            self.psw_id, self.before, version=self.current_version()
        )
        return self._keep(psw, changes)


class ArchivePswCommand(PswCommand):
    def __init__(
        self, context: CommandContext, psw_id: PswId, *, archived: bool, name: str
    ) -> None:
        super().__init__(context, f"{'Archive' if archived else 'Restore'} {name}", psw_id)
        self.archived = archived

    def do(self) -> Changes:
        assert self.psw_id is not None
        return self._keep(*self.services.psws.set_archived(self.psw_id, self.archived))

    def undo_step(self) -> Changes:
        assert self.psw_id is not None
        return self._keep(*self.services.psws.set_archived(self.psw_id, not self.archived))


class ChangeStatusCommand(PswCommand):
    def __init__(
        self,
        context: CommandContext,
        psw_id: PswId,
        *,
        new: JourneyStatus,
        on: dt.date,
        reason: str,
        version: int,
        name: str,
    ) -> None:
        super().__init__(context, f"Change status of {name} to {new.label}", psw_id)
        self.new, self.on, self.reason = new, on, reason
        self._version = version

    def do(self) -> Changes:
        assert self.psw_id is not None
        version = self.current_version() if self._ran else self._version
        psw, changes = self.services.psws.change_status(
            self.psw_id, self.new, on=self.on, reason=self.reason, version=version
        )
        return self._keep(psw, changes)

    def undo_step(self) -> Changes:
        assert self.psw_id is not None
        psw, changes = self.services.psws.undo_status_change(
            self.psw_id, version=self.current_version()
        )
        return self._keep(psw, changes)
