"""The Matches tab: a person introduces, starts and ends a match, logs contacts and sees hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails, PersonStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.matches_tab import MatchesTab, person_matches_tab
from peerdesk.ui.psw_form import PswForm
from tests.gui.dialog_helpers import open_dialog, retype, shown_problems

D = dt.date


def setup(services: Services) -> tuple[PersonId, PswId]:
    who = services.people.create(PersonDetails(full_name="Zoë Nguyễn", referred_on=D(2026, 6, 1)))
    services.person_consents.give(who[0].id, on=D(2026, 6, 1), how=ConsentHow.WRITTEN)
    psw = services.psws.create(PswDetails(full_name="Łukasz Nowak", capacity=2))[0].id
    services.matches.propose(who[0].id, psw, "Both walk dogs and speak Polish", on=D(2026, 11, 1))
    return who[0].id, psw


def cell(tab: MatchesTab, row: int, column: int) -> str:
    return str(tab.model.index(row, column).data())


def test_introduce_log_contacts_start_and_end(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    who, _psw = setup(services)
    tab = person_matches_tab(services, bus)
    qtbot.addWidget(tab)
    tab.show_person(who)
    tab.show()
    assert (cell(tab, 0, 0), cell(tab, 0, 1)) == ("Łukasz Nowak", "Proposed")
    assert "Why this PSW: Both walk dogs" in tab.details.text()
    assert not tab.contact_button.isEnabled()  # not introduced yet

    dialog = open_dialog(tab.step_button, tab)
    stages = [dialog.stage.itemText(i) for i in range(dialog.stage.count())]
    assert stages == ["Introduce", "Withdraw"]
    retype(qtbot, dialog.on, "31/10/2026")
    assert "before the last step (proposed on 1 November 2026)" in shown_problems(dialog)
    retype(qtbot, dialog.on, "05/11/2026")
    dialog.ok.click()
    assert cell(tab, 0, 1) == "Introduced"
    assert services.people.get(who).status is PersonStatus.MATCHED

    dialog = open_dialog(tab.contact_button, tab)
    retype(qtbot, dialog.minutes, "0")
    assert "more than 0" in shown_problems(dialog)
    retype(qtbot, dialog.minutes, "-5")
    assert "more than 0" in shown_problems(dialog)
    retype(qtbot, dialog.minutes, "800")
    assert "cannot last more than 12 hours" in shown_problems(dialog)
    retype(qtbot, dialog.minutes, "90")
    retype(qtbot, dialog.on, "01/11/2026")
    dialog.ok.click()  # refused: the dialog stays open and says why
    assert dialog.isVisible()
    assert "before the introduction on 5 November 2026" in shown_problems(dialog)
    assert services.matches.contacts(services.matches.for_person(who)[0].id) == []
    retype(qtbot, dialog.on, "10/11/2026")
    dialog.ok.click()
    assert tab.contacts_model.rowCount() == 1
    assert tab.contacts_model.index(0, 1).data() == "90"
    assert "November 2026: 1 h 30 min" in tab.hours.text()
    assert cell(tab, 0, 3) == "10 Nov 2026"

    dialog = open_dialog(tab.step_button, tab)
    assert dialog.stage.currentText() == "Start (active)"
    dialog.ok.click()
    assert cell(tab, 0, 1) == "Active"

    dialog = open_dialog(tab.step_button, tab)
    assert dialog.stage.currentText() == "End"
    assert dialog.by.text() == services.settings.coordinator_name()
    dialog.ok.click()
    assert "Say why the match ended" in shown_problems(dialog)
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_End)  # "Other", the last reason
    dialog.ok.click()
    assert 'The reason is "other"' in shown_problems(dialog)
    retype_note = dialog.note
    retype_note.setFocus()
    qtbot.keyClicks(retype_note, "Moved to a new job far away")
    dialog.ok.click()
    assert cell(tab, 0, 1) == "Ended"
    assert not tab.step_button.isEnabled()
    person = services.people.get(who)
    assert person.status is PersonStatus.WAITING
    assert person.details.referred_on == D(2026, 6, 1)  # first referral date kept


def test_psw_form_has_matches_with_places_and_hours(
    qtbot: QtBot, form: PswForm, services: Services
) -> None:
    _who, psw = setup(services)
    form.load(services.psws.get(psw))
    titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
    assert "Matches" in titles
    form.tabs.setCurrentIndex(titles.index("Matches"))
    tab = form.tabs.currentWidget()
    assert isinstance(tab, MatchesTab)
    assert cell(tab, 0, 0) == "Zoë Nguyễn"
    assert "Places used: 1; places left: 1." in tab.summary.text()
    assert "no volunteer hours" in tab.summary.text()
    assert tab.sheet_button.isVisible() and not tab.sheet_button.isEnabled()
    form.grab().save("/tmp/shots/psw_matches_tab.png")
