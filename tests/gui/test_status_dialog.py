"""The status dialog: only the pipeline's moves, reasons, leaving early, refusals kept in view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.leaving import LeavingOutcome, RouteAnswer, RouteOffered
from peerdesk.domain.psw import Psw, PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.journey_panel import JourneyPanel
from peerdesk.ui.psw_commands import CommandContext
from peerdesk.ui.status_change import ask_status_change
from peerdesk.ui.status_dialog import ChangeStatusDialog
from tests.gui.typing_helpers import answer_next_modal, type_text, unnamed

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def context(services: Services) -> Iterator[CommandContext]:
    stack = QUndoStack()
    yield CommandContext(services, ChangeBus(), stack)
    stack.clear()


def make(services: Services, status: JourneyStatus, since: dt.date | None = None) -> Psw:
    details = PswDetails(full_name="Alexandra Quinn", known_as="Alex")
    psw, _ = services.psws.create(details, status=status, since=since)
    return psw


def offered(dialog: ChangeStatusDialog) -> list[str]:
    return [dialog.status.itemText(i) for i in range(dialog.status.count())]


def choose(dialog: ChangeStatusDialog, label: str) -> None:
    dialog.status.setCurrentIndex(dialog.status.findText(label))


def test_only_allowed_moves_are_offered(qtbot: QtBot) -> None:
    enquiry = ChangeStatusDialog(name="Alex", current=JourneyStatus.ENQUIRY, today=TODAY)
    qtbot.addWidget(enquiry)
    assert offered(enquiry) == ["Move on to application", "Pause", "Leave"]
    assert enquiry.status.currentText() == "Move on to application"
    assert enquiry.ok.isEnabled() and "optional" in enquiry.reason_label.text()

    interview = ChangeStatusDialog(name="Alex", current=JourneyStatus.INTERVIEW, today=TODAY)
    qtbot.addWidget(interview)
    assert offered(interview) == [
        "Move on to checks",
        "Back to application",
        "Back to enquiry",
        "Pause",
        "Leave",
    ]
    assert "Interview" not in offered(interview) and "Active" not in offered(interview)
    choose(interview, "Back to enquiry")
    assert not interview.ok.isEnabled()
    assert "required" in interview.reason_label.text()
    assert "Error: Say why they are moving to enquiry" in interview.problems.text()
    type_text(qtbot, interview.reason, "Wants to think again")
    assert interview.ok.isEnabled()
    assert interview.request().new is JourneyStatus.ENQUIRY

    active = ChangeStatusDialog(name="Alex", current=JourneyStatus.ACTIVE, today=TODAY)
    qtbot.addWidget(active)
    assert active.status.currentText() == "Pause"
    assert "Move on" not in " ".join(offered(active))


def test_leaving_early_asks_for_the_outcome_and_routes(
    qtbot: QtBot, services: Services, context: CommandContext
) -> None:
    psw = make(services, JourneyStatus.INTERVIEW)

    def fill(modal: QWidget) -> None:
        assert isinstance(modal, ChangeStatusDialog)
        assert modal.leaving.isHidden()
        choose(modal, "Leave")
        assert not modal.leaving.isHidden()
        type_text(qtbot, modal.reason, "Moving to Leeds")
        assert "Error: Say what the outcome was" in modal.problems.text()
        assert not modal.ok.isEnabled()
        type_text(qtbot, modal.leaving.outcome, "Will apply again; keen on the course")
        route = modal.leaving.add_route()
        route.route.setCurrentText("Recovery college course")
        route.answer.setCurrentIndex(route.answer.findData(RouteAnswer.ACCEPTED))
        assert unnamed(modal) == []
        assert modal.ok.isEnabled()
        modal.ok.click()

    answer_next_modal(fill)
    assert ask_status_change(context, services.psws.get(psw.id), parent=None)
    stored = services.psws.get(psw.id)
    assert stored.status is JourneyStatus.LEFT
    assert [r.outcome for r in services.psws.leaving_outcomes(psw.id)] == [
        LeavingOutcome(
            "Will apply again; keen on the course",
            (RouteOffered("Recovery college course", TODAY, RouteAnswer.ACCEPTED),),
        )
    ]
    context.stack.undo()
    assert services.psws.get(psw.id).status is JourneyStatus.INTERVIEW
    assert services.psws.leaving_outcomes(psw.id) == []


def test_a_refused_activation_is_shown_in_the_dialog(
    qtbot: QtBot, services: Services, context: CommandContext
) -> None:
    psw = make(services, JourneyStatus.INDUCTION)
    seen: list[str] = []

    def attempt(modal: QWidget) -> None:
        assert isinstance(modal, ChangeStatusDialog)
        assert modal.status.currentText() == "Move on to active"
        modal.ok.click()
        assert modal.isVisible()  # still open, the reasons in view
        seen.append(modal.refusal.text())
        type_text(qtbot, modal.reason, "x")  # any edit clears the out-of-date refusal
        seen.append(modal.refusal.text())
        modal.reject()

    answer_next_modal(attempt)
    assert not ask_status_change(context, services.psws.get(psw.id), parent=None)
    assert seen[0].startswith("Error: Alex cannot become active yet: DBS (enhanced) not recorded")
    assert seen[1] == ""
    assert services.psws.get(psw.id).status is JourneyStatus.INDUCTION
    assert context.stack.count() == 0


def test_journey_panel_shows_recorder_and_stalled_in_words(
    qtbot: QtBot, services: Services
) -> None:
    services.settings.set_coordinator_name("Dana Kerr")
    psw = make(services, JourneyStatus.INTERVIEW, since=TODAY - dt.timedelta(days=30))
    panel = JourneyPanel()
    qtbot.addWidget(panel)
    panel.use_services(services)
    panel.show_psw(services.psws.get(psw.id))
    assert panel.history.horizontalHeaderItem(4).text() == "Recorded by"
    assert panel.history.item(0, 4).text() == "Dana Kerr"
    assert panel.note.text() == "Stalled: 30 days at interview (target 21)."
    assert not panel.note.isHidden()
    services.settings.set_stage_targets({JourneyStatus.INTERVIEW: 40})
    panel.show_psw(services.psws.get(psw.id))
    assert panel.note.isHidden()
