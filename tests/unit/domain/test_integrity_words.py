"""The words of integrity findings, damage and storage faults: one line, exact, per case."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.integrity import backup_time, damage_message, one_line
from peerdesk.domain.storage_faults import StorageFault, fault_for_errno, not_saved


@given(st.text(), st.integers(min_value=2, max_value=400))
def test_a_finding_is_always_one_line_within_its_limit(text: str, limit: int) -> None:
    line = one_line(text, limit=limit)
    assert "\n" not in line and "\r" not in line
    assert len(line) <= limit
    assert line == line.strip()


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_backup_times_read_like_fri_14_mar_17_30(when: dt.datetime) -> None:
    day, date, rest = backup_time(when).split(" ", 2)
    assert day == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[when.weekday()]
    assert date == str(when.day)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert rest == f"{months[when.month - 1]}, {when.hour:02d}:{when.minute:02d}"
    assert backup_time(dt.datetime(2025, 3, 14, 17, 30)) == "Fri 14 Mar, 17:30"


def test_the_damage_message_names_the_newest_backup_or_says_there_is_none() -> None:
    assert damage_message(dt.datetime(2025, 3, 14, 17, 30)) == (
        "PeerDesk found damage and set the vault aside unchanged. "
        "Newest good backup: Fri 14 Mar, 17:30."
    )
    assert damage_message(None) == (
        "PeerDesk found damage and set the vault aside unchanged. No backup was found."
    )


def test_each_operating_system_error_names_its_fault() -> None:
    assert fault_for_errno(errno.ENOSPC) is StorageFault.DISK_FULL
    assert fault_for_errno(errno.EROFS) is StorageFault.READ_ONLY
    assert fault_for_errno(errno.EACCES) is StorageFault.NO_PERMISSION
    for number in (errno.EIO, errno.ENODEV, errno.ENOENT):
        assert fault_for_errno(number) is StorageFault.DRIVE_GONE
    assert fault_for_errno(errno.EINTR) is None
    assert fault_for_errno(None) is None


def test_every_fault_says_not_saved_names_the_folder_and_that_earlier_work_is_safe() -> None:
    folder = Path("/media/usb/PeerDesk")
    assert not_saved(StorageFault.DISK_FULL, folder).startswith(
        "Not saved: the disk is full; free some space. Earlier work is safe."
    )
    for fault in StorageFault:
        words = not_saved(fault, folder)
        assert words.startswith("Not saved: ") and str(folder) in words
        assert "Earlier work is safe." in words and "\n" not in words
