"""The Supervision tab: record a session by keyboard, see its actions carried into the next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import AttendeeDraft, SessionDraft
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.learning_need_dialog import SendNeedDialog
from peerdesk.ui.supervision_dialog import SupervisionDialog
from peerdesk.ui.supervision_lock_dialogs import AddendumDialog, AgreeDialog
from peerdesk.ui.supervision_tab import SupervisionTab
from tests.gui.dialog_helpers import retype, shown_problems
from tests.gui.typing_helpers import type_text, unnamed
from tests.unit.services.checks_helpers import new_psw

D = dt.date


@pytest.fixture
def tab(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SupervisionTab]:
    widget = SupervisionTab(services, bus)
    widget.resize(1000, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def press(qtbot: QtBot, widget: QWidget) -> None:
    """Move to a button and press Space, as a keyboard user does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def open_record(qtbot: QtBot, tab: SupervisionTab) -> SupervisionDialog:
    press(qtbot, tab.record_button)
    dialog = tab.dialog
    assert isinstance(dialog, SupervisionDialog) and dialog.isVisible()
    return dialog


def add_action(qtbot: QtBot, dialog: SupervisionDialog, text: str, owner: str, due: str) -> None:
    type_text(qtbot, dialog.action_text, text)
    qtbot.keyClicks(dialog.action_owner, owner)
    qtbot.keyClicks(dialog.action_due, due)
    press(qtbot, dialog.add_action_button)


def test_record_by_keyboard_and_actions_carry_into_the_next(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    tab.show_psw(psw)
    assert tab.message.text() == "No supervision sessions recorded yet."
    dialog = open_record(qtbot, tab)
    assert unnamed(dialog) == []
    qtbot.keyClicks(dialog.supervisor, "Sam Lee")
    retype(qtbot, dialog.held_on, "02/11/2026")
    retype(qtbot, dialog.starts_at, "14:30")
    type_text(qtbot, dialog.notes, "Talked about night shifts.")
    add_action(qtbot, dialog, "Read the lone-working policy", "Alex", "20/11/2026")
    add_action(qtbot, dialog, "Book Zoë's shadow shift", "Sam", "")
    assert dialog.actions_model.rowCount() == 2
    dialog.grab().save("/tmp/shots/supervision_dialog.png")
    press(qtbot, dialog.ok)
    assert not dialog.isVisible(), shown_problems(dialog)
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 2).data() == "Sam Lee"
    assert "Confidential: not shown in lists" in tab.model.index(0, 4).data()
    assert "Action (Alex): Read the lone-working policy" in tab.detail.text()

    again = open_record(qtbot, tab)
    carried = [again.form.labelForField(box).text() for box in again.carry_boxes]
    assert carried == [
        "Read the lone-working policy (Alex): agreed 2 November 2026, due 20 November 2026",
        "Book Zoë's shadow shift (Sam): agreed 2 November 2026",
    ]
    assert [box.currentText() for box in again.carry_boxes] == ["Kept", "Kept"]
    again.carry_boxes[0].setFocus()
    qtbot.keyClick(again.carry_boxes[0], Qt.Key.Key_Up)  # Kept -> Done
    assert again.carry_boxes[0].currentText() == "Done"
    qtbot.keyClicks(again.supervisor, "Sam Lee")
    press(qtbot, again.ok)
    assert not again.isVisible(), shown_problems(again)
    assert [a.text for a in services.supervision.open_actions(psw)] == ["Book Zoë's shadow shift"]
    tab.grab().save("/tmp/shots/supervision_tab.png")


def test_refusals_are_shown_and_nothing_is_lost(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    tab.show_psw(new_psw(services))
    dialog = open_record(qtbot, tab)
    type_text(qtbot, dialog.notes, "Keep me")
    retype(qtbot, dialog.held_on, "24/11/2026")
    retype(qtbot, dialog.minutes.lineEdit(), "0")
    press(qtbot, dialog.ok)
    assert dialog.isVisible()
    said = shown_problems(dialog)
    assert "Record it as the next date instead" in said
    assert "0 minutes or over 8 hours" in said
    assert "Enter the supervisor's name." in said
    assert dialog.notes.toPlainText() == "Keep me"


def recorded(services: Services, psw: PswId, notes: str, level: Confidentiality) -> None:
    services.supervision.record(
        SessionDraft(
            kind=SupervisionKind.REFLECTIVE,
            supervisor="Sam <i>Lee</i>",
            held_on=D(2026, 11, 2),
            minutes=30,
            attendees=(AttendeeDraft(psw, checkin=4),),
            notes=notes,
            confidentiality=level,
        )
    )


def test_user_text_shows_as_typed(qtbot: QtBot, tab: SupervisionTab, services: Services) -> None:
    psw = new_psw(services)
    recorded(services, psw, "A note with <b>bold</b> in it", Confidentiality.SHARED)
    tab.show_psw(psw)
    assert tab.detail.textFormat() == Qt.TextFormat.PlainText
    assert "A note with <b>bold</b> in it" in tab.detail.text()
    assert "Check-in: Good" in tab.detail.text()
    assert tab.model.index(0, 4).data() == "A note with <b>bold</b> in it"
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in tab.findChildren(QLabel)
        if "<" in label.text()
    )


def test_private_text_needs_show_private_text(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    recorded(services, psw, "Private words", Confidentiality.PRIVATE)
    tab.show_psw(psw)
    assert "Private words" not in tab.detail.text()
    assert tab.reveal.isVisible()
    press(qtbot, tab.reveal)
    assert "Private words" in tab.detail.text()


def test_agree_locks_then_only_addenda(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    recorded(services, psw, "Notes", Confidentiality.CONFIDENTIAL)
    tab.show_psw(psw)
    assert not tab.addendum_button.isVisible()
    press(qtbot, tab.agree_button)
    agree = tab.dialog
    assert isinstance(agree, AgreeDialog)
    press(qtbot, agree.ok)
    assert not agree.isVisible(), shown_problems(agree)
    assert "Locked: agreed by the PSW on 23 November 2026" in tab.detail.text()
    assert not tab.agree_button.isEnabled() and tab.addendum_button.isVisible()
    press(qtbot, tab.addendum_button)
    addendum = tab.dialog
    assert isinstance(addendum, AddendumDialog)
    type_text(qtbot, addendum.text, "Shift pattern changed.")
    press(qtbot, addendum.ok)
    assert "Addendum 23 November 2026:\nShift pattern changed." in tab.detail.text()
    tab.grab().save("/tmp/shots/supervision_locked.png")


def test_a_learning_need_is_sent_to_the_training_profile(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    services.supervision.record(
        SessionDraft(
            kind=SupervisionKind.MANAGERIAL,
            supervisor="Sam Lee",
            held_on=D(2026, 11, 2),
            minutes=45,
            attendees=(
                AttendeeDraft(psw, learning_needs=("Boundaries refresher", "Lone working")),
            ),
        )
    )
    tab.show_psw(psw)
    names = [b.accessibleName() for b in tab.send_buttons]
    assert names == [
        "Send to training needs: Boundaries refresher",
        "Send to training needs: Lone working",
    ]
    assert all(b.isVisible() for b in tab.send_buttons)
    press(qtbot, tab.send_buttons[1])
    dialog = tab.dialog
    assert isinstance(dialog, SendNeedDialog) and unnamed(dialog) == []
    topics = [t.name for t in services.training.topics() if not t.retired]
    dialog.topic.setFocus()
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Down)
    assert dialog.topic.currentText() == topics[1]
    press(qtbot, dialog.ok)
    assert not dialog.isVisible(), shown_problems(dialog)
    assert "Learning need: Lone working (in training needs)" in tab.detail.text()
    assert [b.accessibleName() for b in tab.send_buttons] == [
        "Send to training needs: Boundaries refresher"
    ]
    need = services.training.needs(psw)[-1]
    assert need.source == "Supervision 2 November 2026: Lone working"
    tab.grab().save("/tmp/shots/supervision_send_need.png")
