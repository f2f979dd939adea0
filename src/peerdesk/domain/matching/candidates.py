"""Trimming each waiting person's eligible PSWs to what the caseload plan needs, exactly.

The plan's graph keeps each person's 50 best candidates plus first come, first served's pick.
Greedy's pick can lie far down a person's list once earlier people have taken the best, so it is
found here over *all* eligible PSWs with numpy (longest wait first, best free PSW, ties by the
smaller PSW id: the rule in ``plan.py``). Handing ``plan_caseload`` the 50 best plus that pick
is then exact: among any subset holding the true pick, the best free PSW is that pick, so
``plan_caseload``'s own greedy makes the same choices and the plan stays ≥ greedy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from peerdesk.domain.ids import PswId
from peerdesk.domain.matching.plan import GRAPH_WIDTH, Candidate, WaitingPerson

Rows = NDArray[np.int64]
Floats = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Eligible:
    """One person's eligible rows of an index and their scores (already rounded as planned)."""

    person_id: int
    wait_days: int
    rows: Rows
    scores: Floats
    """Per row of the index (only ``rows`` are read)."""


def trimmed(
    people: Sequence[Eligible], ids: Rows, places: NDArray[np.int64], width: int = GRAPH_WIDTH
) -> list[WaitingPerson]:
    """Each person's ``width`` best candidates plus greedy's pick, as ``plan_caseload`` input.

    ``ids`` and ``places`` are per row of the index (places left now).
    """
    left = places.copy()
    picks: dict[int, int] = {}
    for person in sorted(people, key=lambda p: (-p.wait_days, p.person_id)):
        free = person.rows[left[person.rows] > 0]
        if free.size:
            values = person.scores[free]
            ties = free[values == values.max()]
            best = int(ties[np.argmin(ids[ties])])
            left[best] -= 1
            picks[person.person_id] = best
    result = []
    for person in people:
        rows = _best(person.rows, person.scores, ids, width)
        pick = picks.get(person.person_id)
        if pick is not None and pick not in set(rows.tolist()):
            rows = np.append(rows, pick)
        scores = person.scores[rows].tolist()
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


def _best(rows: Rows, scores: Floats, ids: Rows, width: int) -> Rows:
    """The ``width`` best ``rows`` (high score first, ties by smaller id), without a full sort."""
    if len(rows) > width:
        cut = np.partition(scores[rows], len(rows) - width)[len(rows) - width]
        rows = rows[scores[rows] >= cut]  # keeps every row tied at the cut
    order = np.lexsort((ids[rows], -scores[rows]))[:width]
    return rows[order]
