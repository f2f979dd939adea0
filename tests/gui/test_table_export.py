"""Export table…: the page's visible columns in its sort, XLSX without formulas, CSV with BOM."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui import save_export
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.save_export import WARNING
from peerdesk.ui.table_export_flow import CSV_FILTER, XLSX_FILTER
from peerdesk.ui.table_sources import NO_TABLE
from tests.gui.test_main_window import open_window
from tests.gui.test_save_export import answer_in_turn
from tests.gui.typing_helpers import click_button


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    for name, capacity in (("=1+1", 3), ("Amir Haddad", 2), ("Zoë Nguyễn 李", 5)):
        services.psws.create(PswDetails(full_name=name, known_as="", capacity=capacity))
    made = open_window(qtbot, services)
    yield made
    made.undo_stack.clear()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to save in (the test vault is in tmp_path)."""
    folder = tmp_path / "saved"
    folder.mkdir()
    return folder


def choose(monkeypatch: pytest.MonkeyPatch, path: Path, file_filter: str) -> list[str]:
    suggested: list[str] = []

    def fake(_parent: object, _title: str, name: str, filters: str) -> tuple[str, str]:
        suggested.append(Path(name).name)
        assert filters.split(";;") == [XLSX_FILTER, CSV_FILTER]
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.setattr(save_export, "_last_folder", None)
    return suggested


def show_peer_workers(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setFocus()
    window.navigation.setCurrentRow(window.pages.indexOf(window.psw_page))
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.psw_page)


def export_by_keyboard(qtbot: QtBot, window: MainWindow) -> list[str]:
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: len(seen) == 2)
    return seen


def test_xlsx_has_visible_columns_in_sort_order_numbers_as_numbers_and_no_formula(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path
) -> None:
    show_peer_workers(qtbot, window)
    table = window.psw_page.table
    table.horizontalHeader().hideSection(1)  # "Known as" hidden: not exported
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    suggested = choose(monkeypatch, out / "workers.xlsx", XLSX_FILTER)

    seen = export_by_keyboard(qtbot, window)

    assert seen == [WARNING, "Saved workers.xlsx."]
    assert suggested == ["peer-workers-2026-11-23.xlsx"]
    assert os.listdir(out) == ["workers.xlsx"]
    sheet = openpyxl.load_workbook(out / "workers.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    assert header == ["Name", "Status", "Since", "Role", "Area", "Capacity", "Updated"]
    names = [r[0].value for r in rows[1:]]
    assert names == ["Zoë Nguyễn 李", "Amir Haddad", "=1+1"]  # the table's order, Z to A
    assert all(cell.data_type != "f" for row in rows for cell in row)
    formula_like = rows[3][0]
    assert formula_like.data_type == "s" and formula_like.value == "=1+1"
    assert [r[5].value for r in rows[1:]] == [5, 2, 3]
    assert all(r[5].data_type == "n" for r in rows[1:])


def test_csv_by_file_type_starts_with_bom_and_follows_the_sort(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path
) -> None:
    show_peer_workers(qtbot, window)
    window.psw_page.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # by capacity
    choose(monkeypatch, out / "workers", CSV_FILTER)  # typed without an extension

    seen = export_by_keyboard(qtbot, window)

    assert seen[1] == "Saved workers.csv."
    data = (out / "workers.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Name" and rows[0][6] == "Capacity"
    assert [(r[0], r[6]) for r in rows[1:]] == [
        ("Amir Haddad", "2"),
        ("'=1+1", "3"),
        ("Zoë Nguyễn 李", "5"),
    ]


def test_needs_attention_exports_from_its_context_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path
) -> None:
    table = window.attention_page.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    [action] = [a for a in table.actions() if a.text() == "E&xport table…"]
    choose(monkeypatch, out / "due.xlsx", XLSX_FILTER)
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2)
    sheet = openpyxl.load_workbook(out / "due.xlsx").active
    assert sheet is not None
    header = [c.value for c in next(sheet.iter_rows())]
    assert header == ["Name", "Item", "Due", "When", "Status"]
    assert sheet.max_row == 1 + window.attention_page.model.rowCount()


def test_a_page_without_a_table_says_so(qtbot: QtBot, window: MainWindow, out: Path) -> None:
    window.navigation.setCurrentRow(window.pages.indexOf(window.settings_page))
    seen = answer_in_turn(click_button("OK"))
    window.export_table_action.trigger()
    assert seen == [f"Error: {NO_TABLE}"]


def test_cancel_at_the_warning_leaves_no_file(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path
) -> None:
    show_peer_workers(qtbot, window)
    suggested = choose(monkeypatch, out / "workers.xlsx", XLSX_FILTER)
    seen = answer_in_turn(click_button("Cancel"))
    window.export_table_action.trigger()
    assert seen == [WARNING] and suggested == [] and os.listdir(out) == []


def test_find_in_notes_results_export_as_listed(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, out: Path
) -> None:
    from tests.gui.test_search_page import typed
    from tests.unit.services.checks_helpers import new_psw
    from tests.unit.services.test_search_service import session

    zoe = new_psw(services, "Zoë Nguyễn", known_as="")
    session(services, zoe, notes="=cmd night shifts")
    window = open_window(qtbot, services)
    window.find_notes_action.trigger()
    dialog = window.search_dialog
    assert dialog is not None
    typed(qtbot, dialog, "night")
    choose(monkeypatch, out / "found.xlsx", XLSX_FILTER)
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    qtbot.keyClick(dialog, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # E&xport results…
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == "Saved found.xlsx."
    sheet = openpyxl.load_workbook(out / "found.xlsx").active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Peer worker", "Found in", "Date", "Confidentiality", "Snippet"]
    assert rows[1][0] == "Zoë Nguyễn" and rows[1][4] == "=cmd night shifts"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
