"""Short lists keep greedy exact for the plan, even when every short-listed PSW is taken."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.matching.candidates import Eligible, trimmed
from peerdesk.domain.matching.plan import plan_caseload


def brute_greedy(
    people: list[tuple[int, int, dict[int, float]]], places: dict[int, int]
) -> dict[int, int | None]:
    """Longest wait first takes their best free PSW (ties: smaller id), over everyone eligible."""
    left = dict(places)
    picks: dict[int, int | None] = {}
    for pid, _wait, scores in sorted(people, key=lambda p: (-p[1], p[0])):
        free = [(-s, psw) for psw, s in scores.items() if left[psw] > 0]
        pick = min(free)[1] if free else None
        if pick is not None:
            left[pick] -= 1
        picks[pid] = pick
    return picks


@settings(max_examples=150, deadline=None)
@given(
    n_psws=st.integers(1, 8),
    data=st.data(),
    keep=st.integers(1, 3),
)
def test_greedy_is_exact_with_short_lists(n_psws: int, data: st.DataObject, keep: int) -> None:
    ids = np.arange(1, n_psws + 1, dtype=np.int64)
    places = np.array(data.draw(st.lists(st.integers(0, 2), min_size=n_psws, max_size=n_psws)))
    n_people = data.draw(st.integers(1, 6))
    people = []
    eligible = []
    for pid in range(1, n_people + 1):
        wait = data.draw(st.integers(0, 30))
        mask = data.draw(st.lists(st.booleans(), min_size=n_psws, max_size=n_psws))
        scores = np.array(
            data.draw(
                st.lists(
                    st.sampled_from([30.0, 40.5, 40.5, 77.0]), min_size=n_psws, max_size=n_psws
                )
            )
        )
        rows = np.flatnonzero(np.array(mask) & (places > 0)).astype(np.int64)
        people.append((pid, wait, {int(ids[r]): float(scores[r]) for r in rows}))

        def everyone(rows=rows, scores=scores):  # type: ignore[no-untyped-def]
            return rows, scores

        eligible.append(
            Eligible.shortlist(pid, wait, rows, scores, ids, everyone=everyone, keep=keep)
        )
    waiting = trimmed(eligible, ids, places)
    plan = plan_caseload(waiting, {int(i): int(p) for i, p in zip(ids, places, strict=True)})
    expected = brute_greedy(people, {int(i): int(p) for i, p in zip(ids, places, strict=True)})
    assert {line.person_id: line.greedy_psw_id for line in plan.lines} == expected
    assert plan.matched >= plan.greedy_matched
    assert plan.objective >= plan.greedy_objective
