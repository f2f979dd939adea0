"""The Safeguarding tab: raise a concern, follow it up, close it, and watch Needs attention."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.safeguarding import Closing, SourceKind
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.concern_dialogs import CloseConcernDialog, RaiseConcernDialog
from peerdesk.ui.concerns_panel import ConcernsPanel
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.needs_attention_page import NeedsAttentionPage
from peerdesk.ui.person_form import PersonForm
from tests.gui.dialog_helpers import open_dialog, retype, shown_problems
from tests.gui.typing_helpers import type_text, unnamed

D = dt.date
LINE = "Safeguarding concern open since 23 November 2026"


@pytest.fixture
def psw(services: Services) -> PswId:
    made, _ = services.psws.create(PswDetails(full_name="Zoë Nguyễn"))
    return made.id


@pytest.fixture
def window(qtbot: QtBot, services: Services, psw: PswId) -> Iterator[MainWindow]:
    made = MainWindow(services)
    made.resize(1200, 900)
    qtbot.addWidget(made, before_close_func=lambda w: w.psw_page.form.load(None))
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    yield made
    made.undo_stack.clear()


def panel_of(form: object) -> ConcernsPanel:
    tabs = form.tabs  # type: ignore[attr-defined]
    for index in range(tabs.count()):
        if tabs.tabText(index) == "Safeguarding":
            tabs.setCurrentIndex(index)
            widget = tabs.widget(index)
            assert isinstance(widget, ConcernsPanel)
            return widget
    raise AssertionError("no Safeguarding tab")


def attention_items(page: NeedsAttentionPage) -> list[tuple[str, str]]:
    model = page.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def go_home(window: MainWindow) -> NeedsAttentionPage:
    window.navigation.setCurrentRow(0)
    assert window.pages.currentWidget() is window.attention_page
    return window.attention_page


def test_flag_and_close_a_concern_and_watch_needs_attention(
    qtbot: QtBot, window: MainWindow, psw: PswId
) -> None:
    assert ("Zoë Nguyễn", LINE) not in attention_items(go_home(window))
    assert window.open_psw(psw)
    panel = panel_of(window.psw_page.form)
    assert panel.empty.isVisible() and panel.empty.text() == "No safeguarding concerns recorded."
    assert unnamed(panel) == []

    dialog = open_dialog(panel.raise_button, panel)
    assert isinstance(dialog, RaiseConcernDialog)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert "Error: Write a summary of the concern." in shown_problems(dialog)
    assert dialog.focusWidget() is dialog.concern_summary
    type_text(qtbot, dialog.concern_summary, "Told me about <b>harm</b> at home — Zoë")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()

    assert [panel.model.index(0, c).data() for c in range(3)] == ["23 Nov 2026", "Open", "—"]
    assert "Told me about <b>harm</b> at home — Zoë" in panel.details.text()
    assert panel.details.textFormat() == Qt.TextFormat.PlainText

    page = go_home(window)
    assert ("Zoë Nguyễn", LINE) in attention_items(page)
    assert all("harm" not in item for _, item in attention_items(page))

    assert window.open_psw(psw)
    panel = panel_of(window.psw_page.form)
    closing = open_dialog(panel.close_button, panel)
    assert isinstance(closing, CloseConcernDialog)
    radios = closing.findChildren(QRadioButton)
    assert [r.isChecked() for r in radios] == [False, False]  # no default
    qtbot.keyClick(closing.ok, Qt.Key.Key_Space)
    said = shown_problems(closing)
    assert "Error: Write a closing note." in said
    assert "Error: Say whether it was a safeguarding incident (yes or no)." in said
    assert closing.isVisible()
    type_text(qtbot, closing.note, "Social care followed up; no further action.")
    closing.activateWindow()
    qtbot.waitUntil(closing.isActiveWindow)
    qtbot.keyClick(closing.note, Qt.Key.Key_Tab)  # on to the yes/no choice, neither ticked
    assert closing.focusWidget() is closing.yes and not closing.yes.isChecked()
    qtbot.keyClick(closing.yes, Qt.Key.Key_Right)  # arrows move within the choice
    assert closing.focusWidget() is closing.no
    qtbot.keyClick(closing.no, Qt.Key.Key_Space)
    assert closing.no.isChecked()
    qtbot.keyClick(closing.ok, Qt.Key.Key_Space)
    assert not closing.isVisible()
    assert panel.model.index(0, 1).data() == "Closed"
    assert "Safeguarding incident: no." in panel.details.text()
    assert panel.reopen_button.isVisible() and not panel.close_button.isVisible()

    assert ("Zoë Nguyễn", LINE) not in attention_items(go_home(window))


def test_a_bad_closing_date_keeps_what_was_typed(
    qtbot: QtBot, services: Services, bus: ChangeBus, psw: PswId
) -> None:
    services.concerns.raise_concern(
        source=SourceKind.PSW, raised_on=D(2026, 11, 3), summary="Worry", psw_id=psw
    )
    panel = ConcernsPanel(services, bus, psw_side=True)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_psw(psw)
    dialog = open_dialog(panel.close_button, panel)
    assert isinstance(dialog, CloseConcernDialog)
    type_text(qtbot, dialog.note, "Resolved")
    qtbot.mouseClick(dialog.yes, Qt.MouseButton.LeftButton)
    retype(qtbot, dialog.on, "02/11/2026")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert "cannot be before the concern was raised (3 November 2026)" in shown_problems(dialog)
    assert dialog.isVisible() and dialog.note.toPlainText() == "Resolved"
    retype(qtbot, dialog.on, "31/02/2026")
    assert "The closing date:" in shown_problems(dialog)
    retype(qtbot, dialog.on, "20/11/2026")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    [concern] = services.concerns.for_psw(psw)
    assert concern.closing == Closing(D(2026, 11, 20), "Resolved", True)


def test_people_form_raises_about_the_person(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    person, _ = services.people.create(
        PersonDetails(full_name="Łucja Wójcik", referred_on=D(2026, 5, 1))
    )
    form = PersonForm(services, bus)
    form.resize(1000, 800)
    qtbot.addWidget(form)
    form.show()
    form.load(person)
    panel = panel_of(form)
    dialog = open_dialog(panel.raise_button, panel)
    type_text(qtbot, dialog.concern_summary, "Missed three contacts")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    [concern] = services.concerns.for_person(person.id)
    assert concern.source is SourceKind.PERSON and concern.psw_id is None
    [line] = [i for i in services.attention.items() if i.item.startswith("Safeguarding")]
    assert (line.subject_kind, line.name) == ("person", "Łucja Wójcik")
