"""Goal progress in the supervision form: a note and a new status per open goal, saved with it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from peerdesk.domain.goals import GoalDraft, GoalStatus
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.goals_editor import goal_text
from peerdesk.ui.supervision_dialog import SupervisionDialog
from peerdesk.ui.supervision_tab import SupervisionTab
from tests.gui.dialog_helpers import retype, shown_problems
from tests.gui.typing_helpers import type_text, unnamed
from tests.unit.services.checks_helpers import new_psw


@pytest.fixture
def tab(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SupervisionTab]:
    widget = SupervisionTab(services, bus)
    widget.resize(1000, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _open(qtbot: QtBot, tab: SupervisionTab) -> SupervisionDialog:
    tab.record_button.setFocus()
    qtbot.keyClick(tab.record_button, Qt.Key.Key_Space)
    dialog = tab.dialog
    assert isinstance(dialog, SupervisionDialog) and dialog.isVisible()
    return dialog


def test_progress_and_status_saved_with_the_session(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    smart, _ = services.reviews.add_goal(
        psw, GoalDraft("Lead a group session", "Co-facilitate twice", dt.date(2027, 3, 31))
    )
    loose, _ = services.reviews.add_goal(psw, GoalDraft("Learn about <b>benefits</b>"))
    done, _ = services.reviews.add_goal(psw, GoalDraft("Finish induction"))
    services.reviews.set_goal_status(done, GoalStatus.ACHIEVED)
    tab.show_psw(psw)
    dialog = _open(qtbot, tab)
    assert unnamed(dialog) == []
    headings = [row.heading.text() for row in dialog.goals.rows]
    assert headings == [
        "Goal: Lead a group session (on track; target 31 March 2027; measure: Co-facilitate twice)",
        "Goal: Learn about <b>benefits</b> (on track; "
        "not yet SMART: needs a measure and a target date)",
    ]  # the achieved goal is not offered; user text shows as typed
    assert dialog.goals.rows[1].heading.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClicks(dialog.supervisor, "Sam Lee")
    retype(qtbot, dialog.held_on, "10/11/2026")
    first = dialog.goals.rows[0]
    type_text(qtbot, first.note, "Co-facilitated the Tuesday group with Zoë.")
    second = dialog.goals.rows[1]
    second.status.setFocus()
    qtbot.keyClick(second.status, Qt.Key.Key_Down)  # On track -> At risk
    assert second.status.currentText() == "At risk"
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(second.note)
    dialog.grab().save("/tmp/shots/supervision_goals.png")
    dialog.ok.setFocus()
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible(), shown_problems(dialog)
    assert dialog.changes.reviews
    goals = {g.id: g for g in services.reviews.goals(psw)}
    [note] = goals[smart].progress
    assert (note.on, note.note, note.session_id) == (
        dt.date(2026, 11, 10),
        "Co-facilitated the Tuesday group with Zoë.",
        dialog.session_id,
    )
    shown = goal_text(goals[smart])
    assert "Progress 10 November 2026 (in supervision):" in shown
    assert "Co-facilitated the Tuesday group with Zoë." in shown
    assert goals[loose].status is GoalStatus.AT_RISK and goals[loose].progress == ()
    assert goals[smart].status is GoalStatus.ON_TRACK


def test_refused_session_keeps_the_typed_progress(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    goal, _ = services.reviews.add_goal(psw, GoalDraft("Lead a group session"))
    tab.show_psw(psw)
    dialog = _open(qtbot, tab)
    type_text(qtbot, dialog.goals.rows[0].note, "Went well")
    dialog.ok.setFocus()
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)  # no supervisor: refused
    assert dialog.isVisible()
    assert "Enter the supervisor's name." in shown_problems(dialog)
    assert dialog.goals.rows[0].note.toPlainText() == "Went well"
    assert services.reviews.goals(psw)[0].progress == ()
    assert services.reviews.goals(psw)[0].id == goal


def test_no_open_goals_no_goal_rows(qtbot: QtBot, tab: SupervisionTab, services: Services) -> None:
    psw = new_psw(services)
    tab.show_psw(psw)
    dialog = _open(qtbot, tab)
    assert dialog.goals.rows == [] and dialog.goals.updates() == ()
