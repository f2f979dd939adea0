"""The Lists page: add, rename, retire and delete entries; refusals shown beside the form."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.domain.psw import PswDetails
from peerdesk.domain.taxonomy import ListItem, ListItemDraft, ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.lists_page import ListsPage
from tests.gui.typing_helpers import tab_through, type_text, unnamed


def _page(qtbot: QtBot, services: Services, kind: ListKind) -> tuple[ListsPage, ChangeBus]:
    bus = ChangeBus()
    page = ListsPage(services, bus)
    qtbot.addWidget(page)
    page.show()
    page.kinds.setCurrentRow(list(ListKind).index(kind))
    return page, bus


def _texts(page: ListsPage) -> list[str]:
    """Every row's text as shown, children of family headings included."""
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(page.model.rowCount(parent)):
            index = page.model.index(row, 0, parent)
            found.append(str(index.data()))
            walk(index)

    walk(QModelIndex())
    return found


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _named(services: Services, kind: ListKind, name: str) -> ListItem:
    return next(i for i in services.lists.items(kind) if i.name == name)


def test_add_rename_retire_restore_and_delete_an_interest(qtbot: QtBot, services: Services) -> None:
    page, bus = _page(qtbot, services, ListKind.INTEREST)
    assert "Walking" in _texts(page)

    type_text(qtbot, page.name, "Céramique 陶芸")
    with qtbot.waitSignal(bus.changed) as published:
        _click(qtbot, page.add_button)
    changes, origin = published.args
    assert changes.lists and origin is page
    assert "Céramique 陶芸" in _texts(page)
    assert page.current is not None and page.current.name == "Céramique 陶芸"
    assert "Added" in page.status.text()

    page.name.clear()
    type_text(qtbot, page.name, "Pottery")
    _click(qtbot, page.save_button)
    assert "Pottery" in _texts(page) and "Céramique 陶芸" not in _texts(page)
    assert _named(services, ListKind.INTEREST, "Pottery").id == page.current.id

    _click(qtbot, page.retire_button)
    assert "Pottery (retired)" in _texts(page)  # in words ...
    index = page.tree.currentIndex()
    grey = page.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == grey  # ... and greyed
    assert page.retire_button.text().replace("&", "") == "Restore"
    assert _named(services, ListKind.INTEREST, "Pottery").retired

    _click(qtbot, page.retire_button)
    assert "Pottery" in _texts(page)
    assert not _named(services, ListKind.INTEREST, "Pottery").retired

    _click(qtbot, page.delete_button)
    assert all(not t.startswith("Pottery") for t in _texts(page))
    assert page.current is None and page.name.text() == ""
    assert all(i.name != "Pottery" for i in services.lists.items(ListKind.INTEREST))


def test_an_entry_in_use_cannot_be_deleted_and_retiring_is_offered(
    qtbot: QtBot, services: Services
) -> None:
    walking = _named(services, ListKind.INTEREST, "Walking")
    services.psws.create(PswDetails(full_name="Zoë Nguyễn", interests=(walking.id,)))
    page, _bus = _page(qtbot, services, ListKind.INTEREST)
    page.select(walking.id)

    _click(qtbot, page.delete_button)

    shown = page.problem.text()
    assert "1 record uses “Walking”, so it cannot be deleted" in shown
    assert "Retire it instead" in shown
    assert page.focusWidget() is page.retire_button  # Retire is offered: one key press away
    assert "Walking" in _texts(page)
    assert services.lists.usage(walking.id) == 1


def test_lived_experience_needs_a_family(qtbot: QtBot, services: Services) -> None:
    page, _bus = _page(qtbot, services, ListKind.LIVED_EXPERIENCE)
    assert page.family.isVisible() and not page.latitude.isVisible()
    assert "Mental health" in _texts(page)  # family headings group the entries

    type_text(qtbot, page.name, "Long COVID")
    page.family.setCurrentText("")
    _click(qtbot, page.add_button)

    assert "Choose or type the family" in page.field_problems["family"].text()
    assert "Long COVID" not in _texts(page)
    assert page.name.text() == "Long COVID"  # nothing typed is lost

    type_text(qtbot, page.family.lineEdit(), "Physical health")
    _click(qtbot, page.add_button)
    assert page.field_problems["family"].text() == ""
    assert "Physical health" in _texts(page) and "Long COVID" in _texts(page)
    assert _named(services, ListKind.LIVED_EXPERIENCE, "Long COVID").family == "Physical health"


def test_an_area_needs_both_latitude_and_longitude_or_neither(
    qtbot: QtBot, services: Services
) -> None:
    page, _bus = _page(qtbot, services, ListKind.AREA)
    assert page.latitude.isVisible() and not page.family.isVisible()

    type_text(qtbot, page.name, "Ellesmere Port")
    type_text(qtbot, page.latitude, "53.28")
    _click(qtbot, page.add_button)
    assert "Give both latitude and longitude" in page.field_problems["latitude"].text()
    assert "Ellesmere Port" not in _texts(page)

    type_text(qtbot, page.longitude, "west")
    _click(qtbot, page.add_button)
    assert "must be a number" in page.field_problems["longitude"].text()

    page.longitude.clear()
    type_text(qtbot, page.longitude, "-2.90")
    _click(qtbot, page.add_button)
    added = _named(services, ListKind.AREA, "Ellesmere Port")
    assert (added.latitude, added.longitude) == (53.28, -2.9)

    page.latitude.clear()
    page.longitude.clear()
    _click(qtbot, page.save_button)  # "not set" is allowed
    assert _named(services, ListKind.AREA, "Ellesmere Port").latitude is None


def test_changes_made_elsewhere_are_shown(qtbot: QtBot, services: Services) -> None:
    page, bus = _page(qtbot, services, ListKind.SKILL)
    _item, changes = services.lists.add(ListItemDraft(ListKind.SKILL, "Sign language"))
    assert "Sign language" not in _texts(page)
    bus.publish(changes, origin=None)
    assert "Sign language" in _texts(page)
    bus.publish(Changes(settings=True), origin=None)  # not about lists: nothing to do
    assert "Sign language" in _texts(page)


def test_every_control_is_named_and_reached_with_tab(qtbot: QtBot, services: Services) -> None:
    page, _bus = _page(qtbot, services, ListKind.AREA)
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    assert unnamed(page) == []
    page.select(_named(services, ListKind.AREA, "Chester").id)
    visited = tab_through(qtbot, page.kinds)
    for widget in (page.tree, page.name, page.latitude, page.longitude, page.delete_button):
        assert widget in visited
