"""The idle watch: real input restarts the count; a clock jump or the platform's sleep locks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.ui.idle_watch import CLOCK_JUMP, IDLE, SUSPENDED, IdleWatch


class Wall:
    now = 5_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def watch(qtbot: QtBot) -> Iterator[tuple[IdleWatch, Wall, list[str]]]:
    wall = Wall()
    made = IdleWatch(1, clock=wall, heartbeat=QTimer())
    fired: list[str] = []
    made.lock_due.connect(fired.append)
    made.start()
    yield made, wall, fired
    made.stop()
    made.deleteLater()


def beat_for(watch: IdleWatch, wall: Wall, seconds: int) -> None:
    for _ in range(seconds):
        wall.now += 1
        watch.beat()


def test_typing_restarts_the_count(qtbot: QtBot, watch: tuple[IdleWatch, Wall, list[str]]) -> None:
    idle, wall, fired = watch
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    beat_for(idle, wall, 50)
    qtbot.keyClick(field, Qt.Key.Key_A)
    beat_for(idle, wall, 59)
    assert fired == []
    beat_for(idle, wall, 1)
    assert fired == [IDLE]
    assert not idle.armed and not idle.heartbeat.isActive()
    beat_for(idle, wall, 600)
    assert fired == [IDLE]  # once per arming


def test_clock_jump_and_sleep(watch: tuple[IdleWatch, Wall, list[str]]) -> None:
    idle, wall, fired = watch
    wall.now += 30
    idle.beat()
    assert fired == []
    wall.now += 30.5
    idle.beat()
    assert fired == [CLOCK_JUMP]
    idle.start()
    idle.system_suspending()
    assert fired == [CLOCK_JUMP, SUSPENDED]
    idle.system_suspending()  # already disarmed
    assert fired == [CLOCK_JUMP, SUSPENDED]


def test_the_heartbeat_beats_each_second(watch: tuple[IdleWatch, Wall, list[str]]) -> None:
    idle, _wall, _fired = watch
    assert idle.heartbeat.isActive() and idle.heartbeat.interval() == 1000


def test_a_beat_just_short_of_the_limit_aims_a_timer_at_the_limit_itself(
    qtbot: QtBot, watch: tuple[IdleWatch, Wall, list[str]]
) -> None:
    idle, wall, fired = watch
    wall.now += 0.6
    idle.beat()
    beat_for(idle, wall, 59)  # the last beat comes 0.4 s before the limit: the next, 0.6 s late
    assert fired == [] and idle.deadline.isActive()
    assert 350 <= idle.deadline.remainingTime() <= 400
    wall.now += 0.4
    with qtbot.waitSignal(idle.lock_due, timeout=2000):
        pass  # the aimed timer fires by itself, not the next heartbeat
    assert fired == [IDLE]
    assert not idle.deadline.isActive()
