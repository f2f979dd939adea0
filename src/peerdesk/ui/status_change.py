"""Recording a status change from a form: the dialog, then an undoable command that keeps
the leaving outcome too. A refusal (the readiness gate's list, say) stays in the dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import Psw
from peerdesk.services.changes import Changes
from peerdesk.ui.psw_commands import ChangeStatusCommand, CommandContext
from peerdesk.ui.status_dialog import ChangeStatusDialog, StatusRequest


class RecordStatusCommand(ChangeStatusCommand):
    """:class:`ChangeStatusCommand` plus the outcome and routes offered when leaving early."""

    def __init__(
        self,
        context: CommandContext,
        psw_id: PswId,
        *,
        request: StatusRequest,
        version: int,
        name: str,
    ) -> None:
        super().__init__(
            context,
            psw_id,
            new=request.new,
            on=request.on,
            reason=request.reason,
            version=version,
            name=name,
        )
        self.leaving = request.leaving

    def do(self) -> Changes:
        assert self.psw_id is not None
        version = self.current_version() if self._ran else self._version
        psw, changes = self.services.psws.change_status(
            self.psw_id,
            self.new,
            on=self.on,
            reason=self.reason,
            version=version,
            leaving=self.leaving,
        )
        return self._keep(psw, changes)


def ask_status_change(context: CommandContext, psw: Psw, *, parent: QWidget | None) -> bool:
    """Open the dialog for ``psw``; True once a change was recorded (and stacked for undo)."""

    def submit(request: StatusRequest) -> PeerDeskError | None:
        command = RecordStatusCommand(
            context, psw.id, request=request, version=psw.version, name=psw.details.full_name
        )
        return context.run(command)

    dialog = ChangeStatusDialog(
        name=psw.details.display_name(),
        current=psw.status,
        today=context.services.clock.today(),
        parent=parent,
        submit=submit,
    )
    recorded = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return recorded
