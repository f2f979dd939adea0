"""``peerdesk match`` output: suggestions for one person and the caseload plan, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from peerdesk.domain.matching.criteria import Criterion

# The services' records (services.matching_records), described here by what is read of them:
# export sits below services in the layers, so it may not import them.


class _Suggestion(Protocol):
    @property
    def rank(self) -> int: ...
    @property
    def psw_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def score(self) -> float | None: ...
    @property
    def closeness(self) -> Mapping[Criterion, float]: ...
    @property
    def not_recorded(self) -> frozenset[Criterion]: ...
    @property
    def reasons(self) -> Sequence[str]: ...
    @property
    def warnings(self) -> Sequence[str]: ...
    @property
    def places_left(self) -> int: ...


class _Exclusion(Protocol):
    @property
    def psw_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def why_not(self) -> Sequence[str]: ...


class _Group(Protocol):
    @property
    def headline(self) -> str: ...
    @property
    def count(self) -> int: ...


class Suggestions(Protocol):
    @property
    def person_id(self) -> int: ...
    @property
    def person_name(self) -> str: ...
    @property
    def no_wishes(self) -> bool: ...
    @property
    def suggestions(self) -> Sequence[_Suggestion]: ...
    @property
    def excluded(self) -> Sequence[_Exclusion]: ...
    @property
    def groups(self) -> Sequence[_Group]: ...
    @property
    def total(self) -> int: ...
    @property
    def everyone_excluded(self) -> bool: ...


class CaseloadLine(Protocol):
    @property
    def person_id(self) -> int: ...
    @property
    def person_name(self) -> str: ...
    @property
    def wait_days(self) -> int: ...
    @property
    def psw_id(self) -> int | None: ...
    @property
    def psw_name(self) -> str: ...
    @property
    def score(self) -> float | None: ...
    @property
    def greedy_psw_id(self) -> int | None: ...
    @property
    def greedy_psw_name(self) -> str: ...
    @property
    def greedy_score(self) -> float | None: ...
    @property
    def candidates(self) -> int: ...
    @property
    def worse_than_greedy(self) -> bool: ...


class CaseloadPlan(Protocol):
    @property
    def lines(self) -> Sequence[CaseloadLine]: ...
    @property
    def matched(self) -> int: ...
    @property
    def greedy_matched(self) -> int: ...
    @property
    def objective(self) -> int: ...
    @property
    def greedy_objective(self) -> int: ...
    @property
    def total_score(self) -> float: ...
    @property
    def greedy_total_score(self) -> float: ...
    @property
    def minimum_score(self) -> int: ...
    @property
    def worse_than_greedy(self) -> Sequence[CaseloadLine]: ...


FORMATS = ("text", "json")


def render_suggestions(found: Suggestions, fmt: str) -> str:
    """Suggestions (best first, with reasons) and every exclusion with its why-not."""
    if fmt == "json":
        return _dump(suggestions_record(found))
    if fmt == "text":
        return _suggestions_text(found)
    raise ValueError(f"unknown format {fmt!r}")


def render_plan(plan: CaseloadPlan, fmt: str) -> str:
    """The plan's lines (longest wait first) and totals beside first come, first served."""
    if fmt == "json":
        return _dump(plan_record(plan))
    if fmt == "text":
        return _plan_text(plan)
    raise ValueError(f"unknown format {fmt!r}")


def suggestions_record(found: Suggestions) -> dict[str, Any]:
    return {
        "person_id": found.person_id,
        "name": found.person_name,
        "eligible": found.total,
        "suggestions": [
            {
                "rank": s.rank,
                "psw_id": s.psw_id,
                "name": s.name,
                "score": s.score,
                "criteria": {c.value: value for c, value in s.closeness.items()},
                "not_recorded": sorted(c.value for c in s.not_recorded),
                "reasons": list(s.reasons),
                "warnings": list(s.warnings),
                "places_left": s.places_left,
            }
            for s in found.suggestions
        ],
        "excluded": [
            {"psw_id": e.psw_id, "name": e.name, "why_not": list(e.why_not)} for e in found.excluded
        ],
    }


def plan_record(plan: CaseloadPlan) -> dict[str, Any]:
    return {
        "lines": [
            {
                "person_id": ln.person_id,
                "name": ln.person_name,
                "wait_days": ln.wait_days,
                "psw_id": ln.psw_id,
                "psw_name": ln.psw_name or None,
                "score": ln.score,
                "greedy_psw_id": ln.greedy_psw_id,
                "greedy_score": ln.greedy_score,
                "candidates": ln.candidates,
                "worse_than_greedy": ln.worse_than_greedy,
            }
            for ln in plan.lines
        ],
        "matched": plan.matched,
        "greedy_matched": plan.greedy_matched,
        "objective": plan.objective,
        "greedy_objective": plan.greedy_objective,
        "total_score": plan.total_score,
        "greedy_total_score": plan.greedy_total_score,
        "minimum_score": plan.minimum_score,
    }


def _dump(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _score(score: float | None) -> str:
    return "no wishes to score" if score is None else f"score {score:g}"


def _suggestions_text(found: Suggestions) -> str:
    out = [f"Suggested peer workers for {found.person_name} (person {found.person_id})"]
    if found.no_wishes:
        out.append("They have no wishes recorded, so peers are ranked by hours available.")
    if found.everyone_excluded:
        out.append("Nobody can be suggested: every peer worker is excluded.")
    else:
        shown = len(found.suggestions)
        out.append(f"Showing {shown:,} of {found.total:,} who could be matched.")
    for s in found.suggestions:
        places = "1 place left" if s.places_left == 1 else f"{s.places_left} places left"
        out.append("")
        out.append(f"{s.rank}. {s.name} (PSW {s.psw_id}) — {_score(s.score)}, {places}")
        out += [f"     {reason}" for reason in s.reasons]
        out += [f"     Note: {warning}" for warning in s.warnings]
    if found.excluded:
        out.append("")
        out.append(f"Excluded ({len(found.excluded):,}):")
        out += [f"  {g.headline}: {g.count:,}" for g in found.groups]
        for e in found.excluded:
            out.append(f"  {e.name} (PSW {e.psw_id}): {'; '.join(e.why_not)}")
    return "\n".join(out) + "\n"


def _pick(psw_name: str, psw_id: int | None, score: float | None) -> str:
    if psw_id is None:
        return "stays waiting"
    return f"{psw_name or 'PSW'} (PSW {psw_id}), {_score(score)}"


def _line_text(ln: CaseloadLine) -> list[str]:
    out = [
        f"{ln.person_name} (person {ln.person_id}), waiting {ln.wait_days:,} days: "
        f"{_pick(ln.psw_name, ln.psw_id, ln.score)}"
    ]
    if ln.greedy_psw_id != ln.psw_id:
        greedy = _pick(ln.greedy_psw_name, ln.greedy_psw_id, ln.greedy_score)
        out.append(f"     first come, first served: {greedy}")
    return out


def _plan_text(plan: CaseloadPlan) -> str:
    out = [
        "Caseload plan (nothing is saved; review it in PeerDesk to propose matches)",
        f"  Matched:      {plan.matched:,} people (first come, first served: "
        f"{plan.greedy_matched:,})",
        f"  Total score:  {plan.total_score:,.1f} (first come, first served: "
        f"{plan.greedy_total_score:,.1f})",
        f"  Minimum score for a line: {plan.minimum_score}",
    ]
    worse = plan.worse_than_greedy
    if worse:
        out.append(f"  Fares worse than first come, first served: {len(worse):,}")
        out += [
            f"    {ln.person_name} (person {ln.person_id}): "
            f"{_pick(ln.psw_name, ln.psw_id, ln.score)}; first come, first served: "
            f"{_pick(ln.greedy_psw_name, ln.greedy_psw_id, ln.greedy_score)}"
            for ln in worse
        ]
    else:
        out.append("  Nobody fares worse than first come, first served.")
    if not plan.lines:
        out.append("Nobody is waiting.")
    else:
        out.append("")
        out.append("Longest wait first:")
        for ln in plan.lines:
            out += [f"  {text}" for text in _line_text(ln)]
    return "\n".join(out) + "\n"
