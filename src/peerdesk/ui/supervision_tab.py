"""The Supervision tab of a peer worker's record: history, the chosen session, record and lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.supervision_session import (
    LearningNeed,
    SessionRow,
    SupervisionSession,
    checkin_word,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import (
    CheckDialog,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.learning_need_dialog import SendNeedDialog
from peerdesk.ui.supervision_dialog import SupervisionDialog
from peerdesk.ui.supervision_lock_dialogs import AddendumDialog, AgreeDialog

UNSAVED = "Save the peer worker's record first; then supervision can be recorded here."
NONE_YET = "No supervision sessions recorded yet."
TITLES = ("Date", "Kind", "Supervisor", "Minutes", "Notes")
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


class SupervisionTab(QWidget):
    """Re-reads when told which PSW it shows, and when supervision changes anywhere."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.psw_id: PswId | None = None
        self.rows: list[SessionRow] = []
        self.shown: SupervisionSession | None = None
        self.dialog: CheckDialog | None = None
        self._reselecting = False
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Supervision sessions", on_open=self._focus_detail)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.caption = QLabel("Supervision &sessions:")
        self.caption.setBuddy(self.table)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Chosen session")
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reveal = QCheckBox("Show private te&xt")
        self.reveal.setAccessibleName("Show private text")
        self.record_button = button("&Record a session…", "Record a session")
        self.agree_button = button("A&gree and lock…", "Agree and lock")
        self.addendum_button = button("Add a&ddendum…", "Add addendum")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.record_button, self.agree_button, self.addendum_button]))
        layout.addWidget(self.reveal)
        layout.addWidget(self.detail)
        self.sends = QWidget()
        self.sends_column = QVBoxLayout(self.sends)
        self.sends_column.setContentsMargins(0, 0, 0, 0)
        self.send_buttons: list[QPushButton] = []
        layout.addWidget(self.sends)
        layout.addStretch(1)
        self.record_button.clicked.connect(self.record)
        self.agree_button.clicked.connect(self.agree)
        self.addendum_button.clicked.connect(self.add_addendum)
        self.reveal.toggled.connect(self._show_chosen)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        bus.changed.connect(self._bus_changed)
        self.refresh()

    def show_psw(self, psw_id: PswId | None) -> None:
        self.psw_id = psw_id
        self.reveal.setChecked(False)
        self.refresh()

    def _bus_changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and changes.supervision:
            self.refresh()

    def refresh(self) -> None:
        chosen = self.shown.id if self.shown else None
        self.rows = self.services.supervision.history(self.psw_id) if self.psw_id else []
        self.model.set_rows([history_cells(r) for r in self.rows])
        fit_to_rows(self.table)
        saved = self.psw_id is not None
        text = UNSAVED if not saved else "" if self.rows else NONE_YET
        self.message.setText(text)
        self.message.setVisible(bool(text))
        for part in (self.caption, self.table):
            part.setVisible(bool(self.rows))
        self.record_button.setVisible(saved)
        ids = [r.id for r in self.rows]
        self._reselecting = True  # the chosen session is read once, just below
        self.table.select_row(ids.index(chosen) if chosen in ids else 0 if ids else None)
        self._reselecting = False
        self._show_chosen()

    def _selection_changed(self, *_: object) -> None:
        if not self._reselecting:
            self._show_chosen()

    def _show_chosen(self) -> None:
        row = self.table.selected_row()
        if self.psw_id is None or row is None or row >= len(self.rows):
            self.shown = None
        else:
            self.shown = self.services.supervision.session(
                self.rows[row].id, self.psw_id, private_revealed=self.reveal.isChecked()
            )
        self.detail.setText(session_text(self.shown) if self.shown else "")
        self.detail.setVisible(self.shown is not None)
        self.reveal.setVisible(
            self.shown is not None and self.shown.confidentiality is Confidentiality.PRIVATE
        )
        locked = self.shown is not None and self.shown.locked
        self.agree_button.setVisible(self.shown is not None)
        self.agree_button.setEnabled(self.shown is not None and not locked)
        self.addendum_button.setVisible(locked)
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

    def _focus_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- dialogs ------------------------------------------------------------------------------

    def record(self) -> None:
        if self.psw_id is not None:
            self._open(SupervisionDialog(self.services, self.psw_id, self))

    def agree(self) -> None:
        if self.shown is not None:
            self._open(AgreeDialog(self.services, self.shown, self))

    def add_addendum(self) -> None:
        if self.shown is not None:
            self._open(AddendumDialog(self.services, self.shown.id, self))

    def _open(self, dialog: CheckDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _saved(self, dialog: CheckDialog) -> None:
        if isinstance(dialog, SupervisionDialog):
            self.shown = None  # show the session just recorded (newest first)
        self.refresh()
        self.bus.publish(dialog.changes, origin=self)

    def _closed(self, dialog: CheckDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
