"""The PSW form, driven by keyboard and mouse: typing, checking, saving, journey, accessibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import PREFER_NOT_TO_SAY
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import LanguageSkill, LivedExperience, Psw, PswDetails
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.availability_grid import FIRST_VISIBLE_SLOT
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.psw_commands import CommandContext
from peerdesk.ui.psw_form import PswForm
from tests.gui.typing_helpers import (
    answer_next_modal,
    click_button,
    interactive_widgets,
    tab_through,
    type_text,
    unnamed,
)

NAME = "Zoë Nguyễn 李"


@pytest.fixture
def form(qtbot: QtBot, services: Services) -> Iterator[PswForm]:
    stack = QUndoStack()
    context = CommandContext(services, ChangeBus(), stack)
    widget = PswForm(context)
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    stack.clear()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(message_boxes, "show_error", lambda _p, _t, message: shown.append(message))
    return shown


def items(services: Services, kind: ListKind) -> list[ListItem]:
    return services.lists.items(kind, include_retired=False)


def save_with_keyboard(qtbot: QtBot, form: PswForm) -> Psw:
    qtbot.keyClick(form.contact.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    psw = form.current()
    assert psw is not None, f"Ctrl+S did not save: {form.problems()}"
    return psw


def test_typing_a_new_peer_worker_and_saving_with_ctrl_s(
    qtbot: QtBot, form: PswForm, services: Services
) -> None:
    c = form.contact
    assert form.title.text() == "New peer worker"
    assert not form.save_button.isEnabled()
    type_text(qtbot, c.full_name, NAME)
    type_text(qtbot, c.known_as, "Zoë")
    qtbot.keyClicks(c.pronouns, "she/her")
    qtbot.keyClicks(c.date_of_birth, "3/11/1990")
    qtbot.keyClicks(c.email, "zoe@example.org")
    qtbot.keyClicks(c.phone, "0151 496 0000")
    qtbot.keyClicks(c.address, "1 Dock Road")
    qtbot.keyClick(c.address, Qt.Key.Key_Return)
    qtbot.keyClicks(c.address, "Liverpool")
    qtbot.keyClicks(c.postcode, "l1 0aa")
    qtbot.keyClicks(c.emergency_name, "Sam")
    type_text(qtbot, c.notes, "Prefers mornings — 50% of weeks")
    c.role.setFocus()
    qtbot.keyClick(c.role, Qt.Key.Key_Down)
    modes = c.contact_modes.list
    modes.setFocus()
    modes.setCurrentRow(1)  # Phone
    qtbot.keyClick(modes, Qt.Key.Key_Space)
    qtbot.keyClick(modes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    modes.setCurrentRow(2)  # Email or messaging
    qtbot.keyClick(modes, Qt.Key.Key_Space)
    qtbot.waitUntil(form.save_button.isEnabled)
    assert form.title.text() == "Zoë (unsaved changes)"

    psw = save_with_keyboard(qtbot, form)

    stored = services.psws.get(psw.id).details
    assert stored.full_name == NAME
    assert stored.known_as == "Zoë"
    assert stored.date_of_birth == dt.date(1990, 11, 3)
    assert stored.role.label == "Paid"
    assert stored.address == "1 Dock Road\nLiverpool"
    assert stored.postcode == "L1 0AA"
    assert stored.notes == "Prefers mornings — 50% of weeks"
    assert stored.contact_modes == (ContactMode.PHONE, ContactMode.EMAIL_OR_MESSAGING)
    assert not form.is_dirty()
    assert form.title.text() == "Zoë"
    assert form.subtitle.text().startswith("Enquiry since 23 Nov 2026")


def test_empty_name_blocks_saving_and_says_why(qtbot: QtBot, form: PswForm) -> None:
    type_text(qtbot, form.contact.full_name, "Zoë")
    qtbot.waitUntil(form.save_button.isEnabled)
    form.contact.full_name.selectAll()
    qtbot.keyClick(form.contact.full_name, Qt.Key.Key_Backspace)
    label = form.contact.problems["full_name"]
    qtbot.waitUntil(label.isVisible)
    assert not form.save_button.isEnabled()
    assert not form.save_action.isEnabled()
    assert label.text() == "Error: Enter their full name."
    assert "Error: Enter their full name." in form.summary.text()
    assert form.tabs.tabText(0) == "Contact (1 problem)"
    assert "Error: Enter their full name." in form.contact.full_name.accessibleDescription()


def test_a_bad_email_warns_but_still_saves(qtbot: QtBot, form: PswForm, services: Services) -> None:
    type_text(qtbot, form.contact.full_name, "Amir Haddad")
    qtbot.keyClicks(form.contact.email, "amir at home")
    label = form.contact.problems["email"]
    qtbot.waitUntil(label.isVisible)
    assert label.text().startswith('Warning: "amir at home" does not look like an e-mail')
    assert form.save_button.isEnabled()
    psw = save_with_keyboard(qtbot, form)
    assert services.psws.get(psw.id).details.email == "amir at home"


def test_a_date_of_birth_that_is_not_a_date_is_explained_and_kept(
    qtbot: QtBot, form: PswForm
) -> None:
    type_text(qtbot, form.contact.full_name, "Amir")
    qtbot.keyClicks(form.contact.date_of_birth, "31/02/1990")
    label = form.contact.problems["date_of_birth"]
    qtbot.waitUntil(label.isVisible)
    assert label.text() == "Error: There is no day 31/02/1990 (day/month/year)."
    assert not form.save_button.isEnabled()
    assert not form.save()
    assert form.contact.date_of_birth.text() == "31/02/1990"
    form.contact.date_of_birth.clear()
    qtbot.keyClicks(form.contact.date_of_birth, "1990-02-28")
    qtbot.waitUntil(form.save_button.isEnabled)


def test_lived_experience_skills_languages_and_about_them(
    qtbot: QtBot, form: PswForm, services: Services
) -> None:
    type_text(qtbot, form.contact.full_name, "Łukasz")
    form.tabs.setCurrentIndex(1)
    editor = form.lived_experience
    qtbot.keyClick(editor.add, Qt.Key.Key_Space)
    row = editor.rows[0]
    assert QApplication.focusWidget() is row.item
    qtbot.keyClicks(row.item, "Psychosis")
    qtbot.keyClicks(row.note, "Early twenties")
    qtbot.keyClick(row.matching, Qt.Key.Key_Space)
    assert row.item.accessibleName() == "Lived experience 1"

    form.tabs.setCurrentIndex(2)
    qtbot.keyClicks(form.skills.filter, "listen")
    qtbot.keyClick(form.skills.filter, Qt.Key.Key_Down)
    qtbot.keyClick(form.skills.list, Qt.Key.Key_Space)
    assert form.skills.summary.text() == "Ticked: Active listening"

    form.tabs.setCurrentIndex(3)
    languages = form.languages
    for wanted in ("Polish", "English"):
        languages.checklist.filter.clear()
        qtbot.keyClicks(languages.checklist.filter, wanted)
        qtbot.keyClick(languages.checklist.filter, Qt.Key.Key_Down)
        qtbot.keyClick(languages.checklist.list, Qt.Key.Key_Space)
    qtbot.keyClicks(languages.first, "Polish")

    form.tabs.setCurrentIndex(5)
    gender = form.demographics.answers["gender"]
    gender.setCurrentText(PREFER_NOT_TO_SAY)
    ethnicity = form.demographics.answers["ethnicity"]
    ethnicity.lineEdit().clear()
    type_text(qtbot, ethnicity.lineEdit(), "Polish and British")
    qtbot.keyClick(form.demographics.matching["ethnicity"], Qt.Key.Key_Space)

    psw = save_with_keyboard(qtbot, form)
    d = services.psws.get(psw.id).details
    psychosis = next(i for i in items(services, ListKind.LIVED_EXPERIENCE) if i.name == "Psychosis")
    assert d.lived_experience == (LivedExperience(psychosis.id, "Early twenties", True, False),)
    assert [i.name for i in items(services, ListKind.SKILL) if i.id in d.skills] == [
        "Active listening"
    ]
    by_name = {i.name: i.id for i in items(services, ListKind.LANGUAGE)}
    assert set(d.languages) == {
        LanguageSkill(by_name["Polish"], first=True),
        LanguageSkill(by_name["English"], first=False),
    }
    answers = {a.question: (a.answer, a.may_use_for_matching) for a in d.demographics}
    assert answers == {
        "gender": (PREFER_NOT_TO_SAY, False),
        "ethnicity": ("Polish and British", True),
    }
    assert not form.is_dirty()


def test_an_unchosen_lived_experience_row_blocks_saving_until_removed(
    qtbot: QtBot, form: PswForm
) -> None:
    type_text(qtbot, form.contact.full_name, "Amir")
    form.tabs.setCurrentIndex(1)
    qtbot.waitUntil(form.save_button.isEnabled)
    form.lived_experience.add.click()
    assert not form.save_button.isEnabled()
    qtbot.waitUntil(lambda: "Choose what lived experience 1 is" in form.summary.text())
    qtbot.keyClick(form.lived_experience.rows[0].remove, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is form.lived_experience.add
    qtbot.waitUntil(form.save_button.isEnabled)


def test_availability_grid_by_keyboard_and_mouse(
    qtbot: QtBot, form: PswForm, services: Services
) -> None:
    type_text(qtbot, form.contact.full_name, "Amira")
    form.tabs.setCurrentIndex(4)
    editor = form.availability
    grid = editor.grid
    grid.setFocus()
    grid.setCurrentIndex(grid.model().index(FIRST_VISIBLE_SLOT + 4, 0))  # Monday 09:00
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # 09:30 joins: both now ticked
    assert editor.ticked.text() == "1 hour a week ticked."
    start = grid.visualRect(grid.model().index(FIRST_VISIBLE_SLOT + 4, 2)).center()
    end = grid.visualRect(grid.model().index(FIRST_VISIBLE_SLOT + 7, 2)).center()
    qtbot.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid.viewport(), end)
    qtbot.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert editor.ticked.text() == "3 hours a week ticked."
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(end))
    assert editor.ticked.text() == "2.5 hours a week ticked."
    editor.use_ticked.click()
    assert editor.hours.text() == "2.5 hours"
    qtbot.keyClicks(editor.area, "Chester")
    editor.capacity.setFocus()
    qtbot.keyClick(editor.capacity, Qt.Key.Key_Up)

    psw = save_with_keyboard(qtbot, form)
    d = services.psws.get(psw.id).details
    assert d.availability == Availability.of([TimeRange(0, 18, 20), TimeRange(2, 18, 21)])
    assert d.hours_per_week == 2.5
    assert d.travel_miles is None
    assert d.capacity == 2
    area = next(i for i in items(services, ListKind.AREA) if i.id == d.area_id)
    assert area.name == "Chester"


def test_retired_items_are_kept_on_records_but_not_offered(
    qtbot: QtBot, form: PswForm, services: Services
) -> None:
    anxiety, depression = items(services, ListKind.LIVED_EXPERIENCE)[:2]
    walking = items(services, ListKind.INTEREST)[0]
    psw, _ = services.psws.create(
        PswDetails(
            full_name="Amir",
            lived_experience=(LivedExperience(anxiety.id),),
            interests=(walking.id,),
        )
    )
    for item in (anxiety, depression, walking):
        services.lists.set_retired(item.id, True)
    form.reload_lists()
    form.load(services.psws.get(psw.id))
    row = form.lived_experience.rows[0]
    assert row.item.currentText() == "Anxiety (retired)"
    offered = [row.item.itemText(i) for i in range(row.item.count())]
    assert "Depression" not in offered and "Depression (retired)" not in offered
    assert not form.is_dirty()
    interests = form.interests.list
    shown = [interests.item(i).text() for i in range(interests.count())]
    assert f"{walking.name} (retired)" in shown
    form.lived_experience.add.click()
    new_row = form.lived_experience.rows[1]
    offered = [new_row.item.itemText(i) for i in range(new_row.item.count())]
    assert "Anxiety (retired)" not in offered and "Anxiety" not in offered


def test_a_full_record_round_trips_without_looking_edited(
    form: PswForm, services: Services
) -> None:
    le = items(services, ListKind.LIVED_EXPERIENCE)
    langs = items(services, ListKind.LANGUAGE)
    details = PswDetails(
        full_name="Siobhán Murphy",
        contact_modes=(ContactMode.VIDEO, ContactMode.PHONE),
        lived_experience=(LivedExperience(le[5].id, "x", True, True), LivedExperience(le[1].id)),
        skills=(items(services, ListKind.SKILL)[3].id,),
        languages=(LanguageSkill(langs[4].id), LanguageSkill(langs[2].id, first=True)),
        availability=Availability.of([TimeRange(6, 0, 4)]),
        hours_per_week=3,
        travel_miles=0,
        capacity=0,
    )
    psw, _ = services.psws.create(details)
    form.load(services.psws.get(psw.id))
    assert not form.is_dirty()
    assert form.details().travel_miles == 0
    assert not form.revert_button.isEnabled()


def test_archive_and_restore_ask_first(
    qtbot: QtBot, form: PswForm, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Amir"))
    form.load(services.psws.get(psw.id))
    answers = [False, True, True]
    asked: list[str] = []

    def confirm(_parent: QWidget, *, title: str, text: str, action: str) -> bool:
        asked.append(action)
        return answers.pop(0)

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    form.archive_button.click()
    assert not services.psws.get(psw.id).archived
    form.archive_button.click()
    assert services.psws.get(psw.id).archived
    form.record_changed(services.psws.get(psw.id))
    assert form.archive_button.text().replace("&", "") == "Restore…"
    assert "Archived" in form.subtitle.text()
    form.archive_button.click()
    assert not services.psws.get(psw.id).archived
    assert asked == ["Archive", "Archive", "Restore"]


def test_change_status_through_the_dialog(qtbot: QtBot, form: PswForm, services: Services) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Amir"))
    form.load(services.psws.get(psw.id))
    form.tabs.setCurrentIndex(6)
    assert form.journey.change.isEnabled()

    def fill(dialog: QWidget) -> None:
        status = dialog.findChild(QComboBox)
        assert status is not None
        status.setCurrentIndex(status.findData(JourneyStatus.PAUSED))
        assert not dialog.ok.isEnabled()  # type: ignore[attr-defined]
        assert "Error: Say why they are paused" in dialog.problems.text()  # type: ignore[attr-defined]
        type_text(qtbot, dialog.reason, "Exams")  # type: ignore[attr-defined]
        assert dialog.ok.isEnabled()  # type: ignore[attr-defined]
        dialog.ok.click()  # type: ignore[attr-defined]

    answer_next_modal(fill)
    form.journey.change.click()
    stored = services.psws.get(psw.id)
    assert stored.status is JourneyStatus.PAUSED
    assert stored.history[-1].reason == "Exams"
    form.record_changed(stored)
    history = form.journey.history
    assert history.item(0, 2).text() == "Paused"
    assert history.item(0, 3).text() == "Exams"
    assert form.journey.status.text() == "Paused"

    answer_next_modal(click_button("Cancel"))
    form.journey.change.click()
    assert services.psws.get(psw.id).status is JourneyStatus.PAUSED


def test_a_stale_save_shows_the_message_and_keeps_the_typing(
    qtbot: QtBot, form: PswForm, services: Services, errors: list[str]
) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Amir"))
    form.load(services.psws.get(psw.id))
    services.psws.update(psw.id, PswDetails(full_name="Amir H"), version=psw.version)
    type_text(qtbot, form.contact.known_as, "Ami")
    assert not form.save()
    assert errors and "changed" in errors[0].lower()
    assert form.contact.known_as.text() == "Ami"
    assert form.is_dirty()


def test_every_control_has_an_accessible_name(form: PswForm) -> None:
    form.lived_experience.add.click()
    assert unnamed(form) == []


def test_tab_reaches_every_control_on_every_tab(qtbot: QtBot, form: PswForm) -> None:
    type_text(qtbot, form.contact.full_name, "Amir")
    form.lived_experience.add.click()
    form.validate_now()
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        qtbot.wait(0)
        visited = tab_through(qtbot, form.tabs.tabBar())
        wanted = [
            w
            for w in interactive_widgets(form, visible_only=True)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        missed = [f"{type(w).__name__} {w.accessibleName()!r}" for w in wanted if w not in visited]
        assert missed == [], f"tab {form.tabs.tabText(index)!r}"
        if index == 1:  # rows added later still follow "Add" in reading order
            rows = form.lived_experience.rows[0]
            assert visited[1:4] == [form.lived_experience.add, rows.item, rows.note]
