"""Shared benchmark helpers: cached demo vaults, timing, subprocess env and the figure table."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"
if str(SRC) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(SRC))

from peerdesk.storage.migrate import HEAD_REVISION  # noqa: E402
from peerdesk.storage.vault.files import DB_NAME, HEADER_NAME  # noqa: E402

PASSPHRASE = "bench lantern meadow 42"
SEED = 2026


def parser(description: str, *, default_psws: int = 10_000) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="CI smoke mode: tiny sizes, few runs")
    p.add_argument("--psws", type=int, default=None, help=f"vault size (default {default_psws:,})")
    p.add_argument("--runs", type=int, default=None, help="runs per figure (default 5)")
    p.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / f"peerdesk-bench-r{HEAD_REVISION}",
        help="folder that caches the generated vaults between runs (one per schema revision, "
        "so a vault made by an older PeerDesk is never timed)",
    )
    p.set_defaults(default_psws=default_psws)
    return p


@dataclass(frozen=True)
class Settings:
    quick: bool
    psws: int
    runs: int
    work: Path


def settings(args: argparse.Namespace, *, quick_psws: int = 200) -> Settings:
    quick = bool(args.quick)
    psws = args.psws if args.psws is not None else (quick_psws if quick else args.default_psws)
    runs = args.runs if args.runs is not None else (3 if quick else 5)
    return Settings(quick, psws, runs, args.work)


def env(**extra: str) -> dict[str, str]:
    """The environment for a child Python that must import this checkout's peerdesk."""
    paths = [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), **extra}


def copy_vault(source: Path, target: Path, *, fresh: bool = True) -> Path:
    """The closed vault's two files copied into ``target``, as they are. ``fresh`` empties
    ``target`` first (no -wal or -shm of an earlier run may meet the new copy); without it the
    files are only overwritten, so a copy timed as a floor is just the copy."""
    if fresh:
        shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)
    for name in (DB_NAME, HEADER_NAME):
        shutil.copy(source / name, target / name)
    return target


def demo_vault(work: Path, psws: int, *, strong_kdf: bool = False) -> Path:
    """A demo vault of ``psws`` PSWs, made once with ``peerdesk demo`` and reused after.

    With ``strong_kdf`` the real Argon2id cost is used (for unlock timings); otherwise the
    cheap test cost, so the key derivation does not blur other figures.
    """
    folder = work / f"demo-{psws}-{SEED}-{'strong' if strong_kdf else 'fast'}"
    if (folder / "peerdesk.vault").is_file() and (folder / "peerdesk.keys").is_file():
        return folder
    work.mkdir(parents=True, exist_ok=True)
    extra = {"PEERDESK_PASSPHRASE": PASSPHRASE}
    if not strong_kdf:
        extra["PEERDESK_INSECURE_FAST_KDF"] = "1"
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "peerdesk",
            "demo",
            "--psws",
            str(psws),
            "--seed",
            str(SEED),
            "--data-dir",
            str(folder),
        ],
        env=env(**extra),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"peerdesk demo failed:\n{done.stderr}")
    print(f"(built {folder.name} in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return folder


def timed(fn: Callable[[], object]) -> float:
    """Seconds ``fn`` took."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median_of(
    runs: int, fn: Callable[[], object], *, before: Callable[[], object] | None = None
) -> float:
    """Median seconds of ``runs`` calls of ``fn``; ``before`` runs untimed ahead of each."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        times.append(timed(fn))
    return statistics.median(times)


def rss_mb() -> float | None:
    """Resident memory of this process in MB (Linux), or None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


@dataclass(frozen=True)
class Figure:
    name: str
    value: float | None
    """Seconds (or ``unit``); None when it could not be measured."""
    target: float | None = None
    floor: float | None = None
    unit: str = "ms"

    def shown(self, value: float | None) -> str:
        if value is None:
            return "n/a"
        if self.unit == "ms":
            return f"{value * 1000:,.{2 if value < 0.01 else 1}f} ms"
        if self.unit == "s":
            return f"{value:,.3f} s"
        return f"{value:,.1f} {self.unit}"

    @property
    def met(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value <= self.target


def print_table(title: str, figures: Sequence[Figure]) -> bool:
    """Print the figures with their floors and targets; True when every target was met."""
    rows = [("figure", "median", "floor", "x floor", "target", "")]
    for f in figures:
        ratio = f"{f.value / f.floor:.1f}x" if f.value and f.floor else ""
        verdict = {True: "ok", False: "MISSED", None: ""}[f.met]
        target = f"≤ {f.shown(f.target)}" if f.target is not None else ""
        rows.append(
            (f.name, f.shown(f.value), f.shown(f.floor) if f.floor else "", ratio, target, verdict)
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print(f"\n{title}")
    for i, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            print("  " + "  ".join("-" * w for w in widths))
    return all(f.met is not False for f in figures)
