"""Dialogs for a DBS, PVG or AccessNI check: its metadata, a status check, a risk assessment."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from peerdesk.domain.check_records import (
    DISCLOSURE_NOTE_MONTHS,
    DbsCheck,
    DbsDetails,
    RiskAssessment,
)
from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import DbsDecision, DbsLevel
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import CheckDialog, DateField
from peerdesk.ui.form_fields import compact
from peerdesk.ui.reference_dialog import text_box

NO_CERTIFICATE = "No certificate is stored: see it and hand it back."
NOT_DECIDED = "Not decided yet"


def number_hint(scheme: DbsScheme) -> str:
    return f"{scheme.digits} digits; spaces or hyphens\nbetween groups are fine."


class DbsDialog(CheckDialog):
    """A new check for ``psw_id`` when ``check`` is None; otherwise edits it."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId,
        check: DbsCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Edit DBS check" if check else "Add DBS check", "&Save check", parent)
        self.services = services
        self.psw_id = psw_id
        self.check = check
        self.scheme = compact(QComboBox(), 14)
        for scheme in DbsScheme:
            self.scheme.addItem(scheme.label, scheme)
        self.level = compact(QComboBox(), 14)
        for level in DbsLevel:
            self.level.addItem(level.label, level)
        self.number = QLineEdit()
        self.issued_on = DateField("issued_on", "issue", required=True)
        self.update_service = QCheckBox("Subscribed to the &Update Service")
        self.update_service.setAccessibleName("Subscribed to the Update Service")
        self.seen_by = QLineEdit()
        self.seen_on = DateField("seen_on", "seen")
        self.disclosure = QCheckBox("Something was &disclosed")
        self.disclosure.setAccessibleName("Something was disclosed")
        self.disclosure_note = text_box(3, self)
        self.decision = compact(QComboBox(), 14)
        self.decision.addItem(NOT_DECIDED, None)
        for decision in DbsDecision:
            self.decision.addItem(decision.label, decision)
        self.decided_on = DateField("decided_on", "decision")
        self.decided_by = QLineEdit()

        self.add_note(NO_CERTIFICATE)
        self.add_field("scheme", "Sc&heme", self.scheme)
        self.add_field("level", "&Level", self.level)
        self.add_field("certificate_number", "Certificate &number", self.number, hint=" ")
        self.number_hint = self.hints["certificate_number"]
        self.add_field("issued_on", "&Issued on", self.issued_on)
        self.add_tick("update_service", self.update_service)
        self.add_field("seen_by", "Seen &by", self.seen_by)
        self.add_field("seen_on", "Seen &on", self.seen_on)
        self.add_tick("disclosure", self.disclosure)
        self.add_field(
            "disclosure_note",
            "&What was disclosed",
            self.disclosure_note,
            hint=f"Cleared automatically {DISCLOSURE_NOTE_MONTHS} months after the decision.\n"
            "A disclosure needs a risk assessment\nbefore the check can be cleared.",
        )
        self.disclosure_note_hint = self.hints["disclosure_note"]
        self.add_field("decision", "De&cision", self.decision)
        self.add_field("decided_on", "Decid&ed on", self.decided_on)
        self.add_field("decided_by", "Decided b&y", self.decided_by)
        self.finish_layout()
        if check is not None:
            self._show(check.details)
        else:
            self.issued_on.setFocus()
            self.level.setCurrentIndex(self.level.findData(DbsLevel.ENHANCED))
        self._scheme_chosen()
        self._disclosure_ticked()
        for edit in (self.number, self.issued_on, self.seen_by, self.seen_on, self.decided_on,
                     self.decided_by):  # fmt: skip
            edit.textChanged.connect(self.edited)
        self.disclosure_note.textChanged.connect(self.edited)
        for combo in (self.level, self.decision):
            combo.currentIndexChanged.connect(self.edited)
        self.scheme.currentIndexChanged.connect(self._scheme_chosen)
        self.update_service.toggled.connect(self.edited)
        self.disclosure.toggled.connect(self._disclosure_ticked)
        self.number.setFocus()

    def _show(self, d: DbsDetails) -> None:
        self.scheme.setCurrentIndex(self.scheme.findData(d.scheme))
        self.level.setCurrentIndex(self.level.findData(d.level))
        self.number.setText(d.certificate_number)
        self.issued_on.set_value(d.issued_on)
        self.update_service.setChecked(d.update_service)
        self.seen_by.setText(d.seen_by)
        self.seen_on.set_value(d.seen_on)
        self.disclosure.setChecked(d.disclosure)
        self.disclosure_note.setPlainText(d.disclosure_note)
        self.decision.setCurrentIndex(self.decision.findData(d.decision))
        self.decided_on.set_value(d.decided_on)
        self.decided_by.setText(d.decided_by)

    def _scheme_chosen(self) -> None:
        scheme: DbsScheme = self.scheme.currentData()
        hint = number_hint(scheme)
        self.number_hint.setText(hint)
        self.number.setPlaceholderText(f"{scheme.digits} digits")
        self.number.setAccessibleDescription(hint)
        if self.sender() is self.scheme:
            self.edited()

    def _disclosure_ticked(self) -> None:
        self.disclosure_note.setEnabled(self.disclosure.isChecked())
        if self.sender() is self.disclosure:
            self.edited()

    def details(self) -> DbsDetails:
        decision: DbsDecision | None = self.decision.currentData()
        return DbsDetails(
            scheme=self.scheme.currentData(),
            level=self.level.currentData(),
            certificate_number=self.number.text(),
            issued_on=self.issued_on.value() or self.services.clock.today(),
            update_service=self.update_service.isChecked(),
            seen_by=self.seen_by.text(),
            seen_on=self.seen_on.value(),
            disclosure=self.disclosure.isChecked(),
            disclosure_note=self.disclosure_note.toPlainText(),
            decision=decision,
            decided_on=self.decided_on.value(),
            decided_by=self.decided_by.text(),
        )

    def local_problems(self) -> list[Problem]:
        return [
            p for field in (self.issued_on, self.seen_on, self.decided_on) for p in field.problems()
        ]

    def service_problems(self) -> list[Problem]:
        done = self.check.risk_assessments if self.check else ()
        return self.services.dbs.check(self.details(), risk_assessments=done)

    def submit(self) -> Changes:
        if self.check is None:
            _, changes = self.services.dbs.add(self.psw_id, self.details())
        else:
            _, changes = self.services.dbs.update(self.check.id, self.details())
        return changes


class StatusCheckDialog(CheckDialog):
    """An Update Service status check: its date and whether it came back clean."""

    def __init__(self, services: Services, *, check: DbsCheck, parent: QWidget | None = None):
        super().__init__("Add status check", "&Record status check", parent)
        self.services = services
        self.check = check
        self.checked_on = DateField("checked_on", "status check", required=True)
        self.checked_on.set_value(services.clock.today())
        self.clean_result = QComboBox()
        self.clean_result.addItem("Clean: no new information", True)
        self.clean_result.addItem("Not clean: new information", False)
        self.add_note(
            "A clean status check renews the check's validity from its date. "
            f"Certificate {check.details.certificate_number}."
        )
        self.add_field("checked_on", "Checked &on", self.checked_on)
        self.add_field("clean", "Res&ult", self.clean_result)
        self.finish_layout()
        self.checked_on.textChanged.connect(self.edited)
        self.checked_on.setFocus()

    def local_problems(self) -> list[Problem]:
        return self.checked_on.problems()

    def submit(self) -> Changes:
        day = self.checked_on.value()
        assert day is not None  # local_problems() stops a blank date
        _, changes = self.services.dbs.add_status_check(
            self.check.id, checked_on=day, clean=bool(self.clean_result.currentData())
        )
        return changes


class RiskAssessmentDialog(CheckDialog):
    """The risk assessment a disclosure needs: date, panel and outcome."""

    def __init__(self, services: Services, *, check: DbsCheck, parent: QWidget | None = None):
        super().__init__("Add risk assessment", "&Record risk assessment", parent)
        self.services = services
        self.check = check
        self.assessed_on = DateField("assessed_on", "assessment", required=True)
        self.assessed_on.set_value(services.clock.today())
        self.panel = QLineEdit()
        self.panel.setPlaceholderText("Names and roles")
        self.outcome = text_box(3, self)
        self.add_note("Record the outcome only; keep no copy of what the certificate says.")
        self.add_field("assessed_on", "Assessed &on", self.assessed_on)
        self.add_field("panel", "&Panel", self.panel)
        self.add_field("outcome", "O&utcome", self.outcome)
        self.finish_layout()
        self.assessed_on.textChanged.connect(self.edited)
        self.panel.textChanged.connect(self.edited)
        self.outcome.textChanged.connect(self.edited)
        self.panel.setFocus()

    def local_problems(self) -> list[Problem]:
        return self.assessed_on.problems()

    def submit(self) -> Changes:
        day = self.assessed_on.value()
        assert day is not None
        _, changes = self.services.dbs.add_risk_assessment(
            self.check.id, RiskAssessment(day, self.panel.text(), self.outcome.toPlainText())
        )
        return changes
