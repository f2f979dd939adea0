"""Typing up a paper contact sheet: lines like a spreadsheet, saved all together or not at all."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.ids import PswId
from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui.contact_batch_dialog import NOTE, PROBLEM, ContactBatchDialog
from peerdesk.ui.matches_tab import MatchesTab
from peerdesk.ui.psw_form import PswForm

D = dt.date


def two_matches(services: Services) -> PswId:
    psw = services.psws.create(PswDetails(full_name="Łukasz Nowak", capacity=3))[0].id
    for name in ("Ama Mensah", "Zoë Nguyễn"):
        who = services.people.create(PersonDetails(full_name=name, referred_on=D(2026, 6, 1)))
        services.person_consents.give(who[0].id, on=D(2026, 6, 1), how=ConsentHow.WRITTEN)
        match, _ = services.matches.propose(who[0].id, psw, on=D(2026, 11, 1))
        services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 11, 5))
    return psw


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_line(qtbot: QtBot, dialog: ContactBatchDialog, cells: list[str]) -> None:
    """From the first cell of a line: type each cell (empty: leave it), Tab to the next."""
    for index, text in enumerate(cells):
        if text:
            qtbot.keyClick(focused(), text[0])  # any key starts editing, as in a spreadsheet
            if len(text) > 1:
                qtbot.keyClicks(focused(), text[1:])
        key = Qt.Key.Key_Return if index == len(cells) - 1 else Qt.Key.Key_Tab
        qtbot.keyClick(focused(), key)


def test_bad_line_saves_nothing_then_all_are_saved(
    qtbot: QtBot, form: PswForm, services: Services
) -> None:
    psw = two_matches(services)
    form.load(services.psws.get(psw))
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    form.tabs.setCurrentIndex(titles.index("Matches"))
    tab = form.tabs.currentWidget()
    assert isinstance(tab, MatchesTab)
    tab.sheet_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ContactBatchDialog)
    grid = dialog.grid
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(grid.hasFocus)
    # match, date, minutes, how, took place, note; Enter after the note goes to the next line
    type_line(qtbot, dialog, ["A", "06/11/2026", "45", "P", "", "Walk in the park"])
    assert (grid.currentRow(), grid.currentColumn()) == (1, 0)
    type_line(qtbot, dialog, ["Z", "02/11/2026", "30", "", "", "Coffee"])
    type_line(qtbot, dialog, ["Z", "12/11/2026", "60", "O", "C", ""])
    assert grid.item(0, 0).text() == "Ama Mensah" and grid.item(0, 3).text() == "Phone"
    assert grid.item(2, 4).text() == "Cancelled" and grid.item(1, NOTE).text() == "Coffee"
    dialog.save_button.click()
    assert dialog.isVisible()
    assert grid.item(0, PROBLEM).text() == "" and grid.item(2, PROBLEM).text() == ""
    assert "before the introduction on 5 November 2026" in grid.item(1, PROBLEM).text()
    assert "1 line needs fixing: nothing is saved" in dialog.summary._text.text()
    assert all(services.matches.contacts(m.id) == [] for m in services.matches.for_psw(psw))
    dialog.grab().save("/tmp/shots/contact_batch_refused.png")

    grid.setCurrentCell(1, 1)
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "07/11/2026")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert (grid.currentRow(), grid.currentColumn()) == (1, 2)
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = {
        m.person_id: [c.details.minutes for c in services.matches.contacts(m.id)]
        for m in services.matches.for_psw(psw)
    }
    assert sorted(saved.values()) == [[30, 60], [45]]
    assert tab.contacts_model.rowCount() >= 1  # the tab shows the new contacts at once


def test_menu_version_picks_the_peer_worker_first(qtbot: QtBot, services: Services) -> None:
    psw = two_matches(services)
    services.psws.create(PswDetails(full_name="Aaron Adams"))
    dialog = ContactBatchDialog(services, None)
    qtbot.addWidget(dialog)
    assert dialog.psw.isVisible() or not dialog.isVisible()
    assert dialog.match_delegate.choices == []  # Aaron Adams comes first and has no matches
    dialog.psw.setCurrentIndex(dialog.psw.findData(psw))
    assert dialog.match_delegate.choices == ["Ama Mensah", "Zoë Nguyễn"]
