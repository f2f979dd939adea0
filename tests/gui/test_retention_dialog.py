"""Review retention by keyboard: the preview, unticking with Space, the warning, then acting."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.domain.journey import JourneyStatus
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.ui.retention_dialog import RetentionDialog
from tests.gui.test_rights_requests import answer_boxes
from tests.unit.services.checks_helpers import new_psw


def _quiet(services: Services, name: str) -> int:
    psw = new_psw(services, name, status=JourneyStatus.ENQUIRY)
    current = services.psws.get(psw)
    services.psws.change_status(
        current.id,
        JourneyStatus.LEFT,
        on=dt.date(2026, 11, 20),
        reason="No reply",
        version=current.version,
    )
    return psw


def test_preview_untick_and_act_by_keyboard(qtbot: QtBot, services: Services) -> None:
    kept = _quiet(services, "Keep Thisone")
    gone = _quiet(services, "Erase Thatone")
    later = build(services.workspace, FixedClock(dt.datetime(2029, 1, 1, 9, 0)))
    dialog = RetentionDialog(later)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "2 records are past retention." in dialog.summary.text()
    rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert any("Keep Thisone" in r for r in rows) and any("Erase Thatone" in r for r in rows)
    assert dialog.table.item(0, 1).text() == "Erase"
    assert "kept 6 months after the application ended" in dialog.table.item(0, 2).text()
    dialog.table.setFocus()
    row = next(r for r, text in enumerate(rows) if "Keep Thisone" in text)
    dialog.table.setCurrentCell(row, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(row, 0).checkState() == Qt.CheckState.Unchecked
    seen = answer_boxes("Yes", "OK")
    dialog.act_button.setFocus()
    qtbot.keyClick(dialog.act_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "Erase or anonymise 1 record? This cannot be undone" in seen[0]
    assert "1 record(s) erased or anonymised." in seen[1]
    assert "1 record is past retention." in dialog.summary.text()
    ids = {p.id for p in services.psws.list()} if hasattr(services.psws, "list") else None
    if ids is not None:
        assert kept in ids and gone not in ids
    dialog.grab().save("/tmp/shots/retention_dialog.png")
