"""The Checks tab, driven by keyboard and mouse: readiness, references and DBS checks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.domain.check_records import ReferenceDetails
from peerdesk.domain.evidence import DbsDecision
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RowsModel
from peerdesk.ui.checks_tab import UNSAVED_TEXT, ChecksTab
from peerdesk.ui.dbs_dialog import NO_CERTIFICATE, DbsDialog
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.reference_dialog import ReferenceDialog
from tests.gui.dialog_helpers import click_row, open_dialog, retype, shown_problems
from tests.gui.typing_helpers import interactive_widgets, tab_through, type_text, unnamed

D = dt.date
REFEREE = "Zoë Nguyễn 李"


def test_a_new_record_says_to_save_first(form: PswForm) -> None:
    form.tabs.setCurrentWidget(form.checks)
    assert form.tabs.tabText(form.tabs.currentIndex()) == "Checks"
    assert form.checks.unsaved.isVisible()
    assert form.checks.unsaved.text() == UNSAVED_TEXT
    assert not form.checks.body.isVisible()


def test_checks_do_not_make_the_form_dirty(tab: ChecksTab, form: PswForm, qtbot: QtBot) -> None:
    dialog = open_dialog(tab.references.add, tab.references)
    type_text(qtbot, dialog.referee, "Jo")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert len(tab.references.references) == 1
    assert not form.is_dirty()
    assert not form.save_button.isEnabled()


def test_two_references_chased_received_and_satisfactory(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot, published: list[Changes]
) -> None:
    refs = tab.references
    assert "References: Missing" not in " ".join(tab.summary.texts())
    assert any(t.startswith("Blocks activation: Missing") for t in tab.summary.texts())

    dialog = open_dialog(refs.add, refs)
    assert isinstance(dialog, ReferenceDialog)
    assert dialog.windowTitle() == "Add reference 1"
    type_text(qtbot, dialog.referee, REFEREE)
    type_text(qtbot, dialog.contact, "zoe@example.org")
    retype(qtbot, dialog.requested_on, "02/11/2026")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()

    dialog = open_dialog(refs.add, refs)
    assert dialog.windowTitle() == "Add reference 2"
    qtbot.keyClicks(dialog.kind, "C")  # type: ignore[attr-defined]
    type_text(qtbot, dialog.referee, "Sam Ortiz")  # type: ignore[attr-defined]
    dialog.ok.click()

    stored = services.references.references(psw_id)
    assert [(r.position, r.details.referee) for r in stored] == [(1, REFEREE), (2, "Sam Ortiz")]
    assert stored[1].details.kind.label == "Character"
    assert refs.model.rowCount() == 2
    assert refs.model.index(0, 2).data() == REFEREE
    assert refs.model.index(0, 4).data() == "2 Nov 2026"
    assert published and all(psw_id in c.checks for c in published)
    summary = " ".join(tab.summary.texts())
    assert "Reference 1 requested 2 November 2026, not received" in summary

    assert not refs.chase.isEnabled()  # nothing chosen yet
    click_row(qtbot, refs.table, 0)
    assert refs.selected() == refs.references[0]
    refs.chase.click()
    assert refs.model.index(0, 5).data() == "1 time, last 23 Nov 2026"
    assert "chased 1 time, last 23 November 2026" in refs.details.text()
    assert services.references.references(psw_id)[0].chased_on == (D(2026, 11, 23),)

    qtbot.keyClick(refs.table, Qt.Key.Key_Return)  # Enter opens the chosen reference
    dialog = refs.dialog
    assert isinstance(dialog, ReferenceDialog)
    assert dialog.windowTitle() == "Edit reference 1"
    assert dialog.referee.text() == REFEREE
    retype(qtbot, dialog.received_on, "20/11/2026")
    qtbot.keyClicks(dialog.outcome, "S")
    assert dialog.outcome.currentText() == "Satisfactory"
    assert dialog.outcome_on.text() == "23/11/2026"  # today offered once an outcome is chosen
    dialog.ok.click()
    assert not dialog.isVisible()

    first = services.references.references(psw_id)[0]
    assert first.details.received_on == D(2026, 11, 20)
    assert first.details.satisfactory is True
    assert refs.model.index(0, 6).data() == "20 Nov 2026"
    assert refs.model.index(0, 7).data() == "Satisfactory (23 Nov 2026)"
    assert not refs.chase.isEnabled()  # it has arrived
    summary = " ".join(tab.summary.texts())
    assert "Reference 2 requested 23 November 2026, not received" in summary
    assert "reference 1" not in summary.lower()


def test_reference_dates_that_contradict_are_shown_by_the_field(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    dialog = open_dialog(tab.references.add, tab.references)
    assert isinstance(dialog, ReferenceDialog)
    retype(qtbot, dialog.requested_on, "10/11/2026")
    retype(qtbot, dialog.received_on, "01/11/2026")
    assert "Error: The received date is before the requested date." in (
        dialog.problems["received_on"].text()
    )
    retype(qtbot, dialog.requested_on, "31/02/2026")
    assert "There is no day 31/02/2026" in dialog.problems["requested_on"].text()
    retype(qtbot, dialog.requested_on, "")
    assert "Enter the requested date" in dialog.problems["requested_on"].text()
    dialog.ok.click()
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.requested_on
    assert services.references.references(psw_id) == []

    retype(qtbot, dialog.requested_on, "24/11/2026")
    retype(qtbot, dialog.received_on, "")
    dialog.ok.click()
    assert dialog.isVisible()
    assert "cannot be in the future" in dialog.problems["requested_on"].text()
    dialog.reject()
    assert services.references.references(psw_id) == []


def test_a_reference_removed_meanwhile_is_reported_in_the_dialog(
    tab: ChecksTab, services: Services, psw_id: PswId, bus: ChangeBus, qtbot: QtBot
) -> None:
    services.references.add(psw_id, ReferenceDetails(requested_on=D(2026, 11, 1)))
    tab.refresh()
    tab.references.table.selectRow(0)
    dialog = open_dialog(tab.references.edit_button, tab.references)
    services.references.remove(tab.references.references[0].id)
    type_text(qtbot, dialog.referee, "Jo")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert dialog.isVisible()
    assert dialog.summary.isVisible()
    assert dialog.summary.text().startswith("Error:")
    dialog.reject()


def test_removing_a_reference_asks_first(
    tab: ChecksTab,
    services: Services,
    psw_id: PswId,
    bus: ChangeBus,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for n in (1, 2):
        _, changes = services.references.add(
            psw_id, ReferenceDetails(requested_on=D(2026, 11, n), referee=f"Referee {n}")
        )
        bus.publish(changes)  # made elsewhere: the tab follows the bus
    refs = tab.references
    assert refs.model.rowCount() == 2
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: object, *, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    refs.table.selectRow(0)
    refs.remove.click()
    assert refs.model.rowCount() == 2
    refs.remove.click()
    assert asked[0] == "Remove reference 1 from Referee 1? The others are renumbered."
    remaining = services.references.references(psw_id)
    assert [(r.position, r.details.referee) for r in remaining] == [(1, "Referee 2")]
    assert refs.model.rowCount() == 1


def test_an_enhanced_dbs_check_makes_the_requirement_valid(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    assert "Blocks activation: Missing \u2014 DBS (enhanced) not recorded" in tab.summary.texts()
    dbs = tab.dbs
    assert dbs.note.text() == NO_CERTIFICATE
    dialog = open_dialog(dbs.add, dbs)
    assert isinstance(dialog, DbsDialog)
    assert NO_CERTIFICATE in [label.text() for label in dialog.findChildren(type(dbs.note))]
    assert dialog.level.currentText() == "Enhanced"
    assert dialog.number_hint.text().startswith("12 digits")
    assert "6 months after the decision" in dialog.disclosure_note_hint.text()
    assert not dialog.disclosure_note.isEnabled()

    type_text(qtbot, dialog.number, "12345678901A")
    assert "A DBS certificate number is 12 digits, with no letters." in (
        dialog.problems["certificate_number"].text()
    )
    dialog.ok.click()
    assert dialog.isVisible()
    assert services.dbs.checks(psw_id) == []

    qtbot.keyClick(dialog.number, Qt.Key.Key_Backspace)
    type_text(qtbot, dialog.number, "2")
    assert not dialog.problems["certificate_number"].isVisible()
    retype(qtbot, dialog.issued_on, "01/09/2026")
    type_text(qtbot, dialog.seen_by, "Sam Coordinator")
    retype(qtbot, dialog.seen_on, "03/09/2026")
    qtbot.keyClicks(dialog.decision, "C")
    assert dialog.decision.currentText() == "Cleared"
    assert "Enter the date of the decision." in dialog.problems["decided_on"].text()
    retype(qtbot, dialog.decided_on, "04/09/2026")
    assert "Enter who made the decision." in dialog.problems["decided_by"].text()
    type_text(qtbot, dialog.decided_by, "Priya Shah")
    assert shown_problems(dialog) == ""
    dialog.ok.click()
    assert not dialog.isVisible()

    [check] = services.dbs.checks(psw_id)
    assert check.details.certificate_number == "123456789012"
    assert check.details.decision is DbsDecision.CLEARED
    assert dbs.model.index(0, 2).data() == "123456789012"
    assert dbs.model.index(0, 5).data() == "Cleared on 4 Sep 2026 by Priya Shah"
    assert "Valid \u2014 DBS (enhanced) expires on 1 September 2029" in tab.summary.texts()
    assert not any("DBS (enhanced) not recorded" in t for t in tab.summary.texts())


def test_a_disclosure_needs_a_risk_assessment_before_clearing(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    dbs = tab.dbs
    dialog = open_dialog(dbs.add, dbs)
    assert isinstance(dialog, DbsDialog)
    qtbot.keyClicks(dialog.scheme, "P")
    assert dialog.number_hint.text().startswith("16 digits")
    type_text(qtbot, dialog.number, "1234 5678 9012 3456")
    retype(qtbot, dialog.issued_on, "01/10/2026")
    dialog.disclosure.click()
    assert dialog.disclosure_note.isEnabled()
    type_text(qtbot, dialog.disclosure_note, "Caution, 2009")
    qtbot.keyClicks(dialog.decision, "C")
    retype(qtbot, dialog.decided_on, "05/10/2026")
    type_text(qtbot, dialog.decided_by, "Priya Shah")
    assert "only be cleared after a risk assessment" in dialog.problems["decision"].text()
    qtbot.keyClick(dialog.decision, Qt.Key.Key_Home)  # back to "Not decided yet"
    assert dialog.decision.currentText() == "Not decided yet"
    retype(qtbot, dialog.decided_on, "")
    retype(qtbot, dialog.decided_by, "")
    dialog.ok.click()
    assert not dialog.isVisible(), shown_problems(dialog)
    assert "Blocks activation: In progress \u2014 DBS (enhanced) issued 1 October 2026" in (
        " ".join(tab.summary.texts())
    )
    assert "needs a risk assessment" in dbs.details.text()
    assert dbs.risk.isEnabled()
    assert not dbs.status_check.isEnabled()  # not on the Update Service

    risk = open_dialog(dbs.risk, dbs)
    risk.ok.click()
    assert "Enter who was on the risk assessment panel." in risk.problems["panel"].text()
    type_text(qtbot, risk.panel, "Priya Shah, Ola Bełz")  # type: ignore[attr-defined]
    type_text(qtbot, risk.outcome, "Low risk; supervision as usual")  # type: ignore[attr-defined]
    risk.ok.click()
    assert not risk.isVisible()
    assert "Risk assessment 23 November 2026 by Priya Shah, Ola Bełz" in dbs.details.text()

    qtbot.keyClick(dbs.table, Qt.Key.Key_Return)
    edit = dbs.dialog
    assert isinstance(edit, DbsDialog)
    assert edit.disclosure_note.toPlainText() == "Caution, 2009"
    edit.decision.setFocus()
    qtbot.keyClicks(edit.decision, "C")
    qtbot.keyClick(edit.decision, Qt.Key.Key_Down)
    assert edit.decision.currentText() == "Cleared after risk assessment"
    retype(qtbot, edit.decided_on, "23/11/2026")
    type_text(qtbot, edit.decided_by, "Priya Shah")
    edit.ok.click()
    assert not edit.isVisible(), shown_problems(edit)
    [check] = services.dbs.checks(psw_id)
    assert check.details.decision is DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT
    assert check.details.certificate_number == "1234567890123456"


def test_update_service_status_checks(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    from tests.unit.services.checks_helpers import dbs_details

    _, changes = services.dbs.add(
        psw_id,
        dbs_details(
            issued_on=D(2023, 12, 1), update_service=True, seen_on=None, decided_on=D(2023, 12, 2)
        ),
    )
    tab.bus.publish(changes)
    assert any(t.startswith("Warning: Due soon") for t in tab.summary.texts())
    dbs = tab.dbs
    assert dbs.status_check.isEnabled()
    dialog = open_dialog(dbs.status_check, dbs)
    assert dialog.checked_on.text() == "23/11/2026"  # type: ignore[attr-defined]
    dialog.ok.click()
    assert not dialog.isVisible()
    assert "Status check 23 November 2026: clean" in dbs.details.text()
    assert "Valid \u2014 DBS (enhanced) expires on 23 November 2029" in tab.summary.texts()


def test_every_control_has_an_accessible_name_and_tab_reaches_it(
    tab: ChecksTab, form: PswForm, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    services.references.add(psw_id, ReferenceDetails(requested_on=D(2026, 11, 1)))
    from tests.unit.services.checks_helpers import dbs_details

    services.dbs.add(psw_id, dbs_details(disclosure=True, decision=None, decided_on=None))
    tab.refresh()
    tab.references.table.selectRow(0)
    assert unnamed(form) == []
    visited = tab_through(qtbot, form.tabs.tabBar())
    wanted = [
        w
        for w in interactive_widgets(form, visible_only=True)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    missed = [f"{type(w).__name__} {w.accessibleName()!r}" for w in wanted if w not in visited]
    assert missed == []
    for opener, owner in (
        (tab.references.add, tab.references),
        (tab.dbs.add, tab.dbs),
        (tab.dbs.risk, tab.dbs),
        (tab.health.add, tab.health),
    ):
        dialog = open_dialog(opener, owner)
        assert unnamed(dialog) == []
        dialog.reject()


def test_the_rows_model_is_a_sound_qt_model(qtmodeltester: ModelTester) -> None:
    model = RowsModel(["A", "B"])
    model.set_rows([["1", "2"], ["3", "4"]])
    qtmodeltester.check(model)


def test_an_occupational_health_referral_and_its_outcome(
    tab: ChecksTab, services: Services, psw_id: PswId, qtbot: QtBot
) -> None:
    assert "Blocks activation: Missing \u2014 Occupational health not recorded" in (
        tab.summary.texts()
    )
    oh = tab.health
    dialog = open_dialog(oh.add, oh)
    retype(qtbot, dialog.referred_on, "01/11/2026")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert not dialog.isVisible()
    assert oh.model.index(0, 1).data() == "awaiting an outcome"
    assert any(
        "Occupational health referral awaiting an outcome (referred 1 November 2026)" in t
        for t in tab.summary.texts()
    )

    click_row(qtbot, oh.table, 0)
    qtbot.keyClick(oh.table, Qt.Key.Key_Return)
    edit = oh.dialog
    assert edit is not None
    qtbot.keyClicks(edit.outcome, "F")  # type: ignore[attr-defined]
    assert edit.outcome.currentText() == "Fit"  # type: ignore[attr-defined]
    retype(qtbot, edit.outcome_on, "31/10/2026")  # type: ignore[attr-defined]
    assert "The outcome date is before the referral date." in edit.problems["outcome_on"].text()
    edit.ok.click()
    assert edit.isVisible()
    retype(qtbot, edit.outcome_on, "20/11/2026")  # type: ignore[attr-defined]
    edit.ok.click()
    assert not edit.isVisible()
    [referral] = services.health.referrals(psw_id)
    assert referral.details.outcome_on == D(2026, 11, 20)
    assert oh.model.index(0, 1).data() == "Fit"
    assert "Valid \u2014 Occupational health complete (fit)" in tab.summary.texts()
