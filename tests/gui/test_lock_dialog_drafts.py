"""Typing in a supervision session, an annual review or a plan survives the idle lock: kept as a
draft in the vault (never on screen, never in a file in the clear), offered back after unlocking,
and saved only when the person presses Save."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.domain.draft_codec import to_json
from peerdesk.domain.goals import GoalDraft
from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import AttendeeDraft, KeptSession, SessionDraft
from peerdesk.services.draft_service import SESSION_DIALOG
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.form_drafts import RESTORE_QUESTION, DraftOffers
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.plans_tab import PlansTab
from peerdesk.ui.review_dialog import ReviewDialog
from peerdesk.ui.review_tab import ReviewTab
from peerdesk.ui.supervision_dialog import SupervisionDialog
from peerdesk.ui.supervision_edit_dialog import SupervisionEditDialog
from peerdesk.ui.supervision_tab import SupervisionTab
from tests.conftest import NOW
from tests.gui import test_lock
from tests.gui.dialog_helpers import click_row, shown_problems
from tests.gui.test_lock import Running, shown_text, unlock_by_keyboard
from tests.gui.test_supervision_policy import choose
from tests.gui.test_supervision_tab import press
from tests.gui.typing_helpers import type_text

W = TypeVar("W", bound=QWidget)
running = test_lock.running  # the same fixture: a LockSession over a main window

NOTES = ("Talked about night shifts 🌙 and שלום עליכם", "Second line: مرحبا, Zoë 李")
NOTE_TEXT = "\n".join(NOTES)
CHECKIN_NOTE = "Tired but 👍 — QZX-checkin"


def record_tab(window: MainWindow, kind: type[W]) -> W:
    """Show the PSW form's tab of ``kind`` (as clicking it would)."""
    form = window.psw_page.form
    tab = form.findChildren(kind)[0]
    form.tabs.setCurrentWidget(tab)
    return tab


def type_lines(qtbot: QtBot, box: QPlainTextEdit, lines: tuple[str, ...]) -> None:
    box.setFocus()
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        type_text(qtbot, box, line)


def held_anywhere(text: str) -> list[str]:
    """Every widget still alive (shown or not) whose text holds ``text``."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    found = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit | QLabel):
            held = widget.text()
        elif isinstance(widget, QPlainTextEdit):
            held = widget.toPlainText()
        else:
            continue
        if text in held:
            found.append(type(widget).__name__)
    return found


def lock_and_check_hidden(running: Running, vault_paths: VaultPaths, *marks: str) -> None:
    """Lock as the idle timer does; then no mark is on screen, in a widget or in a file."""
    running.session.lock()
    assert running.session.is_locked
    seen = shown_text()
    for mark in marks:
        assert mark not in seen
        assert held_anywhere(mark) == [], mark
        for path in vault_paths.folder.rglob("*"):
            if path.is_file():
                assert mark.encode() not in path.read_bytes(), path


def answer(qtbot: QtBot, running: Running, button: str) -> None:
    offers = running.session.draft_offers
    assert offers is not None and offers.box is not None
    assert offers.box.text() == RESTORE_QUESTION
    assert running.session.services.drafts.waiting() == set()  # taken out either way
    chosen = next(b for b in offers.box.buttons() if b.text() == button)
    qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)


def open_session_dialog(qtbot: QtBot, running: Running) -> SupervisionDialog:
    assert running.window.open_psw(running.first)
    tab = record_tab(running.window, SupervisionTab)
    press(qtbot, tab.record_button)
    dialog = tab.dialog
    assert isinstance(dialog, SupervisionDialog) and dialog.isVisible()
    return dialog


def test_a_typed_session_is_kept_on_lock_restored_and_saved(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    services = running.session.services
    goal, _ = services.reviews.add_goal(running.first, GoalDraft("Lead a group session"))
    dialog = open_session_dialog(qtbot, running)
    qtbot.keyClicks(dialog.supervisor, "Sam Lee")
    type_lines(qtbot, dialog.notes, NOTES)
    choose(qtbot, dialog.checkin, "Okay")
    type_text(qtbot, dialog.checkin_note, CHECKIN_NOTE)
    type_text(qtbot, dialog.goals.rows[0].note, "Ran one 🎉")
    assert dialog.is_dirty()

    lock_and_check_hidden(running, vault_paths, "night shifts", "QZX-checkin", "Ran one")
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Restore")

    tab = record_tab(running.window, SupervisionTab)
    again = tab.dialog
    assert isinstance(again, SupervisionDialog) and again.isVisible()
    assert not isinstance(again, SupervisionEditDialog)
    assert again.psw_id == running.first
    assert again.notes.toPlainText() == NOTE_TEXT
    assert again.supervisor.text() == "Sam Lee"
    assert again.checkin.currentText() == "Okay"
    assert again.checkin_note.text() == CHECKIN_NOTE
    assert again.goals.rows[0].note.toPlainText() == "Ran one 🎉"
    assert again.is_dirty()
    services = running.session.services
    assert services.supervision.history(running.first) == []  # nothing saved until Save
    scroll = again.findChild(QScrollArea)
    scroll.ensureWidgetVisible(again.checkin_note)
    qtbot.wait(10)
    again.grab().save("/tmp/shots/restored_supervision_dialog.png")

    press(qtbot, again.ok)
    assert not again.isVisible(), shown_problems(again)
    [row] = services.supervision.history(running.first)
    session = services.supervision.session(row.id, running.first)
    assert session.notes == NOTE_TEXT
    assert session.own.checkin == 3 and session.own.checkin_note == CHECKIN_NOTE
    assert tab.model.rowCount() == 1
    [progress] = next(g for g in services.reviews.goals(running.first) if g.id == goal).progress
    assert progress.note == "Ran one 🎉"


def test_discarding_a_kept_session_leaves_nothing(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    dialog = open_session_dialog(qtbot, running)
    type_lines(qtbot, dialog.notes, NOTES)
    lock_and_check_hidden(running, vault_paths, "night shifts")
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Discard")
    tab = record_tab(running.window, SupervisionTab)
    assert tab.dialog is None
    assert "night shifts" not in shown_text()
    assert running.session.services.supervision.history(running.first) == []
    running.session.lock()
    unlock_by_keyboard(qtbot, running)
    offers = running.session.draft_offers
    assert offers is not None and offers.box is None


def test_an_untouched_session_dialog_leaves_no_draft(qtbot: QtBot, running: Running) -> None:
    dialog = open_session_dialog(qtbot, running)
    assert not dialog.is_dirty()
    running.session.lock()
    unlock_by_keyboard(qtbot, running)
    offers = running.session.draft_offers
    assert offers is not None and offers.box is None
    assert running.session.services.drafts.waiting() == set()


def test_a_correction_is_kept_and_restored_as_a_correction(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    services = running.session.services
    draft = SessionDraft(
        SupervisionKind.MANAGERIAL,
        "Sam Lee",
        NOW.date(),
        45,
        (AttendeeDraft(running.first),),
        notes="As first recorded.",
    )
    session_id, _ = services.supervision.record(draft)
    assert running.window.open_psw(running.first)
    tab = record_tab(running.window, SupervisionTab)
    tab.reread()
    click_row(qtbot, tab.table, 0)
    press(qtbot, tab.correct_button)
    dialog = tab.dialog
    assert isinstance(dialog, SupervisionEditDialog) and not dialog.is_dirty()
    dialog.notes.moveCursor(dialog.notes.textCursor().MoveOperation.End)
    type_text(qtbot, dialog.notes, " Corrected: QZX ✓")

    lock_and_check_hidden(running, vault_paths, "Corrected: QZX")
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Restore")
    again = record_tab(running.window, SupervisionTab).dialog
    assert isinstance(again, SupervisionEditDialog) and again.isVisible()
    assert again.windowTitle() == "Correct a supervision session"
    assert again.notes.toPlainText() == "As first recorded. Corrected: QZX ✓"
    press(qtbot, again.ok)
    assert not again.isVisible(), shown_problems(again)
    services = running.session.services
    saved = services.supervision.session(session_id, running.first)
    assert saved.notes == "As first recorded. Corrected: QZX ✓"
    assert len(services.supervision.history(running.first)) == 1


def test_a_typed_plan_is_kept_and_restored_then_saved(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    assert running.window.open_psw(running.first)
    plans = record_tab(running.window, PlansTab)
    qtbot.wait(0)
    box = plans.wellbeing.texts["triggers"]
    type_lines(qtbot, box, ("Loud rooms 🔊", "ליל שבת — QZX-plan"))
    assert plans.wellbeing.is_dirty() and not plans.story.is_dirty()

    lock_and_check_hidden(running, vault_paths, "QZX-plan", "Loud rooms")
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Restore")
    offers = running.session.draft_offers
    assert offers is not None and offers.box is None  # the story plan was not kept

    form = running.window.psw_page.form
    plans = form.findChildren(PlansTab)[0]
    assert form.current_id() == running.first and form.tabs.currentWidget() is plans
    assert plans.plans.currentIndex() == 0
    editor = plans.wellbeing
    assert editor.texts["triggers"].toPlainText() == "Loud rooms 🔊\nליל שבת — QZX-plan"
    assert editor.is_dirty()
    services = running.session.services
    assert services.plans.versions(running.first, PlanKind.WELLBEING) == []
    scroll = plans.plans.currentWidget()
    assert isinstance(scroll, QScrollArea)
    qtbot.wait(100)  # the sections were built just now: let them lay out
    scroll.ensureWidgetVisible(editor.texts["triggers"])
    running.window.grab().save("/tmp/shots/restored_plan.png")
    press(qtbot, editor.save_button)
    assert editor.message.text() == "Saved as version 1."
    [version] = services.plans.versions(running.first, PlanKind.WELLBEING)
    assert version.draft.section("triggers").text == "Loud rooms 🔊\nליל שבת — QZX-plan"


def test_a_discarded_plan_draft_shows_the_saved_plan(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    assert running.window.open_psw(running.first)
    plans = record_tab(running.window, PlansTab)
    qtbot.wait(0)
    type_text(qtbot, plans.story.texts[next(iter(plans.story.texts))], "QZX-story")
    lock_and_check_hidden(running, vault_paths, "QZX-story")
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Discard")
    plans = running.window.psw_page.form.findChildren(PlansTab)[0]
    assert plans.plans.currentIndex() == 1
    assert not plans.story.is_dirty()
    assert "QZX-story" not in shown_text()


def test_a_typed_review_is_kept_and_restored_then_saved(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    assert running.window.open_psw(running.first)
    tab = record_tab(running.window, ReviewTab)
    press(qtbot, tab.hold_button)
    dialog = tab.dialog
    assert isinstance(dialog, ReviewDialog) and not dialog.is_dirty()
    qtbot.keyClicks(dialog.reviewer, "Jo Reid")
    type_lines(qtbot, dialog.reflection, ("Grown in confidence 🌱", "QZX-review אני"))
    assert dialog.is_dirty()

    lock_and_check_hidden(running, vault_paths, "QZX-review", "Grown in confidence")
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Restore")
    tab = record_tab(running.window, ReviewTab)
    again = tab.dialog
    assert isinstance(again, ReviewDialog) and again.isVisible()
    assert again.reviewer.text() == "Jo Reid"
    assert again.reflection.toPlainText() == "Grown in confidence 🌱\nQZX-review אני"
    again.grab().save("/tmp/shots/restored_review_dialog.png")
    services = running.session.services
    assert services.reviews.history(running.first) == []
    press(qtbot, again.ok)
    assert not again.isVisible(), shown_problems(again)
    [row] = services.reviews.history(running.first)
    review = services.reviews.review(row.id, private_revealed=True)
    assert review.content.self_reflection == "Grown in confidence 🌱\nQZX-review אני"


def test_a_draft_for_a_peer_worker_no_longer_there_is_dropped_silently(
    qtbot: QtBot, running: Running
) -> None:
    services = running.session.services
    gone = PswId(9999)
    draft = SessionDraft(SupervisionKind.MANAGERIAL, "Sam", NOW.date(), 60, (AttendeeDraft(gone),))
    services.drafts.save_draft(SESSION_DIALOG, gone, to_json(KeptSession(gone, draft)))
    offers = DraftOffers(running.window)
    offers.start()
    assert offers.box is None
    assert services.drafts.waiting() == set()
    assert not any(isinstance(w, SupervisionDialog) for w in QApplication.topLevelWidgets())


def test_locking_again_while_asked_keeps_every_unanswered_draft(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    """The idle lock may fire while "Restore unsaved changes…?" waits: nothing is lost, and the
    question does not stay on screen beside the lock screen."""
    dialog = open_session_dialog(qtbot, running)
    type_lines(qtbot, dialog.notes, NOTES)
    running.session.lock()
    unlock_by_keyboard(qtbot, running)
    offers = running.session.draft_offers
    assert offers is not None and offers.box is not None and offers.box.isVisible()
    assert running.session.services.drafts.waiting() == set()  # taken out to be asked about

    lock_and_check_hidden(running, vault_paths, "night shifts")
    assert RESTORE_QUESTION not in shown_text()
    assert not any(
        w.isVisible() and isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets()
    )
    unlock_by_keyboard(qtbot, running)
    answer(qtbot, running, "&Restore")
    again = record_tab(running.window, SupervisionTab).dialog
    assert isinstance(again, SupervisionDialog) and again.isVisible()
    assert again.notes.toPlainText() == NOTE_TEXT


def test_a_restored_correction_never_overwrites_a_change_saved_meanwhile(
    qtbot: QtBot, running: Running, vault_paths: VaultPaths
) -> None:
    services = running.session.services
    first = SessionDraft(
        SupervisionKind.MANAGERIAL, "Sam Lee", NOW.date(), 45, (AttendeeDraft(running.first),)
    )
    session_id, _ = services.supervision.record(replace(first, notes="As first recorded."))
    assert running.window.open_psw(running.first)
    tab = record_tab(running.window, SupervisionTab)
    tab.reread()
    click_row(qtbot, tab.table, 0)
    press(qtbot, tab.correct_button)
    dialog = tab.dialog
    assert isinstance(dialog, SupervisionEditDialog)
    type_text(qtbot, dialog.notes, " Mine: QZX")
    lock_and_check_hidden(running, vault_paths, "Mine: QZX")
    unlock_by_keyboard(qtbot, running)

    services = running.session.services  # someone else corrects it before Restore is pressed
    _, version = services.supervision.meeting(session_id)
    services.supervision.edit_meeting(
        session_id, replace(first, notes="Their correction."), version=version
    )
    answer(qtbot, running, "&Restore")
    again = record_tab(running.window, SupervisionTab).dialog
    assert isinstance(again, SupervisionEditDialog) and again.isVisible()
    press(qtbot, again.ok)
    assert again.isVisible()
    assert "changed elsewhere" in shown_problems(again)
    assert services.supervision.session(session_id, running.first).notes == "Their correction."
