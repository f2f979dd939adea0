"""Find in notes: type (each bad query too), see PSW, kind, date and a bold snippet; Enter opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.services.bundle import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.search_page import SearchDialog
from tests.gui.test_main_window import open_window
from tests.gui.typing_helpers import type_text, unnamed
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_service import BAD_QUERIES, session

GUI_BAD_QUERIES = [q for q in BAD_QUERIES if len(q) < 200] + ["x" * 600]


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    zoe = new_psw(services, "Zoë Nguyễn", known_as="")
    ann = new_psw(services, "Ann Smith", known_as="")
    session(services, zoe, notes="Talked about night shifts and <b>bold</b> rotas.")
    session(services, ann, notes="Night owl confidential", level=Confidentiality.CONFIDENTIAL)
    session(services, ann, notes="Night secret quokkaword", level=Confidentiality.PRIVATE)
    return open_window(qtbot, services)


def find_dialog(qtbot: QtBot, window: MainWindow) -> SearchDialog:
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    return dialog


def typed(qtbot: QtBot, dialog: SearchDialog, text: str) -> None:
    dialog.query.clear()
    type_text(qtbot, dialog.query, text)
    qtbot.wait(300)  # the search waits until typing stops


def shown(dialog: SearchDialog) -> list[str]:
    return [dialog.results.item(i).text() for i in range(dialog.results.count())]


def test_results_as_you_type_with_confidential_only_when_ticked(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = find_dialog(qtbot, window)
    assert dialog.message.text() == "Type a word to search."
    typed(qtbot, dialog, "night shi")
    assert shown(dialog) == [
        "Zoë Nguyễn · Supervision notes · 2 November 2026\n"
        "Talked about night shifts and <b>bold</b> rotas."
    ]
    item = dialog.results.item(0)
    html = item.data(Qt.ItemDataRole.UserRole + 2)
    assert "<b>night</b> <b>shifts</b>" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert dialog.message.text() == "1 match."
    assert dialog.message.textFormat() is Qt.TextFormat.PlainText
    typed(qtbot, dialog, "night")
    assert len(shown(dialog)) == 1
    qtbot.mouseClick(dialog.include_confidential, Qt.MouseButton.LeftButton)
    assert dialog.include_confidential.isChecked()
    assert any("Night owl confidential" in s for s in shown(dialog))
    assert not any("quokkaword" in s for s in shown(dialog))
    typed(qtbot, dialog, "quokkaword")
    assert shown(dialog) == [] and "Nothing found" in dialog.message.text()
    assert unnamed(dialog) == []


@pytest.mark.parametrize("query", GUI_BAD_QUERIES)
def test_each_bad_query_gives_results_or_the_message(
    qtbot: QtBot, window: MainWindow, query: str
) -> None:
    dialog = find_dialog(qtbot, window)
    typed(qtbot, dialog, query)
    assert shown(dialog) or dialog.message.text()
    assert dialog.isVisible()


def test_enter_opens_the_psw_on_the_supervision_tab(qtbot: QtBot, window: MainWindow) -> None:
    dialog = find_dialog(qtbot, window)
    type_text(qtbot, dialog.query, "rota")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)  # before the pause: waits for the answer
    assert not dialog.isVisible()
    form = window.psw_page.form
    current = form.current()
    assert current is not None and current.details.full_name == "Zoë Nguyễn"
    assert form.tabs.tabText(form.tabs.currentIndex()).replace("&", "") == "Supervision"
    reopened = window.find_in_notes()
    assert reopened is dialog and dialog.query.text() == "rota"


def test_down_then_enter_opens_from_the_list(qtbot: QtBot, window: MainWindow) -> None:
    dialog = find_dialog(qtbot, window)
    typed(qtbot, dialog, "night")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.results
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    current = window.psw_page.form.current()
    assert current is not None and current.details.full_name == "Zoë Nguyễn"
