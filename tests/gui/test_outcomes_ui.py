"""Outcome measures typed in Settings, and scores recorded on a person's Outcomes tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PersonId
from peerdesk.domain.outcome_records import DraftItem, MeasureDetails
from peerdesk.domain.outcomes import Stage
from peerdesk.domain.person import PersonDetails
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.outcome_measure_dialog import MeasureDialog
from peerdesk.ui.outcome_score_dialog import OutcomeScoreDialog
from peerdesk.ui.outcomes_tab import UNSAVED, OutcomesTab
from peerdesk.ui.person_form import PersonForm
from peerdesk.ui.psw_form_contact import format_uk_date
from peerdesk.ui.settings_page import SettingsPage
from tests.gui.dialog_helpers import click_row, retype, shown_problems
from tests.gui.typing_helpers import type_text, unnamed

D = dt.date


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    widget = SettingsPage(services, bus)
    widget.resize(1100, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.fixture
def person_form(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[PersonForm]:
    widget = PersonForm(services, bus)
    widget.resize(1000, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def person(services: Services) -> PersonId:
    details = PersonDetails(full_name="Łucja Wójcik", referred_on=D(2026, 5, 1))
    return services.people.create(details)[0].id


def outcomes_tab(form: PersonForm) -> OutcomesTab:
    for index in range(form.tabs.count()):
        if form.tabs.tabText(index) == "Outcomes":
            form.tabs.setCurrentIndex(index)
            tab = form.tabs.widget(index)
            assert isinstance(tab, OutcomesTab)
            return tab
    raise AssertionError("no Outcomes tab")


def type_number(qtbot: QtBot, box: QAbstractSpinBox, value: int) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, str(value))


def table_text(tab: OutcomesTab) -> list[list[str]]:
    model = tab.model
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def settings_tab(page: SettingsPage, title: str) -> int:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())].index(title)


def test_type_a_measure_then_record_start_and_review_scores(
    qtbot: QtBot, page: SettingsPage, person_form: PersonForm, services: Services
) -> None:
    page.tabs.setCurrentIndex(settings_tab(page, "Outcome measures"))
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Outcome measures"
    page.outcomes.add_button.click()
    dialog = page.outcomes.dialog
    assert isinstance(dialog, MeasureDialog) and unnamed(dialog) == []
    type_text(qtbot, dialog.name, "Made-up wellbeing check")
    for wording, low, high in (("I felt rested", 1, 5), ("Ich traf Freunde", 0, 4)):
        type_text(qtbot, dialog.wording, wording)
        type_number(qtbot, dialog.low, low)
        type_number(qtbot, dialog.high, high)
        dialog.add_button.click()
    type_text(qtbot, dialog.every, "3")
    dialog.ok.click()
    assert not dialog.isVisible()
    model = page.outcomes.model
    assert [model.index(0, c).data() for c in range(7)] == [
        "Made-up wellbeing check", "2", "Total of the answers", "higher", "3 months", "0", "in use"
    ]  # fmt: skip
    assert "Saved the measure" in page.outcomes.status.text()

    tab = outcomes_tab(person_form)
    assert tab.message.text() == UNSAVED and not tab.record_button.isVisible()
    who = person(services)
    person_form.load(services.people.get(who))
    assert tab.message.text() == "No outcome scores recorded yet."

    for day, stage, answers in (
        (D(2026, 5, 4), "Start", (2, 1)),
        (D(2026, 8, 4), "Review", (4, 3)),
    ):
        tab.record_button.click()
        score_dialog = tab.dialog
        assert isinstance(score_dialog, OutcomeScoreDialog) and unnamed(score_dialog) == []
        assert score_dialog.stage.currentText() == stage  # Review once a score is taken
        retype(qtbot, score_dialog.taken_on, format_uk_date(day))
        for box, value in zip(score_dialog.answers, answers, strict=True):
            type_number(qtbot, box, value)
        score_dialog.ok.click()
        assert not score_dialog.isVisible()

    assert table_text(tab) == [
        ["Made-up wellbeing check", "4 May 2026", "Start", "3"],
        ["Made-up wellbeing check", "4 August 2026", "Review", "7"],
    ]
    assert tab.changes.text() == (
        "Made-up wellbeing check: Improved by 4 (from 3 to 7). Next due 4 November 2026."
    )
    assert page.outcomes.model.index(0, 5).data() == "2"  # the bus told Settings


def test_unanswered_items_and_future_dates_are_refused(
    qtbot: QtBot, person_form: PersonForm, services: Services
) -> None:
    services.outcomes.add_measure(
        MeasureDetails("Scale", (DraftItem("One", 0, 3), DraftItem("Two", 0, 3)))
    )
    person_form.load(services.people.get(person(services)))
    tab = outcomes_tab(person_form)
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, OutcomeScoreDialog)
    assert dialog.answers[0].text() == "not answered"
    type_number(qtbot, dialog.answers[0], 2)
    retype(qtbot, dialog.taken_on, format_uk_date(services.clock.today() + dt.timedelta(days=2)))
    dialog.ok.click()
    assert dialog.isVisible()
    said = shown_problems(dialog)
    assert "Item 2 (“Two”) has no answer." in said
    assert "The date taken cannot be in the future." in said
    assert services.outcomes.scores(tab.person_id or PersonId(0)) == []


def test_a_scored_measure_keeps_its_ranges_but_can_be_reworded(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    measure, _ = services.outcomes.add_measure(
        MeasureDetails("Scale", (DraftItem("One", 0, 3), DraftItem("Two", 0, 3)))
    )
    services.outcomes.record_score(
        person(services), measure.id, taken_on=D(2026, 6, 1), stage=Stage.START, answers=[1, 2]
    )
    page.outcomes.refresh()
    page.tabs.setCurrentIndex(settings_tab(page, "Outcome measures"))
    click_row(qtbot, page.outcomes.table, 0)
    page.outcomes.edit_button.click()
    dialog = page.outcomes.dialog
    assert isinstance(dialog, MeasureDialog)
    click_row(qtbot, dialog.items, 1)
    assert dialog.wording.text() == "Two"
    retype(qtbot, dialog.wording, "Second question")
    type_number(qtbot, dialog.high, 9)
    dialog.update_button.click()
    dialog.ok.click()
    assert dialog.isVisible()
    assert "must keep its range of 0 to 3" in dialog.problems["items"].text()
    type_number(qtbot, dialog.high, 3)
    dialog.update_button.click()
    dialog.ok.click()
    assert not dialog.isVisible()
    assert [i.label for i in services.outcomes.measure(measure.id).measure.items] == [
        "One",
        "Second question",
    ]
    assert published and published[-1].outcomes
    page.outcomes.retire_button.click()
    assert page.outcomes.model.index(0, 6).data() == "retired"
    assert page.outcomes.retire_button.text() == "&Restore measure"
