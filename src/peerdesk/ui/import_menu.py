"""File › Import volunteers…: the menu action, its dialog loaded only when first chosen."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus


def install_import(window: QMainWindow, services: Services, bus: ChangeBus, menu: QMenu) -> QAction:
    """File › Import volunteers…; the import dialog and its pages load on first use, so they
    add nothing to start-up."""
    action = QAction("&Import volunteers…", window)
    action.setStatusTip("Add peer support workers from a CSV or Excel spreadsheet")

    def chosen() -> None:
        from peerdesk.ui.import_dialog import import_volunteers

        import_volunteers(window, services, bus)

    action.triggered.connect(chosen)
    menu.addAction(action)
    return action
