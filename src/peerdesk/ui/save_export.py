"""Saving an export: the warning, work in the background, where to save, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.progress import Cancelled, Exported, Progress
from peerdesk.export.atomic_file import failure_cause as cause
from peerdesk.export.atomic_file import not_saved_text, write_atomically
from peerdesk.ui import background, error_reporting
from peerdesk.ui.background import Executor

T = TypeVar("T")

WARNING = "This file will not be encrypted. Anyone with a copy can read it."
CANCELLED = "Cancelled: nothing was saved."
POLL_MS = 100

_last_folder: Path | None = None
"""The folder last saved to, for this session only (never written anywhere)."""

_export_recorder: Callable[[str], None] | None = None
"""Told each file's suggested name once it is saved (the audit log), set by the main window."""


def set_export_recorder(recorder: Callable[[str], None] | None) -> None:
    """Record every saved export through ``recorder(suggested_name)`` (None: stop)."""
    global _export_recorder
    _export_recorder = recorder


def save_export(
    parent: QWidget,
    *,
    title: str,
    make: Callable[[Progress], Exported],
    file_filter: str = "PDF files (*.pdf)",
    executor: Executor | None = None,
) -> None:
    """Warn, run ``make`` in the background with progress and Cancel, ask where, save atomically.

    Cancel, a refused folder or a failure leave no file and say so plainly; an unexpected error
    reaches the crash report. Returns at once when work runs on a thread.
    """
    if not confirm_unencrypted(parent, title):
        return

    def made(exported: Exported) -> None:
        chosen = ask_where(parent, title, exported.name, file_filter)
        if chosen is None:
            tell_cancelled(parent, title)
            return
        path, _filter = chosen
        if write_file(parent, title, path, exported.data, name=exported.name):
            tell_saved(parent, title, path, exported.note)

    run_with_progress(parent, title, make, made, executor=executor)


def confirm_unencrypted(parent: QWidget | None, title: str) -> bool:
    """The warning every export starts with: Continue, or Cancel (the default)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(WARNING)
    box.setInformativeText("Keep it somewhere safe, and delete it when it is no longer needed.")
    go = box.addButton("C&ontinue", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], T],
    on_done: Callable[[T], None],
    *,
    executor: Executor | None = None,
) -> None:
    """Run ``work`` off the UI thread with a progress dialog whose Cancel stops it.

    ``on_done`` gets the result on the UI thread. Cancelled and expected failures are told in a
    box; nothing else happens then.
    """
    runner = _ProgressRun(parent, title)
    runner.start(work, on_done, executor or background.default_executor())


class _ProgressRun(QObject):
    """One piece of background work and its progress dialog (polled: workers touch no widgets)."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self.progress = Progress()
        self.dialog = QProgressDialog("Starting…", "&Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._show_progress)

    def start(
        self, work: Callable[[Progress], T], on_done: Callable[[T], None], executor: Executor
    ) -> None:
        self.dialog.show()
        self._timer.start()
        progress = self.progress

        def done(result: Any) -> None:
            self._finish()
            on_done(result)

        def failed(error: BaseException) -> None:
            self._finish()
            tell_failure(self._parent, self._title, error)

        executor.submit(lambda: work(progress), done, failed)

    def _cancel(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText("Cancelling…")

    def _show_progress(self) -> None:
        done, total = self.progress.done, self.progress.total
        if self.progress.cancelled:
            return
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(f"{done:,} of {total:,}")

    def _finish(self) -> None:
        self._timer.stop()
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()


def documents_folder() -> Path:
    """The user's Documents folder (their home folder if the system names none)."""
    try:
        return Path(platformdirs.user_documents_dir())
    except Exception:  # any platform oddity: fall back to home
        return Path.home()


def ask_where(
    parent: QWidget | None, title: str, name: str, file_filter: str
) -> tuple[Path, str] | None:
    """The save dialog, suggesting ``name`` in the last folder used (else Documents).

    Returns the chosen path (with the filter's extension added if none was typed) and the filter
    chosen, or None if the person cancelled. The dialog has already asked about replacing.
    """
    global _last_folder
    folder = _last_folder or documents_folder()
    chosen, selected = QFileDialog.getSaveFileName(parent, title, str(folder / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        suffix = _suffix(selected or file_filter)
        if suffix:
            path = path.with_name(path.name + suffix)
    _last_folder = path.parent
    return path, selected


def _suffix(file_filter: str) -> str:
    """ ".pdf" from "PDF files (*.pdf)" (the first pattern of the first filter)."""
    start = file_filter.find("(*.")
    if start < 0:
        return ""
    rest = file_filter[start + 2 :]
    end = min((i for i in (rest.find(")"), rest.find(" ")) if i >= 0), default=len(rest))
    return rest[:end]


def write_file(
    parent: QWidget | None, title: str, path: Path, data: bytes, *, name: str = ""
) -> bool:
    """Save ``data`` at ``path`` all or nothing (force: the dialog asked); False after a failure.

    A saved file is recorded in the audit log by ``name``, the suggested name carrying only
    references (never the name typed in the save dialog, which may hold a person's name).
    """
    try:
        write_atomically(path, data, force=True)
    except OSError as error:
        tell(parent, title, not_saved_text(path, error), icon=QMessageBox.Icon.Warning)
        return False
    if _export_recorder is not None:
        try:
            _export_recorder(name)
        except PeerDeskError as error:  # the file is saved; say the log could not be written
            tell(parent, title, f"Saved, but not recorded in the audit log: {error}",
                 icon=QMessageBox.Icon.Warning)  # fmt: skip
    return True


def tell_failure(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Cancel and expected failures in a box; anything else is a bug for the crash report."""
    if isinstance(error, Cancelled):
        tell_cancelled(parent, title)
    elif isinstance(error, PeerDeskError):
        tell(parent, title, f"{error} Nothing was saved.", icon=QMessageBox.Icon.Warning)
    elif isinstance(error, OSError):
        tell(parent, title, f"Nothing was saved: {cause(error)}.", icon=QMessageBox.Icon.Warning)
    else:
        error_reporting.show_error(parent, error)


def tell_cancelled(parent: QWidget | None, title: str) -> None:
    tell(parent, title, CANCELLED)


def tell_saved(parent: QWidget | None, title: str, path: Path, note: str) -> None:
    informative = f"In {path.parent}."
    if note:
        informative = f"{note}\n\n{informative}"
    tell(parent, title, f"Saved {path.name}.", informative=informative)


def tell(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
) -> None:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
