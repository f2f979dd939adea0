"""The Needs attention page: the home page's lines, in words; Enter opens the PSW; the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.check_records import ReferenceDetails
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui.attention_table_model import DUE, AttentionTableModel
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.needs_attention_page import NeedsAttentionPage, count_text
from tests.gui.typing_helpers import unnamed

D = dt.date
TODAY = D(2026, 11, 23)


@pytest.fixture
def people(services: Services) -> dict[str, PswId]:
    """Zoë with a reference awaited 21 days; Sam stalled at interview; Amir with nothing due."""
    zoe, _ = services.psws.create(PswDetails(full_name="Zoë Nguyễn"), status=JourneyStatus.CHECKS)
    services.references.add(zoe.id, ReferenceDetails(D(2026, 11, 2), referee="Pat Jones"))
    sam, _ = services.psws.create(
        PswDetails(full_name="Sam Okafor"), status=JourneyStatus.INTERVIEW, since=D(2026, 10, 1)
    )
    amir, _ = services.psws.create(
        PswDetails(full_name="Amir Haddad"), status=JourneyStatus.INDUCTION
    )
    return {"zoe": zoe.id, "sam": sam.id, "amir": amir.id}


@pytest.fixture
def window(qtbot: QtBot, services: Services, people: dict[str, PswId]) -> Iterator[MainWindow]:
    made = MainWindow(services)
    qtbot.addWidget(made, before_close_func=lambda w: w.psw_page.form.load(None))
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    yield made
    made.undo_stack.clear()


def shown_rows(page: NeedsAttentionPage) -> list[list[str]]:
    proxy = page.model
    return [
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def test_home_page_lists_lines_in_words(window: MainWindow) -> None:
    page = window.attention_page
    assert window.navigation.item(0).text() == "Needs attention"
    assert window.pages.currentWidget() is page
    assert QApplication.focusWidget() is page.table
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Name", "Item", "Due", "When", "Status"]
    assert shown_rows(page) == [
        [
            "Sam Okafor",
            "At interview since 1 October 2026 (target 21 days)",
            "23 October 2026",
            "31 days overdue",
            "Stalled",
        ],
        [
            "Zoë Nguyễn",
            "Reference 1 from Pat Jones, not received",
            "16 November 2026",
            "7 days overdue",
            "Awaited",
        ],
    ]
    assert page.count.text() == "2 items overdue or due within 30 days"
    assert unnamed(page) == []


def test_enter_opens_the_psw_on_the_peer_workers_page(
    qtbot: QtBot, window: MainWindow, people: dict[str, PswId]
) -> None:
    page = window.attention_page
    # a filter on the Peer workers page that would hide Zoë is cleared on the way
    window.psw_page.search.setText("Amir")
    window.psw_page.apply_filters()
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    psw_page = window.psw_page
    assert window.pages.currentWidget() is psw_page
    assert window.navigation.currentRow() == 1
    assert psw_page.form.current_id() == people["zoe"]
    [selected] = psw_page.table.selectionModel().selectedRows()
    assert psw_page.model.id_at(selected.row()) == people["zoe"]
    assert psw_page.form.contact.full_name.text() == "Zoë Nguyễn"


def test_double_click_opens_too(qtbot: QtBot, window: MainWindow, people: dict[str, PswId]) -> None:
    page = window.attention_page
    index = page.model.index(0, 1)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.psw_page
    assert window.psw_page.form.current_id() == people["sam"]


def test_the_days_box_and_changes_refresh_the_lines(
    window: MainWindow, services: Services, people: dict[str, PswId]
) -> None:
    page = window.attention_page
    assert page.within.value() == 30
    assert page.within.accessibleName()
    services.references.add(people["amir"], ReferenceDetails(D(2026, 11, 20), referee="Late"))
    page.within.setValue(0)
    assert page.model.rowCount() == 2
    page.within.setValue(11)
    assert page.model.rowCount() == 3
    assert page.count.text() == "3 items overdue or due within 11 days"
    # a change published on the bus refreshes the page at once while it is on screen
    _, changes = services.psws.set_archived(people["sam"], True)
    window.bus.publish(changes)
    assert [row[0] for row in shown_rows(page)] == ["Zoë Nguyễn", "Amir Haddad"]
    assert shown_rows(page)[1][3] == "due in 11 days"


def test_sorting_by_a_column_and_back_by_due(window: MainWindow) -> None:
    page = window.attention_page
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in shown_rows(page)] == ["Zoë Nguyễn", "Sam Okafor"]
    page.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in shown_rows(page)] == ["Sam Okafor", "Zoë Nguyễn"]


def test_count_text() -> None:
    assert count_text(0, 1) == "Nothing is overdue or due within 1 day"
    assert count_text(1, 30) == "1 item overdue or due within 30 days"
    assert count_text(1234, 3650) == "1,234 items overdue or due within 3,650 days"


def test_the_models_are_sound_qt_models(qtmodeltester: ModelTester) -> None:
    model = AttentionTableModel()
    qtmodeltester.check(model)
    items = [
        AttentionItem("psw", 1, "Zoë Nguyễn", "DBS (enhanced)", "Due soon", D(2026, 12, 1)),
        AttentionItem("psw", 2, "Sam Okafor", "Induction", "Expired", D(2026, 11, 1)),
    ]
    model.set_items(items, TODAY)  # shown by due date unless another column is chosen
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "22 days overdue"
    assert model.index(1, 2).data() == "1 December 2026"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["Zoë Nguyễn", "Sam Okafor"]
    model.sort(DUE)
    assert model.index(0, 0).data() == "Sam Okafor"


def test_a_long_wait_is_listed_and_enter_opens_the_person(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.attention_page
    # referred 9 weeks ago while the page is showing: the change on the bus refreshes it
    person, changes = services.people.create(
        PersonDetails(full_name="Łucja Wójcik", referred_on=TODAY - dt.timedelta(weeks=9))
    )
    window.bus.publish(changes)
    rows = shown_rows(page)
    [row] = [r for r in rows if r[0] == "Łucja Wójcik"]
    assert row[1:] == [
        "Waiting 9 weeks (referred 21 September 2026)",
        "3 November 2026",
        "20 days overdue",
        "Waiting over 6 weeks",
    ]
    assert page.count.text() == "3 items overdue or due within 30 days"
    page.table.setFocus()
    page.table.selectRow(rows.index(row))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    people_page = window.people_page
    assert window.pages.currentWidget() is people_page
    assert window.navigation.currentItem().text() == "People"
    assert people_page.form.current_id() == person.id
    assert people_page.form.referral.full_name.text() == "Łucja Wójcik"
    [selected] = people_page.table.selectionModel().selectedRows()
    assert people_page.model.id_at(selected.row()) == person.id
