"""The Occupational health section of the Checks tab: referrals and their outcomes only."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from peerdesk.domain.check_records import OhDetails, OhReferral
from peerdesk.domain.check_rules import oh_problems
from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import OhOutcome
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import (
    CheckDialog,
    DateField,
    button,
    say_date,
    short_date,
)
from peerdesk.ui.record_section import RecordSectionEditor

COLUMNS = ("Referred on", "Outcome", "Outcome date")
NONE_YET = "No occupational health referral recorded yet."
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


class HealthEditor(RecordSectionEditor[OhReferral]):
    """Saves each action at once through ``services.health``."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            parent,
            COLUMNS,
            "Occupational health referrals",
            row_of,
            NONE_YET,
            on_open=self.edit,
        )
        self.note = QLabel(NO_CLINICAL_DETAIL)
        self.note.setWordWrap(True)
        self.add = button("Add &OH referral…", "Add occupational health referral")
        self.edit_button = button("Edit OH referra&l…", "Edit occupational health referral")
        self.remove = button("Remove OH re&ferral…", "Remove occupational health referral")
        self.for_selected = [self.edit_button, self.remove]
        self.add.clicked.connect(self.add_referral)
        self.edit_button.clicked.connect(self.edit)
        self.remove.clicked.connect(self.remove_selected)
        self.lay_out([self.note, self.empty, self.table], [self.add, *self.for_selected])

    @property
    def referrals(self) -> list[OhReferral]:
        return self.records

    def fetch(self, psw_id: PswId) -> list[OhReferral]:
        return self.services.health.referrals(psw_id)

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
        if referral is not None:
            self.remove_after_asking(
                "Remove OH referral",
                "Remove the occupational health referral made on "
                f"{say_date(referral.details.referred_on)}?",
                "Could not remove the referral",
                lambda: self.services.health.remove_referral(referral.id),
            )
