"""Running ``tests.fault_writer`` under strace: counting a save's write steps, injecting errors."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.fault_writer import END, START

ROOT = Path(__file__).resolve().parents[1]
TRACED = "pwrite64,write,fsync,fdatasync,openat,mkdir,rename,access"
STRACE = shutil.which("strace")
_CALL = re.compile(r"^\d+\s+(\w+)\(")


@dataclass(frozen=True)
class Run:
    result: dict[str, object]
    trace: str

    def window(self) -> list[str]:
        """The traced lines between the writer's two markers: the action's own system calls."""
        lines = self.trace.splitlines()
        start = next(i for i, line in enumerate(lines) if START in line)
        end = next(i for i, line in enumerate(lines) if END in line)
        return lines[start + 1 : end]

    def has_window(self) -> bool:
        """Both markers are in the trace: the action ran to its end (the fault fell outside)."""
        return START in self.trace and END in self.trace

    def before(self) -> list[str]:
        lines = self.trace.splitlines()
        return lines[: next(i for i, line in enumerate(lines) if START in line)]

    def injected_inside(self) -> bool:
        return any("(INJECTED)" in line for line in self.window())


def counts(lines: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in lines:
        match = _CALL.match(line)
        if match:
            found[match.group(1)] += 1
    return found


def run_writer(
    action: str,
    folder: Path,
    arg: str,
    *,
    inject: str | None = None,
    trace_to: Path,
    prefix: tuple[str, ...] = (),
    timeout: float = 60,
) -> Run:
    """Run the writer under strace (optionally injecting), return its JSON line and its trace."""
    assert STRACE is not None
    command = [*prefix, STRACE, "-f", "-qq", "-o", str(trace_to), "-e", f"trace={TRACED}"]
    if inject:
        command += ["-e", f"inject={inject}"]
    command += [sys.executable, "-m", "tests.fault_writer", action, str(folder), arg]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the writer printed nothing: {done.stderr[-2000:]}"
    return Run(json.loads(lines[-1]), trace_to.read_text(errors="replace"))


def steps(total: int, sample: int, seed: str) -> list[int]:
    """1-based steps to inject at: both ends always, plus ``sample`` others chosen by ``seed``
    (deterministic, so a failure names a step that fails again)."""
    ends = {1, 2, total - 1, total} & set(range(1, total + 1))
    rest = sorted(set(range(1, total + 1)) - ends)
    chosen = random.Random(seed).sample(rest, min(sample, len(rest)))
    return sorted(ends | set(chosen))
