"""Find in notes by role: a supervisor's "Include confidential" finds their own sessions'
confidential notes (ticked by keyboard or mouse); a trustee has no box and is told why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.roles import Role
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services, build
from peerdesk.ui.search_page import (
    COORDINATOR_TIP,
    NO_NOTES,
    SUPERVISOR_TIP,
    SearchDialog,
)
from tests.gui.typing_helpers import type_text, unnamed
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_own_sessions import record
from tests.unit.services.test_search_service import session


def dialog(qtbot: QtBot, services: Services) -> SearchDialog:
    found = SearchDialog(services, lambda: services.viewer, lambda _psw, _tab: True)
    qtbot.addWidget(found)
    found.start()
    qtbot.waitExposed(found)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is found)  # for its Alt+ mnemonics
    return found


def shown(found: SearchDialog) -> list[str]:
    return [found.results.item(i).text() for i in range(found.results.count())]


def snippets(found: SearchDialog) -> set[str]:
    return {text.split("\n", 1)[1] for text in shown(found)}


def test_a_supervisor_ticks_include_confidential_and_finds_their_own_sessions_notes(
    qtbot: QtBot, services: Services
) -> None:
    zoe = new_psw(services, "Zoë Nguyễn", known_as="")
    session(services, zoe, notes="Kettle shared chat")
    session(services, zoe, notes="Kettle secret of Sam Lee", level=Confidentiality.CONFIDENTIAL)
    record(services, "sam  OKAFOR", Confidentiality.CONFIDENTIAL, zoe, tag="kettle")
    sam = Viewer("Sam Okafor", role=Role.SUPERVISOR, user_id=2, supervisees=frozenset({zoe}))
    found = dialog(qtbot, build(services.workspace, services.clock, sam))
    box = found.include_confidential
    assert box.isVisible() and box.isEnabled() and not box.isChecked()
    assert (
        box.toolTip() == SUPERVISOR_TIP
        and "confidential notes of your own sessions" in box.toolTip()
    )
    assert not found.no_notes.isVisible()
    type_text(qtbot, found.query, "kettle")
    qtbot.waitUntil(lambda: found.message.text() == "1 match.")
    assert shown(found) == ["Zoë Nguyễn · Supervision notes · 2 November 2026\nKettle shared chat"]

    qtbot.keyClick(found, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Include &confidential
    qtbot.waitUntil(box.isChecked)  # a mnemonic clicks as a person would: pressed, then released
    own = {f"kettle confidential {word}" for word in ("notes", "checkin", "action", "need")}
    qtbot.waitUntil(lambda: snippets(found) == own | {"Kettle shared chat"})
    assert "Kettle secret of Sam Lee" not in snippets(found)  # another supervisor's session

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: snippets(found) == {"Kettle shared chat"})
    assert not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: snippets(found) == own | {"Kettle shared chat"})
    assert unnamed(found) == []
    Path("/tmp/shots").mkdir(exist_ok=True)
    found.grab().save("/tmp/shots/search_as_supervisor.png")


def test_a_coordinator_keeps_the_box_with_its_own_tooltip(qtbot: QtBot, services: Services) -> None:
    found = dialog(qtbot, build(services.workspace, services.clock, COORDINATOR))
    box = found.include_confidential
    assert box.isVisible() and box.isEnabled() and box.toolTip() == COORDINATOR_TIP
    assert not found.no_notes.isVisible()


def test_a_trustee_has_no_box_and_is_told_why(qtbot: QtBot, services: Services) -> None:
    tess = Viewer("Tess Trustee", role=Role.TRUSTEE, user_id=3)
    found = dialog(qtbot, build(services.workspace, services.clock, tess))
    assert not found.include_confidential.isVisible()
    assert not found.include_confidential.isEnabled()
    assert found.no_notes.isVisible() and found.no_notes.text() == NO_NOTES
    found.grab().save("/tmp/shots/search_as_trustee.png")
