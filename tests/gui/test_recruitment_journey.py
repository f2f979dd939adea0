"""From enquiry to active through the real forms; a dashboard click lands on the right field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.status_dialog import ChangeStatusDialog
from tests.gui.dialog_helpers import click_row, open_dialog, retype, shown_problems
from tests.gui.test_recruitment_tab import SHORT_NOTICE, add_panel_member, type_moment
from tests.gui.typing_helpers import answer_next_modal, type_text

REFUSAL = (
    "Error: Alex cannot become active yet: DBS (enhanced) not recorded; reference 1 requested "
    "2 November 2026, not received; reference 2 requested 23 November 2026, not received; "
    "occupational health not recorded; induction not recorded; safeguarding adults not recorded."
)


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    made = MainWindow(services)
    qtbot.addWidget(made, before_close_func=lambda w: w.psw_page.form.load(None))
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    yield made
    made.undo_stack.clear()


def change_status(form: PswForm, label: str, *, follow: str = "") -> list[str]:
    """Record ``label`` in the Change status dialog; returns the refusal and link texts, if
    refused (then follows the link to ``follow``, or cancels)."""
    seen: list[str] = []

    def act(modal: QWidget) -> None:
        assert isinstance(modal, ChangeStatusDialog)
        modal.status.setCurrentIndex(modal.status.findText(label))
        modal.ok.click()
        if modal.isVisible():
            seen.extend([modal.refusal.text(), *modal.link_targets()])
            if follow:
                modal.links.linkActivated.emit(follow)  # as clicking that reason's link
            else:
                modal.reject()

    answer_next_modal(act)
    form.journey.change.click()
    return seen


def test_enquiry_to_active_then_a_dashboard_click(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    psw, _ = services.psws.create(PswDetails(full_name="Alexandra Quinn", known_as="Alex"))
    assert window.open_psw(psw.id)
    form = window.psw_page.form
    for label in ("Move on to application", "Move on to interview"):
        assert change_status(form, label) == []

    # Recruitment: questions shared 9 hours before the interview
    form.tabs.setCurrentWidget(form.recruitment)
    interviews = form.recruitment.interviews
    dialog = open_dialog(interviews.add, interviews)
    type_moment(qtbot, dialog.held_at, "20/11/2026", "14:00")
    type_moment(qtbot, dialog.questions_shared_at, "20/11/2026", "05:00")
    warning = dialog.problems["questions_shared_at"]
    assert warning.isVisible() and warning.text() == SHORT_NOTICE
    add_panel_member(qtbot, dialog, "Jo Bell", "Coordinator")  # type: ignore[arg-type]
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible(), shown_problems(dialog)
    for label in ("Move on to checks", "Move on to induction"):
        assert change_status(form, label) == []

    # Checks: two references, the first chased
    form.tabs.setCurrentWidget(form.checks)
    refs = form.checks.references
    dialog = open_dialog(refs.add, refs)
    type_text(qtbot, dialog.referee, "Zoë Nguyễn 李")  # type: ignore[attr-defined]
    retype(qtbot, dialog.requested_on, "02/11/2026")  # type: ignore[attr-defined]
    dialog.ok.click()
    dialog = open_dialog(refs.add, refs)
    type_text(qtbot, dialog.referee, "Sam Ortiz")  # type: ignore[attr-defined]
    dialog.ok.click()
    click_row(qtbot, refs.table, 0)
    refs.chase.click()
    assert refs.model.index(0, 5).data() == "1 time, last 23 Nov 2026"

    # A refused activation lists every reason; a link opens its section
    refused = change_status(form, "Move on to active", follow="dbs")
    assert refused == [REFUSAL, "dbs", "references", "health", "induction", "training"]
    assert services.psws.get(psw.id).status is JourneyStatus.INDUCTION
    assert form.tabs.currentWidget() is form.checks
    assert form.checks.dbs.isAncestorOf(form.focusWidget())

    # ...then everything is recorded through the dialogs
    for row in range(2):
        click_row(qtbot, refs.table, row)
        qtbot.keyClick(refs.table, Qt.Key.Key_Return)
        dialog = refs.dialog
        retype(qtbot, dialog.received_on, "23/11/2026")  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.outcome, "S")  # type: ignore[attr-defined]
        dialog.ok.click()  # type: ignore[union-attr]
        assert not dialog.isVisible(), shown_problems(dialog)  # type: ignore[union-attr,arg-type]
    dbs = form.checks.dbs
    dialog = open_dialog(dbs.add, dbs)
    type_text(qtbot, dialog.number, "123456789012")  # type: ignore[attr-defined]
    retype(qtbot, dialog.issued_on, "01/09/2026")  # type: ignore[attr-defined]
    type_text(qtbot, dialog.seen_by, "Sam Coordinator")  # type: ignore[attr-defined]
    retype(qtbot, dialog.seen_on, "03/09/2026")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.decision, "C")  # type: ignore[attr-defined]
    retype(qtbot, dialog.decided_on, "04/09/2026")  # type: ignore[attr-defined]
    type_text(qtbot, dialog.decided_by, "Priya Shah")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert not dialog.isVisible(), shown_problems(dialog)
    oh = form.checks.health
    dialog = open_dialog(oh.add, oh)
    retype(qtbot, dialog.referred_on, "01/11/2026")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.outcome, "F")  # type: ignore[attr-defined]
    retype(qtbot, dialog.outcome_on, "20/11/2026")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert not dialog.isVisible(), shown_problems(dialog)
    ind = form.checks.induction
    dialog = open_dialog(ind.start, ind)
    type_text(qtbot, dialog.mentor, "Jo Bell")  # type: ignore[attr-defined]
    dialog.ok.click()
    for row in range(ind.model.rowCount()):
        click_row(qtbot, ind.table, row)
        qtbot.keyClick(ind.table, Qt.Key.Key_Return)
        item = ind.dialog
        type_text(qtbot, item.confirmed_by, "Priya Shah")  # type: ignore[union-attr]
        item.ok.click()  # type: ignore[union-attr]
    training = form.checks.training
    dialog = open_dialog(training.add, training)
    dialog.new_course.click()  # type: ignore[attr-defined]
    course = dialog.course_dialog  # type: ignore[attr-defined]
    type_text(qtbot, course.name, "Safeguarding adults level 2")
    course.topic.setFocus()
    qtbot.keyClicks(course.topic, "Safeguarding a")
    retype(qtbot, course.validity, "1")
    course.ok.click()
    assert not course.isVisible(), shown_problems(course)
    retype(qtbot, dialog.done_on, "01/11/2026")  # type: ignore[attr-defined]
    dialog.ok.click()
    assert not dialog.isVisible(), shown_problems(dialog)

    assert change_status(form, "Move on to active") == []
    assert services.psws.get(psw.id).status is JourneyStatus.ACTIVE

    # Needs attention, ten years ahead: the DBS line opens the DBS section
    window.navigation.setCurrentRow(0)
    page = window.attention_page
    page.within.setValue(3650)
    rows = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    row = rows.index("DBS (enhanced)")
    window.psw_page.form.tabs.setCurrentIndex(0)
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.psw_page
    assert form.current_id() == psw.id
    assert form.tabs.currentWidget() is form.checks
    assert dbs.isAncestorOf(form.focusWidget())
