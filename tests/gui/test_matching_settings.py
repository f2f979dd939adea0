"""Settings › Matching driven like a person: weights, the plan's minimum score, related families."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.domain.matching.criteria import CRITERIA, DEFAULT_WEIGHTS, Criterion, Weights
from peerdesk.domain.taxonomy import ListItemDraft, ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.settings_page import SettingsPage
from tests.gui.test_main_window import mnemonic
from tests.gui.typing_helpers import answer_next_modal, click_button, type_text, unnamed

ZERO_SHOWN = "Error: At least one weight must be above 0, or nothing can be ranked."


def open_page(qtbot: QtBot, services: Services, bus: ChangeBus) -> SettingsPage:
    page = SettingsPage(services, bus)
    page.resize(1100, 900)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.tabs.setCurrentWidget(page.matching_tab)
    return page


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    yield open_page(qtbot, services, bus)


def retype(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    type_text(qtbot, spin, text)


def shown(page: SettingsPage) -> list[int]:
    return [page.matching.fields[c].value() for c in CRITERIA]


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, view: QListWidget, text: str) -> None:
    """Click the row showing ``text``."""
    row = next(i for i in range(view.count()) if view.item(i).text() == text)
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tick(qtbot: QtBot, view: QListWidget, text: str) -> None:
    """Go to ``text`` with the keyboard and press Space, as a keyboard user would."""
    view.setFocus()
    row = next(i for i in range(view.count()) if view.item(i).text() == text)
    view.setCurrentRow(row)
    qtbot.keyClick(view, Qt.Key.Key_Space)


def ticked(view: QListWidget) -> list[str]:
    items = [view.item(i) for i in range(view.count())]
    return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]


def test_typed_weights_are_saved_and_shown_after_reopening(
    qtbot: QtBot, page: SettingsPage, services: Services, bus: ChangeBus, published: list[Changes]
) -> None:
    section = page.matching
    assert shown(page) == [10, 6, 6, 5, 4, 3, 3]
    assert section.minimum.value() == 30
    retype(qtbot, section.fields[Criterion.LIVED_EXPERIENCE], "7")
    retype(qtbot, section.fields[Criterion.TRAVEL], "0")
    retype(qtbot, section.fields[Criterion.INTERESTS], "10")
    retype(qtbot, section.minimum, "45")
    click(qtbot, section.save_button)
    assert section.status.text() == "Matching weights and minimum score saved."
    assert services.matching_settings.weights() == Weights(7, 6, 6, 5, 0, 3, 10)
    assert services.matching_settings.minimum_score() == 45
    assert published == [Changes(settings=True)]

    again = open_page(qtbot, services, bus)
    assert shown(again) == [7, 6, 6, 5, 0, 3, 10]
    assert again.matching.minimum.value() == 45


def test_a_weight_above_ten_cannot_be_typed(qtbot: QtBot, page: SettingsPage) -> None:
    spin = page.matching.fields[Criterion.IDENTITY]
    retype(qtbot, spin, "11")
    assert spin.value() == 1  # the second 1 is not taken


def test_all_zero_is_refused_beside_the_fields_and_nothing_is_lost(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    section = page.matching
    for spin in section.fields.values():
        retype(qtbot, spin, "0")
    retype(qtbot, section.minimum, "60")
    click(qtbot, section.save_button)
    problem = section.field_problems["weights"]
    assert problem.isVisible()
    assert problem.text() == ZERO_SHOWN
    assert not section.status.isVisible()
    assert shown(page) == [0] * 7 and section.minimum.value() == 60  # still as typed
    assert services.matching_settings.weights() == DEFAULT_WEIGHTS
    assert services.matching_settings.minimum_score() == 30
    assert published == []

    retype(qtbot, section.fields[Criterion.LANGUAGE], "2")
    click(qtbot, section.save_button)
    assert not problem.isVisible()
    assert services.matching_settings.weights() == Weights(0, 0, 2, 0, 0, 0, 0)


def test_reset_asks_first_then_puts_the_defaults_back(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    section = page.matching
    services.matching_settings.save(Weights(1, 1, 1, 1, 1, 1, 1), 80)
    section.refresh()
    asked = answer_next_modal(click_button("Cancel"))
    click(qtbot, section.reset_button)
    assert "back to the defaults" in asked[0]
    assert services.matching_settings.minimum_score() == 80
    assert shown(page) == [1] * 7

    answer_next_modal(click_button("Reset to defaults"))
    click(qtbot, section.reset_button)
    assert services.matching_settings.weights() == DEFAULT_WEIGHTS
    assert services.matching_settings.minimum_score() == 30
    assert shown(page) == [10, 6, 6, 5, 4, 3, 3] and section.minimum.value() == 30
    assert section.status.text().startswith("Reset to the defaults: lived experience 10,")


def test_relating_two_families_shows_both_directions(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    section = page.related_families
    assert section.pairs.text() == "No families are related yet."
    choose(qtbot, section.families, "Mental health")
    assert "Mental health" not in [section.related.item(i).text() for i in range(8)]
    tick(qtbot, section.related, "Perinatal")
    assert ticked(section.related) == ["Perinatal"]
    assert section.status.text() == "Mental health and Perinatal are now related."
    assert services.matching_settings.related_families() == {
        "Mental health": {"Perinatal"},
        "Perinatal": {"Mental health"},
    }
    assert section.pairs.text() == "Related now: Mental health and Perinatal."
    assert published == [Changes(settings=True)]

    choose(qtbot, section.families, "Perinatal")
    assert ticked(section.related) == ["Mental health"]
    assert section.related_caption.text() == "&Which are related to Perinatal:"
    tick(qtbot, section.related, "Mental health")  # untick from the other side
    assert ticked(section.related) == []
    assert services.matching_settings.related_families() == {}
    choose(qtbot, section.families, "Mental health")
    assert ticked(section.related) == []


def test_ticking_a_family_keeps_weights_typed_but_not_saved(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    retype(qtbot, page.matching.fields[Criterion.TRAVEL], "9")
    choose(qtbot, page.related_families.families, "Caring")
    tick(qtbot, page.related_families.related, "Homelessness")
    assert page.matching.fields[Criterion.TRAVEL].value() == 9


def test_the_section_follows_changes_made_elsewhere(
    page: SettingsPage, services: Services, bus: ChangeBus
) -> None:
    _item, changes = services.lists.add(
        ListItemDraft(ListKind.LIVED_EXPERIENCE, "Żałoba po stracie", "Żałoba i strata")
    )
    bus.publish(changes)
    section = page.related_families
    names = [section.families.item(i).text() for i in range(section.families.count())]
    assert "Żałoba i strata" in names
    bus.publish(services.matching_settings.set_related_families({"Żałoba i strata": ["Caring"]}))
    assert section.pairs.text() == "Related now: Caring and Żałoba i strata."
    bus.publish(services.matching_settings.set_weights(Weights(travel=2)))
    assert page.matching.fields[Criterion.TRAVEL].value() == 2


def test_the_matching_tab_is_named_and_has_one_alt_key_each(page: SettingsPage) -> None:
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Matching"
    assert unnamed(page) == []
    keys = ["f", "e", "h"]  # the menu bar's
    for widget in page.matching_tab.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            keys.append(mnemonic(widget.text()) or "")  # type: ignore[attr-defined]
    used = [k for k in keys if k]
    assert len(used) == 15 and sorted(used) == sorted(set(used))
