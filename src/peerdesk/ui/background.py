"""Running slow reads off the UI thread, and inline in tests.

The work function gets no widgets and returns frozen records; its result comes back to the UI
thread through a queued signal. Each call opens its own vault session in the worker thread, so
sessions never cross threads.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Executor(Protocol):
    def submit(
        self, work: Callable[[], Any], on_done: Done, on_error: Failed, *, awaited: bool = False
    ) -> None:
        """``awaited``: the caller waits for the answer (``busy.run_busy``), so it is given
        even after a lock (``forget_pending_answers``), or the wait would never end."""
        ...


class InlineExecutor:
    """Runs the work at once on the calling thread (tests, and scripts without an event loop)."""

    def submit(
        self, work: Callable[[], Any], on_done: Done, on_error: Failed, *, awaited: bool = False
    ) -> None:
        try:
            result = work()
        except Exception as error:  # handed to the caller's handler, as the thread version does
            on_error(error)
            return
        on_done(result)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            outcome, signal = self._work(), self._relay.done
        except Exception as error:
            outcome, signal = error, self._relay.failed
        # RuntimeError: the window closed while this ran, so nobody is waiting for the answer.
        with contextlib.suppress(RuntimeError):
            signal.emit(outcome)


class ThreadExecutor:
    """Runs the work on Qt's global thread pool; callbacks arrive on the UI thread."""

    def __init__(self) -> None:
        self._relays: set[_Relay] = set()

    def submit(
        self, work: Callable[[], Any], on_done: Done, on_error: Failed, *, awaited: bool = False
    ) -> None:
        relay = _Relay()  # lives on the UI thread, so its signals are delivered there
        self._relays.add(relay)
        asked_in = _generation

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            if not awaited and (asked_in != _generation or _owner_gone(callback)):
                return  # asked for by a window since locked (or deleted): nobody to tell
            callback(value)

        relay.done.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda error: finish(on_error, error))
        QThreadPool.globalInstance().start(_Job(work, relay))


_generation = 0


def forget_pending_answers() -> None:
    """Locking: answers to reads asked for until now go nowhere (the window that asked is
    being deleted, and an answer arriving first would act on it, e.g. show an error box)."""
    global _generation
    _generation += 1


def _owner_gone(callback: Callable[[Any], None]) -> bool:
    """Whether ``callback`` is a method of a Qt object that has since been deleted."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class Reads:
    """A screen's background reads: one at a time, the newest asked for always run at the end.

    ``stale`` says something changed while the screen was hidden (read when next shown).
    """

    def __init__(self, executor: Executor | None = None) -> None:
        self.executor = executor or default_executor()
        self.stale = True
        self.loading = False
        self.again = False

    def begin(self) -> bool:
        """Whether to start a read now; if one is running, this one is remembered instead."""
        self.stale = False
        if self.loading:
            self.again = True
            return False
        self.loading = True
        return True

    def end(self) -> bool:
        """A read ended: whether another was asked for while it ran (and is now due)."""
        self.loading = False
        again, self.again = self.again, False
        return again


def wait_for_background_work(timeout_ms: int = 10_000) -> None:
    """Let running jobs finish (before the vault is closed under them)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)


default_executor: Callable[[], Executor] = ThreadExecutor
"""What pages use unless given one; GUI tests swap in InlineExecutor."""
