"""Saving an export: the warning, Cancel at each step, failures leave no file, plain messages."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.progress import Exported, Progress
from peerdesk.export import atomic_file
from peerdesk.ui import save_export
from peerdesk.ui.save_export import CANCELLED, WARNING
from tests.gui.typing_helpers import answer_next_modal, click_button

Act = Callable[[QWidget], None]


def answer_in_turn(*acts: Act) -> list[str]:
    """Answer the next modal boxes one after another; collects the text each showed."""
    seen: list[str] = []

    def arm(index: int) -> None:
        if index >= len(acts):
            return

        def act(dialog: QWidget) -> None:
            seen.append(getattr(dialog, "text", dialog.windowTitle)())
            arm(index + 1)
            acts[index](dialog)

        answer_next_modal(act)

    arm(0)
    return seen


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, str]]:
    """The save dialog answers tmp_path/<suggested name>; records what it was asked."""
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(save_export, "_last_folder", None)

    def fake(_parent: QWidget, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append((suggested, filters))
        return str(tmp_path / Path(suggested).name), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def make_record(progress: Progress) -> Exported:
    for done in range(3):
        progress.step(done, 3)
    return Exported(b"%PDF-1.4 record", "psw-0042-record.pdf", "2 characters could not be printed")


def test_warns_then_saves_with_the_suggested_name_and_says_so(
    qtbot: QtBot, parent: QWidget, save_to: list[tuple[str, str]], tmp_path: Path
) -> None:
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    save_export.save_export(parent, title="Print record", make=make_record)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[0] == WARNING
    assert seen[1] == "Saved psw-0042-record.pdf."
    assert (tmp_path / "psw-0042-record.pdf").read_bytes() == b"%PDF-1.4 record"
    assert os.listdir(tmp_path) == ["psw-0042-record.pdf"]
    suggested, filters = save_to[0]
    assert suggested.endswith("psw-0042-record.pdf") and filters == "PDF files (*.pdf)"


def test_the_folder_is_remembered_for_the_session(
    qtbot: QtBot, parent: QWidget, save_to: list[tuple[str, str]], tmp_path: Path
) -> None:
    for _ in range(2):
        seen = answer_in_turn(click_button("Continue"), click_button("OK"))
        save_export.save_export(parent, title="Print record", make=make_record)
        qtbot.waitUntil(lambda seen=seen: len(seen) == 2)  # type: ignore[misc]
    assert Path(save_to[0][0]).parent == save_export.documents_folder()
    assert Path(save_to[1][0]) == tmp_path / "psw-0042-record.pdf"


def test_cancel_at_the_warning_makes_nothing(
    qtbot: QtBot, parent: QWidget, save_to: list[tuple[str, str]], tmp_path: Path
) -> None:
    made: list[int] = []
    seen = answer_in_turn(click_button("Cancel"))

    def make(progress: Progress) -> Exported:
        made.append(1)
        return make_record(progress)

    save_export.save_export(parent, title="Print record", make=make)
    assert seen == [WARNING]
    assert made == [] and save_to == [] and os.listdir(tmp_path) == []


def test_cancel_during_the_work_leaves_no_file(
    qtbot: QtBot, parent: QWidget, save_to: list[tuple[str, str]], tmp_path: Path
) -> None:
    def make(progress: Progress) -> Exported:
        progress.step(1, 10)
        [dialog] = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
        assert dialog.windowTitle() == "Print record"
        [cancel] = dialog.findChildren(QPushButton)
        cancel.click()  # the person presses Cancel while it works
        progress.step(2, 10)
        raise AssertionError("the step after Cancel should have stopped the work")

    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    save_export.save_export(parent, title="Print record", make=make)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == CANCELLED
    assert save_to == [] and os.listdir(tmp_path) == []


def test_cancel_in_the_save_dialog_leaves_no_file(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    save_export.save_export(parent, title="Print record", make=make_record)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == CANCELLED
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the folder is read-only"),
        (errno.EACCES, "permission was denied"),
    ],
)
def test_a_failed_write_leaves_no_file_and_names_folder_and_cause(
    qtbot: QtBot,
    parent: QWidget,
    save_to: list[tuple[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
) -> None:
    def refuse(_src: object, _dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    save_export.save_export(parent, title="Print record", make=make_record)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == (
        f"psw-0042-record.pdf could not be saved in {tmp_path}: {words}. Nothing was saved."
    )
    assert "Traceback" not in seen[1]
    assert os.listdir(tmp_path) == []


def test_a_typed_name_without_extension_gets_the_filters(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_args: (str(tmp_path / "for the panel"), "PDF files (*.pdf)")),
    )
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    save_export.save_export(parent, title="Print record", make=make_record)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == "Saved for the panel.pdf."
    assert os.listdir(tmp_path) == ["for the panel.pdf"]
