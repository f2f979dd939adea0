"""File > Trustees' report…: default period, the threshold shown, bad and empty periods, saved."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.person import PersonDetails
from peerdesk.services.bundle import Services
from peerdesk.ui import save_export
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.save_export import WARNING
from peerdesk.ui.trustees_report_dialog import TrusteesReportDialog, make_trustees_report
from tests.gui.dialog_helpers import retype
from tests.gui.typing_helpers import answer_next_modal, click_button, unnamed


@pytest.fixture(autouse=True)
def fresh_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TrusteesReportDialog, "last_period", None)


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    monkeypatch.setattr(save_export, "_last_folder", None)

    def fake(_parent: QWidget, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        return str(folder / Path(suggested).name), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return folder


def answers(*texts: str) -> list[str]:
    seen: list[str] = []

    def arm(index: int) -> None:
        if index >= len(texts):
            return

        def act(dialog: QWidget) -> None:
            seen.append(getattr(dialog, "text", dialog.windowTitle)())
            arm(index + 1)
            click_button(texts[index])(dialog)

        answer_next_modal(act)

    arm(0)
    return seen


def test_defaults_to_last_april_to_march_and_shows_the_threshold(
    qtbot: QtBot, window: QWidget, services: Services
) -> None:
    dialog = make_trustees_report(window, services)
    assert dialog.period() == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert dialog.start.text() == "01/04/2025" and dialog.end.text() == "31/03/2026"
    assert "Counts under 5 print as \u201c<5\u201d" in dialog.threshold_note.text()
    assert unnamed(dialog) == []
    dialog.reject()


def test_from_after_to_is_explained_and_the_dialog_stays(
    qtbot: QtBot, window: QWidget, services: Services, save_to: Path
) -> None:
    dialog = make_trustees_report(window, services)
    retype(qtbot, dialog.start, "01/11/2026")
    retype(qtbot, dialog.end, "01/10/2026")
    assert dialog.period() == (dt.date(2026, 11, 1), dt.date(2026, 10, 1))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "starts on 1 November 2026, after it ends on 1 October 2026" in dialog.problem.text()
    retype(qtbot, dialog.end, "31/02/2026")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == "The To date: There is no day 31/02/2026 (day/month/year)."
    assert os.listdir(save_to) == []
    dialog.reject()


def test_makes_and_saves_the_report(
    qtbot: QtBot, window: QWidget, services: Services, save_to: Path
) -> None:
    for day in range(1, 8):
        services.people.create(PersonDetails(full_name="Zoë", referred_on=dt.date(2026, 10, day)))
    dialog = make_trustees_report(window, services)
    retype(qtbot, dialog.start, "01/04/2026")
    retype(qtbot, dialog.end, "31/10/2026")
    seen = answers("Continue", "OK")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [WARNING, "Saved trustees-report-2026-04-01-to-2026-10-31.pdf."]
    saved = save_to / "trustees-report-2026-04-01-to-2026-10-31.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert os.listdir(save_to) == [saved.name]


def test_an_empty_period_says_so_and_saves_nothing(
    qtbot: QtBot, window: QWidget, services: Services, save_to: Path
) -> None:
    dialog = make_trustees_report(window, services)
    seen = answers("Continue", "OK")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1].startswith("There is nothing to report from 1 April 2025 to 31 March 2026")
    assert seen[1].endswith("Nothing was saved.")
    assert os.listdir(save_to) == []
    again = make_trustees_report(window, services)
    assert again.period() == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))  # offered again
    again.reject()


def test_the_file_menu_has_the_action(qtbot: QtBot, services: Services) -> None:
    main = MainWindow(services)
    qtbot.addWidget(main)
    assert main.trustees_report_action.text() == "&Trustees' report…"
    file_menu = main.menuBar().actions()[0].menu()
    assert main.trustees_report_action in file_menu.actions()  # type: ignore[union-attr]
