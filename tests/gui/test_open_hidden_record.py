"""Opening a record the page's filters hide, and one viewer for every listing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.needs_attention_page import NeedsAttentionPage
from tests.conftest import PASSPHRASE
from tests.gui.typing_helpers import type_text
from tests.unit.services.test_attention_service import with_dbs_due_soon
from tests.unit.services.test_matching_attention import active, days_ago, person, psw


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    made = MainWindow(services)
    qtbot.addWidget(made, before_close_func=lambda w: w.psw_page.form.load(None))
    made.resize(1600, 1000)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.undo_stack.clear()


def line_names(page: NeedsAttentionPage) -> list[tuple[str, str]]:
    model = page.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def open_line(qtbot: QtBot, page: NeedsAttentionPage, name: str) -> None:
    row = next(r for r, (who, _) in enumerate(line_names(page)) if who == name)
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)


def test_a_quiet_match_opens_the_matched_person_under_all(qtbot: QtBot, services: Services) -> None:
    who = person(services, "Zoë Nguyễn")
    active(services, who, psw(services), on=31)
    services.people.create(PersonDetails(full_name="Amara Okafor", referred_on=days_ago(5)))
    window = MainWindow(services)
    qtbot.addWidget(window, before_close_func=lambda w: w.psw_page.form.load(None))
    window.show()
    qtbot.waitExposed(window)
    people = window.people_page
    assert people.status_filter.currentText() == "Waiting"
    type_text(qtbot, people.search, "Amara")
    people.language_filter.setCurrentIndex(people.language_filter.count() - 1)  # any language
    people.apply_filters()
    assert people.model.row_of(who) is None  # matched, so not on the Waiting list

    open_line(qtbot, window.attention_page, "Zoë Nguyễn")

    assert window.pages.currentWidget() is people
    assert people.status_filter.currentText() == "All" and people.search.text() == ""
    assert people.language_filter.currentText() == "All"
    assert people.form.referral.full_name.text() == "Zoë Nguyễn"
    [selected] = people.table.selectionModel().selectedRows()
    assert people.model.id_at(selected.row()) == who
    assert people.count.text() == "2 people"
    window.grab().save("/tmp/shots/open_hidden_person.png")


def test_an_archived_psw_opens_under_archived(
    qtbot: QtBot, services: Services, window: MainWindow
) -> None:
    gone = services.psws.create(PswDetails(full_name="Łukasz Nowak"))[0].id
    services.psws.create(PswDetails(full_name="Amir Haddad"))
    window.bus.publish(services.psws.set_archived(gone, True)[1])
    page = window.psw_page
    assert page.model.row_of(gone) is None

    assert window.open_psw(gone)

    assert page.status_filter.currentText() == "Archived"
    [selected] = page.table.selectionModel().selectedRows()
    assert page.model.id_at(selected.row()) == gone


def test_needs_attention_and_teams_follow_show_protected_records(
    qtbot: QtBot, services: Services, window: MainWindow
) -> None:
    hidden = with_dbs_due_soon(services, "Zoë Nguyễn")
    with_dbs_due_soon(services, "Ann Smith")
    supported = services.people.create(
        PersonDetails(full_name="Zoë as supported", referred_on=days_ago(5))
    )[0]
    changes = services.protection.link(supported.id, hidden)
    window.bus.publish(changes)
    page = window.attention_page
    page.refresh()
    assert [n for n, _ in line_names(page)] == ["Ann Smith"]
    window.teams_page.refresh()
    team = services.teams.create("North")[0]
    window.teams_page.refresh(team.id)
    window.teams_page.add_member()
    picker = window.teams_page.dialog.peer  # type: ignore[union-attr]
    assert sorted(picker.itemText(i) for i in range(picker.count())) == ["Ann Smith"]
    window.teams_page.dialog.reject()  # type: ignore[union-attr]

    window.viewer_state.action.trigger()
    dialog = window.viewer_state.dialog
    assert dialog is not None
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.viewer_state.dialog is None)

    qtbot.waitUntil(lambda: len(line_names(page)) == 2)
    assert sorted(n for n, _ in line_names(page)) == ["Ann Smith", "Zoë Nguyễn"]
    window.teams_page.add_member()
    picker = window.teams_page.dialog.peer  # type: ignore[union-attr]
    assert sorted(picker.itemText(i) for i in range(picker.count())) == [
        "Ann Smith",
        "Zoë Nguyễn",
    ]
    window.teams_page.dialog.reject()  # type: ignore[union-attr]
