"""Plan the waiting list: the plan beside first come, first served, decided line by line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.matching_records import CaseloadPlan
from peerdesk.ui import background
from peerdesk.ui.caseload_plan_lines import COLUMNS, Decision, LineChoice, row_text, summary
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RecordsView, RowsModel
from peerdesk.ui.message_boxes import confirm, show_error


class KeyedRecordsView(RecordsView):
    """A records table where single letter keys act on the selected line."""

    keys: dict[Qt.Key, Callable[[], None]]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = getattr(self, "keys", {}).get(Qt.Key(event.key()))
        if action is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            action()
            return
        super().keyPressEvent(event)


class CaseloadPlanDialog(QDialog):
    """Runs the plan in the background, then lets the coordinator accept or reject each line.

    Nothing is saved until "Apply decisions": then accepted lines become proposed matches and
    rejected ones (each with a reason) are kept out of later plans, all in one transaction.
    """

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        viewer: Viewer = COORDINATOR,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.viewer = viewer
        """Who is planning: protected people and PSWs are in the plan only with the right."""
        self.plan: CaseloadPlan | None = None
        self.choices: list[LineChoice] = []
        self.setWindowTitle("Plan the waiting list")
        self.setSizeGripEnabled(True)

        self.status = QLabel("Working out the plan…")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Plan summary")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.model = RowsModel(COLUMNS, self)
        self.table = KeyedRecordsView(self.model, "Plan lines", on_open=self.accept_line)
        self.table.setMinimumWidth(self.fontMetrics().averageCharWidth() * 110)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 16)

        self.accept_button = QPushButton("&Accept line")
        self.reject_button = QPushButton("&Reject line…")
        self.undecide_button = QPushButton("&Undecide")
        self.accept_all_button = QPushButton("Accept all u&ndecided")
        line_buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.reject_button,
            self.undecide_button,
            self.accept_all_button,
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)
        self.accept_button.clicked.connect(self.accept_line)
        self.reject_button.clicked.connect(self.reject_line)
        self.undecide_button.clicked.connect(self.undecide_line)
        self.accept_all_button.clicked.connect(self.accept_all)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            "A&pply decisions", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setAccessibleName("Apply decisions")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close without saving")
        self.apply_button.clicked.connect(self.apply)
        close.clicked.connect(self.reject)
        self.decided = QLabel()
        self.decided.setAccessibleName("Decisions so far")

        how = QLabel(
            "Each line is one person waiting, longest wait first. Accept a line to propose "
            "that peer; reject it with a reason and the pair stays out of later plans. "
            "Nothing is saved until you apply your decisions. Keys: A accept, R reject, "
            "U undecide."
        )
        how.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(how)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(line_buttons)
        layout.addWidget(self.decided)
        layout.addWidget(self.buttons)
        self.table.keys = {
            Qt.Key.Key_A: self.accept_line,
            Qt.Key.Key_R: self.reject_line,
            Qt.Key.Key_U: self.undecide_line,
        }
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        matching = self.services.matching
        background.default_executor().submit(
            lambda: matching.plan(viewer=viewer), self._show, self._failed
        )

    # --- results ------------------------------------------------------------------------

    def _show(self, plan: object) -> None:
        assert isinstance(plan, CaseloadPlan)
        self.plan = plan
        self.choices = [LineChoice() for _ in plan.lines]
        self.status.setText(summary(plan) if plan.lines else "No one is waiting for a peer.")
        self._refresh()
        if plan.lines:
            self.table.select_row(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, PeerDeskError) else "The plan could not be made."
        self.status.setText(f"Error: {message}")

    def _refresh(self) -> None:
        if self.plan is None:
            return
        row = self.table.selected_row()
        self.model.set_rows(
            [row_text(line, c) for line, c in zip(self.plan.lines, self.choices, strict=True)]
        )
        self.table.select_row(row)
        accepted = sum(c.decision is Decision.ACCEPT for c in self.choices)
        rejected = sum(c.decision is Decision.REJECT for c in self.choices)
        self.decided.setText(f"{accepted:,} accepted, {rejected:,} rejected.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        line = self._current()
        has_peer = line is not None
        for button in (self.accept_button, self.reject_button, self.undecide_button):
            button.setEnabled(has_peer)
        self.accept_all_button.setEnabled(self.plan is not None and bool(self.plan.lines))
        self.apply_button.setEnabled(
            any(c.decision is not Decision.UNDECIDED for c in self.choices)
        )

    def _current(self) -> int | None:
        row = self.table.selected_row()
        if self.plan is None or row is None or self.plan.lines[row].psw_id is None:
            return None
        return row

    # --- decisions ----------------------------------------------------------------------

    def accept_line(self) -> None:
        row = self._current()
        if row is not None:
            self.choices[row] = LineChoice(Decision.ACCEPT)
            self._next(row)

    def reject_line(self) -> None:
        row = self._current()
        if row is None or self.plan is None:
            return
        line = self.plan.lines[row]
        reason, ok = QInputDialog.getText(
            self,
            "Reject this line",
            f"Why should {line.psw_name} not be proposed for {line.person_name}?\n"
            "(Required. They will be left out of later plans.)",
            QLineEdit.EchoMode.Normal,
            self.choices[row].reason,
        )
        if not ok:
            return
        if not reason.strip():
            show_error(self, "Reject this line", "Say why this line is rejected.")
            return
        self.choices[row] = LineChoice(Decision.REJECT, reason.strip())
        self._next(row)

    def undecide_line(self) -> None:
        row = self._current()
        if row is not None:
            self.choices[row] = LineChoice()
            self._refresh()

    def accept_all(self) -> None:
        if self.plan is None:
            return
        for i, line in enumerate(self.plan.lines):
            if line.psw_id is not None and self.choices[i].decision is Decision.UNDECIDED:
                self.choices[i] = LineChoice(Decision.ACCEPT)
        self._refresh()

    def _next(self, row: int) -> None:
        self._refresh()
        if self.plan is not None and row + 1 < len(self.plan.lines):
            self.table.select_row(row + 1)

    def decisions(
        self,
    ) -> tuple[list[tuple[PersonId, PswId]], list[tuple[PersonId, PswId, str]]]:
        accepted: list[tuple[PersonId, PswId]] = []
        rejected: list[tuple[PersonId, PswId, str]] = []
        assert self.plan is not None
        for line, choice in zip(self.plan.lines, self.choices, strict=True):
            if line.psw_id is None:
                continue
            if choice.decision is Decision.ACCEPT:
                accepted.append((line.person_id, line.psw_id))
            elif choice.decision is Decision.REJECT:
                rejected.append((line.person_id, line.psw_id, choice.reason))
        return accepted, rejected

    def apply(self) -> None:
        if self.plan is None:
            return
        accepted, rejected = self.decisions()
        if not confirm(
            self,
            title="Apply decisions",
            text=(
                f"Propose {len(accepted):,} match{'es' if len(accepted) != 1 else ''} and "
                f"remember {len(rejected):,} rejected line{'s' if len(rejected) != 1 else ''}?"
            ),
            action="Apply",
        ):
            return
        try:
            changes = self.services.matching.review_plan(accepted, rejected)
        except ValidationFailed as refused:
            show_error(self, "Apply decisions", "; ".join(p.message for p in refused.problems))
            return
        except PeerDeskError as error:
            show_error(self, "Apply decisions", str(error))
            return
        self.bus.publish(changes, self)
        self.accept()
