"""View › Audit log…: entries newest first, the action filter, the chain check and export."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import Services
from peerdesk.ui import save_export
from peerdesk.ui.audit_log_dialog import AuditLogDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.save_export import WARNING
from tests.gui.test_main_window import open_window
from tests.gui.typing_helpers import click_button, unnamed
from tests.unit.services.checks_helpers import new_psw


@pytest.fixture(autouse=True)
def no_recorder_left() -> Iterator[None]:
    yield
    save_export.set_export_recorder(None)


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    monkeypatch.setattr(save_export, "_last_folder", None)

    def fake(_parent: QWidget, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        return str(folder / Path(suggested).name), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return folder


def _open(qtbot: QtBot, services: Services) -> tuple[MainWindow, AuditLogDialog]:
    main = open_window(qtbot, services)
    view_menu = main.menuBar().actions()[2].menu()
    assert main.audit_log_action in view_menu.actions()  # type: ignore[union-attr]
    assert main.audit_log_action.text() == "&Audit log…"
    main.audit_log_action.trigger()
    dialog = main.findChild(AuditLogDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return main, dialog


def _answer_boxes(*buttons: str) -> list[str]:
    """Click ``buttons`` in the message boxes that open in turn (the log dialog is modal too)."""
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, poll)
            return
        seen.append(box.text())
        click_button(buttons[len(seen) - 1])(box)
        if len(seen) < len(buttons):
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return seen


def _cells(dialog: AuditLogDialog, column: int) -> list[str]:
    return [dialog.table.item(r, column).text() for r in range(dialog.table.rowCount())]


def test_lists_newest_first_and_filters_by_action_from_the_keyboard(
    qtbot: QtBot, services: Services
) -> None:
    psw_id = new_psw(services)
    services.psws.get(psw_id)
    _main, dialog = _open(qtbot, services)
    assert unnamed(dialog) == []
    ids = [int(i) for i in _cells(dialog, 0)]
    assert ids == sorted(ids, reverse=True)
    assert ("view", "psw") in zip(_cells(dialog, 3), _cells(dialog, 4), strict=True)
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.action_filter
    while dialog.action_filter.currentText() != "create":
        qtbot.keyClick(dialog.action_filter, Qt.Key.Key_Down)
    assert set(_cells(dialog, 3)) == {"create"}
    assert dialog.count.text().endswith("entries shown")
    dialog.reject()


def test_check_the_chain_says_whole_then_broken(qtbot: QtBot, services: Services) -> None:
    new_psw(services)
    _main, dialog = _open(qtbot, services)
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "whole" in dialog.chain_result.text())
    assert dialog.chain_result.text().startswith("The audit log's chain is whole:")
    target = int(_cells(dialog, 0)[-1])
    with services.workspace.transaction() as s:
        c = s.connection()
        c.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        c.exec_driver_sql(f"UPDATE audit_log SET user = 'Someone' WHERE id = {target}")
    dialog.activateWindow()  # the progress window took it (offscreen gives it back to no one)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "broken" in dialog.chain_result.text())
    assert dialog.chain_result.text() == (
        f"The audit log's chain is broken at entry {target}: it may have been tampered with."
    )
    dialog.reject()


def test_export_saves_a_csv_and_is_recorded(
    qtbot: QtBot, services: Services, save_to: Path
) -> None:
    new_psw(services)
    _main, dialog = _open(qtbot, services)
    seen = _answer_boxes("Continue", "OK")
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [WARNING, "Saved audit-log-2026-11-23.csv."]
    assert os.listdir(save_to) == ["audit-log-2026-11-23.csv"]
    newest = services.audit.entries().entries[0]
    assert (newest.action, newest.record_kind, newest.record_id) == ("export", "audit", None)
    QApplication.processEvents()
    dialog.reject()
