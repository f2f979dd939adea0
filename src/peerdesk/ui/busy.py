"""A short job that must finish (a backup and its check) run off the UI thread, with a moving bar.

The window stays painted and the coordinator sees what PeerDesk is doing instead of a frozen
window and a wait cursor. There is no Cancel: a backup stopped halfway would only be thrown
away, and it takes seconds. The job's own exceptions come back to the caller unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from peerdesk.ui import background
from peerdesk.ui.background import Executor

T = TypeVar("T")

SHOW_AFTER_MS = 300
"""Jobs quicker than this never flash a dialog."""


def run_busy(
    parent: QWidget | None,
    title: str,
    text: str,
    work: Callable[[], T],
    *,
    executor: Executor | None = None,
) -> T:
    """Run ``work`` on a worker thread behind an indeterminate progress dialog; return its
    result, or raise what it raised. The UI thread keeps painting while it waits."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setAccessibleDescription(text)
    dialog.setCancelButton(None)  # Qt's way to have no Cancel
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    dialog.setValue(0)
    # awaited: a lock while this runs must still end the wait below (the job is not the
    # locked window's read; its caller is waiting on this very stack)
    (executor or background.default_executor()).submit(work, done, failed, awaited=True)
    if not outcome:  # an inline executor (tests) has already finished
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result
