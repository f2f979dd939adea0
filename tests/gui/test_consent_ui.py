"""The lived-experience consent boxes on a saved record write the consent ledger at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from peerdesk.domain.consent import (
    MATCHING,
    ConsentHow,
    EntryKind,
    lived_experience_purpose,
    wording_for,
)
from peerdesk.domain.psw import LivedExperience, Psw, PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.consent_dialog import ConsentDialog
from peerdesk.ui.consent_history_dialog import ConsentHistoryDialog
from peerdesk.ui.lived_experience_editor import UNSAVED_NOTE
from peerdesk.ui.psw_commands import CommandContext
from peerdesk.ui.psw_form import PswForm
from tests.gui.typing_helpers import type_text, unnamed


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def form(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[PswForm]:
    stack = QUndoStack()
    widget = PswForm(CommandContext(services, bus, stack))
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    stack.clear()


@pytest.fixture
def saved(services: Services, form: PswForm) -> Psw:
    """A saved PSW with one lived-experience item and no consent yet, shown on the form."""
    anxiety = services.lists.items(ListKind.LIVED_EXPERIENCE, include_retired=False)[0]
    psw, _ = services.psws.create(
        PswDetails(full_name="Amir Haddad", lived_experience=(LivedExperience(anxiety.id),))
    )
    form.load(services.psws.get(psw.id))
    form.tabs.setCurrentIndex(1)
    return psw


def consent_dialog(form: PswForm) -> ConsentDialog:
    dialog = form.lived_experience.dialog
    assert isinstance(dialog, ConsentDialog)
    assert dialog.isVisible()
    return dialog


def choose(qtbot: QtBot, dialog: ConsentDialog, how: ConsentHow) -> None:
    dialog.how.setFocus()
    qtbot.keyClicks(dialog.how, how.label)
    assert dialog.chosen_how() is how


def tick_matching(qtbot: QtBot, form: PswForm) -> None:
    box = form.lived_experience.rows[0].matching
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def give_by_phone(qtbot: QtBot, form: PswForm) -> None:
    tick_matching(qtbot, form)
    dialog = consent_dialog(form)
    choose(qtbot, dialog, ConsentHow.PHONE)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible(), dialog.summary.text()


def test_ticking_asks_how_and_records_the_wording_without_dirtying_the_form(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw, bus: ChangeBus
) -> None:
    heard: list[Changes] = []
    bus.changed.connect(lambda changes, _origin: heard.append(changes))
    purpose = lived_experience_purpose(saved.details.lived_experience[0].item_id, MATCHING)
    tick_matching(qtbot, form)
    dialog = consent_dialog(form)
    assert dialog.told.toPlainText() == wording_for(purpose).text
    assert dialog.on.value() == services.clock.today()
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)  # how not chosen yet: stays open
    assert dialog.isVisible() and "Choose how" in dialog.problems["how"].text()
    choose(qtbot, dialog, ConsentHow.PHONE)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()

    [entry] = services.consents.ledger(saved.id)
    assert (entry.kind, entry.how, entry.purpose) == (EntryKind.GIVEN, ConsentHow.PHONE, purpose)
    assert entry.told == wording_for(purpose).text
    assert entry.given_on == services.clock.today()
    assert services.consents.current(saved.id, purpose)
    assert form.lived_experience.rows[0].matching.isChecked()
    assert not form.is_dirty()
    assert "unsaved" not in form.title.text()
    assert heard and saved.id in heard[-1].psws
    assert not form.lived_experience.unsaved_note.isVisible()


def test_a_page_reloading_the_record_on_the_bus_keeps_focus_on_the_box(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw, bus: ChangeBus
) -> None:
    bus.changed.connect(lambda _c, _o: form.record_changed(services.psws.get(saved.id)))
    give_by_phone(qtbot, form)
    box = form.lived_experience.rows[0].matching
    assert box.isChecked() and not form.is_dirty()
    qtbot.waitUntil(box.hasFocus)


def test_unticking_records_a_withdrawal(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw
) -> None:
    give_by_phone(qtbot, form)
    tick_matching(qtbot, form)  # unticks
    dialog = consent_dialog(form)
    assert dialog.windowTitle() == "Record consent withdrawn"
    assert not dialog.told.isVisible()
    choose(qtbot, dialog, ConsentHow.WRITTEN)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    kinds = [(e.kind, e.how or e.withdrawn_how) for e in services.consents.ledger(saved.id)]
    assert kinds == [(EntryKind.GIVEN, ConsentHow.PHONE), (EntryKind.WITHDRAWN, ConsentHow.WRITTEN)]
    assert not form.lived_experience.rows[0].matching.isChecked()
    assert not form.is_dirty()


def test_cancelling_puts_the_box_back_and_records_nothing(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw
) -> None:
    tick_matching(qtbot, form)
    dialog = consent_dialog(form)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not form.lived_experience.rows[0].matching.isChecked()
    assert services.consents.ledger(saved.id) == []
    assert not form.is_dirty()


def test_other_unsaved_edits_survive_and_stay_unsaved(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw
) -> None:
    type_text(qtbot, form.lived_experience.rows[0].note, "Since school")
    give_by_phone(qtbot, form)
    assert form.lived_experience.rows[0].note.text() == "Since school"
    assert form.is_dirty()
    assert form.save()
    assert len(services.consents.ledger(saved.id)) == 1  # saving did not ledger it twice


def test_new_rows_are_ledgered_on_save_and_say_so(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw
) -> None:
    editor = form.lived_experience
    assert not editor.unsaved_note.isVisible()
    editor.add.click()
    assert editor.unsaved_note.isVisible() and editor.unsaved_note.text() == UNSAVED_NOTE
    row = editor.rows[1]
    qtbot.keyClicks(row.item, "Depression")
    qtbot.keyClick(row.matching, Qt.Key.Key_Space)
    assert editor.dialog is None  # no dialog: the save ledgers it
    assert form.save()
    [entry] = services.consents.ledger(saved.id)
    assert (entry.kind, entry.how) == (EntryKind.GIVEN, ConsentHow.IN_PERSON)
    assert not editor.unsaved_note.isVisible()


def test_history_lists_the_entries_in_words(
    qtbot: QtBot, form: PswForm, services: Services, saved: Psw
) -> None:
    give_by_phone(qtbot, form)
    form.lived_experience.history.click()
    dialog = form.lived_experience.dialog
    assert isinstance(dialog, ConsentHistoryDialog)
    name = form.lived_experience.rows[0].item.currentText()
    [row] = dialog.rows()
    assert row[1:4] == [f"{name}: used for matching", "Given", "Phone"]
    assert "What they were told:" in dialog.details.toPlainText()
    assert unnamed(dialog) == []
    dialog.reject()


def test_dialog_controls_are_named(qtbot: QtBot, form: PswForm, saved: Psw) -> None:
    tick_matching(qtbot, form)
    dialog = consent_dialog(form)
    assert unnamed(dialog) == []
    assert dialog.how.accessibleName() == "How"
    assert dialog.told.accessibleName() == "What they were told"
    dialog.reject()
