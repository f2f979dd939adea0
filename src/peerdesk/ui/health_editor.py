"""The Occupational health section of the Checks tab: referrals and their outcomes only."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.check_records import OhDetails, OhReferral
from peerdesk.domain.check_rules import oh_problems
from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import OhOutcome
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import (
    CheckDialog,
    CheckSection,
    DateField,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows

COLUMNS = ("Referred on", "Outcome", "Outcome date")
AWAITING = "Awaiting an outcome"
NO_CLINICAL_DETAIL = "Record the outcome only: no clinical detail is kept."


def row_of(referral: OhReferral) -> list[str]:
    d = referral.details
    return [
        short_date(d.referred_on),
        d.outcome.label if d.outcome else AWAITING.lower(),
        short_date(d.outcome_on),
    ]


class OhDialog(CheckDialog):
    """A new referral for ``psw_id`` when ``referral`` is None; otherwise edits it."""

    def __init__(
        self,
        services: Services,
        *,
        psw_id: PswId,
        referral: OhReferral | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Edit OH referral" if referral else "Add OH referral"
        super().__init__(title, "&Save referral", parent)
        self.services = services
        self.psw_id = psw_id
        self.referral = referral
        self.referred_on = DateField("referred_on", "referral", required=True)
        self.outcome = QComboBox()
        self.outcome.addItem(AWAITING, None)
        for outcome in OhOutcome:
            self.outcome.addItem(outcome.label, outcome)
        self.outcome_on = DateField("outcome_on", "outcome")
        self.add_note(NO_CLINICAL_DETAIL)
        self.add_field("referred_on", "&Referred on", self.referred_on)
        self.add_field("outcome", "&Outcome", self.outcome)
        self.add_field("outcome_on", "Outcome &date", self.outcome_on)
        self.finish_layout()
        d = referral.details if referral else OhDetails(services.clock.today())
        self.referred_on.set_value(d.referred_on)
        self.outcome.setCurrentIndex(self.outcome.findData(d.outcome))
        self.outcome_on.set_value(d.outcome_on)
        self.referred_on.textChanged.connect(self.edited)
        self.outcome_on.textChanged.connect(self.edited)
        self.outcome.currentIndexChanged.connect(self._outcome_chosen)
        self.referred_on.setFocus()

    def _outcome_chosen(self) -> None:
        if self.outcome.currentData() is not None and not self.outcome_on.text().strip():
            self.outcome_on.set_value(self.services.clock.today())
        self.edited()

    def details(self) -> OhDetails:
        return OhDetails(
            referred_on=self.referred_on.value() or self.services.clock.today(),
            outcome=self.outcome.currentData(),
            outcome_on=self.outcome_on.value(),
        )

    def local_problems(self) -> list[Problem]:
        return self.referred_on.problems() + self.outcome_on.problems()

    def service_problems(self) -> list[Problem]:
        # the same rules the service refuses with (it has no separate check call)
        return oh_problems(self.details(), today=self.services.clock.today())

    def submit(self) -> Changes:
        if self.referral is None:
            _, changes = self.services.health.add_referral(self.psw_id, self.details())
        else:
            _, changes = self.services.health.update_referral(self.referral.id, self.details())
        return changes


class HealthEditor(CheckSection):
    """Saves each action at once through ``services.health``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.referrals: list[OhReferral] = []
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "Occupational health referrals", on_open=self.edit)
        self.note = QLabel(NO_CLINICAL_DETAIL)
        self.note.setWordWrap(True)
        self.empty = QLabel("No occupational health referral recorded yet.")
        self.empty.setWordWrap(True)  # unwrapped, it alone made the tab scroll sideways at 200%
        self.add = button("Add &OH referral…", "Add occupational health referral")
        self.edit_button = button("Edit OH referra&l…", "Edit occupational health referral")
        self.remove = button("Remove OH re&ferral…", "Remove occupational health referral")
        self.add.clicked.connect(self.add_referral)
        self.edit_button.clicked.connect(self.edit)
        self.remove.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(button_row([self.add, self.edit_button, self.remove]))
        self._update()

    def refresh(self) -> None:
        keep = self.selected()
        self.referrals = self.services.health.referrals(self.psw_id) if self.psw_id else []
        self.model.set_rows([row_of(r) for r in self.referrals])
        fit_to_rows(self.table)
        self.empty.setVisible(not self.referrals)
        ids = [r.id for r in self.referrals]
        self.table.select_row(ids.index(keep.id) if keep and keep.id in ids else None)
        self._update()

    def selected(self) -> OhReferral | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.referrals) else self.referrals[row]

    def _update(self) -> None:
        chosen = self.selected() is not None
        self.add.setEnabled(self.psw_id is not None)
        self.edit_button.setEnabled(chosen)
        self.remove.setEnabled(chosen)

    def add_referral(self) -> None:
        if self.psw_id is not None:
            self.open_dialog(OhDialog(self.services, psw_id=self.psw_id, parent=self))

    def edit(self) -> None:
        referral = self.selected()
        if referral is not None and self.psw_id is not None:
            self.open_dialog(
                OhDialog(self.services, psw_id=self.psw_id, referral=referral, parent=self)
            )

    def remove_selected(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        on = say_date(referral.details.referred_on)
        if not message_boxes.confirm(
            self,
            title="Remove OH referral",
            text=f"Remove the occupational health referral made on {on}?",
            action="Remove",
        ):
            return
        self.run(
            "Could not remove the referral",
            lambda: self.services.health.remove_referral(referral.id),
        )
