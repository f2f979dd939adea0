"""Word-level comparison of two plan versions, section by section, as runs a screen can mark."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

from peerdesk.domain.calendar import format_date
from peerdesk.domain.plans import PlanVersion

_TOKENS = re.compile(r"\s+|\S+")


class RunKind(Enum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Run:
    kind: RunKind
    text: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    older: str
    newer: str
    runs: tuple[Run, ...]

    @property
    def changed(self) -> bool:
        return any(r.kind is not RunKind.SAME for r in self.runs)


@dataclass(frozen=True)
class PlanComparison:
    older: PlanVersion
    newer: PlanVersion
    sections: tuple[SectionDiff, ...]
    details: tuple[str, ...]
    """Sentences on the dates and confidentiality that changed ("Review date: … → …")."""


def words(text: str) -> list[str]:
    """Words and the white space between them: joined again they are ``text`` exactly."""
    return _TOKENS.findall(text)


def word_runs(older: str, newer: str) -> tuple[Run, ...]:
    """What changed from ``older`` to ``newer``, word by word; adjacent runs of a kind merged."""
    a, b = words(older), words(newer)
    runs: list[Run] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run(RunKind.SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run(RunKind.REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Run(RunKind.ADDED, "".join(b[j1:j2])))
    return _merged(runs)


def _merged(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Adjacent runs of a kind joined; a change broken only by spaces ("Night| |shifts" for
    "Late| |nights") becomes one removed and one added run, as a reader would mark it."""
    out: list[Run] = []
    i = 0
    while i < len(runs):
        if runs[i].kind is RunKind.SAME:
            _append(out, runs[i])
            i += 1
            continue
        j = i
        while j + 1 < len(runs) and (
            runs[j + 1].kind is not RunKind.SAME
            or (
                j + 2 < len(runs)
                and runs[j + 1].text.isspace()
                and runs[j + 2].kind is not RunKind.SAME
            )
        ):
            j += 1
        block = runs[i : j + 1]
        kinds = {r.kind for r in block}
        if {RunKind.ADDED, RunKind.REMOVED} <= kinds:
            removed = "".join(r.text for r in block if r.kind is not RunKind.ADDED)
            added = "".join(r.text for r in block if r.kind is not RunKind.REMOVED)
            block = [Run(RunKind.REMOVED, removed), Run(RunKind.ADDED, added)]
        for run in block:
            _append(out, run)
        i = j + 1
    return tuple(out)


def _append(out: list[Run], run: Run) -> None:
    if out and out[-1].kind is run.kind:
        out[-1] = Run(run.kind, out[-1].text + run.text)
    else:
        out.append(run)


def apply_runs(older: str, runs: Sequence[Run]) -> str:
    """Rebuild the newer text from ``older`` and the runs (ValueError if they do not fit it)."""
    at = 0
    out: list[str] = []
    for run in runs:
        if run.kind is RunKind.ADDED:
            out.append(run.text)
            continue
        if not older.startswith(run.text, at):
            raise ValueError(f"The comparison does not fit the older text at character {at}.")
        at += len(run.text)
        if run.kind is RunKind.SAME:
            out.append(run.text)
    if at != len(older):
        raise ValueError("The comparison leaves part of the older text unaccounted for.")
    return "".join(out)


def compare(first: PlanVersion, second: PlanVersion) -> PlanComparison:
    """Any two versions of one plan, the lower-numbered as the older, section by section."""
    older, newer = sorted((first, second), key=lambda v: v.number)
    before = {s.key: s for s in older.draft.sections}
    after = {s.key: s for s in newer.draft.sections}
    keys = [s.key for s in newer.draft.sections] + [k for k in before if k not in after]
    diffs = []
    for key in keys:
        old = before[key].as_text() if key in before else ""
        new = after[key].as_text() if key in after else ""
        title = (after.get(key) or before[key]).title
        diffs.append(SectionDiff(key, title, old, new, word_runs(old, new)))
    return PlanComparison(older, newer, tuple(diffs), _details(older, newer))


def _details(older: PlanVersion, newer: PlanVersion) -> tuple[str, ...]:
    a, b = older.draft, newer.draft
    said = []
    for label, then, now in (
        ("Agreed by them on", a.agreed_by_psw_on, b.agreed_by_psw_on),
        ("Review date", a.review_on, b.review_on),
    ):
        if then != now:
            said.append(f"{label}: {_day(then)} \u2192 {_day(now)}")
    if a.confidentiality is not b.confidentiality:
        said.append(f"Confidentiality: {a.confidentiality.label} \u2192 {b.confidentiality.label}")
    return tuple(said)


def _day(day: dt.date | None) -> str:
    return "none" if day is None else format_date(day)
