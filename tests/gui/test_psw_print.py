"""Printing from the peer worker form: the record, a supervision session and a plan version."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.supervision_session import AttendeeDraft
from peerdesk.services.bundle import Services
from peerdesk.ui import save_export
from peerdesk.ui.plans_tab import PlansTab
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.save_export import WARNING
from peerdesk.ui.supervision_tab import SupervisionTab
from tests.gui.dialog_helpers import click_row
from tests.gui.test_save_export import answer_in_turn
from tests.gui.typing_helpers import click_button
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_plan_service import with_text
from tests.unit.services.test_supervision_service import draft


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


def show_tab(form: PswForm, title: str, qtbot: QtBot) -> QWidget:
    index = form._tab_titles.index(title)
    form.tabs.setCurrentIndex(index)
    qtbot.wait(0)
    return form.tabs.widget(index)


def print_and_save(qtbot: QtBot, press: QWidget) -> list[str]:
    seen = answer_in_turn(click_button("Continue"), click_button("OK"))
    press.setFocus()
    qtbot.keyClick(press, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) == 2)
    return seen


def test_print_record_saves_a_pdf_named_by_reference(
    qtbot: QtBot,
    form: PswForm,
    services: Services,
    psw_id: PswId,
    save_to: list[str],
    tmp_path: Path,
) -> None:
    form.load(services.psws.get(psw_id))
    assert form.print_button.text() == "&Print record…" and form.print_button.isEnabled()
    seen = print_and_save(qtbot, form.print_button)
    name = f"psw-{psw_id:04d}-record.pdf"
    assert seen == [WARNING, f"Saved {name}."]
    assert save_to == [name]
    assert "Alexandra Quinn" in text_of(tmp_path / name)


def test_a_new_record_cannot_be_printed(form: PswForm) -> None:
    form.load(None)
    assert not form.print_button.isEnabled()


def test_print_the_chosen_session_from_a_group_holds_only_this_psws_part(
    qtbot: QtBot,
    form: PswForm,
    services: Services,
    psw_id: PswId,
    save_to: list[str],
    tmp_path: Path,
) -> None:
    other = new_psw(services, "Bob Jones", known_as="")
    session, _ = services.supervision.record(
        draft(
            psw_id,
            is_group=True,
            notes="Shared group notes",
            attendees=(
                AttendeeDraft(psw_id, 4, "Alex is well"),
                AttendeeDraft(other, 1, "Bob low"),
            ),
        )
    )
    form.load(services.psws.get(psw_id))
    tab = show_tab(form, "Supervision", qtbot)
    assert isinstance(tab, SupervisionTab)
    click_row(qtbot, tab.table, 0)
    assert tab.print_button.isVisible() and tab.print_button.accessibleName() == "Print session"
    print_and_save(qtbot, tab.print_button)
    text = text_of(tmp_path / f"psw-{psw_id:04d}-supervision-{session}.pdf")
    assert "Shared group notes" in text and "Alex is well" in text
    assert "Bob" not in text


def test_print_the_plan_version_chosen_in_the_list(
    qtbot: QtBot,
    form: PswForm,
    services: Services,
    psw_id: PswId,
    save_to: list[str],
    tmp_path: Path,
) -> None:
    for words in ("Night shifts", "Late shifts"):
        services.plans.save(
            psw_id, replace(with_text(services, psw_id, PlanKind.WELLBEING, "triggers", words))
        )
    form.load(services.psws.get(psw_id))
    tab = show_tab(form, "Plans", qtbot)
    assert isinstance(tab, PlansTab)
    plan = tab.wellbeing
    assert plan.print_button.isEnabled()
    click_row(qtbot, plan.table, 1)  # version 1 (the list is newest first)
    print_and_save(qtbot, plan.print_button)
    assert save_to == [f"psw-{psw_id:04d}-wellbeing-plan-v1.pdf"]
    text = text_of(tmp_path / save_to[0])
    assert "Night shifts" in text and "Late shifts" not in text
