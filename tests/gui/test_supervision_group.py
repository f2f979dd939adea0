"""A group session: each attendee's own check-in and actions typed in one form, kept apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.supervision_tab import SupervisionTab
from tests.gui.dialog_helpers import shown_problems
from tests.gui.test_supervision_policy import choose
from tests.gui.test_supervision_tab import add_action, open_record, press
from tests.gui.typing_helpers import type_text, unnamed
from tests.unit.services.checks_helpers import new_psw


def test_each_attendee_keeps_their_own_part(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    alex = new_psw(services)
    zoe = new_psw(services, "Zoë Brennan", known_as="Zoë")
    tab = SupervisionTab(services, bus)
    tab.resize(1000, 800)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_psw(alex)
    dialog = open_record(qtbot, tab)
    assert not dialog.whose.isEnabled()  # an individual session: only Alex's own part
    press(qtbot, dialog.group)
    type_text(qtbot, dialog.peer_picker, "Brennan")
    press(qtbot, dialog.add_attendee_button)
    assert unnamed(dialog) == []
    assert [dialog.whose.itemText(i) for i in range(dialog.whose.count())] == [
        "Alexandra Quinn (Alex)",
        "Zoë Brennan (Zoë)",
    ]
    qtbot.keyClicks(dialog.supervisor, "Sam Lee")
    type_text(qtbot, dialog.notes, "Group reflected on endings.")
    choose(qtbot, dialog.checkin, "Good")
    add_action(qtbot, dialog, "Alex: write up the walk", "Alex", "")

    choose(qtbot, dialog.whose, dialog.whose.itemText(1))  # Zoë's part: a clean slate
    assert dialog.checkin.currentText() == "Not asked"
    assert dialog.actions_model.rowCount() == 0
    choose(qtbot, dialog.checkin, "Low")
    type_text(qtbot, dialog.checkin_note, "Tired after nights")
    type_text(qtbot, dialog.learning, "Ending well")
    add_action(qtbot, dialog, "Zoë: book a day off", "Sam", "")

    choose(qtbot, dialog.whose, dialog.whose.itemText(0))  # back to Alex: nothing lost
    assert dialog.checkin.currentText() == "Good"
    assert dialog.actions_model.index(0, 0).data() == "Alex: write up the walk"
    dialog.grab().save("/tmp/shots/supervision_group_dialog.png")
    press(qtbot, dialog.ok)
    assert not dialog.isVisible(), shown_problems(dialog)

    seen_by_alex = tab.detail.text()
    assert "Check-in: Good" in seen_by_alex
    assert "Alex: write up the walk" in seen_by_alex
    assert "Zoë" not in seen_by_alex.split("Attendees:")[1].split("\n", 1)[1]
    tab.show_psw(zoe)
    seen_by_zoe = tab.detail.text()
    assert "Check-in: Low: Tired after nights" in seen_by_zoe
    assert "Learning need: Ending well" in seen_by_zoe
    assert "Action (Sam): Zoë: book a day off, open" in seen_by_zoe
    assert "Alex: write up the walk" not in seen_by_zoe
    assert [a.text for a in services.supervision.open_actions(zoe)] == ["Zoë: book a day off"]
    assert [a.text for a in services.supervision.open_actions(alex)] == ["Alex: write up the walk"]


def test_removing_an_attendee_drops_their_part(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    alex = new_psw(services)
    zoe = new_psw(services, "Zoë Brennan", known_as="Zoë")
    tab = SupervisionTab(services, bus)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_psw(alex)
    dialog = open_record(qtbot, tab)
    press(qtbot, dialog.group)
    type_text(qtbot, dialog.peer_picker, "Brennan")
    press(qtbot, dialog.add_attendee_button)
    choose(qtbot, dialog.whose, dialog.whose.itemText(1))
    type_text(qtbot, dialog.checkin_note, "Zoë's words")
    press(qtbot, dialog.remove_attendee_button)
    assert dialog.whose.count() == 1 and dialog.checkin_note.text() == ""
    assert [a.psw_id for a in dialog.draft().attendees] == [alex]
    assert zoe not in dialog.parts
    dialog.whose.setFocus()
    qtbot.keyClick(dialog.whose, Qt.Key.Key_Down)
    assert dialog.whose.currentIndex() == 0
