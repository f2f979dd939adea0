"""Recording a status change from a form: the dialog, then an undoable command that keeps
the leaving outcome too. A refusal (the readiness gate's list, say) stays in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Psw
from peerdesk.services.changes import Changes
from peerdesk.ui.attention_targets import reason_links
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


def ask_status_change(
    context: CommandContext,
    psw: Psw,
    *,
    parent: QWidget | None,
    to_section: Callable[[str], object] | None = None,
) -> bool:
    """Open the dialog for ``psw``; True once a change was recorded (and stacked for undo).

    A refused activation lists what is missing as links; following one closes the dialog and
    calls ``to_section`` with the section (see ``attention_targets``) to open.
    """
    policies = context.services.policies

    def submit(request: StatusRequest) -> PeerDeskError | None:
        command = RecordStatusCommand(
            context, psw.id, request=request, version=psw.version, name=psw.details.full_name
        )
        return context.run(command)

    def reasons(request: StatusRequest) -> list[tuple[str, str]]:
        if request.new is not JourneyStatus.ACTIVE:
            return []
        return reason_links(policies.readiness(psw.id).blocking, policies.policies())

    dialog = ChangeStatusDialog(
        name=psw.details.display_name(),
        current=psw.status,
        today=context.services.clock.today(),
        parent=parent,
        submit=submit,
        reasons=reasons if to_section is not None else None,
    )
    recorded = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen_section
    dialog.deleteLater()
    if chosen and to_section is not None:
        to_section(chosen)
    return recorded
