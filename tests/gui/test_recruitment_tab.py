"""The Recruitment tab, driven by keyboard and mouse: support, interviews and leaving outcomes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.interview import InterviewOutcome
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.leaving import LeavingOutcome, RouteAnswer, RouteOffered
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.interview_dialog import InterviewDialog
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.recruitment_tab import UNSAVED_TEXT, RecruitmentTab
from peerdesk.ui.support_editor import SupportDialog
from tests.gui.dialog_helpers import open_dialog, retype, shown_problems
from tests.gui.typing_helpers import type_text, unnamed

D = dt.date
SHORT_NOTICE = (
    "Warning: Questions were shared 9 hours before the interview; at least 24 hours is expected."
)
NO_LIVED_EXPERIENCE = "Warning: No panel member with lived experience."


@pytest.fixture
def psw_id(services: Services) -> PswId:
    psw, _ = services.psws.create(
        PswDetails(full_name="Alexandra Quinn", known_as="Alex"), status=JourneyStatus.INTERVIEW
    )
    return psw.id


@pytest.fixture
def tab(form: PswForm, services: Services, psw_id: PswId, qtbot: QtBot) -> RecruitmentTab:
    form.load(services.psws.get(psw_id))
    form.tabs.setCurrentWidget(form.recruitment)
    qtbot.wait(0)
    return form.recruitment


def type_moment(qtbot: QtBot, field: object, day: str, time: str) -> None:
    retype(qtbot, field.date, day)  # type: ignore[attr-defined]
    retype(qtbot, field.time, time)  # type: ignore[attr-defined]


def add_panel_member(qtbot: QtBot, dialog: InterviewDialog, name: str, role: str) -> None:
    """Add a row by keyboard: the name cell opens for typing; Right, then type the role."""
    qtbot.keyClick(dialog.panel.add, Qt.Key.Key_Space)
    editor = dialog.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    table = dialog.panel.table
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = dialog.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, role)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_new_record_says_to_save_first(form: PswForm) -> None:
    form.tabs.setCurrentWidget(form.recruitment)
    assert form.tabs.tabText(form.tabs.currentIndex()) == "Recruitment"
    assert form.recruitment.unsaved.isVisible()
    assert form.recruitment.unsaved.text() == UNSAVED_TEXT
    assert not form.recruitment.body.isVisible()


def test_add_support_by_keyboard(
    tab: RecruitmentTab, form: PswForm, services: Services, psw_id: PswId, qtbot: QtBot,
    published: list[Changes],
) -> None:  # fmt: skip
    support = tab.support
    assert support.empty.isVisible()
    qtbot.keyClick(support.add, Qt.Key.Key_Space)
    dialog = support.dialog
    assert isinstance(dialog, SupportDialog) and dialog.isVisible()
    assert dialog.focusWidget() is dialog.kind
    type_text(qtbot, dialog.kind.lineEdit(), "Practice interview")  # type: ignore[arg-type]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.given_by
    type_text(qtbot, dialog.given_by, "Zoë Nguyễn 李")
    retype(qtbot, dialog.on, "20/11/2026")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    [entry] = services.interviews.support(psw_id)
    assert (entry.details.on, entry.details.kind, entry.details.given_by) == (
        D(2026, 11, 20), "Practice interview", "Zoë Nguyễn 李"
    )  # fmt: skip
    assert [support.model.index(0, c).data() for c in range(3)] == [
        "20 Nov 2026", "Practice interview", "Zoë Nguyễn 李"
    ]  # fmt: skip
    assert published and psw_id in published[-1].recruitment
    assert not form.is_dirty()


def test_support_needs_a_kind(tab: RecruitmentTab, qtbot: QtBot) -> None:
    dialog = open_dialog(tab.support.add, tab.support)
    dialog.ok.click()
    assert dialog.isVisible()
    assert "Error: Say what kind of support was given." in shown_problems(dialog)


def test_short_notice_warns_live_and_still_saves(
    tab: RecruitmentTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    dialog = open_dialog(tab.interviews.add, tab.interviews)
    assert isinstance(dialog, InterviewDialog)
    type_moment(qtbot, dialog.held_at, "20/11/2026", "14:00")
    type_moment(qtbot, dialog.questions_shared_at, "20/11/2026", "05:00")
    warning = dialog.problems["questions_shared_at"]
    assert warning.isVisible() and warning.text() == SHORT_NOTICE
    add_panel_member(qtbot, dialog, "Jo Bell", "Coordinator")
    qtbot.keyClick(dialog.panel.table, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.panel.table, Qt.Key.Key_Space)  # lived experience: yes
    assert dialog.panel.model.index(0, 2).data() == "Yes"
    assert not dialog.problems["panel"].isVisible()
    assert warning.isVisible()
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    [saved] = services.interviews.interviews(psw_id)
    assert saved.details.held_at == dt.datetime(2026, 11, 20, 14, 0)
    assert saved.details.questions_shared_at == dt.datetime(2026, 11, 20, 5, 0)
    assert [(m.name, m.role, m.lived_experience) for m in saved.details.panel] == [
        ("Jo Bell", "Coordinator", True)
    ]
    table = tab.interviews.table
    assert [table.model().index(0, c).data() for c in range(3)] == [
        "20 Nov 2026 14:00", "Individual", "Pending"
    ]  # fmt: skip
    table.selectRow(0)
    assert SHORT_NOTICE in tab.interviews.details.text()


def test_a_panel_without_lived_experience_warns(tab: RecruitmentTab, qtbot: QtBot) -> None:
    dialog = open_dialog(tab.interviews.add, tab.interviews)
    assert isinstance(dialog, InterviewDialog)
    type_moment(qtbot, dialog.held_at, "20/11/2026", "14:00")
    add_panel_member(qtbot, dialog, "Sam Okafor", "Peer trainer")
    label = dialog.problems["panel"]
    assert label.isVisible() and label.text() == NO_LIVED_EXPERIENCE
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(InterviewOutcome.OFFERED))
    dialog.ok.click()
    assert not dialog.isVisible()  # a warning never blocks
    assert tab.interviews.model.index(0, 2).data() == "Offered"


def test_questions_shared_after_the_interview_are_refused(
    tab: RecruitmentTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    dialog = open_dialog(tab.interviews.add, tab.interviews)
    type_moment(qtbot, dialog.held_at, "20/11/2026", "14:00")  # type: ignore[attr-defined]
    type_moment(qtbot, dialog.questions_shared_at, "20/11/2026", "15:30")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert dialog.isVisible()
    label = dialog.problems["questions_shared_at"]
    assert label.text() == (
        "Error: The questions were shared after the interview: check both dates and times."
    )
    assert dialog.focusWidget() is dialog.questions_shared_at.date  # type: ignore[attr-defined]
    assert services.interviews.interviews(psw_id) == []
    retype(qtbot, dialog.held_at.time, "25:00")  # type: ignore[attr-defined]
    assert "Error: The interview time: There is no time" in shown_problems(dialog)


def test_editing_shows_the_stored_warnings(
    tab: RecruitmentTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    from peerdesk.domain.interview import InterviewDetails

    held = dt.datetime(2026, 11, 20, 14, 0)
    services.interviews.add_interview(
        psw_id, InterviewDetails(held, questions_shared_at=held - dt.timedelta(hours=9))
    )
    tab.refresh()
    tab.interviews.table.selectRow(0)
    dialog = open_dialog(tab.interviews.edit_button, tab.interviews)
    assert dialog.windowTitle() == "Edit interview"
    assert dialog.problems["questions_shared_at"].text() == SHORT_NOTICE
    assert dialog.problems["panel"].text() == NO_LIVED_EXPERIENCE
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(InterviewOutcome.WITHDREW))  # type: ignore[attr-defined]
    dialog.ok.click()
    assert services.interviews.interviews(psw_id)[0].details.outcome is InterviewOutcome.WITHDREW


def test_controls_are_named(tab: RecruitmentTab, form: PswForm, qtbot: QtBot) -> None:
    assert unnamed(form) == []
    dialog = open_dialog(tab.interviews.add, tab.interviews)
    add_panel_member(qtbot, dialog, "Jo", "Chair")  # type: ignore[arg-type]
    assert unnamed(dialog) == []
    assert dialog.held_at.time.accessibleName() == "Interview time"  # type: ignore[attr-defined]
    model = dialog.panel.model  # type: ignore[attr-defined]
    assert model.index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole) == "Lived experience: no"
    dialog.reject()
    dialog = open_dialog(tab.support.add, tab.support)
    assert unnamed(dialog) == []


def test_table_models_pass_qtmodeltester(
    tab: RecruitmentTab, services: Services, psw_id: PswId, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    dialog = open_dialog(tab.interviews.add, tab.interviews)
    add_panel_member(qtbot, dialog, "Jo Bell", "Chair")  # type: ignore[arg-type]
    qtmodeltester.check(dialog.panel.model)  # type: ignore[attr-defined]
    type_moment(qtbot, dialog.held_at, "20/11/2026", "14:00")
    dialog.ok.click()
    dialog = open_dialog(tab.support.add, tab.support)
    type_text(qtbot, dialog.kind.lineEdit(), "Information session")  # type: ignore[attr-defined]
    dialog.ok.click()
    qtmodeltester.check(tab.support.model)
    qtmodeltester.check(tab.interviews.model)


def test_leaving_outcome_shows_after_leaving_from_interview(
    tab: RecruitmentTab, services: Services, psw_id: PswId, bus: ChangeBus, qtbot: QtBot,
    qtmodeltester: ModelTester,
) -> None:  # fmt: skip
    assert not tab.leaving_box.isVisible()
    psw = services.psws.get(psw_id)
    _, changes = services.psws.change_status(
        psw_id,
        JourneyStatus.LEFT,
        on=D(2026, 11, 23),
        reason="Not offered a role",
        version=psw.version,
        leaving=LeavingOutcome(
            "Not offered this time; keen to stay in touch",
            (RouteOffered("Recovery college course", D(2026, 11, 21), RouteAnswer.ACCEPTED),),
        ),
    )
    bus.publish(changes)
    assert tab.leaving_box.isVisible()
    assert tab.leaving.texts() == [
        "Left on 23 November 2026. Outcome: Not offered this time; keen to stay in touch"
    ]
    [model] = tab.leaving.models
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(3)] == [
        "Recovery college course", "21 Nov 2026", "Accepted"
    ]  # fmt: skip
    assert tab.leaving.tables[0].accessibleName() == "Other routes offered"
