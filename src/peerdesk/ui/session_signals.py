"""Hears the desktop say it is going to sleep or locking the screen, where it says so (D-Bus).

On Linux, logind announces ``PrepareForSleep(true)`` on the system bus before a suspend and
``Lock`` on the user's own session; screensavers announce ``ActiveChanged(true)`` on the
session bus (the freedesktop name, and GNOME's own). Each becomes ``going_away(reason)``, which
the lock session treats like the idle limit. Where there is no bus (Windows, macOS, a minimal
desktop) nothing is heard and the one-second heartbeat's clock-jump check still catches a sleep.
Only signals are listened to: nothing is ever sent, and no network is involved.
"""

from __future__ import annotations

import os

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

SLEEP = "sleep"
SCREEN_LOCK = "screen lock"

LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


def session_object_path(session_id: str) -> str | None:
    """logind's object path for ``session_id`` (systemd's bus-label escaping), or None."""
    if not session_id:
        return None
    label = []
    for index, char in enumerate(session_id):
        plain = char.isascii() and char.isalnum() and not (index == 0 and char.isdigit())
        label.append(char if plain else "".join(f"_{byte:02x}" for byte in char.encode()))
    return f"{LOGIN1_PATH}/session/{''.join(label)}"


class SessionSignals(QObject):
    """Emits ``going_away(reason)`` when the desktop sleeps or locks its screen."""

    going_away = Signal(str)

    def __init__(
        self,
        *,
        system_bus: QDBusConnection | None = None,
        session_bus: QDBusConnection | None = None,
        session_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        self.listening: list[str] = []
        """The signals actually subscribed to (empty where there is no bus)."""
        if system.isConnected():
            self._listen(system, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", "_sleep(bool)")
            path = session_object_path(
                os.environ.get("XDG_SESSION_ID", "") if session_id is None else session_id
            )
            if path is not None:
                self._listen(system, path, LOGIN1_SESSION, "Lock", "_locked()")
        if session.isConnected():
            for path, interface in SCREENSAVERS:
                self._listen(session, path, interface, "ActiveChanged", "_screensaver(bool)")

    def _listen(
        self, bus: QDBusConnection, path: str, interface: str, name: str, slot: str
    ) -> None:
        # PySide6's stubs say bytes, but at run time the slot must be SLOT()'s str.
        if bus.connect("", path, interface, name, self, SLOT(slot)):  # type: ignore[call-overload]
            self.listening.append(f"{interface}.{name}")

    @Slot(bool)
    def _sleep(self, starting: bool) -> None:
        if starting:  # false is sent on waking: nothing to do, the lock screen is already up
            self.going_away.emit(SLEEP)

    @Slot()
    def _locked(self) -> None:
        self.going_away.emit(SCREEN_LOCK)

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.going_away.emit(SCREEN_LOCK)
