"""Settings › Retention: each rule's months and action by keyboard, explained, saved together;
and the Needs attention line "N records are past retention" opens the review."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.retention import Action, Subject
from peerdesk.services.bundle import Services
from peerdesk.services.retention_attention import RETENTION
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.retention_dialog import RetentionDialog
from peerdesk.ui.settings_page import SettingsPage
from tests.gui.typing_helpers import unnamed


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    widget = SettingsPage(services, bus)
    widget.resize(1000, 700)
    qtbot.addWidget(widget)
    widget.show()
    widget.tabs.setCurrentWidget(widget.retention_tab)
    yield widget


def _rule(services: Services, subject: Subject) -> tuple[int, Action]:
    rule = next(r for r in services.retention.rules() if r.subject is subject)
    return rule.months, rule.action


def test_change_a_rule_by_keyboard_with_its_explanation(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[object]
) -> None:
    part = page.retention
    assert unnamed(part) == []
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Retention"
    enquiry = next(r for r in part.rows if r.rule.subject is Subject.ENQUIRY)
    assert enquiry.months.value() == 6
    assert enquiry.explained.text() == (
        "Kept 6 months after the last activity, then erased completely."
    )
    enquiry.months.setFocus()
    enquiry.months.selectAll()
    qtbot.keyClicks(enquiry.months, "18")
    enquiry.action.setFocus()
    qtbot.keyClick(enquiry.action, Qt.Key.Key_Down)  # Anonymise
    assert enquiry.explained.text() == (
        "Kept 18 months after the last activity, then anonymised (only what trustees' "
        "reports count stays)."
    )
    assert _rule(services, Subject.ENQUIRY) == (6, Action.ERASE)  # nothing saved yet
    qtbot.keyClick(part.save_button, Qt.Key.Key_Space)
    assert _rule(services, Subject.ENQUIRY) == (18, Action.ANONYMISE)
    assert _rule(services, Subject.PSW_LEFT) == (24, Action.ANONYMISE)
    assert part.status.text() == "Retention rules saved."
    assert published
    # the spin box stops at 240 months: typing more is not taken
    enquiry.months.setFocus()
    enquiry.months.selectAll()
    qtbot.keyClicks(enquiry.months, "999")
    assert enquiry.months.value() <= 240
    page.grab().save("/tmp/shots/retention_settings.png")


def test_the_past_retention_line_opens_the_review(qtbot: QtBot, services: Services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    item = AttentionItem(RETENTION, 0, "Retention", "2 records are past retention", "Due", None)
    assert window.open_item(item)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RetentionDialog))
    dialog = window.retention_review
    assert "past retention" in dialog.summary.text()
    dialog.reject()
