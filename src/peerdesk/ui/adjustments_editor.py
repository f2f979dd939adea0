"""Reasonable adjustments on the Checks tab: never deleted; one that stops is set to "ended"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from peerdesk.domain.check_records import Adjustment, AdjustmentDetails, AdjustmentStatus
from peerdesk.domain.check_rules import adjustment_problems, tidied_adjustment
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField, button, say_date, short_date
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import compact
from peerdesk.ui.record_section import RecordSectionEditor, details_label
from peerdesk.ui.reference_dialog import text_box

COLUMNS = ("Category", "What", "Agreed on", "Agreed by", "Status", "Review")
NONE_YET = "No reasonable adjustments recorded."
CATEGORIES = ("Hours", "Task support", "Debrief", "Supervision", "Travel", "Communication")
NEVER_DELETED = "Adjustments are kept: when one stops, set its status to Ended."


def row_of(adjustment: Adjustment) -> list[str]:
    d = adjustment.details
    return [
        d.category,
        d.what.replace("\n", " "),
        short_date(d.agreed_on, "not agreed"),
        d.agreed_by,
        d.status.label,
        short_date(d.review_on, "no review"),
    ]


def details_text(adjustment: Adjustment) -> str:
    """The selected adjustment in full sentences."""
    d = adjustment.details
    if d.agreed_on:
        by = f" by {d.agreed_by}" if d.agreed_by else ""
        agreed = f"agreed {say_date(d.agreed_on)}{by}"
    else:
        agreed = "not agreed yet"
    review = f"review due {say_date(d.review_on)}" if d.review_on else "no review date"
    return f"{d.category}: {d.what}\n{d.status.label}; {agreed}; {review}."


class AdjustmentDialog(FittedCheckDialog):
    """A new adjustment for ``psw_id`` when ``adjustment`` is None; otherwise edits it."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId,
        adjustment: Adjustment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Edit adjustment" if adjustment else "Add adjustment", "&Save adjustment", parent
        )
        self.services = services
        self.psw_id = psw_id
        self.adjustment = adjustment
        self.category = compact(QComboBox(), 14)
        self.category.setEditable(True)
        self.category.addItems(CATEGORIES)
        self.category.setCurrentIndex(-1)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.category.lineEdit()
        assert edit is not None
        edit.setPlaceholderText("Choose or type, e.g. Hours")
        edit.setAccessibleName("Category")
        self.what = text_box(3, self)
        self.agreed_on = DateField("agreed_on", "agreed")
        self.agreed_by = QLineEdit()
        self.agreed_by.setPlaceholderText("Who agreed it")
        self.status = compact(QComboBox(), 10)
        for status in AdjustmentStatus:
            self.status.addItem(status.label, status)
        self.review_on = DateField("review_on", "review")
        self.add_note(NEVER_DELETED)
        self.add_field("category", "Ca&tegory", self.category)
        self.add_field("what", "&What", self.what)
        self.add_field("agreed_on", "A&greed on", self.agreed_on)
        self.add_field("agreed_by", "Agreed &by", self.agreed_by)
        self.add_field("status", "St&atus", self.status)
        self.add_field("review_on", "&Review on", self.review_on)
        self.finish_layout()
        if adjustment is not None:
            d = adjustment.details
            self.category.setCurrentText(d.category)
            self.what.setPlainText(d.what)
            self.agreed_on.set_value(d.agreed_on)
            self.agreed_by.setText(d.agreed_by)
            self.status.setCurrentIndex(self.status.findData(d.status))
            self.review_on.set_value(d.review_on)
        self.category.currentTextChanged.connect(self.edited)
        self.what.textChanged.connect(self.edited)
        for field in (self.agreed_on, self.agreed_by, self.review_on):
            field.textChanged.connect(self.edited)
        self.status.currentIndexChanged.connect(self._status_chosen)
        (self.status if adjustment else self.category).setFocus()

    def _status_chosen(self) -> None:
        # agreeing usually happens the day it is put in place: offer today, keep any typed date
        in_place = self.status.currentData() is AdjustmentStatus.IN_PLACE
        if in_place and not self.agreed_on.text().strip():
            self.agreed_on.set_value(self.services.clock.today())
        self.edited()

    def details(self) -> AdjustmentDetails:
        return tidied_adjustment(
            AdjustmentDetails(
                category=self.category.currentText(),
                what=self.what.toPlainText(),
                agreed_on=self.agreed_on.value(),
                agreed_by=self.agreed_by.text(),
                status=self.status.currentData(),
                review_on=self.review_on.value(),
            )
        )

    def local_problems(self) -> list[Problem]:
        return self.agreed_on.problems() + self.review_on.problems()

    def service_problems(self) -> list[Problem]:
        return adjustment_problems(self.details(), today=self.services.clock.today())

    def submit(self) -> Changes:
        if self.adjustment is None:
            _, changes = self.services.health.add_adjustment(self.psw_id, self.details())
        else:
            _, changes = self.services.health.update_adjustment(self.adjustment.id, self.details())
        return changes


class AdjustmentsEditor(RecordSectionEditor[Adjustment]):
    """Saves each action at once through ``services.health``."""

    hide_empty_table = True

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, parent, COLUMNS, "Reasonable adjustments", row_of, NONE_YET, on_open=self.edit
        )
        self.note = QLabel(NEVER_DELETED)
        self.note.setWordWrap(True)
        self.details = details_label("Selected adjustment")
        self.add = button("Add ad&justment…", "Add adjustment")
        self.edit_button = button("Edit adjustment…", "Edit adjustment")
        self.for_selected = [self.edit_button]
        self.add.clicked.connect(self.add_adjustment)
        self.edit_button.clicked.connect(self.edit)
        self.lay_out(
            [self.note, self.empty, self.table, self.details], [self.add, self.edit_button]
        )

    @property
    def adjustments(self) -> list[Adjustment]:
        return self.records

    def fetch(self, psw_id: PswId) -> list[Adjustment]:
        return self.services.health.adjustments(psw_id)

    def describe(self, record: Adjustment) -> str:
        return details_text(record)

    def add_adjustment(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(AdjustmentDialog(self.services, psw_id=self.psw_id, parent=self))

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.psw_id is not None:
            self.open_dialog(
                AdjustmentDialog(self.services, psw_id=self.psw_id, adjustment=chosen, parent=self)
            )
