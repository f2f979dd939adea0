"""Settings › Trustees' report: the small-number threshold, by keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.settings_page import SettingsPage
from peerdesk.ui.trustees_settings import hidden_words
from tests.gui.dialog_helpers import retype
from tests.gui.typing_helpers import unnamed


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    widget = SettingsPage(services, bus)
    widget.resize(1000, 900)
    qtbot.addWidget(widget)
    widget.show()
    widget.tabs.setCurrentIndex(0)
    yield widget


def test_the_threshold_shows_saves_and_refuses_bad_numbers(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    part = page.trustees
    assert unnamed(part) == []
    assert part.threshold.text() == "5"
    shown = [label.text() for label in part.findChildren(QLabel) if label.isVisible()]
    assert any(text.startswith("Counts under this number print as “<5”") for text in shown)

    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the &threshold mnemonic
    assert part.threshold.hasFocus()
    retype(qtbot, part.threshold, "10")
    qtbot.keyClick(part.threshold, Qt.Key.Key_Return)
    assert services.trustees_report.threshold() == 10
    assert part.status.text() == "Threshold saved: Counts from 1 to 9 will print as “<10”."
    page.grab().save("/tmp/shots/trustees_settings.png")

    for typed, said in (
        ("0", "from 1 to 100"),
        ("101", "from 1 to 100"),
        ("ten", "must be a whole number"),
        ("", "Enter the small-number threshold"),
    ):
        retype(qtbot, part.threshold, typed)
        qtbot.keyClick(part.save_button, Qt.Key.Key_Space)
        assert said in part.threshold_problem.text()
        assert part.threshold.text() == typed  # what was typed stays to be mended
        assert services.trustees_report.threshold() == 10
    page.grab().save("/tmp/shots/trustees_settings_problem.png")

    retype(qtbot, part.threshold, "1")
    qtbot.keyClick(part.save_button, Qt.Key.Key_Space)
    assert services.trustees_report.threshold() == 1
    assert part.threshold_problem.text() == "" or not part.threshold_problem.isVisible()
    assert part.status.text() == "Threshold saved: No counts will be hidden."


def test_a_change_made_elsewhere_is_shown(page: SettingsPage, services: Services) -> None:
    changes = services.trustees_report.set_threshold(7)
    page.bus.publish(changes, origin=None)
    assert page.trustees.threshold.text() == "7"


@pytest.mark.parametrize(
    ("threshold", "words"),
    [
        (1, "No counts will be hidden."),
        (2, "A count of 1 will print as “<2”."),
        (5, "Counts from 1 to 4 will print as “<5”."),
    ],
)
def test_hidden_words(threshold: int, words: str) -> None:
    assert hidden_words(threshold) == words
