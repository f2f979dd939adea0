"""Correcting a session before it is agreed; once both have agreed, only addenda remain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.supervision_edit_dialog import SupervisionEditDialog
from peerdesk.ui.supervision_tab import SupervisionTab
from tests.gui.dialog_helpers import retype, shown_problems
from tests.gui.test_supervision_tab import press
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


def recorded(services: Services, psw: PswId) -> None:
    services.supervision.record(
        SessionDraft(
            kind=SupervisionKind.MANAGERIAL,
            supervisor="Sam Lee",
            held_on=D(2026, 11, 2),
            minutes=45,
            attendees=(AttendeeDraft(psw, actions=(ActionDraft("Read the policy", "Alex"),)),),
            notes="Talked about nigth shifts.",
        )
    )


def open_correct(qtbot: QtBot, tab: SupervisionTab) -> SupervisionEditDialog:
    tab.table.selectRow(0)
    assert tab.correct_button.isVisible()
    press(qtbot, tab.correct_button)
    dialog = tab.dialog
    assert isinstance(dialog, SupervisionEditDialog) and dialog.isVisible()
    return dialog


def test_a_session_not_yet_agreed_is_corrected_by_keyboard(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    recorded(services, psw)
    tab.show_psw(psw)
    dialog = open_correct(qtbot, tab)
    assert unnamed(dialog) == []
    assert dialog.supervisor.text() == "Sam Lee"
    assert dialog.notes.toPlainText() == "Talked about nigth shifts."
    assert not dialog.action_text.isVisible() and not dialog.group.isVisible()
    assert "stay as recorded" in dialog.note.text()
    dialog.grab().save("/tmp/shots/supervision_correct.png")
    retype(qtbot, dialog.held_on, "03/11/2026")
    dialog.notes.clear()
    type_text(qtbot, dialog.notes, "Talked about night shifts.")
    dialog.minutes.setValue(50)
    press(qtbot, dialog.ok)
    assert not dialog.isVisible(), shown_problems(dialog)
    tab.table.selectRow(0)
    assert "Talked about night shifts." in tab.detail.text()
    assert "3 November 2026" in tab.detail.text() or "3 Nov 2026" in tab.detail.text()
    assert "Read the policy" in tab.detail.text()  # the action stays as recorded


def test_a_correction_in_the_future_is_refused_and_nothing_changes(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    recorded(services, psw)
    tab.show_psw(psw)
    dialog = open_correct(qtbot, tab)
    retype(qtbot, dialog.held_on, "01/12/2026")
    press(qtbot, dialog.ok)
    assert dialog.isVisible()
    assert "Record it as the next date instead" in shown_problems(dialog)
    dialog.reject()
    session = services.supervision.history(psw)[0]
    assert session.held_on == D(2026, 11, 2)


def test_an_agreed_session_offers_an_addendum_not_a_correction(
    qtbot: QtBot, tab: SupervisionTab, services: Services
) -> None:
    psw = new_psw(services)
    recorded(services, psw)
    session = services.supervision.history(psw)[0]
    services.supervision.agree(session.id, psw_on=D(2026, 11, 3), supervisor_on=D(2026, 11, 3))
    tab.show_psw(psw)
    tab.table.selectRow(0)
    assert not tab.correct_button.isVisible()
    assert tab.addendum_button.isVisible()
