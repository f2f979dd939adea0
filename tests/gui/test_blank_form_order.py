"""Each blank form prints its fields in the order its typing-in screen asks for them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from peerdesk.domain.blank_form import screen_label
from peerdesk.domain.blank_form_fields import (
    CONTACT_SHEET_COLUMNS,
    contact_log_sheet,
    psw_sign_up,
    referral,
    supervision_note,
)
from peerdesk.services.bundle import Services
from peerdesk.ui.contact_batch_dialog import COLUMNS
from peerdesk.ui.person_referral_editor import ReferralEditor
from peerdesk.ui.psw_form_contact import ContactEditor
from peerdesk.ui.supervision_dialog import SupervisionDialog
from tests.unit.services.checks_helpers import new_psw


def form_labels(layouts: list[QFormLayout]) -> list[str]:
    """Every labelled row's label, layout by layout, top to bottom."""
    found: list[str] = []
    for layout in layouts:
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text():
                found.append(screen_label(widget.text()))
    return found


def test_contact_sheet_columns_are_the_grids_columns() -> None:
    assert [h for _, h in CONTACT_SHEET_COLUMNS] == COLUMNS[: len(CONTACT_SHEET_COLUMNS)]
    assert COLUMNS[len(CONTACT_SHEET_COLUMNS) :] == ["Problem"]  # shown on screen, not typed
    form = contact_log_sheet()
    assert form.labels()[-len(COLUMNS) + 1 :] == tuple(COLUMNS[:-1])


def test_sign_up_follows_the_psw_forms_contact_tab(qtbot: QtBot) -> None:
    editor = ContactEditor()
    qtbot.addWidget(editor)
    screen = [screen_label(label.text()) for label in editor._captions]
    assert len(screen) == 14
    printed = psw_sign_up([], [], []).labels()
    assert list(printed[: len(screen)]) == screen


def test_referral_follows_the_referral_tab(qtbot: QtBot) -> None:
    editor = ReferralEditor()
    qtbot.addWidget(editor)
    screen = form_labels(editor.findChildren(QFormLayout))
    printed = referral([], []).labels()
    assert len(screen) == 15 and list(printed[: len(screen)]) == screen


def test_supervision_note_follows_the_session_dialog(qtbot: QtBot, services: Services) -> None:
    dialog = SupervisionDialog(services, new_psw(services))
    qtbot.addWidget(dialog)
    screen = list(dialog._fields)
    assert list(supervision_note([]).keys()) == screen
