"""What the matching service hands out: suggestions with reasons, exclusions, a caseload plan."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.matching.criteria import Criterion
from peerdesk.domain.matching.plan import worse_off


@dataclass(frozen=True)
class Suggestion:
    """One eligible PSW for a person, with what a coordinator needs to judge the pick."""

    rank: int
    """1 is the top suggestion."""
    psw_id: PswId
    name: str
    score: float | None
    """0–100; None when the person has no wishes (then ranked by hours available)."""
    closeness: dict[Criterion, float]
    """Only criteria the person has a wish on."""
    not_recorded: frozenset[Criterion]
    """Criteria whose 0.5 came from data missing on the PSW's side."""
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    """``readiness()`` warnings (due soon, in grace): shown beside the reasons."""
    places_left: int


@dataclass(frozen=True)
class Exclusion:
    psw_id: PswId
    name: str
    why_not: tuple[str, ...]
    """Dated sentences: "Excluded: DBS renewal overdue since 3 March 2026"."""


@dataclass(frozen=True)
class ExclusionGroup:
    headline: str
    count: int


@dataclass(frozen=True)
class Suggestions:
    person_id: PersonId
    person_name: str
    no_wishes: bool
    suggestions: tuple[Suggestion, ...]
    """Every eligible PSW, best first; screens show the first 20, then more on request."""
    excluded: tuple[Exclusion, ...]
    """By name."""
    groups: tuple[ExclusionGroup, ...]
    """Excluded PSWs grouped by why-not headline with counts, commonest first."""
    total: int
    """How many PSWs are eligible in all (``suggestions`` may hold only the first page)."""

    @property
    def everyone_excluded(self) -> bool:
        return not self.suggestions

    def top_reasons(self, count: int = 3) -> tuple[ExclusionGroup, ...]:
        return self.groups[:count]

    def rank_of(self, psw_id: PswId) -> int | None:
        return next((s.rank for s in self.suggestions if s.psw_id == psw_id), None)


@dataclass(frozen=True)
class CaseloadLine:
    """One waiting person in the plan, beside what first come, first served would give them."""

    person_id: PersonId
    person_name: str
    wait_days: int
    psw_id: PswId | None
    """None: stays waiting."""
    psw_name: str
    score: float | None
    greedy_psw_id: PswId | None
    greedy_psw_name: str
    greedy_score: float | None
    candidates: int
    """Eligible PSWs above the minimum score (rejected pairs left out)."""

    @property
    def worse_than_greedy(self) -> bool:
        return worse_off(self.score, self.greedy_score)


@dataclass(frozen=True)
class CaseloadPlan:
    lines: tuple[CaseloadLine, ...]
    """Longest wait first."""
    matched: int
    greedy_matched: int
    objective: int
    greedy_objective: int
    total_score: float
    greedy_total_score: float
    minimum_score: int
    constants: tuple[int, int, int]
    """(match value, wait value per day, score units per point) of the pair value."""
    already_proposed: int = 0
    """People waiting who already have a proposed match: left out of the plan."""

    @property
    def worse_than_greedy(self) -> tuple[CaseloadLine, ...]:
        return tuple(line for line in self.lines if line.worse_than_greedy)
