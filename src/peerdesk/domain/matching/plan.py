"""Caseload plan: everyone waiting against every free place at once, beside first come first served.

The plan is one exact assignment on a sparse, capacity-expanded bipartite graph:

* rows are the people who have at least one usable candidate (people with none stay waiting
  without entering the graph);
* columns are one per free place of each usable PSW (a PSW gets ``min(places, people who list
  them)`` columns, so every column has someone who could take it), plus one "stays waiting"
  column per row that only its own person can take, so a full matching always exists;
* a person's edges are their ``graph_width`` best candidates plus greedy's pick for them, so the
  plan can always reproduce greedy and is never worse than it.

Objective, in this order: match as many people as possible; then favour those who have waited
longest (the total days waited by the people matched); then the highest total score. It is one
integer value per edge, so a single maximum-weight matching decides all three tiers exactly::

    pair value          = MATCH + WAIT * wait_days + score_units
    stays-waiting value = 1

with ``score_units = round(score * steps)`` (``steps`` = 10 per point, or 1 when tenths would not
fit; see below), ``S = 100 * steps`` the most one pair can score, and, over the ``n`` people in the
graph whose waits add up to ``D`` days::

    WAIT  = S * n + 1
    MATCH = WAIT * D + S * n + n + 1

Proof that the order is lexicographic. A full matching X with k people matched, total wait w and
score units s is worth ``V = MATCH*k + WAIT*w + s + (n - k)``. Take matchings A and B.

* Same k, w(A) >= w(B) + 1: V(A) - V(B) >= WAIT - |s(A) - s(B)| >= WAIT - S*n = 1 > 0, because
  each of at most n scores lies in 0..S and the stays-waiting terms cancel. One day of wait always
  beats any difference in score.
* k(A) = k(B) + j with j >= 1: V(A) - V(B) >= j*MATCH - WAIT*D - S*n - j >= MATCH - WAIT*D - S*n
  - n = 1 > 0, because the wait totals differ by at most D, the scores by at most S*n and the
  stays-waiting terms by j <= n. One more match always beats any wait and score.
* Same k and w: V differs by exactly the score units.

Every value is a positive integer and ``V <= n * (MATCH + WAIT * max_wait + S) < 2**53``, checked
before solving, so float64 holds every edge and every partial sum exactly and the solver's optimum
is the exact lexicographic optimum (of scores rounded to ``1/steps`` of a point). With tenths of a
point this fits 2,000 people waiting ~1,000 days on average; beyond that whole points are used;
beyond that :class:`PlanTooLarge` is raised.

Greedy: the longest wait (ties: smaller person id) takes their best free candidate (ties: smaller
PSW id), and so on down the list.

Deterministic: inputs are put in a canonical order (people and candidates by id) before the graph
is built, and the solver is deterministic, so the same input gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from peerdesk.domain.ids import PswId

GRAPH_WIDTH = 50
"""How many of each person's best candidates enter the graph (greedy's pick is always added)."""

_EXACT_LIMIT = 2**53
"""float64 holds every integer below this exactly."""

_SCORE_STEPS = (10, 1)
"""Score resolutions tried, finest first: tenths of a point, then whole points."""

STAYS_WAITING_VALUE = 1
"""The tiny positive value of a person's own "stays waiting" column (scipy warns on zeros)."""


def worse_off(score: float | None, greedy_score: float | None) -> bool:
    """Greedy matched them and the plan does not, or the plan gives them a lower score."""
    if greedy_score is None:
        return False
    return score is None or score < greedy_score


class PlanTooLarge(ValueError):
    """The waiting list is too big for the objective to be encoded exactly in float64."""


class Candidate(NamedTuple):
    """An eligible PSW for one person, already past the hard constraints and the minimum score.

    A named tuple, not a dataclass: a plan over 2,000 people makes 100,000 of them.
    """

    psw_id: PswId
    score: float
    """0-100."""


@dataclass(frozen=True)
class WaitingPerson:
    person_id: int
    wait_days: int
    """Days since referral less days on hold; 0 or more."""
    candidates: tuple[Candidate, ...]
    """Any order; each PSW at most once."""


@dataclass(frozen=True)
class PlanLine:
    """One person's outcome in the plan and under greedy. ``psw_id`` None means stays waiting."""

    person_id: int
    wait_days: int
    psw_id: PswId | None
    score: float | None
    greedy_psw_id: PswId | None
    greedy_score: float | None

    @property
    def worse_than_greedy(self) -> bool:
        """Greedy matched them and the plan does not, or the plan gives them a lower score."""
        return worse_off(self.score, self.greedy_score)


@dataclass(frozen=True)
class Objective:
    """The constants of the one-value encoding (see the module docstring)."""

    match_value: int
    wait_value: int
    score_steps: int
    """Score units per point."""

    def pair_value(self, wait_days: int, score: float) -> int:
        return self.match_value + self.wait_value * wait_days + score_units(score, self.score_steps)


@dataclass(frozen=True)
class Plan:
    lines: tuple[PlanLine, ...]
    """One per person, longest wait first (ties: smaller person id)."""
    matched: int
    greedy_matched: int
    objective: int
    greedy_objective: int
    total_score: float
    greedy_total_score: float
    constants: Objective

    @property
    def worse_than_greedy(self) -> tuple[PlanLine, ...]:
        return tuple(line for line in self.lines if line.worse_than_greedy)


def score_units(score: float, steps: int) -> int:
    return round(score * steps)


def plan_caseload(
    waiting: Iterable[WaitingPerson],
    places_left: Mapping[PswId, int],
    *,
    graph_width: int = GRAPH_WIDTH,
) -> Plan:
    """The exact plan and greedy's, side by side. A PSW missing from ``places_left`` has none.

    Raises ValueError on a repeated person, a PSW listed twice for one person, a negative wait or
    place count, or a score outside 0-100; :class:`PlanTooLarge` when the objective cannot be held
    exactly.
    """
    people = _canonical(waiting)
    for psw, places in places_left.items():
        if places < 0:
            raise ValueError(f"PSW {psw} has {places} places left")
    usable = [[c for c in p.candidates if places_left.get(c.psw_id, 0) > 0] for p in people]
    greedy = _greedy(people, usable, places_left)
    in_graph = [i for i, cands in enumerate(usable) if cands]
    constants = _constants([people[i] for i in in_graph])
    edges = [_graph_edges(usable[i], greedy[i], graph_width) for i in in_graph]
    chosen = _solve([people[i] for i in in_graph], edges, places_left, constants)
    picks: list[Candidate | None] = [None] * len(people)
    for row, i in enumerate(in_graph):
        picks[i] = chosen[row]
    return _assemble(people, [bool(c) for c in usable], picks, greedy, constants)


def _canonical(waiting: Iterable[WaitingPerson]) -> list[WaitingPerson]:
    seen: set[int] = set()
    people: list[WaitingPerson] = []
    for person in waiting:
        if person.person_id in seen:
            raise ValueError(f"person {person.person_id} is listed twice")
        seen.add(person.person_id)
        if person.wait_days < 0:
            raise ValueError(f"person {person.person_id} has a negative wait")
        psws = [c.psw_id for c in person.candidates]
        if len(set(psws)) != len(psws):
            raise ValueError(f"person {person.person_id} lists a PSW twice")
        for c in person.candidates:
            if not 0 <= c.score <= 100:
                raise ValueError(f"score {c.score} for person {person.person_id} is not 0-100")
        ordered = tuple(sorted(person.candidates, key=_best_first))
        people.append(WaitingPerson(person.person_id, person.wait_days, ordered))
    people.sort(key=lambda p: (-p.wait_days, p.person_id))
    return people


def _best_first(c: Candidate) -> tuple[float, int]:
    return (-c.score, c.psw_id)


def _greedy(
    people: Sequence[WaitingPerson],
    usable: Sequence[Sequence[Candidate]],
    places_left: Mapping[PswId, int],
) -> list[Candidate | None]:
    """First come, first served: ``people`` is already longest wait first, candidates best first."""
    free = dict(places_left)
    picks: list[Candidate | None] = []
    for cands in usable:
        pick = next((c for c in cands if free[c.psw_id] > 0), None)
        if pick is not None:
            free[pick.psw_id] -= 1
        picks.append(pick)
    return picks


def _graph_edges(
    cands: Sequence[Candidate], greedy_pick: Candidate | None, width: int
) -> list[Candidate]:
    kept = list(cands[:width])
    if greedy_pick is not None and greedy_pick not in kept:
        kept.append(greedy_pick)
    return kept


def _constants(people: Sequence[WaitingPerson]) -> Objective:
    n = len(people)
    total_wait = sum(p.wait_days for p in people)
    longest = max((p.wait_days for p in people), default=0)
    for steps in _SCORE_STEPS:
        most = 100 * steps
        wait = most * n + 1
        match = wait * total_wait + most * n + n + 1
        if n * (match + wait * longest + most) < _EXACT_LIMIT:
            return Objective(match, wait, steps)
    raise PlanTooLarge(
        f"{n} people waiting {total_wait} days in all is too many to plan exactly at once"
    )


def _solve(
    people: Sequence[WaitingPerson],
    edges: Sequence[Sequence[Candidate]],
    places_left: Mapping[PswId, int],
    constants: Objective,
) -> list[Candidate | None]:
    """Each row's chosen candidate, or None where staying waiting is best."""
    n = len(people)
    if n == 0:
        return []
    listers: dict[PswId, int] = {}
    for row_edges in edges:
        for c in row_edges:
            listers[c.psw_id] = listers.get(c.psw_id, 0) + 1
    # One column per free place a lister could take; PSWs in id order for a canonical matrix.
    start: dict[PswId, int] = {}
    width: dict[PswId, int] = {}
    cursor = 0
    for psw in sorted(listers):
        start[psw] = cursor
        width[psw] = min(places_left[psw], listers[psw])
        cursor += width[psw]
    place_columns = cursor
    edge_count = sum(len(e) for e in edges)
    rows = np.empty(edge_count, dtype=np.int64)
    firsts = np.empty(edge_count, dtype=np.int64)
    counts = np.empty(edge_count, dtype=np.int64)
    values = np.empty(edge_count, dtype=np.int64)
    k = 0
    for row, (person, row_edges) in enumerate(zip(people, edges, strict=True)):
        for c in row_edges:
            rows[k] = row
            firsts[k] = start[c.psw_id]
            counts[k] = width[c.psw_id]
            values[k] = constants.pair_value(person.wait_days, c.score)
            k += 1
    # Expand each (person, PSW) edge to one edge per place column of that PSW.
    total = int(counts.sum())
    ends = np.cumsum(counts)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(ends - counts, counts)
    all_rows = np.concatenate([np.repeat(rows, counts), np.arange(n, dtype=np.int64)])
    all_cols = np.concatenate(
        [np.repeat(firsts, counts) + offsets, place_columns + np.arange(n, dtype=np.int64)]
    )
    all_values = np.concatenate(
        [np.repeat(values, counts), np.full(n, STAYS_WAITING_VALUE, dtype=np.int64)]
    ).astype(np.float64)
    # scipy is imported here, not at the top: it costs ~0.3 s and only a plan needs it
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    graph = csr_matrix((all_values, (all_rows, all_cols)), shape=(n, place_columns + n))
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph, maximize=True)
    column_psw = np.full(place_columns, -1, dtype=np.int64)
    for psw, first in start.items():
        column_psw[first : first + width[psw]] = psw
    chosen: list[Candidate | None] = [None] * n
    by_psw = [{c.psw_id: c for c in row_edges} for row_edges in edges]
    for row, col in zip(_ints(matched_rows), _ints(matched_cols), strict=True):
        if col < place_columns:
            chosen[row] = by_psw[row][PswId(int(column_psw[col]))]
    return chosen


def _ints(array: NDArray[np.int64]) -> list[int]:
    return [int(x) for x in array]


def _assemble(
    people: Sequence[WaitingPerson],
    in_graph: Sequence[bool],
    picks: Sequence[Candidate | None],
    greedy: Sequence[Candidate | None],
    constants: Objective,
) -> Plan:
    lines = tuple(
        PlanLine(
            person.person_id,
            person.wait_days,
            pick.psw_id if pick else None,
            pick.score if pick else None,
            g.psw_id if g else None,
            g.score if g else None,
        )
        for person, pick, g in zip(people, picks, greedy, strict=True)
    )
    return Plan(
        lines=lines,
        matched=sum(line.psw_id is not None for line in lines),
        greedy_matched=sum(line.greedy_psw_id is not None for line in lines),
        objective=_objective(people, in_graph, picks, constants),
        greedy_objective=_objective(people, in_graph, greedy, constants),
        total_score=sum(line.score for line in lines if line.score is not None),
        greedy_total_score=sum(
            line.greedy_score for line in lines if line.greedy_score is not None
        ),
        constants=constants,
    )


def _objective(
    people: Sequence[WaitingPerson],
    in_graph: Sequence[bool],
    picks: Sequence[Candidate | None],
    constants: Objective,
) -> int:
    """V over the people in the graph; people with no usable candidate add nothing."""
    total = 0
    for person, usable, pick in zip(people, in_graph, picks, strict=True):
        if pick is not None:
            total += constants.pair_value(person.wait_days, pick.score)
        elif usable:
            total += STAYS_WAITING_VALUE
    return total
