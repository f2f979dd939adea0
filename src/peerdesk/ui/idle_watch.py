"""Says when PeerDesk should lock: idle too long, a sleep the platform reported, or a clock jump.

Idle time is measured from real input only (keys, mouse, wheel, touch, tablet), seen by an
application-wide event filter. A one-second heartbeat compares the wall clock with where it
should be: a jump of more than 30 seconds means the computer slept (or its clock was changed),
so PeerDesk locks. The heartbeat timer and the clock are injectable so tests drive them.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

HEARTBEAT_MS = 1000
JUMP_SECONDS = 30.0

IDLE = "idle"
CLOCK_JUMP = "clock jump"
SUSPENDED = "suspended"

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.ShortcutOverride,
    }
)


class IdleWatch(QObject):
    """Emits ``lock_due(reason)`` once per arming; ``start`` arms it again after unlocking."""

    lock_due = Signal(str)

    def __init__(
        self,
        minutes: int,
        *,
        clock: Callable[[], float] = time.time,
        heartbeat: QTimer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = minutes * 60.0
        self._armed = False
        self._last_input = clock()
        self._last_beat = self._last_input
        self.heartbeat = heartbeat if heartbeat is not None else QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.setTimerType(Qt.TimerType.CoarseTimer)
        self.heartbeat.timeout.connect(self.beat)
        # aimed at the idle limit itself, so the lock is not up to a whole heartbeat late
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self.deadline.timeout.connect(self.beat)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.installEventFilter(self)
            app.applicationStateChanged.connect(self._state_changed)

    def set_minutes(self, minutes: int) -> None:
        """A new idle limit, counted from the last input already seen."""
        self._limit = minutes * 60.0

    def start(self) -> None:
        """Arm: count idle time from now and start the heartbeat."""
        now = self._clock()
        self._last_input = now
        self._last_beat = now
        self._armed = True
        self.heartbeat.start()

    def stop(self) -> None:
        """Disarm while locked: input on the lock screen must not re-lock it."""
        self._armed = False
        self.heartbeat.stop()
        self.deadline.stop()

    @property
    def armed(self) -> bool:
        return self._armed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._armed:
            self._last_input = self._clock()
        return False  # only watching: every event carries on to its widget

    def beat(self) -> None:
        """The heartbeat: lock on a clock jump or when idle time has reached the limit."""
        if not self._armed:
            return
        now = self._clock()
        since = now - self._last_beat
        jumped = abs(since) > JUMP_SECONDS
        self._last_beat = now
        left = self._limit - (now - self._last_input)
        if jumped:
            self._fire(CLOCK_JUMP)
        elif left <= 0:
            self._fire(IDLE)
        elif 0 < left < since:
            # the limit falls before the next beat: aim a timer at it, in the heartbeat's time
            self.deadline.start(max(1, round(HEARTBEAT_MS * left / since)))

    def system_suspending(self) -> None:
        """The platform says the session is going to sleep or the screen is being locked."""
        if self._armed:
            self._fire(SUSPENDED)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.system_suspending()

    def _fire(self, reason: str) -> None:
        self.stop()
        self.lock_due.emit(reason)
