"""The Teams page as a coordinator uses it: add a team, add members, read its check, end one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.team_dialogs import AddMemberDialog
from peerdesk.ui.teams_page import NO_TEAMS, TeamsPage
from tests.conftest import NOW
from tests.gui.dialog_helpers import retype, shown_problems
from tests.gui.test_main_window import mnemonic
from tests.gui.typing_helpers import type_text, unnamed

MONDAY_MORNING = Availability.of([TimeRange(0, 18, 24)])
TUESDAY_MORNING = Availability.of([TimeRange(1, 18, 24)])


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> TeamsPage:
    for name, week in (("Zoë", MONDAY_MORNING), ("Łukasz", TUESDAY_MORNING)):
        details = PswDetails(full_name=name, availability=week)
        services.psws.create(details, status=JourneyStatus.ACTIVE, since=dt.date(2026, 1, 5))
    services.psws.create(PswDetails(full_name="Archie Ved"))
    archived = services.psws.create(PswDetails(full_name="Arkady Gone"))[0].id
    services.psws.set_archived(archived, True)
    widget = TeamsPage(services, bus)
    widget.resize(1100, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.team_table.setFocus()
    return widget


def alt(page: TeamsPage, letter: str) -> CheckDialog:
    """Press the page's button whose Alt-key is ``letter`` (from the keyboard: Space on it)."""
    [pressed] = [b for b in page.findChildren(QPushButton) if mnemonic(b.text()) == letter.lower()]
    pressed.setFocus()
    QTest.keyClick(pressed, Qt.Key.Key_Space)
    dialog = page.dialog
    assert isinstance(dialog, CheckDialog) and dialog.isVisible()
    return dialog


def cell(page: TeamsPage, row: int, column: int) -> str:
    return str(page.team_model.index(row, column).data())


def member_lines(page: TeamsPage) -> list[tuple[str, ...]]:
    model = page.member_model
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def add_member(qtbot: QtBot, page: TeamsPage, typed: str) -> None:
    dialog = alt(page, "M")
    assert isinstance(dialog, AddMemberDialog)
    type_text(qtbot, dialog.peer.lineEdit(), typed)
    popup = dialog.peer.completer().popup()
    assert popup.isVisible()
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert len(shown) == 1, shown
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    dialog.ok.click()
    assert page.dialog is None, shown_problems(dialog)


def test_a_coordinator_builds_a_team_and_reads_its_check(qtbot: QtBot, page: TeamsPage) -> None:
    assert page.empty_note.isVisible() and page.empty_note.text() == NO_TEAMS
    assert not page.add_member_button.isEnabled()

    dialog = alt(page, "N")
    dialog.ok.click()  # no name yet
    assert "Give the team a name." in shown_problems(dialog)
    type_text(qtbot, dialog.name, "Riverside")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert page.dialog is None
    assert (cell(page, 0, 0), cell(page, 0, 2)) == ("Riverside", "0")
    assert cell(page, 0, 3) == "Riverside: no active peers"
    assert not page.empty_note.isVisible()

    add_member(qtbot, page, "zoe")  # folded: finds Zoë
    assert cell(page, 0, 3) == "Riverside: only one active peer (Zoë)"
    add_member(qtbot, page, "LUK")
    assert (cell(page, 0, 2), cell(page, 0, 3)) == ("2", "Riverside: Zoë and Łukasz share no hours")
    assert member_lines(page) == [
        ("Zoë", "23 Nov 2026", "still in"),
        ("Łukasz", "23 Nov 2026", "still in"),
    ]

    # the same name in other letters is refused in words, and nothing is lost
    dialog = alt(page, "N")
    type_text(qtbot, dialog.name, "RIVERSIDE")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert "already a team called Riverside" in shown_problems(dialog)
    assert dialog.name.text() == "RIVERSIDE"  # type: ignore[attr-defined]
    dialog.reject()

    # Łukasz leaves: a date before he joined is refused, today is kept
    page.member_table.setFocus()
    qtbot.keyClick(page.member_table, Qt.Key.Key_Down)
    dialog = alt(page, "L")
    assert dialog.windowTitle() == "Łukasz leaves Riverside"
    retype(qtbot, dialog.left_on, "01/11/2026")  # type: ignore[attr-defined]
    assert "cannot be before they joined (23 November 2026)" in shown_problems(dialog)
    retype(qtbot, dialog.left_on, NOW.strftime("%d/%m/%Y"))  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.left_on, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert page.dialog is None
    assert member_lines(page)[1] == ("Łukasz", "23 Nov 2026", "23 Nov 2026")
    assert (cell(page, 0, 2), cell(page, 0, 3)) == ("1", "Riverside: only one active peer (Zoë)")


def test_the_picker_offers_only_current_peer_workers(qtbot: QtBot, page: TeamsPage) -> None:
    services = page.services
    protected = services.psws.create(PswDetails(full_name="Priya Protected"))[0].id
    person = services.people.create(
        PersonDetails(full_name="Priya Protected", referred_on=dt.date(2026, 6, 1))
    )[0].id
    with services.workspace.transaction() as s:  # her record is linked: she is protected
        row = s.get(PersonRowModel, person)
        assert row is not None
        row.linked_psw_id = protected
    services.teams.create("Riverside")
    page.refresh()
    dialog = alt(page, "M")
    assert isinstance(dialog, AddMemberDialog)
    offered = [dialog.peer.itemText(i) for i in range(dialog.peer.count())]
    assert sorted(offered) == ["Archie Ved", "Zoë", "Łukasz"]  # not archived, not protected
    type_text(qtbot, dialog.peer.lineEdit(), "Ar")  # Archie only: Arkady is archived
    assert dialog.peer.chosen() is not None
    retype(qtbot, dialog.peer.lineEdit(), "nobody")
    dialog.ok.click()
    assert "Pick a peer worker from the list" in shown_problems(dialog)
    dialog.reject()


def test_every_control_is_named_and_alt_keys_are_not_shared(page: TeamsPage) -> None:
    assert unnamed(page) == []
    keys = ["f", "e", "h"]  # the main window's File, Edit and Help menus
    for widget in page.findChildren(QWidget):
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            keys.append(mnemonic(widget.text()) or "")  # type: ignore[attr-defined]
    used = [k for k in keys if k]
    assert sorted(used) == sorted(set(used)) and len(used) == 3 + 6
