"""Settings › Users, driven by keyboard and mouse: turn on, add, role, reset, pick, remove."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from peerdesk.domain.roles import ROLES_STOP_MISTAKES, Role
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services, build
from peerdesk.storage.vault import user_slots
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.settings_page import SettingsPage
from peerdesk.ui.user_dialogs import (
    AddUserDialog,
    PickPswsDialog,
    ResetPassphraseDialog,
    chosen_role,
)
from peerdesk.ui.users_settings import UsersSection
from tests.conftest import PASSPHRASE
from tests.gui.dialog_helpers import click_row, shown_problems
from tests.gui.typing_helpers import unnamed
from tests.unit.services.checks_helpers import new_psw

SAM = "purple elephant kettle drum"
NEW = "seven quiet lanterns glowing"


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    widget = SettingsPage(services, bus)
    widget.resize(1100, 800)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.users is not None
    widget.tabs.setCurrentIndex(widget.tabs.count() - 1)
    yield widget


def _users(page: SettingsPage) -> UsersSection:
    assert page.users is not None
    return page.users


def _dialog(section: UsersSection) -> CheckDialog:
    dialog = section.dialog
    assert isinstance(dialog, CheckDialog) and dialog.isVisible()
    return dialog


def _press_ok(qtbot: QtBot, dialog: CheckDialog) -> None:
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def _mnemonics(section: UsersSection) -> list[str]:
    found = []
    for made in section.findChildren(QAbstractButton):
        if made.isVisible():
            match = re.search(r"&(\w)", made.text())
            if match:
                found.append(match.group(1).lower())
    return found


def _shown(section: UsersSection) -> str:
    return " ".join(label.text() for label in section.findChildren(QLabel) if label.isVisible())


def _table(section: UsersSection) -> list[list[str]]:
    model = section.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_users_section_like_a_coordinator(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    section = _users(page)
    assert ROLES_STOP_MISTAKES in section.warning.text()
    assert "Users are optional" in _shown(section)
    assert unnamed(section) == []
    ann = new_psw(services, "Ann Smith", known_as="")
    new_psw(services, "Bob Jones", known_as="")

    qtbot.keyClick(section.turn_on_button, Qt.Key.Key_Space)
    turn_on = _dialog(section)
    qtbot.keyClicks(turn_on.name, "  Priya Shah ")  # type: ignore[attr-defined]
    qtbot.keyClick(turn_on.name, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert not turn_on.isVisible()
    assert _table(section) == [["Priya Shah", "Coordinator", "Yes", ""]]
    assert not section.turn_on_button.isVisible()
    mnemonics = _mnemonics(section)
    assert len(mnemonics) == len(set(mnemonics)) == 6
    assert unnamed(section) == []

    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    add = _dialog(section)
    assert isinstance(add, AddUserDialog)
    qtbot.keyClicks(add.name, "priya SHAH")
    qtbot.keyClicks(add.fields.passphrase_edit, SAM)
    qtbot.keyClicks(add.fields.repeat_edit, SAM)
    _press_ok(qtbot, add)
    assert "already a user called Priya Shah" in shown_problems(add)
    add.name.selectAll()
    qtbot.keyClicks(add.name, "Sam Okafor")
    add.fields.passphrase_edit.clear()
    add.fields.repeat_edit.clear()
    qtbot.keyClicks(add.fields.passphrase_edit, PASSPHRASE)  # Priya's own passphrase
    qtbot.keyClicks(add.fields.repeat_edit, PASSPHRASE)
    _press_ok(qtbot, add)
    assert "already opens this vault" in shown_problems(add)
    add.fields.passphrase_edit.clear()
    add.fields.repeat_edit.clear()
    qtbot.keyClicks(add.fields.passphrase_edit, SAM)
    qtbot.keyClicks(add.fields.repeat_edit, SAM)
    assert chosen_role(add.role) is Role.SUPERVISOR
    _press_ok(qtbot, add)
    assert not add.isVisible()
    assert "Sam Okafor can now unlock PeerDesk." in section.status.text()
    assert _table(section)[1] == ["Sam Okafor", "Supervisor", "Yes", ""]

    click_row(qtbot, section.table, 1)
    qtbot.mouseClick(section.supervisees_button, Qt.MouseButton.LeftButton)
    pick = _dialog(section)
    assert isinstance(pick, PickPswsDialog)
    checklist = pick.checklist
    qtbot.keyClicks(checklist.filter, "ann")
    qtbot.keyClick(checklist.filter, Qt.Key.Key_Down)
    qtbot.keyClick(checklist.list, Qt.Key.Key_Space)
    assert checklist.summary.text() == "Ticked: Ann Smith"
    _press_ok(qtbot, pick)
    assert _table(section)[1] == ["Sam Okafor", "Supervisor", "Yes", "1 PSW"]
    assert services.users.list()[1].supervisees == {ann}

    qtbot.mouseClick(section.reset_button, Qt.MouseButton.LeftButton)
    reset = _dialog(section)
    assert isinstance(reset, ResetPassphraseDialog)
    qtbot.keyClicks(reset.fields.passphrase_edit, NEW)
    qtbot.keyClicks(reset.fields.repeat_edit, NEW)
    _press_ok(qtbot, reset)
    assert "Sam Okafor has a new passphrase." in section.status.text()
    assert user_slots.unlock_slot(services.paths, NEW).slot_id == services.users.list()[1].slot

    click_row(qtbot, section.table, 0)  # Priya, the only coordinator
    qtbot.mouseClick(section.role_button, Qt.MouseButton.LeftButton)
    role = _dialog(section)
    role.role.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(role.role, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    _press_ok(qtbot, role)
    assert "at least one active coordinator" in shown_problems(role)
    role.reject()

    click_row(qtbot, section.table, 1)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    remove = _dialog(section)
    _press_ok(qtbot, remove)
    assert ["Sam Okafor", "Supervisor", "No (removed)", "1 PSW"] in _table(section)
    click_row(qtbot, section.table, 1)
    assert not section.remove_button.isEnabled()  # a removed user cannot be changed


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.TRUSTEE])
def test_only_coordinators_see_the_users_tab(
    qtbot: QtBot, services: Services, bus: ChangeBus, role: Role
) -> None:
    other = build(services.workspace, services.clock, Viewer("Sam", role=role, user_id=2))
    widget = SettingsPage(other, bus)
    qtbot.addWidget(widget)
    assert widget.users is None
    titles = [widget.tabs.tabText(i) for i in range(widget.tabs.count())]
    assert "Users" not in titles
