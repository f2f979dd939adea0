"""Background work: results and errors come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.background import InlineExecutor, ThreadExecutor


def test_thread_executor_runs_off_the_ui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"], seen["callback"] = result, threading.get_ident()

    ThreadExecutor().submit(work, done, pytest.fail)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == {"worker": seen["worker"], "result": 42, "callback": ui_thread}
    assert seen["worker"] != ui_thread


@pytest.mark.parametrize("executor", [ThreadExecutor, InlineExecutor])
def test_errors_reach_the_error_handler(qtbot: QtBot, executor: type) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("boom")

    executor().submit(work, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_the_page_fills_from_a_real_thread(qtbot: QtBot, services: object) -> None:
    from peerdesk.domain.journey import JourneyStatus
    from peerdesk.domain.psw import PswDetails
    from peerdesk.services.bundle import Services
    from peerdesk.ui.change_bus import ChangeBus
    from peerdesk.ui.needs_attention_page import NeedsAttentionPage

    assert isinstance(services, Services)
    services.psws.create(PswDetails(full_name="Siobhán Kelly"), status=JourneyStatus.ACTIVE)
    page = NeedsAttentionPage(services, ChangeBus(), executor=ThreadExecutor())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    assert "Siobhán Kelly" in {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert "overdue or due within 30 days" in page.count.text()


def test_an_answer_for_a_deleted_widget_is_dropped_not_delivered(qtbot: QtBot) -> None:
    """Locking deletes the window while a read may still run: its answer must find no one."""
    import time

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel

    label = QLabel("waiting")
    release = threading.Event()
    finished = threading.Event()

    def work() -> str:
        release.wait(5)
        finished.set()
        return "answer"

    ThreadExecutor().submit(work, label.setText, pytest.fail)
    label.deleteLater()
    QCoreApplication.sendPostedEvents(label, QEvent.Type.DeferredDelete)
    release.set()
    assert finished.wait(5)
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:  # deliver the queued answer, if it were to come
        QCoreApplication.processEvents()
    # reaching here without "Internal C++ object already deleted" is the point


def test_answers_to_reads_asked_before_locking_go_nowhere(qtbot: QtBot) -> None:
    from peerdesk.ui.background import forget_pending_answers, wait_for_background_work

    seen: list[str] = []
    release = threading.Event()
    ThreadExecutor().submit(lambda: release.wait(5) and "old", seen.append, pytest.fail)
    forget_pending_answers()  # what locking does
    release.set()
    wait_for_background_work()
    ThreadExecutor().submit(lambda: "new", seen.append, pytest.fail)
    qtbot.waitUntil(lambda: seen == ["new"], timeout=5000)
    qtbot.wait(100)
    assert seen == ["new"]  # the old answer never arrived
