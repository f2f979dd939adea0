"""The Review tab: hold a review by keyboard, see goals "not yet SMART", agree, Needs attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails, Role
from peerdesk.domain.reviews import ReviewForm
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.framework_editor import FrameworkSection
from peerdesk.ui.goals_editor import ProgressDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.review_dialog import ReviewDialog
from peerdesk.ui.review_tab import ReviewAgreeDialog, ReviewTab
from tests.gui.dialog_helpers import retype, shown_problems
from tests.gui.test_needs_attention_page import shown_rows
from tests.gui.test_supervision_policy import choose
from tests.gui.test_supervision_tab import press
from tests.gui.typing_helpers import type_text, unnamed
from tests.unit.services.checks_helpers import new_psw

D = dt.date


@pytest.fixture
def tab(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[ReviewTab]:
    widget = ReviewTab(services, bus)
    widget.resize(1000, 900)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def open_review(qtbot: QtBot, tab: ReviewTab) -> ReviewDialog:
    press(qtbot, tab.hold_button)
    dialog = tab.dialog
    assert isinstance(dialog, ReviewDialog) and dialog.isVisible()
    return dialog


def test_hold_a_volunteer_review_by_keyboard_and_see_the_goals(
    qtbot: QtBot, tab: ReviewTab, services: Services
) -> None:
    psw = new_psw(services, role=Role.VOLUNTEER)
    tab.show_psw(psw)
    assert tab.message.text() == "No annual reviews yet."
    dialog = open_review(qtbot, tab)
    assert unnamed(dialog) == []
    assert dialog.chosen_form() is ReviewForm.VOLUNTEER
    assert not dialog.entries.ratings[next(iter(dialog.entries.ratings))].isVisible()
    assert "no names" in dialog.hints["feedback"].text()
    qtbot.keyClicks(dialog.reviewer, "Sam Lee")
    retype(qtbot, dialog.held_on, "02/11/2026")
    first = next(iter(dialog.entries.comments.values()))
    type_text(qtbot, first, "Listens <b>well</b>")
    type_text(qtbot, dialog.feedback, "Two people said walks helped.")
    type_text(qtbot, dialog.goal_what, "Lead a walk")
    press(qtbot, dialog.add_goal_button)
    type_text(qtbot, dialog.goal_what, "Co-facilitate a group")
    qtbot.keyClicks(dialog.goal_measure, "Two sessions")
    qtbot.keyClicks(dialog.goal_by, "01/03/2027")
    press(qtbot, dialog.add_goal_button)
    assert "Lead a walk — not yet SMART: needs a measure and a target date" in (
        dialog.goals_label.text()
    )
    choose(qtbot, dialog.topic, services.training.topics()[0].name)
    qtbot.keyClicks(dialog.need_note, "groups")
    press(qtbot, dialog.add_need_button)
    press(qtbot, dialog.career[next(iter(dialog.career))])
    dialog.resize(900, 1400)
    dialog.grab().save("/tmp/shots/review_dialog.png")
    press(qtbot, dialog.ok)
    assert not dialog.isVisible(), shown_problems(dialog)

    assert "Volunteer (lighter) annual review on 2 November 2026 with Sam Lee." in tab.detail.text()
    assert "Listens <b>well</b>" in tab.detail.text()  # plain text, as typed
    assert tab.model.index(0, 3).data() == "2 Nov 2027"
    goals = tab.goals
    cells = [[goals.model.index(r, c).data() for c in range(6)] for r in range(2)]
    assert ["Co-facilitate a group", "Two sessions", "1 Mar 2027", "On track", "SMART", ""] in cells
    walk = next(c for c in cells if c[0] == "Lead a walk")
    assert walk[4] == "not yet SMART: needs a measure and a target date"
    assert [n.source for n in services.training.needs(psw)] == [
        "Annual review 2 November 2026: groups"
    ]
    tab.grab().save("/tmp/shots/review_tab.png")


def test_a_review_before_the_last_is_refused_and_nothing_is_lost(
    qtbot: QtBot, tab: ReviewTab, services: Services
) -> None:
    tab.show_psw(new_psw(services, role=Role.PAID))
    dialog = open_review(qtbot, tab)
    assert dialog.chosen_form() is ReviewForm.PAID
    qtbot.keyClicks(dialog.reviewer, "Sam Lee")
    press(qtbot, dialog.ok)
    assert not dialog.isVisible()
    dialog = open_review(qtbot, tab)
    qtbot.keyClicks(dialog.reviewer, "Sam Lee")
    type_text(qtbot, dialog.reflection, "Keep me")
    retype(qtbot, dialog.held_on, "01/01/2026")
    press(qtbot, dialog.ok)
    assert dialog.isVisible()
    assert "a new one cannot be dated before it" in shown_problems(dialog)
    assert dialog.reflection.toPlainText() == "Keep me"


def test_agree_locks_and_progress_is_added(
    qtbot: QtBot, tab: ReviewTab, services: Services
) -> None:
    tab.show_psw(new_psw(services))
    dialog = open_review(qtbot, tab)
    qtbot.keyClicks(dialog.reviewer, "Sam Lee")
    type_text(qtbot, dialog.goal_what, "Lead a walk")
    press(qtbot, dialog.add_goal_button)
    press(qtbot, dialog.ok)
    press(qtbot, tab.agree_button)
    agree = tab.dialog
    assert isinstance(agree, ReviewAgreeDialog)
    press(qtbot, agree.ok)
    assert "Locked: agreed by the PSW on 23 November 2026" in tab.detail.text()
    assert not tab.agree_button.isEnabled()
    press(qtbot, tab.goals.progress_button)
    progress = tab.goals.dialog
    assert isinstance(progress, ProgressDialog)
    type_text(qtbot, progress.note, "Planned the route")
    press(qtbot, progress.ok)
    assert "Progress 23 November 2026:\nPlanned the route" in tab.goals.detail.text()


def test_framework_editor_adds_and_retires(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    section = FrameworkSection(services, bus)
    qtbot.addWidget(section)
    section.show()
    assert section.list.item(0).text() == "Domain: Values and principles of peer support"
    section.list.setCurrentRow(1)
    retype(qtbot, section.name, "Recovery ideas")
    press(qtbot, section.add_competence_button)
    assert section.list.item(2).text() == "    Competence: Recovery ideas"
    press(qtbot, section.retire_button)
    assert section.list.item(2).text() == "    Competence: Recovery ideas (retired)"
    assert "past reviews keep it" in section.status.text()
    section.grab().save("/tmp/shots/framework_editor.png")


def test_needs_attention_shows_the_first_review_due(qtbot: QtBot, services: Services) -> None:
    services.psws.create(
        PswDetails(full_name="Nia Cole", role=Role.PAID),
        status=JourneyStatus.ACTIVE,
        since=D(2025, 12, 1),
    )
    window = MainWindow(services)
    qtbot.addWidget(window, before_close_func=lambda w: w.psw_page.form.load(None))
    window.show()
    qtbot.waitExposed(window)
    rows = shown_rows(window.attention_page)
    assert any("First annual review due 1 December 2026" in " ".join(r) for r in rows), rows
    window.undo_stack.clear()
    QApplication.processEvents()
