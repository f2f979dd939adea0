"""Caseload plan: capacity, candidates, plan >= greedy, exact against dense and brute force."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from peerdesk.domain.ids import PswId
from peerdesk.domain.matching.plan import (
    STAYS_WAITING_VALUE,
    Candidate,
    Plan,
    PlanTooLarge,
    WaitingPerson,
    plan_caseload,
    score_units,
)

Pool = tuple[list[WaitingPerson], dict[PswId, int]]


@st.composite
def pools(draw: st.DrawFn, *, max_people: int = 7, max_psws: int = 5) -> Pool:
    psws = [PswId(i) for i in range(1, draw(st.integers(0, max_psws)) + 1)]
    places = {p: draw(st.integers(0, 3)) for p in psws}
    people = []
    for person_id in draw(st.sets(st.integers(1, 50), max_size=max_people)):
        chosen = draw(st.lists(st.sampled_from(psws), unique=True)) if psws else []
        scores = st.one_of(st.integers(30, 100).map(float), st.floats(30, 100))
        cands = tuple(Candidate(p, draw(scores)) for p in chosen)
        people.append(WaitingPerson(person_id, draw(st.integers(0, 400)), cands))
    return people, places


def check(plan: Plan, people: list[WaitingPerson], places: dict[PswId, int]) -> None:
    """Independent checker: every line's PSW is a candidate at its score, within places left."""
    by_id = {p.person_id: p for p in people}
    assert sorted(line.person_id for line in plan.lines) == sorted(by_id)
    for side in ("plan", "greedy"):
        load: Counter[PswId] = Counter()
        for line in plan.lines:
            psw, score = (
                (line.psw_id, line.score)
                if side == "plan"
                else (line.greedy_psw_id, line.greedy_score)
            )
            if psw is None:
                assert score is None
                continue
            scores = {c.psw_id: c.score for c in by_id[line.person_id].candidates}
            assert psw in scores, f"{side}: {line} is outside the candidate list"
            assert scores[psw] == score
            load[psw] += 1
        for psw, used in load.items():
            assert used <= places.get(psw, 0), f"{side}: PSW {psw} over capacity"


def value(plan: Plan, person: WaitingPerson, score: float | None) -> int:
    if score is None:
        return STAYS_WAITING_VALUE
    return plan.constants.pair_value(person.wait_days, score)


def usable(person: WaitingPerson, places: dict[PswId, int]) -> list[Candidate]:
    return [c for c in person.candidates if places.get(c.psw_id, 0) > 0]


@settings(max_examples=300)
@given(pools())
def test_plan_respects_capacity_and_candidates(pool: Pool) -> None:
    people, places = pool
    plan = plan_caseload(people, places)
    check(plan, people, places)
    longest_first = sorted(people, key=lambda p: (-p.wait_days, p.person_id))
    for line, person in zip(plan.lines, longest_first, strict=True):
        assert line.person_id == person.person_id  # longest wait first
        if not usable(person, places):
            assert line.psw_id is None and line.greedy_psw_id is None


@settings(max_examples=300)
@given(pools(), st.integers(1, 3))
def test_plan_never_worse_than_greedy(pool: Pool, width: int) -> None:
    people, places = pool
    plan = plan_caseload(people, places, graph_width=width)
    check(plan, people, places)
    assert plan.matched >= plan.greedy_matched
    assert plan.objective >= plan.greedy_objective
    assert plan.matched == sum(line.psw_id is not None for line in plan.lines)
    worse = {line.person_id for line in plan.worse_than_greedy}
    for line in plan.lines:
        dropped = line.greedy_psw_id is not None and line.psw_id is None
        lower = line.score is not None and line.greedy_score is not None
        assert (line.person_id in worse) == (dropped or (lower and line.score < line.greedy_score))


@settings(max_examples=200)
@given(pools())
def test_plan_equals_dense_linear_sum_assignment(pool: Pool) -> None:
    people, places = pool
    plan = plan_caseload(people, places)
    rows = [p for p in people if usable(p, places)]
    # Expanded differently on purpose: a column for every place, not only the usable ones.
    columns = [psw for psw, n in sorted(places.items()) for _ in range(n)]
    value_matrix = np.full((len(rows), len(columns) + len(rows)), -np.inf)
    for r, person in enumerate(rows):
        for c in usable(person, places):
            for col, psw in enumerate(columns):
                if psw == c.psw_id:
                    value_matrix[r, col] = plan.constants.pair_value(person.wait_days, c.score)
        value_matrix[r, len(columns) + r] = STAYS_WAITING_VALUE
    r_ind, c_ind = linear_sum_assignment(value_matrix, maximize=True)
    dense = int(value_matrix[r_ind, c_ind].sum()) if rows else 0
    assert plan.objective == dense
    by_id = {p.person_id: p for p in people}
    # Re-add the plan's own lines: people with no usable candidate are outside the objective.
    in_graph = [ln for ln in plan.lines if usable(by_id[ln.person_id], places)]
    assert plan.objective == sum(value(plan, by_id[ln.person_id], ln.score) for ln in in_graph)


@settings(max_examples=200)
@given(pools(max_people=4, max_psws=3))
def test_plan_is_lexicographic_optimum_by_brute_force(pool: Pool) -> None:
    people, places = pool
    plan = plan_caseload(people, places)
    steps = plan.constants.score_steps
    best = (0, 0, 0)
    options = [[None, *usable(p, places)] for p in people]
    for combo in itertools.product(*options):
        load = Counter(c.psw_id for c in combo if c is not None)
        if any(n > places[psw] for psw, n in load.items()):
            continue
        picked = [(p, c) for p, c in zip(people, combo, strict=True) if c is not None]
        key = (
            len(picked),
            sum(p.wait_days for p, _ in picked),
            sum(score_units(c.score, steps) for _, c in picked),
        )
        best = max(best, key)
    by_id = {p.person_id: p for p in people}
    got = (
        plan.matched,
        sum(ln.wait_days for ln in plan.lines if ln.psw_id is not None),
        sum(score_units(ln.score, steps) for ln in plan.lines if ln.score is not None),
    )
    assert got == best
    assert all(by_id[ln.person_id].wait_days == ln.wait_days for ln in plan.lines)


@given(pools(), st.randoms(use_true_random=False))
def test_same_input_same_plan(pool: Pool, rnd: random.Random) -> None:
    people, places = pool
    shuffled = [
        WaitingPerson(p.person_id, p.wait_days, tuple(rnd.sample(p.candidates, len(p.candidates))))
        for p in rnd.sample(people, len(people))
    ]
    assert plan_caseload(people, places) == plan_caseload(shuffled, places)


@given(pools())
def test_constants_keep_tiers_apart(pool: Pool) -> None:
    people, places = pool
    constants = plan_caseload(people, places).constants
    rows = [p for p in people if usable(p, places)]
    n, most = len(rows), 100 * constants.score_steps
    # One day of wait beats any score difference; one more match beats any wait and score.
    assert constants.wait_value > most * n
    assert constants.match_value > constants.wait_value * sum(p.wait_days for p in rows) + (
        most * n + n * STAYS_WAITING_VALUE
    )


def test_tiers_in_order() -> None:
    a, b = PswId(1), PswId(2)
    # Two matches beat one better-scored match for the longest waiter.
    people = [
        WaitingPerson(1, 300, (Candidate(a, 100.0), Candidate(b, 31.0))),
        WaitingPerson(2, 10, (Candidate(b, 30.0),)),
    ]
    plan = plan_caseload(people, {a: 1, b: 1})
    assert plan.matched == 2
    # Only one place: the longer wait gets it even with a far lower score.
    people = [
        WaitingPerson(1, 11, (Candidate(a, 30.0),)),
        WaitingPerson(2, 10, (Candidate(a, 100.0),)),
    ]
    plan = plan_caseload(people, {a: 1})
    assert [(ln.person_id, ln.psw_id) for ln in plan.lines] == [(1, a), (2, None)]
    # Equal waits: the higher total score wins.
    people = [
        WaitingPerson(1, 10, (Candidate(a, 90.0), Candidate(b, 80.0))),
        WaitingPerson(2, 10, (Candidate(a, 85.0), Candidate(b, 40.0))),
    ]
    plan = plan_caseload(people, {a: 1, b: 1})
    assert {ln.person_id: ln.psw_id for ln in plan.lines} == {1: b, 2: a}
    assert plan.total_score == 165.0 and plan.greedy_total_score == 130.0
    assert [ln.person_id for ln in plan.worse_than_greedy] == [1]


def test_people_who_can_only_wait_never_break_the_solver() -> None:
    a = PswId(1)
    only_wait = [WaitingPerson(1, 5, ()), WaitingPerson(2, 9, (Candidate(a, 50.0),))]
    for places in ({a: 0}, {}):
        plan = plan_caseload(only_wait, places)
        assert plan.matched == plan.greedy_matched == 0
        assert plan.objective == plan.greedy_objective == 0
    plan = plan_caseload([*only_wait, WaitingPerson(3, 1, (Candidate(a, 40.0),))], {a: 1})
    assert {ln.person_id: ln.psw_id for ln in plan.lines} == {1: None, 2: a, 3: None}
    assert plan_caseload([], {}).lines == ()


def test_greedy_pick_beyond_graph_width_is_kept() -> None:
    psws = [PswId(i) for i in range(1, 61)]
    top = tuple(Candidate(p, 100.0 - i) for i, p in enumerate(psws))
    people = [
        *(WaitingPerson(100 + i, 50, (Candidate(psws[i], 90.0),)) for i in range(50)),
        WaitingPerson(1, 10, top),
    ]
    plan = plan_caseload(people, dict.fromkeys(psws, 1))
    assert plan.greedy_matched == plan.matched == 51
    assert plan.objective >= plan.greedy_objective


@pytest.mark.parametrize(
    ("people", "places"),
    [
        ([WaitingPerson(1, 1, ()), WaitingPerson(1, 2, ())], {}),
        ([WaitingPerson(1, -1, ())], {}),
        ([WaitingPerson(1, 1, (Candidate(PswId(1), 101.0),))], {PswId(1): 1}),
        ([WaitingPerson(1, 1, (Candidate(PswId(1), 50.0),) * 2)], {PswId(1): 1}),
        ([], {PswId(1): -1}),
    ],
)
def test_bad_input_is_refused(people: list[WaitingPerson], places: dict[PswId, int]) -> None:
    with pytest.raises(ValueError):
        plan_caseload(people, places)


def test_too_large_to_encode_exactly_is_refused() -> None:
    a = PswId(1)
    people = [WaitingPerson(i, 10**9, (Candidate(a, 50.0),)) for i in range(50)]
    with pytest.raises(PlanTooLarge):
        plan_caseload(people, {a: 1})
