"""The caseload plan's lines as table text, and the coordinator's decision on each line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from peerdesk.services.matching_records import CaseloadLine, CaseloadPlan

COLUMNS = (
    "Person",
    "Waited",
    "Plan: peer",
    "Score",
    "First come, first served",
    "Score",
    "Compared",
    "Decision",
)


class Decision(Enum):
    UNDECIDED = "Not decided"
    ACCEPT = "Accept"
    REJECT = "Reject"


@dataclass
class LineChoice:
    decision: Decision = Decision.UNDECIDED
    reason: str = ""


def say_wait(days: int) -> str:
    weeks, rest = divmod(days, 7)
    if weeks == 0:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{weeks} week{'s' if weeks != 1 else ''}" + (f" {rest} d" if rest else "")


def say_score(score: float | None) -> str:
    return "" if score is None else f"{score:.1f}"


def compared(line: CaseloadLine) -> str:
    """How the line fares against first come, first served, in words (never colour alone)."""
    if line.worse_than_greedy:
        return "Worse than first come"
    if line.psw_id is None:
        return "Stays waiting" if line.candidates else "No eligible peer"
    if line.greedy_psw_id is None:
        return "Matched only by the plan"
    if line.psw_id == line.greedy_psw_id:
        return "Same"
    return "Different peer"


def decision_text(line: CaseloadLine, choice: LineChoice) -> str:
    if line.psw_id is None:
        return "—"
    if choice.decision is Decision.REJECT:
        return f"Reject: {choice.reason}"
    return str(choice.decision.value)


def row_text(line: CaseloadLine, choice: LineChoice) -> list[str]:
    return [
        line.person_name,
        say_wait(line.wait_days),
        line.psw_name or "Stays waiting",
        say_score(line.score),
        line.greedy_psw_name or "Stays waiting",
        say_score(line.greedy_score),
        compared(line),
        decision_text(line, choice),
    ]


def summary(plan: CaseloadPlan) -> str:
    """The totals beside first come, first served's, and who fares worse."""
    waiting = len(plan.lines)
    worse = len(plan.worse_than_greedy)
    match_value, wait_value, steps = plan.constants
    aside = (
        f" ({plan.already_proposed:,} more already have a proposed match and are left out.)"
        if plan.already_proposed
        else ""
    )
    return (
        f"{waiting:,} people waiting.{aside} The plan matches {plan.matched:,}; first come, first "
        f"served would match {plan.greedy_matched:,}.\n"
        f"Total score {plan.total_score:,.1f} (first come, first served: "
        f"{plan.greedy_total_score:,.1f}). Objective {plan.objective:,} against "
        f"{plan.greedy_objective:,}.\n"
        f"{worse:,} {'person fares' if worse == 1 else 'people fare'} worse than under first "
        f"come, first served. Minimum score {plan.minimum_score}.\n"
        f"Each pair is worth {match_value:,} for a match + {wait_value:,} per day waited + "
        f"{steps} per point of score, so matching more people always comes first, then longer "
        "waits, then higher scores."
    )
