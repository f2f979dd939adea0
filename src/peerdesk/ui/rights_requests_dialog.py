"""A PSW's or person's data rights requests: log any kind, date steps, extend, answer, act."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.progress import Progress
from peerdesk.domain.rights_due import ACCESS
from peerdesk.services.bundle import Services
from peerdesk.services.rights_service import RequestLine
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import (
    CheckDialog,
    OpensDialogs,
    RecordsView,
    RowsModel,
    button,
    button_row,
)
from peerdesk.ui.message_boxes import show_error
from peerdesk.ui.rights_kind_actions import KindActions
from peerdesk.ui.rights_step_dialogs import (
    DoneDialog,
    ExtendDialog,
    LogRequestDialog,
    SentDialog,
    StepDialog,
)
from peerdesk.ui.save_export import save_export

if TYPE_CHECKING:  # the bundle (and its PDF library) loads when one is made, not at start-up
    from peerdesk.services.access_bundle import BundleDraft

TITLES = ("Reference", "Kind", "Received", "Due", "Steps", "Sent or done")
TITLE = "Data rights requests"
BUNDLE_TITLE = "Subject access bundle"


@dataclass(frozen=True)
class RightsSubject:
    """Whose requests: one PSW or one person, and the name the title shows."""

    name: str
    psw_id: PswId | None = None
    person_id: PersonId | None = None


def _steps(line: RequestLine) -> str:
    d, r = line.request.dates, line.request
    said = [
        ("identity asked", d.identity_asked_on),
        ("identity received", d.identity_received_on),
        ("clarification asked", d.clarification_asked_on),
        ("clarification received", d.clarification_received_on),
    ]
    words = [f"{what} {format_date(on)}" for what, on in said if on is not None]
    if d.extension_months:
        words.append(f"extended {d.extension_months} month{'s' if d.extension_months > 1 else ''}")
    if r.note:
        words.append("note")
    return "; ".join(words) or "none"


def _row(line: RequestLine) -> list[str]:
    r = line.request
    sent = format_date(r.sent_on) if r.sent_on else f"Not {r.done_word}"
    received = format_date(r.dates.received_on)
    return [r.reference, r.kind_label, received, line.due.label, _steps(line), sent]


class RightsRequestsDialog(QDialog, OpensDialogs):
    """The list and its buttons; every save goes through the rights service and the bus."""

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        subject: RightsSubject,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.bus, self.subject = services, bus, subject
        self.dialog = None
        self.lines: list[RequestLine] = []
        self.setWindowTitle(f"{TITLE}: {subject.name}")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 120)
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, TITLE, on_open=self.step)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Last change")
        self.log_button = button("&Log request…", "Log request")
        self.step_button = button("Record &step…", "Record step")
        self.extend_button = button("E&xtend…", "Extend")
        self.sent_button = button("Mark s&ent…", "Mark sent")
        self.bundle_button = button("Make &bundle…", "Make bundle")
        self.kinds = KindActions(services, bus, self, self._said)
        self.log_button.clicked.connect(self.log)
        self.step_button.clicked.connect(self.step)
        self.extend_button.clicked.connect(self.extend)
        self.sent_button.clicked.connect(self.mark_sent)
        self.bundle_button.clicked.connect(self.make_bundle)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        how = QLabel(
            "Access, erasure, restriction, rectification and objection: every kind is due one "
            "calendar month after it arrives (or the extension), moved past weekends and the "
            "bank holidays in Settings. Access is answered with a bundle, erasure erases the "
            "record, restriction keeps it but stops its use; the others are marked done."
        )
        how.setWordWrap(True)
        layout.addWidget(how)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(
            button_row(
                [
                    self.log_button,
                    self.step_button,
                    self.extend_button,
                    self.sent_button,
                    self.bundle_button,
                    *self.kinds.buttons,
                ]
            )
        )
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self.lines = self.services.rights.requests(
            psw_id=self.subject.psw_id, person_id=self.subject.person_id
        )
        self.model.set_rows([_row(line) for line in self.lines])
        if self.lines:
            last = len(self.lines) - 1
            self.table.select_row(last if select is None else min(select, last))
        self._enable()

    def selected(self) -> RequestLine | None:
        row = self.table.selected_row()
        return None if row is None else self.lines[row]

    def _enable(self) -> None:
        line = self.selected()
        open_ = line is not None and line.request.is_open
        for b in (self.step_button, self.extend_button, self.sent_button):
            b.setEnabled(open_)
        access = line is None or line.request.kind == ACCESS
        self.sent_button.setText("Mark s&ent…" if access else "Mark d&one…")
        self.sent_button.setAccessibleName("Mark sent" if access else "Mark done")
        self.bundle_button.setVisible(access)
        self.bundle_button.setEnabled(line is not None)
        self.kinds.show_line(line)

    def _said(self, message: str) -> None:
        self.refresh(self.table.selected_row())
        self.status.setText(message)

    def _open(self, dialog: CheckDialog, said: Callable[[], str]) -> None:
        row = self.table.selected_row()

        def saved() -> None:
            self.refresh(row)
            self.status.setText(said())
            self.bus.publish(dialog.changes, origin=self)

        self.open_kept(dialog, saved)

    def log(self) -> None:
        dialog = LogRequestDialog(
            self.services, psw_id=self.subject.psw_id, person_id=self.subject.person_id, parent=self
        )

        def said() -> str:
            line = dialog.line
            return "" if line is None else f"Logged {line.request.reference}: {line.due.label}."

        self.open_kept(dialog, lambda: self._logged(dialog, said))

    def _logged(self, dialog: LogRequestDialog, said: Callable[[], str]) -> None:
        self.refresh()
        self.status.setText(said())
        self.bus.publish(dialog.changes, origin=self)

    def _with_line(self, make: Callable[[RequestLine], CheckDialog]) -> None:
        line = self.selected()
        if line is None or not line.request.is_open:
            return
        dialog = make(line)
        self._open(dialog, lambda: f"{line.request.reference}: {self._label_of(dialog)}")

    @staticmethod
    def _label_of(dialog: CheckDialog) -> str:
        line = getattr(dialog, "line", None)
        if not isinstance(line, RequestLine):
            return ""
        if line.request.sent_on is not None:
            return f"{line.request.done_word} {format_date(line.request.sent_on)}."
        return f"{line.due.label}."

    def step(self) -> None:
        self._with_line(lambda line: StepDialog(self.services, line, self))

    def extend(self) -> None:
        self._with_line(lambda line: ExtendDialog(self.services, line, self))

    def mark_sent(self) -> None:
        """Access: the day the reply went. Other kinds: the day done and what was done."""
        self._with_line(
            lambda line: (
                SentDialog(self.services, line, self)
                if line.request.kind == ACCESS
                else DoneDialog(self.services, line, self)
            )
        )

    def make_bundle(self) -> None:
        from peerdesk.services.access_bundle import draft
        from peerdesk.ui.access_bundle_review import BundleReviewDialog

        line = self.selected()
        if line is None:
            return
        try:
            drafted = draft(self.services, line.request.id)
        except PeerDeskError as error:
            show_error(self, BUNDLE_TITLE, str(error))
            return
        review = BundleReviewDialog(drafted, self)
        # Saving starts once the review has closed: its own message boxes must not run inside
        # the review dialog's accepted signal while that dialog is being torn down.
        self.open_kept(review, lambda: self._reviewed(drafted, review.redacted_keys()))

    def _reviewed(self, drafted: BundleDraft, keys: frozenset[str]) -> None:
        # Read the choices now (the review is deleted once closed), and save once it has gone.
        QTimer.singleShot(0, self, lambda: self._save(drafted, keys))

    def _save(self, drafted: BundleDraft, keys: frozenset[str]) -> None:
        from peerdesk.services.access_bundle import make_bundle

        services = self.services

        def make(progress: Progress):  # type: ignore[no-untyped-def]
            return make_bundle(services, drafted, keys, progress)

        save_export(self, title=BUNDLE_TITLE, make=make, file_filter="ZIP files (*.zip)")


def open_rights_requests(
    parent: QWidget, services: Services, bus: ChangeBus, subject: RightsSubject | None
) -> RightsRequestsDialog | None:
    """Open the requests of ``subject`` (nothing when no saved record is shown)."""
    if subject is None:
        show_error(parent, TITLE, "Save the record first.")
        return None
    dialog = RightsRequestsDialog(services, bus, subject, parent)
    dialog.open()
    return dialog


def rights_button(
    parent: QWidget, services: Services, bus: ChangeBus, subject: Callable[[], RightsSubject | None]
) -> QPushButton:
    """ "Data rights re&quests…" for a record form: opens the shown record's requests.

    Alt+Q as before: Alt+R is the person form's Referral tab."""
    made = button("Data rights re&quests…", TITLE)
    made.clicked.connect(lambda: open_rights_requests(parent, services, bus, subject()))
    return made
