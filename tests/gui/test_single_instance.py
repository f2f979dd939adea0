"""One PeerDesk per data folder: the lock, the raise request, and a stale lock's recovery."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo
from pytestqt.qtbot import QtBot

from peerdesk.ui.single_instance import SingleInstance, server_name_for


@pytest.fixture
def instances() -> Iterator[list[SingleInstance]]:
    """Instances made by a test, always released after it."""
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.release()


def _instance(made: list[SingleInstance], folder: Path) -> SingleInstance:
    instance = SingleInstance(folder / "peerdesk.lock", server_name_for(folder))
    made.append(instance)
    return instance


def test_server_names_are_short_and_differ_per_folder(tmp_path: Path) -> None:
    one, two = server_name_for(tmp_path / "a"), server_name_for(tmp_path / "b")
    assert one != two
    assert one == server_name_for(tmp_path / "a" / ".." / "a")  # the same folder, however named
    assert len(one) <= 40 and str(tmp_path) not in one


def test_second_launch_is_refused_and_raises_the_first(
    qtbot: QtBot, tmp_path: Path, instances: list[SingleInstance]
) -> None:
    first = _instance(instances, tmp_path)
    assert first.acquire()
    second = _instance(instances, tmp_path)

    assert not second.acquire()
    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert second.notify_running()
    assert first.is_held() and not second.is_held()


def test_release_lets_the_next_launch_in(tmp_path: Path, instances: list[SingleInstance]) -> None:
    first = _instance(instances, tmp_path)
    assert first.acquire()
    first.release()
    assert not (tmp_path / "peerdesk.lock").exists()
    assert _instance(instances, tmp_path).acquire()


def test_nobody_answers_when_nothing_runs(tmp_path: Path, instances: list[SingleInstance]) -> None:
    assert not _instance(instances, tmp_path).notify_running()


def _write_lock(folder: Path, pid: int, host: str) -> None:
    # QLockFile's format: pid, application name, host name.
    (folder / "peerdesk.lock").write_text(f"{pid}\npeerdesk\n{host}\n")


HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
print("locked" if lock.tryLock(0) else "refused", flush=True)
time.sleep(60)
"""


def test_a_live_process_keeps_its_lock_until_it_is_killed(
    tmp_path: Path, instances: list[SingleInstance]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / "peerdesk.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert not _instance(instances, tmp_path).acquire()
    finally:
        holder.kill()  # as a crash or a power cut would: the lock file stays behind
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert (tmp_path / "peerdesk.lock").exists()
    assert _instance(instances, tmp_path).acquire()


def test_a_lock_from_another_computer_is_left_alone(
    tmp_path: Path, instances: list[SingleInstance]
) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()  # dead here, but the PID belongs to the other computer
    _write_lock(tmp_path, finished.pid, "another-laptop")
    assert not _instance(instances, tmp_path).acquire()


def test_a_lock_left_by_a_dead_process_is_recovered(
    tmp_path: Path, instances: list[SingleInstance]
) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    _write_lock(tmp_path, finished.pid, QSysInfo.machineHostName())

    instance = _instance(instances, tmp_path)

    assert instance.acquire()
    assert instance.is_held()
