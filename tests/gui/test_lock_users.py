"""With users, the lock screen takes any active user's passphrase and rebuilds for that user;
a draft kept on locking is offered back only to the user whose form it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.domain.roles import Role
from tests.conftest import PASSPHRASE
from tests.gui.test_lock import NAMES, Running, running, unlock_by_keyboard  # noqa: F401

SAM = "purple elephant kettle drum"


def test_another_user_unlocks_gets_their_own_viewer_and_not_the_draft(
    qtbot: QtBot,
    running: Running,  # noqa: F811
) -> None:
    users = running.session.services.users
    users.turn_on("Priya Shah")
    users.add_user("Sam Okafor", Role.COORDINATOR, SAM)
    window = running.window
    assert window.open_psw(running.first)
    qtbot.keyClicks(window.psw_page.form.contact.full_name, " edited by Priya")
    running.session.lock()

    unlock_by_keyboard(qtbot, running, SAM)
    services = running.session.services
    assert (services.viewer.id, services.viewer.role) == ("Sam Okafor", Role.COORDINATOR)
    assert services.workspace.user == "Sam Okafor"
    offers = running.session.draft_offers
    assert offers is not None and offers.box is None  # Priya's draft is not Sam's
    assert (
        f"{NAMES[0]} edited by Priya" not in running.window.psw_page.form.contact.full_name.text()
    )

    running.session.lock()
    unlock_by_keyboard(qtbot, running, PASSPHRASE)
    assert running.session.services.viewer.id == "Priya Shah"
    offers = running.session.draft_offers
    assert offers is not None and offers.box is not None  # Priya gets her unsaved edit back
    qtbot.keyClick(offers.box, Qt.Key.Key_Return)  # Restore is the default
    form = running.window.psw_page.form
    assert form.contact.full_name.text() == f"{NAMES[0]} edited by Priya"


def test_a_removed_users_passphrase_does_not_unlock(
    qtbot: QtBot,
    running: Running,  # noqa: F811
) -> None:
    users = running.session.services.users
    users.turn_on("Priya Shah")
    sam, _ = users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    users.remove(sam.id)
    running.session.lock()
    unlock_by_keyboard(qtbot, running, SAM)
    assert running.session.is_locked
    screen = running.session.lock_screen
    assert screen is not None
    assert "did not open this vault" in screen.unlock.message.text()
