"""Settings › Supervision driven like a person: frequencies typed, refused, saved, reset."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import (
    DEFAULT_POLICY,
    Frequency,
    Interval,
    IntervalUnit,
    SupervisionKind,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.settings_page import SettingsPage
from peerdesk.ui.supervision_policy_editor import RuleRow
from tests.gui.test_matching_settings import click, retype
from tests.gui.typing_helpers import answer_next_modal, click_button, unnamed

M, R = SupervisionKind.MANAGERIAL, SupervisionKind.REFLECTIVE


def open_page(qtbot: QtBot, services: Services, bus: ChangeBus) -> SettingsPage:
    page = SettingsPage(services, bus)
    page.resize(1200, 900)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.tabs.setCurrentWidget(page.supervision_tab)
    return page


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick ``text`` with the arrow keys, as a keyboard user would."""
    combo.setFocus()
    target = combo.findText(text)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_defaults_shown_then_typed_policy_saved(
    qtbot: QtBot, services: Services, bus: ChangeBus, published: list[Changes]
) -> None:
    page = open_page(qtbot, services, bus)
    section = page.supervision
    assert unnamed(section) == []
    row: RuleRow = section.rows[(M, Role.VOLUNTEER)]
    assert [row.closer_weeks.value(), row.closer_count.value(), row.standard_count.value()] == [
        12,
        2,
        1,
    ]
    assert row.standard_unit.currentText() == "months"
    prof = section.rows[(SupervisionKind.PROFESSIONAL, Role.PAID)]
    assert prof.standard_unit.currentText() == "not required"
    assert not prof.standard_count.isEnabled() and not prof.closer_count.isEnabled()
    page.grab().save("/tmp/shots/settings_supervision.png")

    retype(qtbot, row.closer_weeks, "8")
    retype(qtbot, row.standard_count, "6")
    choose(qtbot, row.standard_unit, "weeks")
    reflective = section.rows[(R, Role.PAID)]
    choose(qtbot, reflective.standard_unit, "not required")
    click(qtbot, section.save_button)
    assert section.status.text() == "Supervision policy saved."
    policy = services.supervision.policy()
    assert policy.frequency(M, Role.VOLUNTEER) == Frequency(
        standard=Interval(6, IntervalUnit.WEEKS),
        closer=Interval(2, IntervalUnit.WEEKS),
        closer_weeks=8,
    )
    assert policy.frequency(R, Role.PAID) == Frequency(standard=None)
    assert policy.frequency(M, Role.PAID) == DEFAULT_POLICY.frequency(M, Role.PAID)
    assert published and published[-1].supervision

    again = open_page(qtbot, services, bus)  # reopened: what was saved is what is shown
    shown = again.supervision.rows[(M, Role.VOLUNTEER)]
    assert [shown.closer_weeks.value(), shown.standard_count.value()] == [8, 6]
    assert "managerial, volunteers every 2 weeks for 8 weeks, then every 6 weeks" in (
        again.supervision.words.text()
    )


def test_refusals_name_the_rule_and_nothing_typed_is_lost(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    page = open_page(qtbot, services, bus)
    section = page.supervision
    row = section.rows[(R, Role.VOLUNTEER)]
    retype(qtbot, row.standard_count, "9")  # 9 months: over the half-year limit
    other = section.rows[(M, Role.PAID)]
    retype(qtbot, other.closer_count, "3")
    choose(qtbot, other.closer_unit, "months")  # 3 months closer, then monthly: less often
    click(qtbot, section.save_button)
    said = row.problem.text()
    assert "Reflective supervision for volunteers: choose 1 to 6 months" in said
    assert (
        "paid staff: closer support must be at least as often as afterwards" in other.problem.text()
    )
    assert row.standard_count.value() == 9 and other.closer_unit.currentText() == "months"
    assert services.supervision.policy() == DEFAULT_POLICY
    assert not section.status.isVisible()


def test_reset_asks_then_puts_defaults_back(
    qtbot: QtBot, services: Services, bus: ChangeBus
) -> None:
    services.supervision.save_policy(
        DEFAULT_POLICY.with_frequency(R, Role.PAID, Frequency(standard=None))
    )
    page = open_page(qtbot, services, bus)
    section = page.supervision
    assert section.rows[(R, Role.PAID)].standard_unit.currentText() == "not required"
    answer_next_modal(click_button("Cancel"))
    click(qtbot, section.reset_button)
    assert services.supervision.policy() != DEFAULT_POLICY
    seen = answer_next_modal(click_button("Reset to defaults"))
    click(qtbot, section.reset_button)
    assert "reflective, paid staff: every month" in seen[0]
    assert services.supervision.policy() == DEFAULT_POLICY
    assert section.rows[(R, Role.PAID)].standard_unit.currentText() == "months"
    assert section.status.text() == "Supervision policy reset to the defaults."
