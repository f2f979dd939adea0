"""Agree a supervision session (both dates lock it) and add a dated addendum to a locked one."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from peerdesk.domain.supervision_session import SessionId, SupervisionSession
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.agree_lock_dialog import AgreeLockDialog
from peerdesk.ui.check_fields import CheckDialog, say_date


class AgreeDialog(AgreeLockDialog):
    """When the PSW and the supervisor agreed the notes; with both dates the session locks."""

    def __init__(
        self, services: Services, session: SupervisionSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            other="supervisor",
            known=(session.agreed_by_psw_on, session.agreed_by_supervisor_on),
            note=f"Session of {say_date(session.held_on)}. Once both have agreed it is locked: "
            "later changes become dated addenda.",
            parent=parent,
        )
        self.session_id = session.id

    def submit(self) -> Changes:
        psw_on, supervisor_on = self.new_dates()
        return self.services.supervision.agree(
            SessionId(self.session_id), psw_on=psw_on, supervisor_on=supervisor_on
        )


class AddendumDialog(CheckDialog):
    """Dated text added to a session; what was agreed stays as it was."""

    def __init__(
        self, services: Services, session_id: SessionId, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add an addendum", "&Add addendum", parent)
        self.services = services
        self.session_id = session_id
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.add_note(f"Dated today, {say_date(services.clock.today())}.")
        self.add_field("addendum", "&Addendum", self.text)
        self.finish_layout()

    def submit(self) -> Changes:
        return self.services.supervision.add_addendum(self.session_id, self.text.toPlainText())
