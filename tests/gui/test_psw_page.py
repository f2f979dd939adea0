"""The Peer workers page as a coordinator uses it: find, filter, sort, edit, undo, archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.message_boxes import UnsavedChoice
from peerdesk.ui.psw_page import PswPage
from tests.gui.typing_helpers import answer_next_modal, click_button, type_text, unnamed

PEOPLE = ("Zoë Nguyễn", "Amir Haddad", "50% Club", "Anne_Marie Jones", "Łukasz Kowalski")


@pytest.fixture
def seeded(services: Services) -> Services:
    for n, name in enumerate(PEOPLE):
        psw, _ = services.psws.create(PswDetails(full_name=name, capacity=n))
        if name.startswith(("Amir", "Łukasz")):
            services.psws.change_status(
                psw.id,
                JourneyStatus.APPLICATION,
                on=dt.date(2026, 3, n + 1),
                reason="",
                version=psw.version,
            )
    return services


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    undo = QUndoStack()
    yield undo
    undo.clear()


@pytest.fixture
def page(qtbot: QtBot, seeded: Services, stack: QUndoStack) -> PswPage:
    widget = PswPage(seeded, ChangeBus(), stack)
    widget.resize(1300, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def shown(page: PswPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def click_row(qtbot: QtBot, page: PswPage, name: str) -> None:
    row = shown(page).index(name)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_name(page: PswPage) -> str | None:
    rows = page.table.selectionModel().selectedRows()
    return rows[0].data() if rows else None


def search_for(qtbot: QtBot, page: PswPage, text: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, text)
    qtbot.waitUntil(lambda: page.model.query.text == text, timeout=2000)


def test_lists_everyone_current_with_a_count(page: PswPage) -> None:
    assert sorted(shown(page)) == sorted(PEOPLE)
    assert page.count.text() == "5 peer workers"
    assert unnamed(page) == []


def test_new_peer_worker_typed_and_saved_appears_selected(
    qtbot: QtBot, page: PswPage, seeded: Services
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.form.contact.full_name
    type_text(qtbot, page.form.contact.full_name, "Olu Adéyẹmí 李")
    qtbot.keyClick(page.form.contact.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Olu Adéyẹmí 李" in shown(page)
    assert selected_name(page) == "Olu Adéyẹmí 李"
    assert page.count.text() == "6 peer workers"


def test_search_folds_accents_and_escape_clears(qtbot: QtBot, page: PswPage) -> None:
    search_for(qtbot, page, "zoe")
    assert shown(page) == ["Zoë Nguyễn"]
    assert page.count.text() == "1 peer worker"
    search_for(qtbot, page, "LUKASZ")
    assert shown(page) == ["Łukasz Kowalski"]
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert len(shown(page)) == 5


def test_percent_and_underscore_are_searched_literally(qtbot: QtBot, page: PswPage) -> None:
    search_for(qtbot, page, "%")
    assert shown(page) == ["50% Club"]
    search_for(qtbot, page, "_")
    assert shown(page) == ["Anne_Marie Jones"]


def test_status_filter_and_archived(qtbot: QtBot, page: PswPage) -> None:
    page.status_filter.setFocus()
    qtbot.keyClicks(page.status_filter, "Application")
    assert sorted(shown(page)) == ["Amir Haddad", "Łukasz Kowalski"]
    qtbot.keyClick(page.status_filter, Qt.Key.Key_End)  # the last choice
    assert page.status_filter.currentText() == "Archived"
    assert shown(page) == []
    assert page.count.text() == "0 archived peer workers"
    qtbot.keyClick(page.status_filter, Qt.Key.Key_Home)
    assert len(shown(page)) == 5


def test_clicking_a_header_sorts_in_sql(qtbot: QtBot, page: PswPage) -> None:
    header = page.table.horizontalHeader()

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        pos = QPoint(x, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    click_header(6)  # Capacity
    assert [page.model.index(r, 6).data() for r in range(5)] == ["0", "1", "2", "3", "4"]
    click_header(6)
    assert [page.model.index(r, 6).data() for r in range(5)] == ["4", "3", "2", "1", "0"]
    assert page.model.query.descending


def test_selecting_a_row_loads_it_and_sorting_keeps_the_selection(
    qtbot: QtBot, page: PswPage
) -> None:
    click_row(qtbot, page, "Amir Haddad")
    assert page.form.contact.full_name.text() == "Amir Haddad"
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert selected_name(page) == "Amir Haddad"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.form.contact.full_name


def test_edit_save_undo_and_redo(
    qtbot: QtBot, page: PswPage, stack: QUndoStack, seeded: Services
) -> None:
    click_row(qtbot, page, "Amir Haddad")
    type_text(qtbot, page.form.contact.known_as, "Ami")
    qtbot.keyClick(page.form.contact.known_as, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    row = shown(page).index("Amir Haddad")
    assert page.model.index(row, 1).data() == "Ami"
    assert stack.undoText() == "Edit Amir Haddad"

    click_row(qtbot, page, "Zoë Nguyễn")  # undo brings the changed record back into view
    stack.undo()
    assert page.form.contact.full_name.text() == "Amir Haddad"
    assert page.form.contact.known_as.text() == ""
    assert page.model.index(row, 1).data() == ""
    assert selected_name(page) == "Amir Haddad"
    stack.redo()
    assert page.form.contact.known_as.text() == "Ami"
    assert page.model.index(row, 1).data() == "Ami"


def test_undoing_a_new_record_removes_it_and_redo_brings_it_back(
    qtbot: QtBot, page: PswPage, stack: QUndoStack
) -> None:
    page.new_button.click()
    type_text(qtbot, page.form.contact.full_name, "Kwame Mensah")
    assert page.form.save()
    type_text(qtbot, page.form.contact.known_as, "K")
    assert page.form.save()
    stack.undo()
    stack.undo()
    assert "Kwame Mensah" not in shown(page)
    assert page.form.current() is None
    stack.redo()
    stack.redo()  # the edit finds the record again under its new id
    assert "Kwame Mensah" in shown(page)
    assert page.form.contact.known_as.text() == "K"


def test_archive_hides_it_from_current_and_shows_it_under_archived(
    qtbot: QtBot, page: PswPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_boxes, "confirm", lambda *_a, **_k: True)
    click_row(qtbot, page, "Zoë Nguyễn")
    page.form.archive_button.click()
    assert "Zoë Nguyễn" not in shown(page)
    assert page.count.text() == "4 peer workers"
    page.status_filter.setCurrentIndex(page.status_filter.findText("Archived"))
    assert shown(page) == ["Zoë Nguyễn"]
    assert selected_name(page) == "Zoë Nguyễn"


def test_unsaved_changes_guard_cancel_keeps_the_edited_record(
    qtbot: QtBot, page: PswPage, seeded: Services
) -> None:
    click_row(qtbot, page, "Amir Haddad")
    type_text(qtbot, page.form.contact.known_as, "Ami")
    seen = answer_next_modal(click_button("Keep editing"))
    click_row(qtbot, page, "Zoë Nguyễn")
    assert seen == ["Save your changes to Ami?"]
    assert selected_name(page) == "Amir Haddad"
    assert page.form.contact.known_as.text() == "Ami"


@pytest.mark.parametrize(
    ("choice", "stored_known_as"), [(UnsavedChoice.SAVE, "Ami"), (UnsavedChoice.DISCARD, "")]
)
def test_unsaved_changes_guard_save_or_discard_then_moves_on(
    qtbot: QtBot,
    page: PswPage,
    seeded: Services,
    monkeypatch: pytest.MonkeyPatch,
    choice: UnsavedChoice,
    stored_known_as: str,
) -> None:
    monkeypatch.setattr(message_boxes, "ask_unsaved", lambda _parent, _name: choice)
    click_row(qtbot, page, "Amir Haddad")
    amir = page.form.current_id()
    type_text(qtbot, page.form.contact.known_as, "Ami")
    click_row(qtbot, page, "Zoë Nguyễn")
    assert selected_name(page) == "Zoë Nguyễn"
    assert page.form.contact.full_name.text() == "Zoë Nguyễn"
    assert amir is not None
    assert seeded.psws.get(PswId(amir)).details.known_as == stored_known_as


def test_a_blocked_save_in_the_guard_stays_put(
    qtbot: QtBot, page: PswPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(message_boxes, "ask_unsaved", lambda _p, _n: UnsavedChoice.SAVE)
    click_row(qtbot, page, "Amir Haddad")
    page.form.contact.full_name.clear()
    click_row(qtbot, page, "Zoë Nguyễn")
    assert selected_name(page) == "Amir Haddad"
    assert "Error: Enter their full name." in page.form.summary.text()


def test_keyboard_only_from_search_to_table(qtbot: QtBot, page: PswPage) -> None:
    search_for(qtbot, page, "amir")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    assert page.form.contact.full_name.text() == "Amir Haddad"
    widget: QWidget = page.new_button
    assert widget.accessibleName() == "New peer worker"


def test_a_failed_undo_is_explained_and_dropped(
    qtbot: QtBot,
    page: PswPage,
    stack: QUndoStack,
    seeded: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(message_boxes, "show_error", lambda _p, _t, message: errors.append(message))
    click_row(qtbot, page, "Amir Haddad")
    type_text(qtbot, page.form.contact.known_as, "Ami")
    assert page.form.save()
    amir = page.form.current()
    assert amir is not None
    seeded.psws.set_archived(amir.id, True)  # moved on behind the page's back …
    seeded.psws.remove_new(amir.id, version=seeded.psws.get(amir.id).version)  # … and gone
    stack.undo()
    assert errors == ["That peer support worker is no longer in the vault."]
    assert stack.count() == 0


def test_list_changes_reach_the_form(qtbot: QtBot, page: PswPage, seeded: Services) -> None:
    click_row(qtbot, page, "Amir Haddad")
    walking = seeded.lists.items(ListKind.INTEREST)[0]
    _, changes = seeded.lists.set_retired(walking.id, True)
    page.bus.publish(changes)
    checklist = page.form.interests.list
    offered = [checklist.item(i).text() for i in range(checklist.count())]
    assert walking.name not in offered
