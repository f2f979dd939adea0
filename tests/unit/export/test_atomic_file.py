"""Saving all or nothing: the temporary file beside the target, refusals, and failures mid-write."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import IO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.progress import Cancelled
from peerdesk.export import atomic_file
from peerdesk.export.atomic_file import PARTIAL_MARK, stream_atomically, write_atomically


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "psw-0042-record.pdf"
    write_atomically(target, b"%PDF-1.4 hello")
    assert target.read_bytes() == b"%PDF-1.4 hello"
    assert os.listdir(tmp_path) == ["psw-0042-record.pdf"]


def test_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    write_atomically(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_temporary_file_is_beside_the_target_and_named_partial(tmp_path: Path) -> None:
    seen: list[str] = []

    def write(stream: IO[bytes]) -> None:
        seen.extend(os.listdir(tmp_path))
        stream.write(b"x")

    stream_atomically(tmp_path / "out.xlsx", write)
    [temp] = seen
    assert temp.startswith(".out.xlsx" + PARTIAL_MARK)


@pytest.mark.parametrize("existing", [False, True])
def test_a_full_disk_mid_write_leaves_nothing_and_the_old_file_untouched(
    tmp_path: Path, existing: bool
) -> None:
    target = tmp_path / "out.csv"
    if existing:
        target.write_bytes(b"old")

    def write(stream: IO[bytes]) -> None:
        stream.write(b"half of it")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        stream_atomically(target, write, force=True)
    assert os.listdir(tmp_path) == (["out.csv"] if existing else [])
    if existing:
        assert target.read_bytes() == b"old"


def test_a_failing_rename_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_src: object, _dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomically(tmp_path / "out.pdf", b"data")
    assert os.listdir(tmp_path) == []


def test_cancel_mid_write_leaves_nothing(tmp_path: Path) -> None:
    def write(stream: IO[bytes]) -> None:
        stream.write(b"row 1\n")
        raise Cancelled

    with pytest.raises(Cancelled):
        stream_atomically(tmp_path / "out.csv", write)
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_an_os_error_and_nothing_is_made(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "gone" / "out.pdf", b"data")
    assert os.listdir(tmp_path) == []


def test_a_file_appearing_during_the_write_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def write(stream: IO[bytes]) -> None:
        target.write_bytes(b"someone else's")
        stream.write(b"ours")

    with pytest.raises(FileExistsError):
        stream_atomically(target, write)
    assert target.read_bytes() == b"someone else's"
    assert os.listdir(tmp_path) == ["out.csv"]


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=5000), name=st.from_regex(r"[A-Za-z0-9 ._-]{1,40}", fullmatch=True))
def test_any_bytes_round_trip(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str
) -> None:
    if name in (".", ".."):
        return
    folder = tmp_path_factory.mktemp("atomic")
    write_atomically(folder / name, data)
    assert (folder / name).read_bytes() == data
    assert os.listdir(folder) == [name]
