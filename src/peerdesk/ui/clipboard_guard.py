"""Copies PeerDesk makes are marked as concealed and cleared after 30 s, on lock and on exit.

Every change of the clipboard made while PeerDesk has the keyboard focus (or owns the clipboard)
is re-set with hints that clipboard managers and Windows clipboard history honour:

* KDE Klipper and compatible managers: ``x-kde-passwordManagerHint`` = ``secret``;
* Windows: ``ExcludeClipboardContentFromMonitorProcessing`` (present), and
  ``CanIncludeInClipboardHistory`` and ``CanUploadToCloudClipboard`` = 0 (a 4-byte DWORD),
  as registered clipboard formats (Qt's ``application/x-qt-windows-mime;value="..."``).

After 30 seconds, on lock and on exit the clipboard is cleared, but only if it still holds that
same copy: whatever the person copied since, anywhere, is left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
KDE_HINT = "x-kde-passwordManagerHint"
_DWORD_ZERO = bytes(4)
WINDOWS_FORMATS = {
    "ExcludeClipboardContentFromMonitorProcessing": _DWORD_ZERO,
    "CanIncludeInClipboardHistory": _DWORD_ZERO,
    "CanUploadToCloudClipboard": _DWORD_ZERO,
}


def windows_mime(name: str) -> str:
    """The mime type Qt turns into the registered Windows clipboard format ``name``."""
    return f'application/x-qt-windows-mime;value="{name}"'


HINT_FORMATS = {KDE_HINT: b"secret"} | {windows_mime(k): v for k, v in WINDOWS_FORMATS.items()}


def _content(data: QMimeData | None) -> dict[str, bytes]:
    """What a copy holds, hints left out: equal content means the same copy."""
    if data is None:
        return {}
    return {
        name: bytes(data.data(name).data())
        for name in data.formats()
        if name not in HINT_FORMATS and not name.startswith("application/x-qt-windows-mime")
    }


class ClipboardGuard(QObject):
    """Watches the application clipboard; ``clear_now`` empties it if it still holds our copy."""

    def __init__(
        self,
        *,
        timer: QTimer | None = None,
        made_here: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._made_here = made_here or self._focus_or_owner
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        self._app = app
        self.clipboard: QClipboard = app.clipboard()
        self.timer = timer if timer is not None else QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CLEAR_AFTER_MS)
        self.timer.timeout.connect(self.clear_now)
        self._ours: dict[str, bytes] | None = None
        self._setting = False
        self.clipboard.dataChanged.connect(self._changed)
        app.aboutToQuit.connect(self.clear_now)
        self._watching = True

    @property
    def holding(self) -> bool:
        """Whether the clipboard holds a copy PeerDesk made that is not yet cleared."""
        return self._ours is not None

    def _changed(self) -> None:
        if self._setting:
            return
        data = self.clipboard.mimeData()
        content = _content(data)
        if not content or not self._made_here():
            if content != self._ours:
                self._forget()  # someone else's copy replaced ours: never clear theirs
            return
        if data is not None and data.hasFormat(KDE_HINT):
            self._ours = content  # already marked (setting it again would start a loop)
            self.timer.start()
            return
        marked = QMimeData()
        for name, value in content.items():
            marked.setData(name, QByteArray(value))
        for name, value in HINT_FORMATS.items():
            marked.setData(name, QByteArray(value))
        self._setting = True
        try:
            self.clipboard.setMimeData(marked)
        finally:
            self._setting = False
        self._ours = content
        self.timer.start()

    def _focus_or_owner(self) -> bool:
        """A copy PeerDesk made: it owns the clipboard (X11, Windows, macOS, Wayland), or, where
        the platform cannot say, one of its widgets had the keyboard focus at that moment."""
        if self.clipboard.ownsClipboard():
            return True
        return QGuiApplication.focusObject() is not None

    def clear_now(self) -> None:
        """Empty the clipboard if it still holds the copy PeerDesk made; else leave it alone."""
        self.timer.stop()
        if self._ours is not None and _content(self.clipboard.mimeData()) == self._ours:
            self._setting = True
            try:
                self.clipboard.clear()
            finally:
                self._setting = False
        self._forget()

    def detach(self) -> None:
        """Clear our copy and stop watching the clipboard (PeerDesk is closing)."""
        self.clear_now()
        if self._watching:
            self._watching = False
            self.clipboard.dataChanged.disconnect(self._changed)
            self._app.aboutToQuit.disconnect(self.clear_now)

    def _forget(self) -> None:
        self._ours = None
        self.timer.stop()
