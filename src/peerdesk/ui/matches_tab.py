"""The Matches tab of the People and peer worker forms: steps, contact log and hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.calendar import format_date
from peerdesk.domain.contacts import Contact, HoursKey, MatchId
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import Match, MatchStage
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RecordsView, RowsModel, button, button_row, short_date
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.contact_batch_dialog import ContactBatchDialog
from peerdesk.ui.contact_dialog import ContactDialog
from peerdesk.ui.document_print import print_match_summary
from peerdesk.ui.form_fields import section
from peerdesk.ui.match_step_dialog import MatchStepDialog
from peerdesk.ui.record_panel import RecordPanel
from peerdesk.ui.record_section import details_label, kept_row

EARLIEST = dt.date(1900, 1, 1)
UNSAVED_TEXT = "Save the record first: matches are shown once it is saved."


def say_hours(hours: float) -> str:
    """1.5 -> "1 h 30 min" (exact to the minute)."""
    minutes = round(hours * 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def say_month(month: str) -> str:
    """ "2026-09" -> "September 2026"."""
    return format_date(dt.date(int(month[:4]), int(month[5:]), 1)).split(" ", 1)[1]


def hours_by_month(hours: Mapping[HoursKey, float], match_id: MatchId | None = None) -> str:
    """One line per month ("September 2026: 1 h 30 min"), for one match or all of them."""
    months: dict[str, float] = {}
    for key, value in hours.items():
        if match_id is None or key.match_id == match_id:
            months[key.month] = months.get(key.month, 0.0) + value
    if not months:
        return "No attended contacts yet, so no volunteer hours."
    return "\n".join(f"{say_month(m)}: {say_hours(h)}" for m, h in sorted(months.items()))


def describe_match(match: Match, rationale: str) -> str:
    lines = []
    for step in match.history:
        line = f"{format_date(step.on)}: {step.stage.label} by {step.by}"
        if step.end_reason is not None:
            line += f" ({step.end_reason.label})"
        lines.append(line + (f" — {step.note}" if step.note else ""))
    if rationale:
        lines.append(f"Why this PSW: {rationale}")
    return "\n".join(lines)


class MatchesTab(RecordPanel):
    """One person's or one PSW's matches (``psw_side``), each step and contact saved at once."""

    def __init__(
        self, services: Services, bus: ChangeBus, *, psw_side: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, bus, psw_side=psw_side, unsaved_text=UNSAVED_TEXT, parent=parent)
        self.matches: list[Match] = []
        self.names: dict[int, str] = {}
        self.summary = details_label("Places and volunteer hours")
        self.model = RowsModel(["With", "Stage", "Since", "Last contact"], self)
        self.table = RecordsView(self.model, "Matches", on_open=self.next_step)
        self.empty = QLabel("No matches yet.")
        self.details = details_label("Steps of the selected match")
        self.step_button = button("&Next step…", "Next step")
        self.contact_button = button("&Log a contact…", "Log a contact")
        self.sheet_button = button("T&ype up a contact sheet…", "Type up a contact sheet")
        self.step_button.clicked.connect(self.next_step)
        self.contact_button.clicked.connect(self.log_contact)
        self.sheet_button.clicked.connect(self.type_up_sheet)
        self.print_button = button("Print su&mmary…", "Print summary")
        self.print_button.setToolTip(
            "Print the selected match: the coordinator's copy or the person's"
        )
        self.print_button.clicked.connect(self.print_summary)
        self.sheet_button.setVisible(psw_side)
        self.contacts_model = RowsModel(["Date", "Minutes", "How", "Took place", "Note"], self)
        self.contacts = RecordsView(self.contacts_model, "Contact log", on_open=lambda: None)
        self.hours = details_label("Volunteer hours of the selected match")

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.summary)
        buttons = [self.step_button, self.contact_button, self.sheet_button, self.print_button]
        for widget in (self.empty, self.table, self.details, button_row(buttons)):
            column.addWidget(widget)
        logged = QVBoxLayout()
        logged.addWidget(self.contacts)
        logged.addWidget(self.hours)
        column.addWidget(section("Contact log of the selected match", logged))
        column.addStretch(1)
        self.finish(inner)

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected()
        m = self.services.matches
        if self.owner is None:
            self.matches = []
        elif self.psw_side:
            self.matches = m.for_psw(PswId(self.owner))
        else:
            self.matches = m.for_person(PersonId(self.owner))
        if self.psw_side:
            rows = self.services.people.rows([x.person_id for x in self.matches])
            self.names = {r.id: r.full_name for r in rows}
        else:
            found = self.services.psws.rows([x.psw_id for x in self.matches])
            self.names = {r.id: r.full_name for r in found}
        self.model.set_rows([self._row(x) for x in self.matches])
        fit_to_rows(self.table)
        fallback = 0 if self.matches else None
        self.table.select_row(kept_row([x.id for x in self.matches], keep, fallback))
        self.summary.setText(self._summary())
        self.summary.setVisible(self.psw_side and self.owner is not None)
        self._update()

    def other(self, match: Match) -> str:
        key = match.person_id if self.psw_side else match.psw_id
        return self.names.get(key, "(not shown)")

    def _row(self, match: Match) -> list[str]:
        last = self._contacts(match.id)
        return [
            self.other(match),
            match.stage.label if match.stage else "",
            short_date(match.history[-1].on if match.history else None),
            short_date(last[-1].details.on if last else None, "none"),
        ]

    def _contacts(self, match_id: MatchId) -> list[Contact]:
        return self.services.matches.contacts(match_id)

    def _hours(self, psw_id: PswId) -> dict[HoursKey, float]:
        return self.services.matches.volunteer_hours(psw_id, EARLIEST, self.services.clock.today())

    def _summary(self) -> str:
        if not self.psw_side or self.owner is None:
            return ""
        psw_id = PswId(self.owner)
        used = self.services.matches.places_used([psw_id])[psw_id]
        left = self.services.matches.places_left([psw_id])[psw_id]
        places = f"Places used: {used}; places left: {left}."
        return f"{places}\nVolunteer hours by month (all matches):\n" + hours_by_month(
            self._hours(psw_id)
        )

    def selected(self) -> Match | None:
        return self.picked(self.matches)

    def _update(self) -> None:
        chosen = self.selected()
        self.empty.setVisible(not self.matches)
        self.table.setVisible(bool(self.matches))
        stage = chosen.stage if chosen else None
        self.step_button.setEnabled(stage is not None and not stage.is_final)
        self.contact_button.setEnabled(
            stage in (MatchStage.INTRODUCED, MatchStage.ACTIVE, MatchStage.ENDED)
        )
        self.sheet_button.setEnabled(
            any(x.stage in (MatchStage.INTRODUCED, MatchStage.ACTIVE) for x in self.matches)
        )
        self.print_button.setEnabled(chosen is not None)
        if chosen is None:
            self.details.setText("")
            self.contacts_model.set_rows([])
            self.hours.setText("")
            return
        self.details.setText(describe_match(chosen, self.services.matches.rationale(chosen.id)))
        self.contacts_model.set_rows(
            [
                [
                    short_date(c.details.on),
                    str(c.details.minutes),
                    c.details.mode.label,
                    c.details.outcome.label,
                    c.details.note,
                ]
                for c in self._contacts(chosen.id)
            ]
        )
        fit_to_rows(self.contacts)
        self.hours.setText(
            "Volunteer hours by month (this match):\n"
            + hours_by_month(self._hours(chosen.psw_id), chosen.id)
        )

    # --- acting -------------------------------------------------------------------------------

    def next_step(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.stage is not None and not chosen.stage.is_final:
            self._open(MatchStepDialog(self.services, chosen, self.other(chosen), self))

    def log_contact(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.contact_button.isEnabled():
            self._open(ContactDialog(self.services, chosen, self.other(chosen), self))

    def type_up_sheet(self) -> None:
        if self.psw_side and self.owner is not None:
            self._open(ContactBatchDialog(self.services, PswId(self.owner), self))

    def print_summary(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            print_match_summary(self, self.services, chosen.id)

    def wants(self, changes: Changes) -> bool:
        return bool(changes.matches or changes.people)


def person_matches_tab(services: Services, bus: ChangeBus) -> MatchesTab:
    """The People form's Matches tab (it names the PSW of each match)."""
    return MatchesTab(services, bus, psw_side=False)


def psw_matches_tab(services: Services, bus: ChangeBus) -> MatchesTab:
    """The peer worker form's Matches tab (names the person; places, hours, contact sheets)."""
    return MatchesTab(services, bus, psw_side=True)
