"""How long work (printing, import, export) reports progress and learns that Cancel was pressed.

The work calls :meth:`Progress.step` now and then; the screen (or the command line) reads the
figures and calls :meth:`Progress.cancel`. A step after Cancel raises :class:`Cancelled`, so the
work stops where it stands and whoever writes the file writes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

Report = Callable[[int, int], None]
"""Called with (done, total) after each step; total 0 means not yet known."""


class Cancelled(Exception):
    """Cancel was pressed: the work stopped and nothing was written."""


class Progress:
    """Progress shared by the worker thread (``step``) and the screen (``cancel``)."""

    def __init__(self, report: Report | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()
        self.done = 0
        self.total = 0

    def step(self, done: int, total: int | None = None) -> None:
        """Record ``done`` of ``total`` items; raises Cancelled once Cancel has been pressed."""
        if self._cancelled.is_set():
            raise Cancelled
        self.done = done
        if total is not None:
            self.total = total
        if self._report is not None:
            self._report(self.done, self.total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise Cancelled if Cancel was pressed (for work between steps)."""
        if self._cancelled.is_set():
            raise Cancelled


@dataclass(frozen=True)
class Exported:
    """A finished file's bytes, a suggested file name, and a note for the done message.

    ``note`` says what the person should know, such as "2 characters could not be printed
    (Bengali)". ``name`` carries references, never names (``psw-0042-record.pdf``).
    """

    data: bytes
    name: str
    note: str = ""
