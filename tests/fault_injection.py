"""Running ``tests.fault_writer`` under strace: counting a save's write steps, injecting errors."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.fault_writer import END, PROBE, START, WAIT

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
        start = next((i for i, line in enumerate(lines) if START in line), len(lines))
        end = next((i for i, line in enumerate(lines) if END in line), len(lines))
        return lines[start + 1 : end]

    def has_window(self) -> bool:
        """Both markers are in the trace: the action ran to its end (the fault fell outside)."""
        return START in self.trace and END in self.trace

    def before(self) -> list[str]:
        lines = self.trace.splitlines()
        return lines[: next((i for i, line in enumerate(lines) if START in line), len(lines))]

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
    attach: bool = False,
) -> Run:
    """Run the writer under strace (optionally injecting), return its JSON line and its trace.

    With ``attach`` strace attaches only once the writer has unlocked, so its counts (and an
    injection's ``when=N``) start at the action: N is the action's own N-th call, however many
    writes unlocking made. Otherwise strace runs the writer from process start.
    """
    assert STRACE is not None
    tracing = [STRACE, "-f", "-qq", "-o", str(trace_to), "-e", f"trace={TRACED}"]
    if inject:
        tracing += ["-e", f"inject={inject}"]
    writer = [sys.executable, "-m", "tests.fault_writer", action, str(folder), arg]
    if attach:
        return _attached(writer, tracing, prefix, trace_to, timeout)
    done = subprocess.run(
        [*prefix, *tracing, *writer],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(_result(done.stdout, done.stderr), trace_to.read_text(errors="replace"))


def _attached(
    writer: list[str], tracing: list[str], prefix: tuple[str, ...], trace_to: Path, timeout: float
) -> Run:
    process = subprocess.Popen(
        [*prefix, *writer],
        cwd=ROOT,
        env={**os.environ, WAIT: "1"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    first = process.stdout.readline()
    if first != "ready\n":  # unlocking failed: its JSON line, nothing traced
        out, err = process.communicate(timeout=timeout)
        return Run(_result(first + out, err), "")
    tracer = subprocess.Popen(
        [*tracing, "-p", str(process.pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_until_traced(trace_to, tracer, timeout)
        process.stdin.write("go\n")
        process.stdin.flush()
        out, err = process.communicate(timeout=timeout)
        tracer.wait(timeout=timeout)
    finally:
        for child in (process, tracer):
            if child.poll() is None:
                child.kill()
                child.communicate()
    return Run(_result(out, err), trace_to.read_text(errors="replace"))


def _wait_until_traced(trace_to: Path, tracer: subprocess.Popen[bytes], timeout: float) -> None:
    """Until the writer's probe shows in the trace: strace is attached and stopping at system
    calls (a tracer id in /proc alone comes a moment before that)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert tracer.poll() is None, f"strace stopped ({tracer.returncode})"
        if trace_to.exists() and PROBE in trace_to.read_text(errors="replace"):
            return
        time.sleep(0.01)
    raise AssertionError("strace did not attach to the writer")


def _result(stdout: str, stderr: str) -> dict[str, object]:
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    assert lines, f"the writer printed nothing: {stderr[-2000:]}"
    parsed: dict[str, object] = json.loads(lines[-1])
    return parsed


def steps(total: int, sample: int, seed: str) -> list[int]:
    """1-based steps to inject at: both ends always, plus ``sample`` others chosen by ``seed``
    (deterministic, so a failure names a step that fails again)."""
    ends = {1, 2, total - 1, total} & set(range(1, total + 1))
    rest = sorted(set(range(1, total + 1)) - ends)
    chosen = random.Random(seed).sample(rest, min(sample, len(rest)))
    return sorted(ends | set(chosen))
