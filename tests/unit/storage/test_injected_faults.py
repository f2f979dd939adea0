"""Real write faults (strace-injected errors, a full vault, a full tmpfs, a read-only mount, no
permission as an ordinary user): the right words, no partial rows, earlier work and backups kept."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import event

from peerdesk.domain.errors import StorageUnavailable
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.storage_faults import StorageFault, not_saved
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.services.clock import FixedClock
from peerdesk.storage import backups
from peerdesk.storage.engine import NO_WRITE_PERMISSION, READ_ONLY_FOLDER
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import NOW, PASSPHRASE
from tests.fault_injection import STRACE, Run, counts, run_writer, steps
from tests.fault_writer import NOTES
from tests.vault_checks import checkpoint_and_close, copy_folder, make_vault, reopen, tree_digest

pytestmark = [pytest.mark.slow]
needs_strace = pytest.mark.skipif(
    STRACE is None,
    reason="strace is not installed (scripts/system-packages.sh "
    "--test installs it): real fault injection needs it",
)
"""Only the tests that run the writer under strace; the others need nothing but Python."""

NEW = "Marta Kowalska-Ó"
EARLIER = "Earlier Person"
STOPPED_FULL = (
    "Backup stopped: the disk holding {folder} is full; free some space. Nothing else changed."
)
STOPPED_GONE = "Backup stopped: the drive was removed. Nothing else changed."
STOPPED_DENIED = (
    "Backup stopped: PeerDesk may not write to {folder} (it is read-only, or you do not have "
    "permission). Choose another folder. Nothing else changed."
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``vault`` with one earlier PSW, and ``bk`` with one earlier backup; the WAL folded in."""
    root = tmp_path_factory.mktemp("faults")
    paths = make_vault(root / "vault")
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    services.psws.create(PswDetails(full_name=EARLIER, notes="kept"), status=JourneyStatus.ENQUIRY)
    services.backups.back_up(root / "bk")
    checkpoint_and_close(services.workspace)
    return root


@pytest.fixture(scope="module")
def clean_runs(base: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """One uninjected save and one uninjected backup: how many of each call happen where."""
    work = tmp_path_factory.mktemp("clean")
    runs = {}
    for action in ("save", "backup"):
        case = copy_folder(base, work / action)
        arg = NEW if action == "save" else str(case / "bk")
        trace = work / f"{action}.txt"
        runs[action] = run_writer(action, case / "vault", arg, trace_to=trace, attach=True)
    assert "saved" in runs["save"].result and "backup" in runs["backup"].result
    return runs


def _case(
    base: Path, where: Path, action: str, call: str, number: int, step: int, clean: Run
) -> tuple[Path, Run]:
    """Copy the base folders, then run ``action`` with ``call`` failing at its ``step``-th
    call inside the action (strace attaches once the vault is unlocked, so it counts from there).

    A run may make a call or two fewer than the clean run (which pages an insert touches is not
    fixed); when the fault lands after the action, it is aimed again at that run's own count,
    up to twice. The caller still asserts that it landed inside the action.
    """
    name = f"{action}-{call}-{errno.errorcode[number]}-{step}"
    before, inside = counts(clean.before())[call], counts(clean.window())[call]
    for attempt in range(3):
        case = copy_folder(base, where / f"{name}-{attempt}")
        arg = NEW if action == "save" else str(case / "bk")
        when = before + min(step, inside)  # before: none of these calls between attach and START
        inject = f"{call}:error={errno.errorcode[number]}:when={when}"
        run = run_writer(
            action, case / "vault", arg, inject=inject, trace_to=case / "t.txt", attach=True
        )
        if run.injected_inside() or not run.has_window():
            break
        before, inside = counts(run.before())[call], counts(run.window())[call]
    return case, run


def _run_all(
    jobs: list[tuple[str, str, int, int]], base: Path, where: Path, clean: Run
) -> list[tuple[Path, Run]]:
    """Each (action, call, errno, step) on its own copy, two at a time."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(_case, base, where, *job, clean) for job in jobs]
        return [future.result() for future in futures]


SAVE_FAULTS = [
    ("pwrite64", errno.ENOSPC, StorageFault.DISK_FULL),
    ("pwrite64", errno.EIO, StorageFault.DRIVE_GONE),
    # SQLite keeps only "disk I/O error" for any other failed write, so a drive turned read-only
    # or refusing mid-write reads as one that stopped answering: still the right advice.
    ("pwrite64", errno.EROFS, StorageFault.DRIVE_GONE),
    ("pwrite64", errno.EACCES, StorageFault.DRIVE_GONE),
    ("fsync", errno.EIO, StorageFault.DRIVE_GONE),
]


@needs_strace
def test_a_save_failing_at_any_write_step_says_why_and_leaves_no_partial_rows(
    base: Path, clean_runs: dict[str, Run], tmp_path: Path
) -> None:
    clean = clean_runs["save"]
    inside = counts(clean.window())
    assert inside["pwrite64"] >= 4 and inside["fsync"] >= 1  # WAL frames, then the commit's sync
    jobs = [
        (call, number, fault, step)
        for call, number, fault in SAVE_FAULTS
        for step in steps(inside[call], 1, f"save-{call}-{number}")
    ]
    ran = _run_all([("save", c, n, s) for c, n, _f, s in jobs], base, tmp_path, clean)
    for (call, number, fault, step), (case, run) in zip(jobs, ran, strict=True):
        where = f"{call} {errno.errorcode[number]} at step {step}"
        assert run.injected_inside(), where
        after = reopen(case / "vault")
        assert after.quick_check_ok and after.chain_ok, where
        assert after.whole(after.named(EARLIER)[0]), where
        assert tree_digest(case / "bk") == tree_digest(base / "bk"), where
        mine = after.named(NEW)
        if call == "fsync":  # the commit frame may be in the WAL already: whole, or absent
            assert len(mine) <= 1 and all(after.whole(i) for i in mine), where
        else:
            assert mine == [], where  # a write refused before the commit frame: nothing of it
        assert set(after.psws) - set(mine) == set(after.named(EARLIER)), where
        assert run.result == {"message": not_saved(fault, case / "vault")}, where


BACKUP_FAULTS = [
    ("pwrite64", errno.ENOSPC, STOPPED_FULL, 1),
    ("pwrite64", errno.EIO, STOPPED_GONE, 0),
    ("write", errno.ENOSPC, STOPPED_FULL, 0),
    ("fsync", errno.EIO, STOPPED_GONE, 1),
    ("mkdir", errno.EACCES, STOPPED_DENIED, 0),
    ("mkdir", errno.EROFS, STOPPED_DENIED, 0),
    ("rename", errno.EIO, STOPPED_GONE, 0),
]


@needs_strace
def test_a_backup_failing_at_any_write_step_leaves_no_folder_and_keeps_older_backups(
    base: Path, clean_runs: dict[str, Run], tmp_path: Path
) -> None:
    clean = clean_runs["backup"]
    inside = counts(clean.window())
    jobs = [
        (call, number, words, step)
        for call, number, words, sample in BACKUP_FAULTS
        for step in steps(inside[call], sample, f"backup-{call}-{number}")
    ]
    ran = _run_all([("backup", c, n, s) for c, n, _w, s in jobs], base, tmp_path, clean)
    for (call, number, words, step), (case, run) in zip(jobs, ran, strict=True):
        where = f"{call} {errno.errorcode[number]} at step {step}"
        assert run.injected_inside(), where
        older = tree_digest(base / "bk")
        now = tree_digest(case / "bk")
        assert {k: now[k] for k in older} == older, where  # no older backup touched
        new = sorted({k.split("/")[0] for k in now} - {k.split("/")[0] for k in older})
        after = reopen(case / "vault")
        assert after.quick_check_ok and after.chain_ok, where
        message = str(run.result.get("message", ""))
        if message.startswith("Backup stopped"):
            assert message == words.format(folder=case / "bk"), where
            assert new == [], where  # no folder, not even a .partial one
        else:  # made and verified; only noting its date in the vault failed afterwards
            assert "backup" in run.result or message.startswith("Not saved"), where
            assert len(new) == 1 and not new[0].endswith(".partial"), where
            backups.verify(case / "bk" / new[0], _key(case))  # VaultDamaged if not whole


def _key(case: Path) -> bytearray:
    from peerdesk.storage.vault import keyslots

    return keyslots.unlock(VaultPaths(case / "vault"), PASSPHRASE)


def test_a_full_vault_max_page_count_says_the_disk_is_full_and_keeps_nothing(
    base: Path, tmp_path: Path
) -> None:
    case = copy_folder(base, tmp_path / "case")
    services = build(vault_service.unlock(VaultPaths(case / "vault"), PASSPHRASE), FixedClock(NOW))
    engine = backups.engine_of(services.workspace)
    with services.workspace.reading() as s:
        pages = int(s.connection().exec_driver_sql("PRAGMA page_count").scalar_one())
    engine.dispose()  # every connection from now on is capped at the pages it has

    @event.listens_for(engine, "connect")
    def _cap(connection: object, _record: object) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    with pytest.raises(StorageUnavailable) as refused:
        services.psws.create(PswDetails(full_name=NEW, notes=NOTES * 4))
    assert str(refused.value) == not_saved(StorageFault.DISK_FULL, case / "vault")
    services.close()
    after = reopen(case / "vault")
    assert after.quick_check_ok and after.chain_ok
    assert after.named(NEW) == [] and after.whole(after.named(EARLIER)[0])


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """An 8 MB tmpfs (skipped where mounting is not permitted)."""
    where = Path(tempfile.mkdtemp(prefix="peerdesk-tmpfs-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        where.rmdir()


def _fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` with real (allocated) bytes until only about ``leave`` bytes are free."""
    with open(disk / "filler", "wb") as stream:
        while (free := shutil.disk_usage(disk).free) > leave:
            stream.write(b"\xa5" * min(free - leave, 1 << 16))
            stream.flush()


@needs_strace
def test_a_save_on_a_disk_that_fills_up_says_so_and_keeps_nothing(
    base: Path, small_disk: Path, tmp_path: Path
) -> None:
    shutil.copytree(base / "vault", small_disk / "vault")
    # Room to unlock (the -shm file, the WAL header and a few frames of its audit row), not for
    # the long new record's eighteen-odd 4 KB frames.
    _fill(small_disk, 64 * 1024)
    run = run_writer("save", small_disk / "vault", NEW, trace_to=tmp_path / "t.txt")
    assert run.result == {"message": not_saved(StorageFault.DISK_FULL, small_disk / "vault")}
    (small_disk / "filler").unlink()
    after = reopen(small_disk / "vault")
    assert after.quick_check_ok and after.chain_ok
    assert after.named(NEW) == [] and after.whole(after.named(EARLIER)[0])


@needs_strace
def test_a_backup_to_a_disk_that_fills_up_during_it_stops_and_leaves_no_folder(
    base: Path, small_disk: Path, tmp_path: Path
) -> None:
    """The disk has room when the backup starts; then another program fills it mid-copy (the
    copy's writes are slowed so the filling lands inside it)."""
    case = copy_folder(base, tmp_path / "case")
    shutil.copytree(base / "bk", small_disk / "bk")
    older = tree_digest(small_disk / "bk")
    clean = run_writer(
        "backup",
        copy_folder(base, tmp_path / "c2") / "vault",
        str(tmp_path / "c2" / "bk"),
        trace_to=tmp_path / "c.txt",
    )
    first = counts(clean.before())["pwrite64"] + 1
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(
            run_writer,
            "backup",
            case / "vault",
            str(small_disk / "bk"),
            inject=f"pwrite64:delay_enter=300000:when={first}+",
            trace_to=tmp_path / "t.txt",
        )
        while not any(p.name.endswith(".partial") for p in (small_disk / "bk").iterdir()):
            assert not running.done(), running.result().result
        _fill(small_disk, 0)
        run = running.result()
    folder = small_disk / "bk"
    assert run.result == {"message": STOPPED_FULL.format(folder=folder)}
    assert tree_digest(folder) == older
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in (base / "bk").iterdir()
    )


def test_a_read_only_drive_refuses_with_its_own_words(base: Path, tmp_path: Path) -> None:
    case = copy_folder(base, tmp_path / "case")
    read_only = tmp_path / "ro"
    read_only.mkdir()
    bound = subprocess.run(
        ["mount", "--bind", str(case), str(read_only)], capture_output=True, check=False
    )
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount here (needs root): {bound.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(read_only)], check=True)
        vault = build(vault_service.unlock(VaultPaths(case / "vault"), PASSPHRASE), FixedClock(NOW))
        try:
            with pytest.raises(StorageUnavailable) as refused:
                vault.backups.back_up(read_only / "bk")
        finally:
            vault.close()
        assert str(refused.value) == STOPPED_DENIED.format(folder=read_only / "bk")
        with pytest.raises(StorageUnavailable) as refused:
            vault_service.unlock(VaultPaths(read_only / "vault"), PASSPHRASE)
        assert str(refused.value) == READ_ONLY_FOLDER.format(folder=read_only / "vault")
    finally:
        subprocess.run(["umount", str(read_only)], check=False)
    assert tree_digest(case / "bk") == tree_digest(base / "bk")


@pytest.mark.skipif(os.geteuid() != 0, reason="dropping root's powers needs root")
@needs_strace
def test_permission_denied_for_an_ordinary_user_is_named_as_such(base: Path) -> None:
    """The writer runs with every capability dropped, so root's override of file permissions is
    gone and folders 0555 refuse it for real. (Not ``--reuid=nobody``: this interpreter lives
    under /root, which nobody may not enter.)"""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is not installed")
    root = Path(tempfile.mkdtemp(prefix="peerdesk-perm-"))
    case = copy_folder(base, root / "case")
    try:
        for folder in (case, case / "bk"):
            folder.chmod(0o555)
        older = tree_digest(case / "bk")
        prefix = (setpriv, "--inh-caps=-all", "--bounding-set=-all", "--")
        run = run_writer(
            "backup", case / "vault", str(case / "bk"), trace_to=root / "t1.txt", prefix=prefix
        )
        assert run.result == {"message": STOPPED_DENIED.format(folder=case / "bk")}
        assert tree_digest(case / "bk") == older
        (case / "vault").chmod(0o555)  # no room for the write-ahead log: refused at unlock
        run = run_writer("save", case / "vault", NEW, trace_to=root / "t2.txt", prefix=prefix)
        assert run.result == {"unlock": NO_WRITE_PERMISSION.format(folder=case / "vault")}
    finally:
        for folder in (case, case / "bk", case / "vault"):
            folder.chmod(0o755)
        shutil.rmtree(root)
