"""Printing a match summary (either copy), an annual review, and blank forms from the window."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.services.bundle import Services
from peerdesk.ui import save_export
from peerdesk.ui.document_print import BlankFormsDialog, print_blank_form
from peerdesk.ui.matches_tab import MatchesTab
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.review_tab import ReviewTab
from peerdesk.ui.save_export import WARNING
from tests.gui.dialog_helpers import click_row
from tests.gui.test_save_export import answer_in_turn
from tests.gui.typing_helpers import click_button
from tests.unit.services.test_match_documents import RISK, _matched
from tests.unit.services.test_review_documents import EVIDENCE, _paid_review


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(save_export, "_last_folder", None)

    def fake(_parent: QWidget, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(Path(suggested).name)
        return str(tmp_path / Path(suggested).name), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def text_of(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def tab_named(form: PswForm, title: str, qtbot: QtBot) -> QWidget:
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    form.tabs.setCurrentIndex(titles.index(title))
    qtbot.wait(0)
    return form.tabs.currentWidget()


def press(qtbot: QtBot, button: QWidget) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_persons_copy_of_a_match_leaves_the_risk_note_out(
    qtbot: QtBot, form: PswForm, services: Services, save_to: list[str], tmp_path: Path
) -> None:
    match_id, _, kept = _matched(services)
    form.load(services.psws.get(services.matches.get(match_id).psw_id))
    tab = tab_named(form, "Matches", qtbot)
    assert isinstance(tab, MatchesTab)
    click_row(qtbot, tab.table, 0)
    assert tab.print_button.isEnabled() and tab.print_button.text() == "Print su&mmary…"
    seen = answer_in_turn(
        click_button("Copy for the person"), click_button("Continue"), click_button("OK")
    )
    press(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: len(seen) == 3)
    name = f"match-{match_id:04d}-summary-person.pdf"
    assert seen[1:] == [WARNING, f"Saved {name}."] and save_to == [name]
    text = text_of(tmp_path / name)
    assert "Siobhán Zoë" in text and "Łukasz Nowak" in text
    assert "lives alone" not in text and kept not in text

    seen = answer_in_turn(
        click_button("Coordinator's copy"), click_button("Continue"), click_button("OK")
    )
    press(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert RISK in text_of(tmp_path / f"match-{match_id:04d}-summary-coordinator.pdf")


def test_cancel_on_the_copy_question_prints_nothing(
    qtbot: QtBot, form: PswForm, services: Services, save_to: list[str]
) -> None:
    match_id, _, _ = _matched(services)
    form.load(services.psws.get(services.matches.get(match_id).psw_id))
    tab = tab_named(form, "Matches", qtbot)
    assert isinstance(tab, MatchesTab)
    click_row(qtbot, tab.table, 0)
    seen = answer_in_turn(click_button("Cancel"))
    press(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert save_to == []


def test_print_the_chosen_review(
    qtbot: QtBot, form: PswForm, services: Services, save_to: list[str], tmp_path: Path
) -> None:
    psw, review_id = _paid_review(services, Confidentiality.CONFIDENTIAL)
    form.load(services.psws.get(psw))
    tab = tab_named(form, "Review", qtbot)
    assert isinstance(tab, ReviewTab)
    click_row(qtbot, tab.table, 0)
    assert tab.print_button.isEnabled()
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    press(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: len(seen) == 2)
    name = f"psw-{psw:04d}-review-{review_id:04d}.pdf"
    assert save_to == [name] and EVIDENCE in text_of(tmp_path / name)


def test_blank_forms_dialog_prints_the_form_picked_by_keyboard(
    qtbot: QtBot, services: Services, save_to: list[str], tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = print_blank_form(parent, services)
    assert isinstance(dialog, BlankFormsDialog)
    qtbot.waitExposed(dialog)
    radio = dialog.choices["PD-SN"]
    assert "&4" in radio.text() and "Form PD-SN v1" in radio.text()
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert dialog.chosen() == "PD-SN"
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert save_to == ["form-pd-sn-v1-supervision-note.pdf"]
    assert "Form PD-SN v1" in text_of(tmp_path / save_to[0])
    dialog.grab().save("/tmp/shots/blank_forms_dialog.png")
