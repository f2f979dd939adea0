"""Matching score: one person against N PSWs, index warm, beside the floor (a 10,000 × 7 sum).

Usage: python bench/bench_match_score.py [--psws 10000] [--runs 20]. Prints the cold index
build, warm scoring, warm suggestions (scoring + hard constraints + ranking + top-20 reasons)
and the floor: a numpy weighted sum over an (N × 7) array.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

SRC = Path(__file__).resolve().parent.parent / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from peerdesk.domain.availability import Availability, TimeRange  # noqa: E402
from peerdesk.domain.ids import PswId, TaxonomyItemId  # noqa: E402
from peerdesk.domain.matching.constraints import eligible, exclusions  # noqa: E402
from peerdesk.domain.matching.criteria import DEFAULT_WEIGHTS  # noqa: E402
from peerdesk.domain.matching.profiles import (  # noqa: E402
    IdentityPair,
    PersonWishes,
    PswItem,
    PswProfile,
    WishedItem,
)
from peerdesk.domain.matching.reasons import reasons_at  # noqa: E402
from peerdesk.domain.matching.score import PswIndex, ranking, score_person  # noqa: E402

FAMILIES = [f"Family {i}" for i in range(12)]
ITEMS = [(TaxonomyItemId(i), f"Item {i}", FAMILIES[i % 12]) for i in range(120)]
LANGS = ["English", "Polish", "Urdu", "Welsh", "Arabic", "Somali", "Bengali", "Romanian"]
MODES = ["phone", "video", "face to face", "text"]
INTERESTS = [f"interest {i}" for i in range(40)]


def availability(rng: random.Random) -> Availability:
    ranges = []
    for _ in range(rng.randint(1, 5)):
        start = rng.randrange(14, 40)
        ranges.append(TimeRange(rng.randrange(7), start, start + rng.randint(2, 8)))
    return Availability.of(ranges)


def profile(rng: random.Random, i: int) -> PswProfile:
    return PswProfile(
        id=PswId(i + 1),
        name=f"PSW {i}",
        lived_experience=tuple(
            PswItem(*rng.choice(ITEMS), shareable=rng.random() < 0.5) for _ in range(3)
        ),
        equality=(IdentityPair("gender", rng.choice(["woman", "man", "non-binary"])),),
        languages=tuple(rng.sample(LANGS, rng.randint(1, 2))) if rng.random() < 0.9 else (),
        availability=availability(rng) if rng.random() < 0.9 else None,
        position=(51 + rng.random(), -1 + rng.random()) if rng.random() < 0.9 else None,
        travel_miles=rng.choice([5.0, 10.0, 20.0]),
        contact_modes=tuple(rng.sample(MODES, 2)),
        interests=tuple(rng.sample(INTERESTS, 4)),
        places=3,
        places_used=rng.randint(0, 3),
    )


def check_eligible(person: PersonWishes, index: PswIndex) -> None:
    """The vectorised mask agrees with the sentence-by-sentence why-nots."""
    out = exclusions(person, index.profiles)
    mask = eligible(person, index)
    assert all(mask[row] == (p.id not in out) for row, p in enumerate(index.profiles))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--psws", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--quick", action="store_true", help="CI smoke mode: 500 PSWs, 3 runs")
    args = p.parse_args()
    if args.quick:
        args.psws, args.runs = 500, 3
    rng = random.Random(2026)
    profiles = [profile(rng, i) for i in range(args.psws)]
    person = PersonWishes(
        lived_experience=(WishedItem(*ITEMS[5], most_important=True), WishedItem(*ITEMS[17])),
        would_like=(IdentityPair("gender", "woman"),),
        languages=("Polish", "English"),
        availability=availability(rng),
        position=(51.5, -0.5),
        contact_modes=("video", "phone"),
        interests=tuple(INTERESTS[:3]),
        face_to_face=True,
    )
    related = {"Family 1": ["Family 2"]}

    t = time.perf_counter()
    index = PswIndex.build(profiles)
    build = time.perf_counter() - t

    def timed(fn: object) -> float:
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            fn()  # type: ignore[operator]
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000

    def score() -> None:
        score_person(person, index, weights=DEFAULT_WEIGHTS, related_families=related)

    def suggest() -> None:
        s = score_person(person, index, weights=DEFAULT_WEIGHTS, related_families=related)
        keep = eligible(person, index)
        for row in ranking(s, index, among=keep)[:20]:
            reasons_at(
                s, index, int(row), person, weights=DEFAULT_WEIGHTS, related_families=related
            )

    c = np.random.default_rng(1).random((args.psws, 7))
    w = DEFAULT_WEIGHTS.as_array()

    def floor() -> None:
        (c @ w) * (100 / w.sum())

    check_eligible(person, index)
    t = time.perf_counter()
    exclusions(person, index.profiles)
    why_nots = time.perf_counter() - t
    print(f"PSWs: {args.psws:,}; median of {args.runs} runs")
    print(f"index build (cold):          {build * 1000:8.1f} ms")
    print(f"score one person (warm):     {timed(score):8.2f} ms")
    print(f"suggestions (mask+rank+20): {timed(suggest):8.2f} ms")
    print(f"all why-not sentences (once):{why_nots * 1000:8.1f} ms")
    print(f"floor: weighted sum N × 7:   {timed(floor):8.3f} ms")


if __name__ == "__main__":
    main()
