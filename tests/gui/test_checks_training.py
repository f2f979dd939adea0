"""The Checks tab's induction, training and adjustments sections, by keyboard and mouse."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.domain.check_records import AdjustmentDetails, AdjustmentStatus
from peerdesk.domain.ids import PswId
from peerdesk.domain.training import CourseDetails, NeedStatus
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.adjustments_editor import NEVER_DELETED, AdjustmentDialog
from peerdesk.ui.checks_tab import ChecksTab
from peerdesk.ui.induction_dialogs import InductionItemDialog, StartInductionDialog
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.training_dialogs import CourseDialog, NeedDialog, TrainingRecordDialog
from tests.gui.dialog_helpers import click_row, open_dialog, retype, shown_problems
from tests.gui.typing_helpers import interactive_widgets, tab_through, type_text, unnamed

D = dt.date
MENTOR = "Zoë Nguyễn 李"


def summary_line(tab: ChecksTab, name: str) -> str:
    [line] = [t for t in tab.summary.texts() if f"\u2014 {name} " in t]
    return line


# --- induction ----------------------------------------------------------------------------------


def test_induction_from_the_template_to_complete(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    ind = tab.induction
    assert summary_line(tab, "Induction") == (
        "Blocks activation: Missing \u2014 Induction not recorded"
    )
    assert ind.not_started.isVisible()
    assert ind.start.isVisible()
    assert not ind.table.isVisible()
    assert not ind.done.isVisible()

    dialog = open_dialog(ind.start, ind)
    assert isinstance(dialog, StartInductionDialog)
    assert "Welcome and introductions; E-learning modules" in dialog.note.text()
    type_text(qtbot, dialog.mentor, MENTOR)
    retype(qtbot, dialog.due_on, "31/11/2026")
    assert "There is no day 31/11/2026" in dialog.problems["due_on"].text()
    dialog.ok.click()
    assert dialog.isVisible()
    retype(qtbot, dialog.due_on, "18/12/2026")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()

    induction = services.induction.induction(psw_id)
    assert induction.mentor == MENTOR
    assert [i.due_on for i in induction.items] == [D(2026, 12, 18)] * 5
    assert not ind.start.isVisible()
    assert ind.model.rowCount() == 5
    assert ind.model.index(0, 0).data() == "Welcome and introductions"
    assert ind.model.index(0, 1).data() == "18 Dec 2026"
    assert ind.model.index(0, 2).data() == "not done"
    assert ind.mentor.text() == f"Mentor or buddy: {MENTOR}"
    assert ind.progress.text() == "0 of 5 items done."
    assert summary_line(tab, "Induction") == (
        "Blocks activation: In progress \u2014 Induction started, not completed"
    )

    for row in range(5):
        click_row(qtbot, ind.table, row)
        assert ind.details.text().endswith("not done yet.")
        qtbot.keyClick(ind.table, Qt.Key.Key_Return)
        item = ind.dialog
        assert isinstance(item, InductionItemDialog)
        assert item.done_on.text() == "23/11/2026"  # today is offered
        if row == 0:
            retype(qtbot, item.done_on, "24/11/2026")
            assert "Error: The done date cannot be in the future." in (
                item.problems["done_on"].text()
            )
            item.ok.click()
            assert item.isVisible()
            retype(qtbot, item.done_on, "20/11/2026")
        type_text(qtbot, item.confirmed_by, "Priya Shah")
        item.ok.click()
        assert not item.isVisible(), shown_problems(item)

    assert ind.model.index(0, 2).data() == "20 Nov 2026"
    assert ind.model.index(4, 3).data() == "Priya Shah"
    assert ind.progress.text() == (
        "Induction complete: every item done, the last on 23 November 2026."
    )
    line = summary_line(tab, "Induction")
    assert not line.startswith("Blocks activation")
    assert "not recorded" not in line
    assert line == "Valid \u2014 Induction complete"


def test_an_extra_item_added_then_removed_and_the_mentor_changed(
    tab: ChecksTab,
    services: Services,
    psw_id: PswId,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, changes = services.induction.start(psw_id)
    tab.bus.publish(changes)
    ind = tab.induction
    assert ind.mentor.text() == "No mentor or buddy named yet."

    dialog = open_dialog(ind.add, ind)
    dialog.ok.click()
    assert "Enter the item name." in dialog.problems["name"].text()
    type_text(qtbot, dialog.name, "Lone working briefing")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert not dialog.isVisible()
    assert ind.model.rowCount() == 6
    assert ind.model.index(5, 0).data() == "Lone working briefing"
    assert ind.model.index(5, 1).data() == "no due date"

    answers = [False, True]
    monkeypatch.setattr(message_boxes, "confirm", lambda *_a, **_k: answers.pop(0))
    click_row(qtbot, ind.table, 5)
    ind.remove.click()
    assert ind.model.rowCount() == 6
    ind.remove.click()
    assert [i.name for i in services.induction.induction(psw_id).items][-1] == "Shadowing"
    assert ind.model.rowCount() == 5

    mentor = open_dialog(ind.set_mentor, ind)
    type_text(qtbot, mentor.mentor, "Sam Ortiz")  # type: ignore[attr-defined]
    mentor.ok.click()
    assert not mentor.isVisible()
    assert ind.mentor.text() == "Mentor or buddy: Sam Ortiz"


# --- training -----------------------------------------------------------------------------------


def test_a_safeguarding_adults_record_makes_the_requirement_valid(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    assert summary_line(tab, "Safeguarding adults").startswith("Blocks activation: Missing")
    training = tab.training
    assert training.empty.isVisible()

    dialog = open_dialog(training.add, training)
    assert isinstance(dialog, TrainingRecordDialog)
    assert dialog.done_on.text() == "23/11/2026"
    dialog.ok.click()
    assert "Choose a course, or add it to the catalogue" in dialog.problems["course_id"].text()
    assert dialog.isVisible()

    dialog.new_course.click()
    course = dialog.course_dialog
    assert isinstance(course, CourseDialog)
    assert course.isVisible()
    type_text(qtbot, course.name, "Safeguarding adults level 2")
    course.topic.setFocus()
    qtbot.keyClicks(course.topic, "Safeguarding a")
    assert course.topic.currentText() == "Safeguarding adults"
    type_text(qtbot, course.provider, "Mersey Learning")
    retype(qtbot, course.hours, "3.5")
    retype(qtbot, course.validity, "0")
    assert "Error: Validity must be from 1 to" in course.problems["validity_months"].text()
    course.ok.click()
    assert course.isVisible()
    retype(qtbot, course.hours, "lots")
    assert "Hours must be a number" in course.problems["hours"].text()
    retype(qtbot, course.hours, "3.5")
    retype(qtbot, course.validity, "24")
    course.ok.click()
    assert not course.isVisible(), shown_problems(course)
    [made] = services.training.courses()
    assert made.details.validity_months == 24
    assert made.details.hours == 3.5
    assert dialog.course.currentText() == "Safeguarding adults level 2 (Safeguarding adults)"

    retype(qtbot, dialog.done_on, "24/11/2026")
    assert "cannot be in the future" in dialog.problems["done_on"].text()
    dialog.ok.click()
    assert dialog.isVisible()
    retype(qtbot, dialog.done_on, "01/11/2026")
    dialog.ok.click()
    assert not dialog.isVisible(), shown_problems(dialog)

    assert [training.model.index(0, c).data() for c in range(4)] == [
        "Safeguarding adults level 2",
        "Safeguarding adults",
        "1 Nov 2026",
        "1 Nov 2028",
    ]
    click_row(qtbot, training.table, 0)
    assert training.details.text() == (
        "Safeguarding adults level 2 (Safeguarding adults): done 1 November 2026; "
        "expires 1 November 2028."
    )
    assert summary_line(tab, "Safeguarding adults") == (
        "Valid \u2014 Safeguarding adults expires on 1 November 2028"
    )


def test_a_need_is_met_when_a_record_on_its_topic_arrives(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    topics = {t.name: t.id for t in services.training.topics()}
    services.training.add_course(CourseDetails("Lone working basics", topics["Lone working"]))
    training = tab.training
    assert training.no_needs.isVisible()

    need = open_dialog(training.add_need_button, training)
    assert isinstance(need, NeedDialog)
    need.topic.setFocus()
    qtbot.keyClicks(need.topic, "Lone")
    type_text(qtbot, need.source, "Supervision 3 May")
    need.ok.click()
    assert not need.isVisible()
    assert [training.need_model.index(0, c).data() for c in range(3)] == [
        "Lone working",
        "Supervision 3 May",
        "Open",
    ]

    record = open_dialog(training.add, training)
    assert record.course.currentText() == "Lone working basics (Lone working)"  # type: ignore[attr-defined]
    record.ok.click()
    assert not record.isVisible()
    assert training.model.index(0, 3).data() == "no expiry"
    click_row(qtbot, training.table, 0)
    assert training.details.text().endswith("never needs refreshing.")
    assert training.need_model.index(0, 2).data() == "Met"
    [saved] = services.training.needs(psw_id)
    assert saved.status is NeedStatus.MET

    click_row(qtbot, training.need_table, 0)
    qtbot.keyClick(training.need_table, Qt.Key.Key_Return)
    edit = training.dialog
    assert isinstance(edit, NeedDialog)
    qtbot.keyClicks(edit.status, "P")
    edit.ok.click()
    assert training.need_model.index(0, 2).data() == "Planned"


def test_removing_a_training_record_asks_first(
    tab: ChecksTab,
    services: Services,
    psw_id: PswId,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    topics = {t.name: t.id for t in services.training.topics()}
    course, _ = services.training.add_course(
        CourseDetails(
            "Safeguarding adults e-learning", topics["Safeguarding adults"], validity_months=12
        )
    )
    _, changes = services.training.add_record(psw_id, course.id, done_on=D(2026, 1, 31))
    tab.bus.publish(changes)
    training = tab.training
    assert training.model.index(0, 3).data() == "31 Jan 2027"
    asked: list[str] = []

    def confirm(_parent: object, *, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    click_row(qtbot, training.table, 0)
    training.remove.click()
    assert asked == ["Remove the record of Safeguarding adults e-learning, done 31 January 2026?"]
    assert services.training.records(psw_id) == []
    assert training.empty.isVisible()
    assert summary_line(tab, "Safeguarding adults").startswith("Blocks activation: Missing")


# --- reasonable adjustments ---------------------------------------------------------------------


def test_an_adjustment_added_put_in_place_and_ended(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    adj = tab.adjustments
    assert adj.note.text() == NEVER_DELETED
    dialog = open_dialog(adj.add, adj)
    assert isinstance(dialog, AdjustmentDialog)
    dialog.ok.click()
    assert dialog.isVisible()
    assert "Choose or type a category" in dialog.problems["category"].text()
    assert "Say what the adjustment is." in dialog.problems["what"].text()

    type_text(qtbot, dialog.category, "Hours")
    type_text(qtbot, dialog.what, "No shifts before 10am")
    dialog.status.setFocus()
    qtbot.keyClicks(dialog.status, "I")
    assert dialog.status.currentText() == "In place"
    assert dialog.agreed_on.text() == "23/11/2026"
    type_text(qtbot, dialog.agreed_by, "Priya Shah")
    retype(qtbot, dialog.review_on, "01/11/2026")
    assert "review" in dialog.problems["review_on"].text()
    dialog.ok.click()
    assert dialog.isVisible()
    retype(qtbot, dialog.review_on, "23/02/2027")
    dialog.ok.click()
    assert not dialog.isVisible(), shown_problems(dialog)

    assert [adj.model.index(0, c).data() for c in range(6)] == [
        "Hours",
        "No shifts before 10am",
        "23 Nov 2026",
        "Priya Shah",
        "In place",
        "23 Feb 2027",
    ]
    click_row(qtbot, adj.table, 0)
    assert adj.details.text() == (
        "Hours: No shifts before 10am\n"
        "In place; agreed 23 November 2026 by Priya Shah; review due 23 February 2027."
    )

    qtbot.keyClick(adj.table, Qt.Key.Key_Return)
    edit = adj.dialog
    assert isinstance(edit, AdjustmentDialog)
    assert edit.category.currentText() == "Hours"
    qtbot.keyClicks(edit.status, "E")
    assert edit.status.currentText() == "Ended"
    edit.ok.click()
    assert not edit.isVisible()
    [kept] = services.health.adjustments(psw_id)
    assert kept.details.status is AdjustmentStatus.ENDED
    assert adj.model.index(0, 4).data() == "Ended"


# --- accessibility ------------------------------------------------------------------------------


def _fill(services: Services, psw_id: PswId) -> None:
    topics = {t.name: t.id for t in services.training.topics()}
    course, _ = services.training.add_course(
        CourseDetails("Data protection", topics["Data protection"])
    )
    services.training.add_record(psw_id, course.id, done_on=D(2026, 10, 1))
    services.training.add_need(psw_id, topics["Lone working"], source="Induction")
    services.induction.start(psw_id, mentor="Sam Ortiz")
    services.health.add_adjustment(
        psw_id, AdjustmentDetails(category="Debrief", what="Ten minutes after each session")
    )


def mnemonic(text: str) -> str | None:
    clean = text.replace("&&", "")
    at = clean.find("&")
    return clean[at + 1].lower() if at >= 0 else None


def alt_keys(root: QWidget) -> list[str]:
    keys = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            key = mnemonic(widget.text())  # type: ignore[attr-defined]
            if key:
                keys.append(key)
    return keys


def test_every_new_control_is_named_reachable_and_alt_keys_do_not_clash(
    tab: ChecksTab, form: PswForm, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    keys = alt_keys(form)
    assert sorted(keys) == sorted(set(keys))  # before induction starts ("Start" shown)
    _fill(services, psw_id)
    tab.refresh()
    for table in (tab.induction.table, tab.training.table, tab.training.need_table,
                  tab.adjustments.table):  # fmt: skip
        table.selectRow(0)
    keys = alt_keys(form)
    assert sorted(keys) == sorted(set(keys))
    assert unnamed(form) == []
    visited = tab_through(qtbot, form.tabs.tabBar())
    mine = [tab.induction, tab.training, tab.adjustments]
    wanted = [
        w
        for section in mine
        for w in interactive_widgets(section, visible_only=True)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    missed = [f"{type(w).__name__} {w.accessibleName()!r}" for w in wanted if w not in visited]
    assert missed == []

    openers = (
        (tab.induction.done, tab.induction),
        (tab.induction.add, tab.induction),
        (tab.induction.set_mentor, tab.induction),
        (tab.training.add, tab.training),
        (tab.training.add_need_button, tab.training),
        (tab.adjustments.add, tab.adjustments),
    )
    for opener, owner in openers:
        dialog = open_dialog(opener, owner)
        assert unnamed(dialog) == [], dialog.windowTitle()
        keys = alt_keys(dialog)
        assert sorted(keys) == sorted(set(keys)), dialog.windowTitle()
        if isinstance(dialog, TrainingRecordDialog):
            dialog.new_course.click()
            assert dialog.course_dialog is not None
            assert unnamed(dialog.course_dialog) == []
            dialog.course_dialog.reject()
        dialog.reject()


def test_the_section_models_are_sound_qt_models(
    tab: ChecksTab, services: Services, psw_id: PswId, qtmodeltester: ModelTester
) -> None:
    _fill(services, psw_id)
    tab.refresh()
    for model in (tab.induction.model, tab.training.model, tab.training.need_model,
                  tab.adjustments.model):  # fmt: skip
        assert model.rowCount() > 0
        qtmodeltester.check(model)
