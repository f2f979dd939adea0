"""How PeerDesk reports failures: expected ones in plain words, unexpected ones as a crash."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import platformdirs
import PySide6
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import peerdesk
from peerdesk.domain.errors import PeerDeskError, StorageUnavailable

APP_NAME = "PeerDesk"
CRASH_TITLE = "PeerDesk: an unexpected problem"
CRASH_TEXT = "PeerDesk hit a problem it didn't expect. Everything you saved is safe."
CRASH_MORE = (
    "The change you were making when it happened may not have been saved. You can carry on.\n\n"
    "If it keeps happening, choose Copy report and send the report to whoever supports PeerDesk "
    "for you. It holds no names, records or anything you typed, only where in PeerDesk the "
    "problem happened. A copy was saved to {path}"
)
COPIED = "The report is on the clipboard."
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


def versions() -> list[str]:
    """What PeerDesk runs on: versions and the operating system's name, nothing about the user."""
    lines = [
        f"PeerDesk {peerdesk.__version__}",
        f"Python {platform.python_version()}",
        f"PySide6 {PySide6.__version__}, Qt {qVersion()}",
    ]
    # Only if the vault driver is already loaded: the crash handler never loads it itself.
    driver = sys.modules.get("sqlcipher3")
    if driver is not None:
        try:
            package = importlib.metadata.version("sqlcipher3")
        except importlib.metadata.PackageNotFoundError:
            package = "unknown"
        lines.append(f"SQLite {getattr(driver, 'sqlite_version', 'unknown')}, sqlcipher3 {package}")
    lines.append(f"Operating system: {platform.system()} {platform.release()}")
    return lines


def _code_roots() -> list[Path]:
    """Folders code is loaded from, longest first, so a frame's file is named from its root."""
    roots = {Path(peerdesk.__file__).resolve().parent.parent}
    for entry in sys.path:
        if entry:
            try:
                roots.add(Path(entry).resolve())
            except (OSError, RuntimeError):
                continue
    return sorted(roots, key=lambda root: len(root.parts), reverse=True)


def _short_file(filename: str, roots: list[Path]) -> str:
    """A frame's file without the folders above it, which can hold the user's name."""
    try:
        path = Path(filename).resolve()
    except (OSError, RuntimeError):
        return Path(filename).name
    for root in roots:
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


def _frames(tb: TracebackType | None, roots: list[Path]) -> list[str]:
    summary = traceback.extract_tb(tb)
    for frame in summary:
        frame.filename = _short_file(frame.filename, roots)
    return summary.format()


def crash_details(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The traceback as text: exception types and code locations, never exception messages."""
    roots = _code_roots()
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
        lines.extend(_frames(exc_tb, roots))
        lines.append(f"{exc_type.__module__}.{exc_type.__qualname__}\n")
    if not chain:
        lines.append(f"{kind.__module__}.{kind.__qualname__}\n")
    lines.append(_LEFT_OUT + "\n")
    return "".join(lines)


def crash_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The whole report, as logged and as copied: versions, then types and frames."""
    when = dt.datetime.now().isoformat(timespec="seconds")
    head = [f"{APP_NAME} crash report, {when}", *versions(), ""]
    return "\n".join(head) + "\n" + crash_details(kind, error, tb)


def write_crash_log(report: str, folder: Path | None = None) -> Path:
    """Save ``report`` to a new file only this user may read; return its path."""
    folder = folder or crash_log_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(report)
    return path


class CrashDialog(QDialog):
    """Says the saved work is safe, offers the report to copy, and lets the app carry on."""

    def __init__(self, parent: QWidget | None, path: Path | None, report: str) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(CRASH_TITLE)
        self.setAccessibleName(CRASH_TITLE)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # grows with the text
        self.headline = QLabel(CRASH_TEXT, self)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("What happened")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        where = str(path) if path is not None else "nowhere: the log folder could not be written"
        self.more = QLabel(CRASH_MORE.format(path=where), self)
        self.more.setWordWrap(True)
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.more.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more.setAccessibleName("What to do")
        self.details = QPlainTextEdit(report, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Report")
        self.details.setVisible(False)
        self.status = QLabel("", self)
        self.status.setAccessibleName("Copy status")
        buttons = QDialogButtonBox(self)
        self.copy_button = self._button(buttons, "&Copy report", self.copy_report)
        self.details_button = self._button(buttons, "Show &details", self.toggle_details)
        self.ok_button = self._button(buttons, "&OK", self.accept)
        self.ok_button.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (self.headline, self.more, self.details, self.status):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.ok_button.setFocus()

    def copy_report(self) -> None:
        """Put the report on the clipboard (it holds nothing personal, so it is left there)."""
        clipboard = QApplication.clipboard()
        clipboard.setText(self.report)
        self.status.setText(COPIED)

    def toggle_details(self) -> None:
        shown = self.details.isHidden()
        self.details.setVisible(shown)
        self.details_button.setText("Hide &details" if shown else "Show &details")
        self.details_button.setAccessibleName(self.details_button.text().replace("&", ""))
        self.adjustSize()

    def _button(self, box: QDialogButtonBox, text: str, slot: Callable[[], object]) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        assert button is not None
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button


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
            report = crash_report(kind, error, tb)
            try:
                path = str(write_crash_log(report, self.log_folder))
            except OSError:
                path = ""
            # AutoConnection: direct on the UI thread, queued from any other thread.
            self.crashed.emit(path, report)
        except BaseException:  # the handler itself must never raise into Qt or recurse
            sys.stderr.write(f"PeerDesk could not report a crash ({kind.__qualname__}).\n")

    def _show(self, path: str, report: str) -> None:
        if self._showing:  # a second error while the box is open: logged above, not shown
            return
        self._showing = True
        try:
            CrashDialog(QApplication.activeWindow(), Path(path) if path else None, report).exec()
        except BaseException:
            sys.stderr.write("PeerDesk could not show its crash message.\n" + report)
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
    report = crash_report(kind, error, tb)
    try:
        path: Path | None = write_crash_log(report)
    except OSError:
        path = None
    CrashDialog(QApplication.activeWindow(), path, report).exec()
