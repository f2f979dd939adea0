"""Caseload plan end to end through MatchingService.plan(), with where the time goes.

Usage: python bench/bench_match_plan.py [--psws 10000] [--people 6000] [--quick]. A demo vault
(a third of the people waiting: 6,000 people give 2,000 waiting) is made once and cached.
Prints the whole plan, and inside it the scoring (score_person + eligible per person), greedy
and solver times, timed by wrapping the domain calls; then the gap to a dense scipy
linear_sum_assignment on the same candidate graph (skipped above --dense-max columns: no
dense people × PSWs array is ever made at 100,000 PSWs) and peak memory. Target: ≤ 2 s.
"""

from __future__ import annotations

import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

import _common
from _people import open_services, people_vault
from peerdesk.domain.matching import plan as plan_module
from peerdesk.domain.matching.plan import STAYS_WAITING_VALUE
from peerdesk.services import matching_service

SPENT: dict[str, float] = {}
SEEN: dict[str, Any] = {}


def _timing(name: str, fn: Callable[..., Any], module: Any, attr: str) -> None:
    def wrapped(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.perf_counter() - t

    setattr(module, attr, wrapped)


def instrument() -> None:
    _timing(
        "scoring: score_person", matching_service.score_person, matching_service, "score_person"
    )
    _timing("scoring: eligible", matching_service.eligible, matching_service, "eligible")
    _timing("greedy", plan_module._greedy, plan_module, "_greedy")
    _timing("solver (graph + sparse assignment)", plan_module._solve, plan_module, "_solve")
    whole = matching_service.plan_caseload

    def keep(waiting: Any, places: Any, **k: Any) -> Any:
        SEEN["waiting"], SEEN["places"] = list(waiting), dict(places)
        t = time.perf_counter()
        out = whole(SEEN["waiting"], SEEN["places"], **k)
        SPENT["plan_caseload (all)"] = SPENT.get("plan_caseload (all)", 0.0) + (
            time.perf_counter() - t
        )
        SEEN["plan"] = out
        return out

    matching_service.plan_caseload = keep  # type: ignore[assignment]


def dense_gap(dense_max: int) -> tuple[float | None, int | None, str]:
    waiting, places, plan = SEEN["waiting"], SEEN["places"], SEEN["plan"]
    listed = sorted({c.psw_id for p in waiting for c in p.candidates if places.get(c.psw_id, 0)})
    columns = [psw for psw in listed for _ in range(places[psw])]
    rows = [p for p in waiting if any(places.get(c.psw_id, 0) for c in p.candidates)]
    if len(columns) + len(rows) > dense_max:
        return None, None, f"skipped: {len(rows):,} x {len(columns) + len(rows):,} is too big"
    at: dict[int, list[int]] = {}
    for col, psw in enumerate(columns):
        at.setdefault(psw, []).append(col)
    values = np.full((len(rows), len(columns) + len(rows)), -1e18)
    for r, person in enumerate(rows):
        for c in person.candidates:
            for col in at.get(c.psw_id, []):
                values[r, col] = plan.constants.pair_value(person.wait_days, c.score)
        values[r, len(columns) + r] = STAYS_WAITING_VALUE
    t = time.perf_counter()
    r_ind, c_ind = linear_sum_assignment(values, maximize=True)
    spent = time.perf_counter() - t
    dense = int(values[r_ind, c_ind].sum())
    return spent, dense - plan.objective, f"{values.shape[0]:,} x {values.shape[1]:,}"


def main() -> None:
    p = _common.parser(__doc__ or "", default_psws=10_000)
    p.add_argument("--people", type=int, default=None, help="people in the vault (6,000)")
    p.add_argument("--dense-max", type=int, default=30_000, help="widest dense matrix to try")
    args = p.parse_args()
    cfg = _common.settings(args, quick_psws=400)
    people = args.people if args.people is not None else (120 if cfg.quick else 6_000)
    folder = people_vault(cfg.work, cfg.psws, people)
    services = open_services(folder)
    try:
        cold = _common.timed(services.matching.warm)
        instrument()
        times = []
        for _ in range(max(1, cfg.runs)):  # timed without tracing: tracemalloc slows Python 2-3x
            SPENT.clear()  # the split shown is the last run's
            t = time.perf_counter()
            result = services.matching.plan()
            times.append(time.perf_counter() - t)
        whole = statistics.median(times)
        split = dict(SPENT)
        tracemalloc.start()  # a separate run for memory
        services.matching.plan()
        _, traced = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        services.close()
    dense_time, gap, shape = dense_gap(args.dense_max)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    waiting = len(result.lines)
    figures = [
        _common.Figure("index build (cold, warm())", cold),
        _common.Figure(
            f"plan() end to end, index warm (median of {len(times)})",
            whole,
            2.0 if not cfg.quick else None,
            unit="s",
        ),
        *(_common.Figure(f"  {name}", spent, unit="s") for name, spent in split.items()),
        _common.Figure("dense linear_sum_assignment, same graph", dense_time, unit="s"),
        _common.Figure("peak traced memory in plan()", traced / 2**20, unit="MB"),
        _common.Figure("peak memory (maxrss)", peak, unit="MB"),
    ]
    _common.print_table(f"Caseload plan: {waiting:,} waiting x {cfg.psws:,} PSWs", figures)
    print(
        f"  matched {result.matched:,} (greedy {result.greedy_matched:,}); total score "
        f"{result.total_score:,.1f} (greedy {result.greedy_total_score:,.1f})"
    )
    print(f"  dense gap: {shape}; objective gap (dense - plan) = {gap}")


if __name__ == "__main__":
    main()
