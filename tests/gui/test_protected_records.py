"""Show protected records (passphrase, banner, lists), and the People form's Consent and
conflicts tab: giving consent, declaring a conflict, linking records."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.conflicts import ConflictKind
from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.person_sharing_tab import PersonSharingTab
from peerdesk.ui.viewer_state import BANNER_TEXT
from tests.conftest import PASSPHRASE
from tests.gui.dialog_helpers import shown_problems
from tests.gui.typing_helpers import type_text, unnamed


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    made = MainWindow(services)
    qtbot.addWidget(made, before_close_func=lambda w: w.psw_page.form.load(None))
    made.resize(1600, 1000)
    made.show()
    qtbot.waitExposed(made)
    return made


def add_people(services: Services) -> tuple[PersonId, PersonId, PswId, PswId]:
    referred = dt.date(2026, 6, 1)
    zoe = services.people.create(PersonDetails(full_name="Zoë Nguyễn", referred_on=referred))
    amara = services.people.create(PersonDetails(full_name="Amara Okafor", referred_on=referred))
    lukasz = services.psws.create(PswDetails(full_name="Łukasz Nowak"))
    amara_psw = services.psws.create(PswDetails(full_name="Amara Okafor"))
    return zoe[0].id, amara[0].id, lukasz[0].id, amara_psw[0].id


def psw_names(window: MainWindow) -> list[str]:
    model = window.psw_page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def people_names(window: MainWindow) -> list[str]:
    model = window.people_page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def sharing_tab(window: MainWindow) -> PersonSharingTab:
    tab = window.people_page.form.findChild(PersonSharingTab)
    assert isinstance(tab, PersonSharingTab)
    return tab


def test_show_protected_asks_for_the_passphrase_logs_it_and_shows_a_banner(
    qtbot: QtBot, services: Services, window: MainWindow
) -> None:
    _zoe, amara, _lukasz, amara_psw = add_people(services)
    window.bus.publish(services.protection.link(amara, amara_psw))
    action = window.viewer_state.action
    view_menu = {a.text(): a.menu() for a in window.menuBar().actions()}["&View"]
    assert action in view_menu.actions() and action.isCheckable() and not action.isChecked()
    assert psw_names(window) == ["Łukasz Nowak"]
    assert people_names(window) == ["Zoë Nguyễn"]
    assert not window.viewer_state.banner.isVisible()

    action.trigger()
    dialog = window.viewer_state.dialog
    assert dialog is not None and dialog.isVisible()
    assert unnamed(dialog) == []
    type_text(qtbot, dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "passphrase" in shown_problems(dialog).lower()
    assert psw_names(window) == ["Łukasz Nowak"]
    assert services.protection.access_log() == []

    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.viewer_state.dialog is None)
    assert action.isChecked()
    assert window.viewer_state.banner.isVisible()
    assert window.viewer_state.banner.text() == BANNER_TEXT
    assert sorted(psw_names(window)) == ["Amara Okafor", "Łukasz Nowak"]
    assert sorted(people_names(window)) == ["Amara Okafor", "Zoë Nguyễn"]
    assert len(services.protection.access_log()) == 1
    window.grab().save("/tmp/shots/show_protected_on.png")

    window.people_page.open_person(amara)
    action.trigger()  # off again: the right is dropped, no passphrase needed
    assert not action.isChecked() and not window.viewer_state.banner.isVisible()
    assert psw_names(window) == ["Łukasz Nowak"]
    assert people_names(window) == ["Zoë Nguyễn"]
    assert window.people_page.form.current_id() is None  # it left the form with the list


def test_cancelling_the_passphrase_leaves_protected_records_hidden(
    qtbot: QtBot, services: Services, window: MainWindow
) -> None:
    window.viewer_state.action.trigger()
    dialog = window.viewer_state.dialog
    assert dialog is not None
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.viewer_state.dialog is None)
    assert not window.viewer_state.action.isChecked()
    assert not window.viewer_state.shows_protected()


def open_tab(window: MainWindow, person: PersonId) -> PersonSharingTab:
    window.navigation.setCurrentRow(window.pages.indexOf(window.people_page))
    assert window.people_page.open_person(person)
    tab = sharing_tab(window)
    window.people_page.form.tabs.setCurrentWidget(tab)
    return tab


def test_give_and_withdraw_consent(qtbot: QtBot, services: Services, window: MainWindow) -> None:
    zoe, *_ = add_people(services)
    tab = open_tab(window, zoe)
    assert "No consent to share" in tab.consent_state.text()
    assert not tab.withdraw_button.isEnabled()
    tab.give_button.click()
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible() and unnamed(dialog) == []
    dialog.how.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.how, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    type_text(qtbot, dialog.note, "Agreed at the café")  # type: ignore[attr-defined]
    dialog.grab().save("/tmp/shots/give_consent_dialog.png")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert "Consent given on 23 November 2026 (in person)" in tab.consent_state.text()
    assert tab.consent_model.data(tab.consent_model.index(0, 3)) == "Agreed at the café"
    assert services.person_consents.has_consent_on(zoe, services.clock.today())
    assert tab.withdraw_button.isEnabled() and not tab.give_button.isEnabled()

    tab.withdraw_button.click()
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClick(dialog.on, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert "No consent to share" in tab.consent_state.text()
    assert tab.consent_model.rowCount() == 1  # history kept, never edited
    assert tab.consent_model.data(tab.consent_model.index(0, 2)) != "—"


def test_declare_a_conflict_then_remove_it(
    qtbot: QtBot, services: Services, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    zoe, _amara, lukasz, _amara_psw = add_people(services)
    tab = open_tab(window, zoe)
    tab.declare_button.click()
    dialog = tab.dialog
    assert dialog is not None and unnamed(dialog) == []
    qtbot.keyClick(dialog.psw, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert dialog.isVisible() and "Choose a peer worker" in shown_problems(dialog)
    type_text(qtbot, dialog.psw.lineEdit(), "Łukasz Nowak")  # type: ignore[attr-defined]
    dialog.kind.setCurrentIndex(dialog.kind.findData(ConflictKind.OTHER))  # type: ignore[attr-defined]
    dialog.ok.click()
    assert dialog.isVisible() and "note is needed" in shown_problems(dialog)
    type_text(qtbot, dialog.note, "Ex-partner’s cousin")  # type: ignore[attr-defined]
    dialog.grab().save("/tmp/shots/declare_conflict_dialog.png")
    dialog.ok.click()
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert services.conflicts.conflicted_psws(zoe) == {lukasz}
    assert tab.conflict_model.data(tab.conflict_model.index(0, 0)) == "Łukasz Nowak"
    assert tab.conflict_model.data(tab.conflict_model.index(0, 1)) == "Other"
    tab.grab().save("/tmp/shots/consent_and_conflicts_tab.png")

    asked: list[str] = []

    def confirm(_parent: QWidget | None, *, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    assert not tab.remove_button.isEnabled()
    tab.conflict_table.selectRow(0)
    tab.remove_button.click()
    assert "Łukasz Nowak" in asked[0]
    assert services.conflicts.for_person(zoe) == []
    assert tab.conflict_model.rowCount() == 0 and tab.no_conflicts.isVisible()


def test_link_records_hides_both_from_the_lists(
    qtbot: QtBot, services: Services, window: MainWindow
) -> None:
    _zoe, amara, _lukasz, amara_psw = add_people(services)
    services.person_consents.give(amara, on=dt.date(2026, 9, 1), how=ConsentHow.WRITTEN)
    tab = open_tab(window, amara)
    assert "protected" in " ".join(w.text() for w in tab.findChildren(type(tab.link_state)))
    tab.link_button.click()
    dialog = tab.dialog
    assert dialog is not None
    type_text(qtbot, dialog.psw.lineEdit(), "Amara Okafor")  # type: ignore[attr-defined]
    dialog.ok.click()
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert services.protection.linked_psw(amara) == amara_psw
    assert psw_names(window) == ["Łukasz Nowak"]
    assert people_names(window) == ["Zoë Nguyễn"]
