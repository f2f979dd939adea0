"""The Safeguarding tab of the peer worker and People forms: one record's concerns and follow-up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.calendar import format_date
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.safeguarding import Concern
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RecordsView, RowsModel, button, button_row, short_date
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.concern_dialogs import (
    CloseConcernDialog,
    FollowUpDialog,
    RaiseConcernDialog,
    ReopenConcernDialog,
    StepDialog,
)
from peerdesk.ui.record_panel import RecordPanel
from peerdesk.ui.record_section import details_label, kept_row

UNSAVED_TEXT = "Save the record first: safeguarding concerns can be raised once it is saved."
EMPTY_TEXT = "No safeguarding concerns recorded."
COLUMNS = ("Raised", "Status", "Closed", "Raised from")


def describe(concern: Concern) -> str:
    """The selected concern in full, for the coordinator: plain text, never rich text."""
    lines = [
        f"Raised {format_date(concern.raised_on)} from: {concern.source.label}"
        f" (recorded by {concern.recorded_by})",
        f"About: {concern.about or 'a record no longer in the vault'}",
        "",
        "Summary:",
        concern.summary,
        "",
        f"Who was told: {concern.who_told or 'not recorded'}",
        f"Referral: {concern.referral or 'not recorded'}",
    ]
    lines += ["", "Steps:" if concern.steps else "Steps: none yet"]
    lines += [f"{format_date(step.on)}: {step.text}" for step in concern.steps]
    if concern.closing is not None:
        closing = concern.closing
        incident = "yes" if closing.was_incident else "no"
        lines += [
            "",
            f"Closed {format_date(closing.on)}. Safeguarding incident: {incident}.",
            f"Closing note: {closing.note}",
        ]
    return "\n".join(lines)


class ConcernsPanel(RecordPanel):
    """One PSW's or one person's concerns (``psw_side``); every action saves at once."""

    def __init__(
        self, services: Services, bus: ChangeBus, *, psw_side: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, bus, psw_side=psw_side, unsaved_text=UNSAVED_TEXT, parent=parent)
        self.concerns: list[Concern] = []
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "Safeguarding concerns", on_open=self.add_step)
        self.caption = QLabel("Safeguarding &concerns (newest first):")
        self.caption.setBuddy(self.table)
        self.details = details_label("The selected concern")
        self.raise_button = button("&Raise a concern…", "Raise a concern")
        self.step_button = button("Add a ste&p…", "Add a step")
        self.follow_button = button("Who was tol&d, referral…", "Who was told and referral")
        self.close_button = button("Cl&ose…", "Close the concern")
        self.reopen_button = button("Re&open…", "Reopen the concern")
        self.raise_button.clicked.connect(self.raise_concern)
        self.step_button.clicked.connect(self.add_step)
        self.follow_button.clicked.connect(self.follow_up)
        self.close_button.clicked.connect(self.close_concern)
        self.reopen_button.clicked.connect(self.reopen)
        self.for_selected = (self.step_button, self.follow_button, self.close_button)

        inner = QWidget()
        column = QVBoxLayout(inner)
        buttons = [self.raise_button, *self.for_selected, self.reopen_button]
        for widget in (self.caption, self.empty, self.table, button_row(buttons), self.details):
            column.addWidget(widget)
        column.addStretch(1)
        self.finish(inner)

    # --- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected()
        if self.owner is None:
            self.concerns = []
        elif self.psw_side:
            self.concerns = self.services.concerns.for_psw(PswId(self.owner))
        else:
            self.concerns = self.services.concerns.for_person(PersonId(self.owner))
        self.model.set_rows(
            [
                [
                    short_date(c.raised_on),
                    c.status.label,
                    short_date(c.closing.on if c.closing else None, "—"),
                    c.source.label,
                ]
                for c in self.concerns
            ]
        )
        fit_to_rows(self.table)
        ids = [c.id for c in self.concerns]
        self.table.select_row(kept_row(ids, keep, 0 if self.concerns else None))
        self._update()

    def selected(self) -> Concern | None:
        return self.picked(self.concerns)

    def _update(self) -> None:
        chosen = self.selected()
        self.empty.setVisible(not self.concerns)
        self.table.setVisible(bool(self.concerns))
        is_open = chosen is not None and chosen.is_open
        for made in self.for_selected:
            made.setVisible(chosen is None or is_open)
            made.setEnabled(is_open)
        self.reopen_button.setVisible(chosen is not None and not is_open)
        self.details.setText(describe(chosen) if chosen is not None else "")
        self.details.setVisible(chosen is not None)

    # --- actions ----------------------------------------------------------------------------------

    def raise_concern(self) -> None:
        if self.owner is None:
            return
        about = self.owner_name()
        psw_id = PswId(self.owner) if self.psw_side else None
        person_id = None if self.psw_side else PersonId(self.owner)
        self._open(
            RaiseConcernDialog(
                self.services, psw_id=psw_id, person_id=person_id, about=about, parent=self
            )
        )

    def add_step(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.is_open:
            self._open(StepDialog(self.services, chosen, self))

    def follow_up(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.is_open:
            self._open(FollowUpDialog(self.services, chosen, self))

    def close_concern(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.is_open:
            self._open(CloseConcernDialog(self.services, chosen, self))

    def reopen(self) -> None:
        chosen = self.selected()
        if chosen is not None and not chosen.is_open:
            self._open(ReopenConcernDialog(self.services, chosen, self))

    def wants(self, changes: Changes) -> bool:
        return bool(changes.concerns or changes.psws)


def psw_concerns_tab(services: Services, bus: ChangeBus) -> ConcernsPanel:
    """The peer worker form's Safeguarding tab."""
    return ConcernsPanel(services, bus, psw_side=True)


def person_concerns_tab(services: Services, bus: ChangeBus) -> ConcernsPanel:
    """The People form's Safeguarding tab."""
    return ConcernsPanel(services, bus, psw_side=False)
