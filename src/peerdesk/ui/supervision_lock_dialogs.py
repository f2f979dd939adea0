"""Agree a supervision session (both dates lock it) and add a dated addendum to a locked one."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.supervision_session import SessionId, SupervisionSession
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import CheckDialog, DateField, say_date


class AgreeDialog(CheckDialog):
    """When the PSW and the supervisor agreed the notes; with both dates the session locks."""

    def __init__(
        self, services: Services, session: SupervisionSession, parent: QWidget | None = None
    ) -> None:
        super().__init__("Agree and lock", "&Agree", parent)
        self.services = services
        self.session_id = session.id
        today = services.clock.today()
        self.psw_on = DateField("agreed", "PSW agreed")
        self.supervisor_on = DateField("agreed_supervisor", "supervisor agreed")
        for field, known in (
            (self.psw_on, session.agreed_by_psw_on),
            (self.supervisor_on, session.agreed_by_supervisor_on),
        ):
            field.set_value(known or today)
            field.setEnabled(known is None)
            field.textEdited.connect(self.edited)
        self.add_note(
            f"Session of {say_date(session.held_on)}. Once both have agreed it is locked: "
            "later changes become dated addenda."
        )
        self.add_field("agreed", "Agreed by the &PSW on", self.psw_on)
        self.add_field("agreed_supervisor", "Agreed by the &supervisor on", self.supervisor_on)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.psw_on.problems() + self.supervisor_on.problems()

    def submit(self) -> Changes:
        return self.services.supervision.agree(
            SessionId(self.session_id),
            psw_on=self.psw_on.value() if self.psw_on.isEnabled() else None,
            supervisor_on=self.supervisor_on.value() if self.supervisor_on.isEnabled() else None,
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
