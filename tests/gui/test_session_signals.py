"""The desktop's sleep and screen-lock signals reach PeerDesk's lock, over a private D-Bus."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from peerdesk.ui.session_signals import (
    LOGIN1_MANAGER,
    LOGIN1_PATH,
    LOGIN1_SESSION,
    SCREEN_LOCK,
    SLEEP,
    SessionSignals,
    session_object_path,
)


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A private session bus (the tests that need one are skipped without dbus-daemon; the
    path and no-bus tests run everywhere)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("needs dbus-daemon to run a private bus")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.kill()
        daemon.wait()
        daemon.stdout.close()


GNOME = ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")
_count = 0


def _connect(address: str) -> QDBusConnection:
    global _count
    _count += 1
    return QDBusConnection.connectToBus(address, f"peerdesk-test-{_count}")


def _emit(address: str, path: str, interface: str, name: str, *args: object) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments(list(args))
    assert _connect(address).send(message)


@pytest.fixture
def signals(qtbot: QtBot, bus_address: str) -> SessionSignals:
    bus = _connect(bus_address)
    return SessionSignals(system_bus=bus, session_bus=bus, session_id="c2")


def test_it_listens_for_sleep_session_lock_and_screensavers(signals: SessionSignals) -> None:
    assert "org.freedesktop.login1.Manager.PrepareForSleep" in signals.listening
    assert "org.freedesktop.login1.Session.Lock" in signals.listening
    assert "org.gnome.ScreenSaver.ActiveChanged" in signals.listening


def test_going_to_sleep_asks_for_the_lock(
    qtbot: QtBot, signals: SessionSignals, bus_address: str
) -> None:
    with qtbot.waitSignal(signals.going_away, timeout=3000) as heard:
        _emit(bus_address, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", True)
    assert heard.args == [SLEEP]


def test_waking_up_does_not(qtbot: QtBot, signals: SessionSignals, bus_address: str) -> None:
    with qtbot.assertNotEmitted(signals.going_away, wait=500):
        _emit(bus_address, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep", False)


def test_our_session_locking_asks_for_the_lock_but_another_session_does_not(
    qtbot: QtBot, signals: SessionSignals, bus_address: str
) -> None:
    with qtbot.assertNotEmitted(signals.going_away, wait=500):
        _emit(bus_address, f"{LOGIN1_PATH}/session/c3", LOGIN1_SESSION, "Lock")
    with qtbot.waitSignal(signals.going_away, timeout=3000) as heard:
        _emit(bus_address, f"{LOGIN1_PATH}/session/c2", LOGIN1_SESSION, "Lock")
    assert heard.args == [SCREEN_LOCK]


def test_a_screensaver_starting_asks_for_the_lock(
    qtbot: QtBot, signals: SessionSignals, bus_address: str
) -> None:
    with qtbot.assertNotEmitted(signals.going_away, wait=500):
        _emit(
            bus_address, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False
        )
    with qtbot.waitSignal(signals.going_away, timeout=3000) as heard:
        _emit(bus_address, *GNOME, "ActiveChanged", True)
    assert heard.args == [SCREEN_LOCK]


def test_without_a_bus_nothing_is_listened_to(qtbot: QtBot) -> None:
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "peerdesk-test-none")
    assert not nowhere.isConnected()
    assert SessionSignals(system_bus=nowhere, session_bus=nowhere).listening == []


def test_session_paths_are_escaped_as_logind_does() -> None:
    assert session_object_path("2") == "/org/freedesktop/login1/session/_32"
    assert session_object_path("c2") == "/org/freedesktop/login1/session/c2"
    assert session_object_path("a-b") == "/org/freedesktop/login1/session/a_2db"
    assert session_object_path("") is None


@given(st.text(min_size=1, max_size=20))
def test_any_session_id_makes_a_valid_object_path(session_id: str) -> None:
    path = session_object_path(session_id)
    assert path is not None
    label = path.rsplit("/", 1)[1]
    assert label and all(c.isascii() and (c.isalnum() or c == "_") for c in label)
    assert not label[0].isdigit()
