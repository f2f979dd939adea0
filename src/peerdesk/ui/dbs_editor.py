"""The DBS section of the Checks tab: checks, their status checks and risk assessments."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.domain.check_records import DbsCheck
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.ui.check_fields import button, say_date, short_date
from peerdesk.ui.dbs_dialog import (
    NO_CERTIFICATE,
    DbsDialog,
    RiskAssessmentDialog,
    StatusCheckDialog,
)
from peerdesk.ui.record_section import RecordSectionEditor, details_label

COLUMNS = ("Scheme", "Level", "Certificate number", "Issued", "Update Service", "Decision")
NONE_YET = "No DBS check recorded yet."


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


class DbsEditor(RecordSectionEditor[DbsCheck]):
    """Saves each action at once through ``services.dbs``."""

    fit_rows = False
    wrap_empty = False

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, parent, COLUMNS, "DBS checks", row_of, NONE_YET, on_open=self.edit
        )
        self.note = QLabel(NO_CERTIFICATE)
        self.note.setWordWrap(True)
        self.details = details_label("Selected check")
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
        self.for_selected = [self.edit_button, self.remove]
        self.add.clicked.connect(self.add_check)
        self.edit_button.clicked.connect(self.edit)
        self.status_check.clicked.connect(self.add_status_check)
        self.risk.clicked.connect(self.add_risk_assessment)
        self.remove.clicked.connect(self.remove_selected)
        self.lay_out(
            [self.note, self.empty, self.table, self.details],
            [self.add, self.edit_button, self.status_check, self.risk, self.remove],
        )

    @property
    def checks(self) -> list[DbsCheck]:
        return self.records

    def fetch(self, psw_id: PswId) -> list[DbsCheck]:
        return self.services.dbs.checks(psw_id)

    def first_row(self) -> int | None:
        return 0 if self.records else None

    def describe(self, record: DbsCheck) -> str:
        return details_text(record)

    def update_more(self, chosen: DbsCheck | None) -> None:
        self.status_check.setEnabled(chosen is not None and chosen.details.update_service)
        self.risk.setEnabled(chosen is not None and chosen.details.disclosure)

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
        self.remove_after_asking(
            "Remove DBS check",
            f"Remove the {d.scheme.label} check {d.certificate_number} issued "
            f"{say_date(d.issued_on)}, with its status checks and risk assessments?",
            "Could not remove the check",
            lambda: self.services.dbs.remove(check.id),
        )
