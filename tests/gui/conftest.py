"""GUI test set-up: background work runs inline, so tests see its results at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import background
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.checks_tab import ChecksTab
from peerdesk.ui.psw_commands import CommandContext
from peerdesk.ui.psw_form import PswForm


@pytest.fixture(autouse=True)
def inline_background_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "default_executor", background.InlineExecutor)


@pytest.fixture(autouse=True)
def stop_leftover_timers(qtbot: QtBot) -> Iterator[None]:
    """A closed vault refuses every session (it is locked): stop the timers of this test's
    widgets (a form's pending check) before a later test's event loop could fire them."""
    yield
    for top in QApplication.topLevelWidgets():
        for timer in top.findChildren(QTimer):
            timer.stop()


# The PSW form and its tabs (a test module may override any of these with its own).


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def published(bus: ChangeBus) -> list[Changes]:
    """Every Changes published on ``bus`` during the test, in order."""
    seen: list[Changes] = []
    bus.changed.connect(lambda changes, _origin: seen.append(changes))
    return seen


@pytest.fixture
def form(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[PswForm]:
    stack = QUndoStack()
    widget = PswForm(CommandContext(services, bus, stack))
    widget.resize(1000, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    stack.clear()


@pytest.fixture
def psw_id(services: Services) -> PswId:
    psw, _ = services.psws.create(PswDetails(full_name="Alexandra Quinn", known_as="Alex"))
    return psw.id


@pytest.fixture
def tab(form: PswForm, services: Services, psw_id: PswId, qtbot: QtBot) -> ChecksTab:
    """The Checks tab of ``form`` showing ``psw_id``."""
    form.load(services.psws.get(psw_id))
    form.tabs.setCurrentWidget(form.checks)
    qtbot.wait(0)
    return form.checks
