"""Settings › Data rights requests: the nation and bank holidays, by keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.settings_page import SettingsPage
from tests.gui.dialog_helpers import retype
from tests.gui.typing_helpers import unnamed


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    widget = SettingsPage(services, bus)
    widget.resize(1000, 700)
    qtbot.addWidget(widget)
    widget.show()
    widget.tabs.setCurrentWidget(widget.rights_tab)
    yield widget


def test_choose_the_nation_and_edit_bank_holidays(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    part = page.rights
    assert unnamed(part) == []
    assert part.nation.currentText() == "England and Wales"
    part.nation.setFocus()
    qtbot.keyClick(part.nation, Qt.Key.Key_Down)  # Scotland
    qtbot.keyClick(part.nation_button, Qt.Key.Key_Space)
    assert services.rights.nation() == "scotland"
    assert "Scotland" in part.status.text()

    part.shown_nation.setCurrentIndex(part.shown_nation.findData("scotland"))
    before = part.model.rowCount()
    retype(qtbot, part.day, "15/06/2027")
    retype(qtbot, part.day_name, "Royal visit (local)")
    qtbot.keyClick(part.day_name, Qt.Key.Key_Return)
    assert part.model.rowCount() == before + 1
    assert dt.date(2027, 6, 15) in {h.day for h in services.rights.holidays("scotland")}
    page.grab().save("/tmp/shots/rights_settings.png")

    retype(qtbot, part.day, "31/02/2027")
    qtbot.keyClick(part.add_button, Qt.Key.Key_Space)
    assert part.model.rowCount() == before + 1
    assert "not a real date" in part.problem.text() or part.problem.isVisible()

    row = [h.day for h in part.holidays].index(dt.date(2027, 6, 15))
    part.days.select_row(row)
    qtbot.keyClick(part.remove_button, Qt.Key.Key_Space)
    assert part.model.rowCount() == before
    assert "Removed 15 June 2027" in part.status.text()
