"""Trimming each waiting person's eligible PSWs to what the caseload plan needs, exactly.

The plan's graph keeps each person's 50 best candidates plus first come, first served's pick.
Each person brings a short list (their best few dozen, best first) and, for the rare case where
greedy finds all of those taken, a way to score everyone again. Greedy's pick is thus found over
*all* eligible PSWs (longest wait first, best free PSW, ties by the smaller PSW id: the rule in
``plan.py``) without keeping a people × PSWs array. Handing ``plan_caseload`` the 50 best plus
that pick is then exact: among any subset holding the true pick, the best free PSW is that pick,
so ``plan_caseload``'s own greedy makes the same choices and the plan stays ≥ greedy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from peerdesk.domain.ids import PswId
from peerdesk.domain.matching.plan import GRAPH_WIDTH, Candidate, WaitingPerson

Rows = NDArray[np.int64]
Floats = NDArray[np.float64]
SHORT_LIST = 128
"""How many of each person's best eligible PSWs are kept between scoring and planning."""


@dataclass(frozen=True, eq=False)
class Eligible:
    """One person's best eligible rows of an index, best first, with their (rounded) scores."""

    person_id: int
    wait_days: int
    rows: Rows
    scores: Floats
    """Aligned with ``rows``."""
    total: int
    """How many PSWs are eligible in all (``rows`` may hold only the best of them)."""
    everyone: Callable[[], tuple[Rows, Floats]] | None = None
    """All eligible rows and their scores, worked out again only when greedy needs them."""

    @classmethod
    def shortlist(
        cls,
        person_id: int,
        wait_days: int,
        rows: Rows,
        scores: Floats,
        ids: Rows,
        *,
        everyone: Callable[[], tuple[Rows, Floats]] | None = None,
        keep: int = SHORT_LIST,
    ) -> Eligible:
        """From every eligible row and a full score array, keep the best ``keep``."""
        best = best_rows(rows, scores, ids, keep)
        return cls(person_id, wait_days, best, scores[best], len(rows), everyone)


def trimmed(
    people: Sequence[Eligible], ids: Rows, places: NDArray[np.int64], width: int = GRAPH_WIDTH
) -> list[WaitingPerson]:
    """Each person's ``width`` best candidates plus greedy's pick, as ``plan_caseload`` input.

    ``ids`` and ``places`` are per row of the index (places left now).
    """
    left = places.copy()
    picks: dict[int, tuple[int, float]] = {}
    for person in sorted(people, key=lambda p: (-p.wait_days, p.person_id)):
        pick = _greedy_pick(person, ids, left)
        if pick is not None:
            left[pick[0]] -= 1
            picks[person.person_id] = pick
    result = []
    for person in people:
        rows = person.rows[:width].tolist()
        scores = person.scores[:width].tolist()
        pick = picks.get(person.person_id)
        if pick is not None and pick[0] not in rows:
            rows.append(pick[0])
            scores.append(pick[1])
        result.append(
            WaitingPerson(
                person.person_id,
                person.wait_days,
                tuple(
                    Candidate(PswId(i), s) for i, s in zip(ids[rows].tolist(), scores, strict=True)
                ),
            )
        )
    return result


def _greedy_pick(person: Eligible, ids: Rows, left: NDArray[np.int64]) -> tuple[int, float] | None:
    """(row, score) of the person's best PSW with a place left, or None."""
    free = np.flatnonzero(left[person.rows] > 0)
    if free.size:  # the short list is best first: its first free row is the pick
        return int(person.rows[free[0]]), float(person.scores[free[0]])
    if person.total <= len(person.rows) or person.everyone is None:
        return None
    rows, scores = person.everyone()
    open_rows = rows[left[rows] > 0]
    if not open_rows.size:
        return None
    values = scores[open_rows]
    ties = open_rows[values == values.max()]
    row = int(ties[np.argmin(ids[ties])])
    return row, float(scores[row])


def best_rows(rows: Rows, scores: Floats, ids: Rows, width: int) -> Rows:
    """The ``width`` best ``rows`` (high score first, ties by smaller id), without a full sort."""
    if len(rows) > width:
        cut = np.partition(scores[rows], len(rows) - width)[len(rows) - width]
        rows = rows[scores[rows] >= cut]  # keeps every row tied at the cut
    order = np.lexsort((ids[rows], -scores[rows]))[:width]
    return rows[order]
