"""The DBS section of the Checks tab: checks, their status checks and risk assessments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.check_records import DbsCheck
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import (
    CheckSection,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.dbs_dialog import (
    NO_CERTIFICATE,
    DbsDialog,
    RiskAssessmentDialog,
    StatusCheckDialog,
)

COLUMNS = ("Scheme", "Level", "Certificate number", "Issued", "Update Service", "Decision")


def decision_text(check: DbsCheck) -> str:
    d = check.details
    if d.decision is None:
        return "awaiting a decision"
    by = f" by {d.decided_by}" if d.decided_by else ""
    return f"{d.decision.label} on {short_date(d.decided_on)}{by}"


def row_of(check: DbsCheck) -> list[str]:
    d = check.details
    return [
        d.scheme.label,
        d.level.label,
        d.certificate_number,
        short_date(d.issued_on),
        "Subscribed" if d.update_service else "Not subscribed",
        decision_text(check),
    ]


def details_text(check: DbsCheck) -> str:
    """What the table has no room for: who saw it, disclosure, status checks, assessments."""
    d = check.details
    lines = []
    if d.seen_by or d.seen_on:
        seen_on = f" on {say_date(d.seen_on)}" if d.seen_on else ""
        lines.append(f"Seen by {d.seen_by or 'someone not named'}{seen_on}")
    if d.disclosure:
        note = f": {d.disclosure_note}" if d.disclosure_note else " (note cleared or not kept)"
        lines.append(f"Disclosure recorded{note}")
    else:
        lines.append("No disclosure")
    for sc in check.status_checks:
        result = "clean" if sc.clean else "not clean"
        lines.append(f"Status check {say_date(sc.checked_on)}: {result}")
    for ra in check.risk_assessments:
        lines.append(f"Risk assessment {say_date(ra.assessed_on)} by {ra.panel}: {ra.outcome}")
    if d.disclosure and not check.risk_assessments:
        lines.append("A disclosure needs a risk assessment before the check can be cleared.")
    return "\n".join(lines)


class DbsEditor(CheckSection):
    """Saves each action at once through ``services.dbs``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.checks: list[DbsCheck] = []
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "DBS checks", on_open=self.edit)
        self.note = QLabel(NO_CERTIFICATE)
        self.note.setWordWrap(True)
        self.empty = QLabel("No DBS check recorded yet.")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Selected check")
        self.add = button("Add &DBS check…", "Add DBS check")
        self.edit_button = button("Edit DBS chec&k…", "Edit DBS check")
        self.status_check = button(
            "Add stat&us check…",
            "Add status check",
            tip="An Update Service status check: a clean one renews validity from its date.",
        )
        self.risk = button(
            "Add risk assess&ment…",
            "Add risk assessment",
            tip="Needed when something was disclosed, before the check can be cleared.",
        )
        self.remove = button("Remove DBS check…", "Remove DBS check")
        self.add.clicked.connect(self.add_check)
        self.edit_button.clicked.connect(self.edit)
        self.status_check.clicked.connect(self.add_status_check)
        self.risk.clicked.connect(self.add_risk_assessment)
        self.remove.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(
            button_row([self.add, self.edit_button, self.status_check, self.risk, self.remove])
        )
        self._update()

    def refresh(self) -> None:
        keep = self.selected()
        self.checks = self.services.dbs.checks(self.psw_id) if self.psw_id else []
        self.model.set_rows([row_of(c) for c in self.checks])
        self.empty.setVisible(not self.checks)
        ids = [c.id for c in self.checks]
        if keep is not None and keep.id in ids:
            self.table.select_row(ids.index(keep.id))
        else:
            self.table.select_row(0 if self.checks else None)
        self._update()

    def selected(self) -> DbsCheck | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.checks) else self.checks[row]

    def _update(self) -> None:
        check = self.selected()
        self.add.setEnabled(self.psw_id is not None)
        for b in (self.edit_button, self.remove):
            b.setEnabled(check is not None)
        self.status_check.setEnabled(check is not None and check.details.update_service)
        self.risk.setEnabled(check is not None and check.details.disclosure)
        self.details.setText(details_text(check) if check else "")
        self.details.setVisible(check is not None)

    # --- actions --------------------------------------------------------------------------------

    def add_check(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(DbsDialog(self.services, psw_id=self.psw_id, parent=self))

    def edit(self) -> None:
        check = self.selected()
        if check is not None and self.psw_id is not None:
            self.open_dialog(DbsDialog(self.services, psw_id=self.psw_id, check=check, parent=self))

    def add_status_check(self) -> None:
        check = self.selected()
        if check is not None:
            self.open_dialog(StatusCheckDialog(self.services, check=check, parent=self))

    def add_risk_assessment(self) -> None:
        check = self.selected()
        if check is not None:
            self.open_dialog(RiskAssessmentDialog(self.services, check=check, parent=self))

    def remove_selected(self) -> None:
        check = self.selected()
        if check is None:
            return
        d = check.details
        if not message_boxes.confirm(
            self,
            title="Remove DBS check",
            text=f"Remove the {d.scheme.label} check {d.certificate_number} issued "
            f"{say_date(d.issued_on)}, with its status checks and risk assessments?",
            action="Remove",
        ):
            return
        self.run("Could not remove the check", lambda: self.services.dbs.remove(check.id))
