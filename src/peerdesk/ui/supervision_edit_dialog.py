"""Correct a supervision session before both have agreed it: the record form, meeting part only."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.supervision_session import KeptSession, SessionId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.supervision_dialog import SupervisionDialog

EDIT_NOTE = (
    "Attendees, check-ins, learning needs and actions stay as recorded: an action can be marked "
    "done or dropped at the next session."
)


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class SupervisionEditDialog(SupervisionDialog):
    """The session's kind, supervisor, date, time, minutes, mode, topics, notes, next date and
    confidentiality, filled in as saved; every other row of the record form is hidden."""

    def __init__(
        self,
        services: Services,
        psw_id: PswId,
        session_id: SessionId,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, psw_id, parent)
        self.setWindowTitle("Correct a supervision session")
        self.ok.setText("&Save changes")
        self.session_id = session_id
        self.correcting = session_id
        draft, self.version = services.supervision.meeting(session_id)
        _select(self.kind, draft.kind)
        self.supervisor.setText(draft.supervisor)
        self.held_on.set_value(draft.held_on)
        self.starts_at.setText(draft.starts_at)
        self.minutes.setValue(draft.minutes)
        _select(self.mode, draft.mode)
        self.topics.set_value(draft.topics)
        self.notes.setPlainText(draft.notes)
        self.next_on.set_value(draft.next_on)
        _select(self.level, draft.confidentiality)
        self.note = QLabel(EDIT_NOTE)
        self.note.setWordWrap(True)
        self.form.insertRow(0, self.note)
        self._meeting_rows_only()
        self.mark_unchanged()

    def kept(self) -> KeptSession:
        return replace(super().kept(), version=self.version)

    def restore(self, kept: KeptSession) -> None:
        super().restore(kept)
        if kept.version is not None:  # a correction saved elsewhere since then: Save says so
            self.version = kept.version

    def _meeting_rows_only(self) -> None:
        shown = {
            self.note,
            self.kind,
            self.supervisor,
            self.held_on,
            self.starts_at,
            self.minutes,
            self.mode,
            self.topics,
            self.notes,
            self.next_on,
            self.level,
        }
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole) or self.form.itemAt(
                row, QFormLayout.ItemRole.SpanningRole
            )
            widget = None if item is None else item.widget()
            if widget not in shown:
                self.form.setRowVisible(row, False)

    def service_problems(self) -> list[Problem]:
        return []  # the service checks on save, and the form shows what it finds

    def submit(self) -> Changes:
        assert self.session_id is not None
        return self.services.supervision.edit_meeting(
            SessionId(self.session_id), self.draft(), version=self.version
        )
