"""Suggestions for one person against N PSWs through MatchingService, index warm, beside the floor.

Usage: python bench/bench_match_suggest.py [--psws 10000] [--runs 20] [--quick]. The vault is a
demo vault (``create_demo_vault`` with people), cached between runs. Prints the cold index build
(``MatchingService.warm()``), warm ``suggest()`` and the floor measured in the same run: a numpy
weighted sum over an (N × 7) array. Target: ≤ 50 ms at 10,000 PSWs.
"""

from __future__ import annotations

import resource

import numpy as np

import _common
from _people import open_services, people_vault
from peerdesk.domain.ids import PersonId
from peerdesk.domain.matching.criteria import DEFAULT_WEIGHTS
from peerdesk.domain.person import PersonQuery, PersonStatus


def main() -> None:
    args = _common.parser(__doc__ or "", default_psws=10_000).parse_args()
    cfg = _common.settings(args, quick_psws=300)
    runs = cfg.runs if args.runs is not None else (3 if cfg.quick else 20)
    folder = people_vault(cfg.work, cfg.psws, 60 if cfg.quick else 600)
    services = open_services(folder)
    try:
        ids = services.people.find_ids(PersonQuery(statuses=frozenset({PersonStatus.WAITING})))
        people = [PersonId(i) for i in ids[: max(1, runs)]]
        matching = services.matching
        cold = _common.timed(matching.warm)
        held = matching.warm()
        turn = iter(range(10**9))

        def suggest() -> None:
            matching.suggest(people[next(turn) % len(people)])

        warm = _common.median_of(runs, suggest)
        c = np.random.default_rng(1).random((held, 7))
        w = DEFAULT_WEIGHTS.as_array()
        floor = _common.median_of(max(runs, 20), lambda: (c @ w) * (100 / w.sum()))
    finally:
        services.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = _common.print_table(
        f"Suggestions: one person against {held:,} PSWs in the index; median of {runs} runs",
        [
            _common.Figure("index build (cold, warm())", cold),
            _common.Figure("suggest() for one person, warm", warm, 0.050, floor),
            _common.Figure("floor: weighted sum N x 7", floor),
            _common.Figure("peak memory (maxrss)", peak, unit="MB"),
        ],
    )
    if not ok and not cfg.quick:
        print("target missed")


if __name__ == "__main__":
    main()
