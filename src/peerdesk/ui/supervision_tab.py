"""The Supervision tab of a peer worker's record: history, the chosen session, record and lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.supervision_session import (
    KeptSession,
    LearningNeed,
    SessionRow,
    SupervisionSession,
    checkin_word,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row, say_date, short_date
from peerdesk.ui.learning_need_dialog import SendNeedDialog
from peerdesk.ui.psw_print import print_session
from peerdesk.ui.record_history_tab import HistoryWords, RecordHistoryTab
from peerdesk.ui.supervision_dialog import SupervisionDialog
from peerdesk.ui.supervision_edit_dialog import SupervisionEditDialog
from peerdesk.ui.supervision_lock_dialogs import AddendumDialog, AgreeDialog

WORDS = HistoryWords(
    unsaved="Save the peer worker's record first; then supervision can be recorded here.",
    none_yet="No supervision sessions recorded yet.",
    titles=("Date", "Kind", "Supervisor", "Minutes", "Notes"),
    table_name="Supervision sessions",
    caption="Supervision &sessions:",
    detail_name="Chosen session",
)
# Columns fit the rows in view plus this many more, not every session (500 took ~120 ms).
SIZED_ROWS = 40


def history_cells(row: SessionRow) -> list[str]:
    kind = f"{row.kind.label} (group)" if row.is_group else row.kind.label
    preview = row.preview or f"{row.confidentiality.label}: not shown in lists"
    lock = ", locked" if row.locked else ""
    return [short_date(row.held_on), kind + lock, row.supervisor, str(row.minutes), preview]


def session_text(session: SupervisionSession) -> str:
    """The session in words, as plain text (user text is never read as markup)."""
    start = f" at {session.starts_at}" if session.starts_at else ""
    group = "group " if session.is_group else ""
    lines = [
        f"{session.kind.label} {group}supervision on {say_date(session.held_on)}{start}, "
        f"{session.minutes} minutes, {session.mode.label.lower()}, with {session.supervisor}.",
    ]
    if session.is_group:
        lines.append("Attendees: " + ", ".join(session.attendee_names) + ".")
    if session.topics:
        lines.append("Topics: " + ", ".join(session.topics) + ".")
    agreed = [
        f"by the PSW on {say_date(day)}"
        if who == "psw"
        else f"by the supervisor on {say_date(day)}"
        for who, day in (
            ("psw", session.agreed_by_psw_on),
            ("sup", session.agreed_by_supervisor_on),
        )
        if day is not None
    ]
    state = "Locked: agreed " if session.locked else "Agreed " if agreed else "Not agreed yet."
    lines.append(
        f"{session.confidentiality.label}. {state}{' and '.join(agreed)}" + ("." if agreed else "")
    )
    if session.text_hidden:
        lines.append("Notes are private: tick Show private text to read them.")
    elif session.notes:
        lines += ["", "Notes:", session.notes]
    own = session.own
    note = f": {own.checkin_note}" if own.checkin_note else ""
    lines += ["", f"Check-in: {checkin_word(own.checkin)}{note}"]
    for need in own.learning_needs:
        sent = " (in training needs)" if need.sent else ""
        lines.append(f"Learning need: {need.text}{sent}")
    for action in own.actions:
        due = f", due {say_date(action.due_on)}" if action.due_on else ""
        who = f" ({action.owner})" if action.owner else ""
        lines.append(f"Action{who}: {action.text}{due}, {action.status.label.lower()}")
    if session.next_on:
        lines.append(f"Next session: {say_date(session.next_on)}")
    for addendum in session.addenda:
        lines += ["", f"Addendum {say_date(addendum.added_on)}:", addendum.text]
    return "\n".join(lines)


class SupervisionTab(RecordHistoryTab[SessionRow, SupervisionSession]):
    """Re-reads when told which PSW it shows, and when supervision changes anywhere."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        record = button("&Record a session…", "Record a session")
        agree = button("A&gree and lock…", "Agree and lock")
        addendum = button("Add a&ddendum…", "Add addendum")
        correct = button("C&orrect session…", "Correct session")
        super().__init__(services, bus, WORDS, [record, agree, addendum, correct], parent)
        self.record_button = record
        self.addendum_button = addendum
        self.correct_button = correct
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.sends = QWidget()
        self.sends_column = QVBoxLayout(self.sends)
        self.sends_column.setContentsMargins(0, 0, 0, 0)
        self.send_buttons: list[QPushButton] = []
        self.column.addWidget(self.sends)
        self.record_button.clicked.connect(self.record)
        self.agree_button.clicked.connect(self.agree)
        self.addendum_button.clicked.connect(self.add_addendum)
        self.correct_button.clicked.connect(self.correct)
        self.print_button = button(
            "Pri&nt session…",
            "Print session",
            tip="Print this peer worker's copy: in a group, only their own part.",
        )
        self.print_button.clicked.connect(self.print_session)
        self.column.addWidget(button_row([self.print_button]))
        self.finish()

    def read_rows(self, psw_id: PswId) -> list[SessionRow]:
        return self.services.supervision.history(psw_id)

    def read_record(self, row: SessionRow, psw_id: PswId, revealed: bool) -> SupervisionSession:
        return self.services.supervision.session(row.id, psw_id, private_revealed=revealed)

    def row_cells(self, row: SessionRow) -> list[str]:
        return history_cells(row)

    def record_text(self, record: SupervisionSession) -> str:
        return session_text(record)

    def wants(self, changes: Changes) -> bool:
        return bool(changes.supervision)

    def _show_chosen(self) -> None:
        super()._show_chosen()
        self.addendum_button.setVisible(self.shown is not None and self.shown.locked)
        self.correct_button.setVisible(self.shown is not None and not self.shown.locked)
        self.print_button.setVisible(self.shown is not None)
        self._show_sends()

    def _show_sends(self) -> None:
        """A button for each of this PSW's learning needs not yet in their training needs."""
        for old in self.send_buttons:
            old.hide()
            old.deleteLater()
        unsent = [n for n in self.shown.own.learning_needs if not n.sent] if self.shown else []
        self.send_buttons = [self._send_button(need) for need in unsent]
        for made in self.send_buttons:
            self.sends_column.addWidget(made, 0, Qt.AlignmentFlag.AlignLeft)
            made.show()  # at once, not when the event loop next runs
        self.sends.setVisible(bool(unsent))

    def _send_button(self, need: LearningNeed) -> QPushButton:
        made = button(
            f"Send to &training needs: {need.text.replace('&', '&&')}…",
            f"Send to training needs: {need.text}",
        )
        made.clicked.connect(lambda: self._open(SendNeedDialog(self.services, need, self)))
        return made

    # --- dialogs ------------------------------------------------------------------------------

    def record(self) -> None:
        if self.psw_id is not None:
            self._open(SupervisionDialog(self.services, self.psw_id, self), new=True)

    def reopen(self, kept: KeptSession) -> SupervisionDialog:
        """Open the form again filled as PeerDesk kept it on locking; nothing is saved until
        Save. Raises the service's error when a session being corrected cannot be read now."""
        if kept.session_id is None:
            dialog = SupervisionDialog(self.services, kept.psw_id, self)
        else:
            dialog = SupervisionEditDialog(self.services, kept.psw_id, kept.session_id, self)
        dialog.restore(kept)
        self._open(dialog, new=kept.session_id is None)
        return dialog

    def agree(self) -> None:
        if self.shown is not None:
            self._open(AgreeDialog(self.services, self.shown, self))

    def correct(self) -> None:
        if self.shown is not None and self.psw_id is not None:
            self._open(SupervisionEditDialog(self.services, self.psw_id, self.shown.id, self))

    def print_session(self) -> None:
        if self.shown is not None and self.psw_id is not None:
            print_session(self, self.services, self.shown.id, self.psw_id)

    def add_addendum(self) -> None:
        if self.shown is not None:
            self._open(AddendumDialog(self.services, self.shown.id, self))
