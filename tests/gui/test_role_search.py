"""Find in notes as a supervisor: no "Include confidential" box, and the page says why."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.domain.roles import Role
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services, build
from peerdesk.ui.search_page import SHARED_ONLY, SearchDialog


def dialog(qtbot: QtBot, services: Services) -> SearchDialog:
    found = SearchDialog(services, lambda: services.viewer, lambda _psw, _tab: True)
    qtbot.addWidget(found)
    found.start()
    qtbot.waitExposed(found)
    return found


def test_a_supervisor_searches_shared_notes_only_and_is_told_so(
    qtbot: QtBot, services: Services
) -> None:
    sam = Viewer("Sam Patel", role=Role.SUPERVISOR, user_id=2)
    found = dialog(qtbot, build(services.workspace, services.clock, sam))
    assert not found.include_confidential.isVisible()
    assert not found.include_confidential.isEnabled()
    assert found.shared_only.isVisible() and found.shared_only.text() == SHARED_ONLY
    found.grab().save("/tmp/shots/search_as_supervisor.png")


def test_a_coordinator_keeps_the_box(qtbot: QtBot, services: Services) -> None:
    found = dialog(qtbot, build(services.workspace, services.clock, COORDINATOR))
    assert found.include_confidential.isVisible() and found.include_confidential.isEnabled()
    assert not found.shared_only.isVisible()
