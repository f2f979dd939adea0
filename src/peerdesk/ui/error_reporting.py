"""How PeerDesk reports failures: expected ones in plain words, unexpected ones as a crash."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from peerdesk.domain.errors import PeerDeskError, StorageUnavailable

APP_NAME = "PeerDesk"
CRASH_TITLE = "PeerDesk: something went wrong"
CRASH_TEXT = (
    "Something went wrong inside PeerDesk. Your saved work is safe: everything saved before this "
    "is still in the vault, though the last change you were making may not have been saved.\n\n"
    "If it keeps happening, please send the details to whoever supports PeerDesk for you. They "
    "contain no names or records. The details were saved to {path}"
)
_LEFT_OUT = (
    "(Exception messages are left out on purpose: they can quote what was typed into a record.)"
)


def storage_problem_text(error: StorageUnavailable, folder: Path) -> str:
    """Words for a vault that will not open or save: never to be taken for a wrong passphrase."""
    return (
        "PeerDesk could not use the vault. This is not a problem with the passphrase.\n\n"
        f"{error}\n\nData folder: {folder}"
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the coordinator about ``error``: expected failures plainly, anything else as a crash."""
    if isinstance(error, PeerDeskError):
        QMessageBox.warning(parent, APP_NAME, str(error))
        return
    report_crash(type(error), error, error.__traceback__)


def crash_log_folder() -> Path:
    """The per-user log folder the platform expects (never inside the data folder)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def crash_details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The traceback as text: exception types and code locations, never exception messages."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[tuple[type[BaseException], TracebackType | None]] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((type(current), current.__traceback__ if chain else tb))
        current = current.__cause__ or current.__context__
    for index, (exc_type, exc_tb) in enumerate(reversed(chain)):
        if index:
            lines.append("\nWhich led to:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(exc_tb)))
        lines.append(f"{exc_type.__module__}.{exc_type.__qualname__}\n")
    if not chain:
        lines.append(f"{kind.__module__}.{kind.__qualname__}\n")
    lines.append(_LEFT_OUT + "\n")
    return "".join(lines)


def write_crash_log(details: str, folder: Path | None = None) -> Path:
    """Save ``details`` to a new file only this user may read; return its path."""
    folder = folder or crash_log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        when = dt.datetime.now().isoformat(timespec="seconds")
        stream.write(f"{APP_NAME} crash report, {when}\n")
        stream.write(details)
    return path


def crash_dialog(parent: QWidget | None, path: Path | None, details: str) -> QMessageBox:
    """The box shown after a crash; ``setDetailedText`` gives it its Show Details expander."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(CRASH_TITLE)
    where = str(path) if path is not None else "nowhere: the log folder could not be written"
    box.setText(CRASH_TEXT.format(path=where))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(CRASH_TITLE)
    return box


class _CrashReporter(QObject):
    """Lives on the UI thread, so a crash in a worker thread is shown from the right thread."""

    crashed = Signal(str, str)

    def __init__(self, log_folder: Path | None) -> None:
        super().__init__()
        self.log_folder = log_folder
        self._showing = False
        self.crashed.connect(self._show)

    def hook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        try:
            details = crash_details(kind, error, tb)
            try:
                path = str(write_crash_log(details, self.log_folder))
            except OSError:
                path = ""
            # AutoConnection: direct on the UI thread, queued from any other thread.
            self.crashed.emit(path, details)
        except BaseException:  # the handler itself must never raise into Qt or recurse
            sys.__excepthook__(kind, error, tb)

    def _show(self, path: str, details: str) -> None:
        if self._showing:  # a second error while the box is open: logged above, not shown
            return
        self._showing = True
        try:
            crash_dialog(QApplication.activeWindow(), Path(path) if path else None, details).exec()
        except BaseException:
            sys.stderr.write("PeerDesk could not show its crash message.\n" + details)
        finally:
            self._showing = False


_reporter: _CrashReporter | None = None


def install_crash_handler(app: QApplication, *, log_folder: Path | None = None) -> None:
    """Route uncaught exceptions (UI thread and worker threads) to a crash log and a message."""
    global _reporter
    _reporter = _CrashReporter(log_folder)
    _reporter.moveToThread(app.thread())
    sys.excepthook = _reporter.hook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if _reporter is not None and args.exc_value is not None:
            _reporter.hook(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook


def report_crash(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log and show ``error`` as a crash, through the installed handler if there is one."""
    if _reporter is not None:
        _reporter.hook(kind, error, tb)
        return
    details = crash_details(kind, error, tb)
    try:
        path: Path | None = write_crash_log(details)
    except OSError:
        path = None
    crash_dialog(QApplication.activeWindow(), path, details).exec()
