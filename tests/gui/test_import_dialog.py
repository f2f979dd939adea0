"""Import volunteers: preview, mapping by keyboard, check with rows left out, import all or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from peerdesk.domain.psw import PswQuery
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.import_check import LEAVE_OUT
from peerdesk.ui.import_dialog import ImportDialog
from tests.gui.test_save_export import answer_in_turn
from tests.gui.typing_helpers import answer_next_modal, click_button, type_text, unnamed


def dialog_for(qtbot: QtBot, services: Services, path: Path) -> ImportDialog:
    dialog = ImportDialog(services, ChangeBus())
    qtbot.addWidget(dialog)
    assert dialog.open_file(path)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press(qtbot: QtBot, widget: object, key: Qt.Key = Qt.Key.Key_Space) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(widget, key)  # type: ignore[arg-type]


def choose_by_keyboard(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    combo.setFocus()
    type_text(qtbot, combo, label)
    assert combo.currentText() == label


def test_mapping_by_keyboard_then_import(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    path = tmp_path / "old list.csv"
    path.write_bytes(
        "Christian name;Mail;Born\r\nZo\u00eb Ng\u1ec5;zoe@example.org;31/12/1980\r\n"
        "Bob Ray;;\r\n".encode("cp1252", errors="replace").replace(b"?", b"e")
    )
    dialog = dialog_for(qtbot, services, path)
    assert "semicolon" in dialog.preview.summary.text()
    assert dialog.preview.encoding.currentData() == "cp1252"
    assert unnamed(dialog) == []
    press(qtbot, dialog.next_button)
    assert dialog.pages.currentWidget() is dialog.mapping
    assert dialog.mapping.fields() == ("ignore", "ignore", "ignore")
    assert not dialog.next_button.isEnabled()  # no name column yet
    assert "full name" in dialog.mapping.problems.text()
    combos = dialog.mapping.combos
    choose_by_keyboard(qtbot, combos[0], "Full name")
    choose_by_keyboard(qtbot, combos[1], "Email")
    choose_by_keyboard(qtbot, combos[2], "Date of birth")
    assert dialog.mapping.fields() == ("full_name", "email", "date_of_birth")
    assert dialog.next_button.text() == "&Check" and dialog.next_button.isEnabled()
    type_text(qtbot, dialog.mapping.preset_name, "Old list")
    press(qtbot, dialog.mapping.save_button)
    assert services.imports.presets()["Old list"]["christian name"] == "full_name"
    press(qtbot, dialog.next_button)
    assert dialog.pages.currentWidget() is dialog.check
    assert "New: 2." in dialog.check.counts.text()
    assert dialog.import_button.isEnabled()
    before = services.psws.count(PswQuery())
    seen = answer_next_modal(click_button("OK"))
    press(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Imported 2 peer support workers."]
    assert services.psws.count(PswQuery()) == before + 2


def test_errors_block_import_until_their_rows_are_left_out(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,DOB\nAnn Lee,31/02/1990\nBo Ray,04/05/1990\n", encoding="utf-8")
    dialog = dialog_for(qtbot, services, path)
    press(qtbot, dialog.next_button)
    press(qtbot, dialog.next_button)
    grid = dialog.check.grid
    assert grid.item(0, 0).text() == "2" and grid.item(0, 2).text() == "DOB"
    assert grid.item(0, 3).text() == "31/02/1990"
    assert "February 1990 has 28 days" in grid.item(0, 4).text()
    assert not dialog.import_button.isEnabled()
    grid.setFocus()
    grid.setCurrentCell(0, LEAVE_OUT)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert dialog.check.left_out == {2}
    assert "Rows left out: 1." in dialog.check.counts.text()
    assert dialog.import_button.isEnabled()


def test_month_first_dates_are_asked_about(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Name,DOB\nAnn Lee,04/13/1990\n", encoding="utf-8")
    dialog = dialog_for(qtbot, services, path)
    press(qtbot, dialog.next_button)
    asked = answer_next_modal(click_button("Month first (04/13/2024)"))
    press(qtbot, dialog.next_button)
    assert "look month first" in asked[0]
    assert dialog.check.plan is not None and dialog.check.plan.errors() == []
    assert dialog.import_button.isEnabled()


def test_refused_files_say_why_and_open_nothing(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"))
    dialog = ImportDialog(services, ChangeBus())
    qtbot.addWidget(dialog)
    seen = answer_next_modal(click_button("OK"))
    assert not dialog.open_file(xls)
    qtbot.waitUntil(lambda: bool(seen))
    assert "save it as .xlsx or CSV" in seen[0] and "Nothing was imported" in seen[0]
    assert QApplication.activeModalWidget() is None


def test_errors_are_saved_as_csv_through_the_save_flow(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,DOB\nAnn Lee,31/02/1990\n=cmd,\n", encoding="utf-8")
    dialog = dialog_for(qtbot, services, path)
    press(qtbot, dialog.next_button)
    press(qtbot, dialog.next_button)
    target = tmp_path / "saved errors.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "CSV files"))
    )
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    press(qtbot, dialog.check.save_errors)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "will not be encrypted" in seen[0]
    saved = target.read_text(encoding="utf-8-sig").splitlines()
    assert saved[0] == "Row,Column,Value,Message"
    assert saved[1].startswith("2,DOB,31/02/1990,")
