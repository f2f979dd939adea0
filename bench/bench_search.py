"""Global search over 200,000 notes: 300 mixed queries through the search service, beside raw SQL.

The vault is a ``peerdesk demo`` vault whose search index is filled directly with generated
notes of realistic length (one transaction of executemany, cached under the bench work folder):
words drawn from a Zipf-like vocabulary of everyday and peer-support words, names with accents,
and made-up rare words. Levels as in practice: mostly confidential, a quarter shared, a few
private. The 300 queries mix common and rare words, prefixes, pairs and phrases, half of them
with "Include confidential".

Each query is timed through ``SearchService.search`` (the first page, each snippet made into
HTML as the screen does) and, as its floor, as the same ranked query with ``snippet()`` in raw
SQL on a raw sqlcipher3 connection to the same vault, in the same run. Beyond
``search_queries.RANK_CAP`` hits the service shows the newest matches instead of ranking them
all, and says so; the floor always ranks, so on very common words the service beats it.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

from _common import PASSPHRASE, SEED, Figure, demo_vault, parser, settings
from _common import print_table as print_figures
from floor_due import open_raw
from peerdesk.domain.search_query import build_query
from peerdesk.domain.search_results import SearchKind
from peerdesk.domain.search_snippet import CUT, MATCH_END, MATCH_START, SNIPPET_WORDS
from peerdesk.domain.search_words import index_text
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage import search_queries
from peerdesk.storage.vault.files import VaultPaths

TARGET_MEDIAN = 0.020
TARGET_P95 = 0.100
TARGET_RATIO = 1.5
FULL_NOTES = 200_000
QUICK_NOTES = 3_000
FIRST_ID = 100_000_000
"""Generated documents' record ids start here, clear of the demo's own records."""


def _split(words: str) -> list[str]:
    return words.split()


COMMON = _split(
    "the and to of a in was we about that for with she he they it on at this is had said "
    "felt support week shift night rota team work time more talked agreed supervision "
    "wellbeing feeling tired sleep plan people group session next boundaries lived experience "
    "peer worker coordinator training manager hours volunteer change stress anxious calm "
    "family home ward visit phone meeting review goals progress confident recovery "
    "listening self care break lunch early late mornings evenings weekend cover"
)
NAMES = _split(
    "Zoë Łukasz Siobhán Søren Björn Chloé Ana Amir Niamh Aoife Dafydd Gráinne Oluwaseun "
    "Priya Mehmet Jürgen Hauptstraße Kraków Malmö"
)
SYLLABLES = _split("ka lo mi ne ru sa te vi bo da fe gu ho ji pe qu ri so tu wa ze")


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Words and Zipf-like cumulative weights: common words first, rare made-up ones last."""
    rare = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(3, 5))) for _ in range(30_000)})
    rng.shuffle(rare)
    words = [*COMMON, *NAMES, *rare]
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]
    total, cumulative = 0.0, []
    for w in weights:
        total += w
        cumulative.append(total)
    return words, cumulative


def note_text(rng: random.Random, words: list[str], cumulative: list[float]) -> str:
    sentences = []
    for _ in range(rng.randint(2, 9)):
        chosen = rng.choices(words, cum_weights=cumulative, k=rng.randint(6, 18))
        sentences.append(" ".join(chosen).capitalize() + rng.choice(".!?."))
    return " ".join(sentences)


def search_vault(work: Path, notes: int) -> Path:
    """A copy of a demo vault whose index holds ``notes`` generated notes; made once."""
    folder = work / f"search-{notes}-{SEED}"
    if (folder / ".filled").is_file():
        return folder
    source = demo_vault(work, 200)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(source, folder)
    paths = VaultPaths(folder)
    services = build(vault_service.unlock(paths, PASSPHRASE))
    try:
        services.search.ensure_indexed()  # the demo's own records, and the once-only flag
    finally:
        services.close()
    started = time.perf_counter()
    rng = random.Random(SEED)
    words, cumulative = vocabulary(rng)
    raw = open_raw(paths, PASSPHRASE)
    psws = [row[0] for row in raw.execute("SELECT id FROM psw")]
    start_day = 739_000  # ordinal days: 2024 to 2026, in order, so rowid order is date order
    entries, documents = [], []
    for n in range(notes):
        text = note_text(rng, words, cumulative)
        level = rng.choices(("confidential", "shared", "private"), (70, 25, 5))[0]
        rowid = FIRST_ID + n
        day = start_day + n * 1000 // max(notes, 1)
        entries.append((rowid, SearchKind.NOTE.value, rowid))
        documents.append(
            (rowid, index_text(text), text, SearchKind.NOTE.value, rowid, rng.choice(psws),
             _iso(day), level)
        )  # fmt: skip
    with raw:
        raw.executemany("INSERT INTO search_entry (id, kind, record_id) VALUES (?, ?, ?)", entries)
        raw.executemany(
            "INSERT INTO search_text (rowid, body, original, kind, record_id, psw_id, day,"
            " confidentiality) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            documents,
        )
    raw.close()
    (folder / ".filled").write_text("ok")
    print(f"(filled {folder.name} in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return folder


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def queries(count: int) -> list[tuple[str, bool]]:
    """``count`` queries: common and rare words, prefixes, pairs, phrases; half with
    confidential included."""
    rng = random.Random(SEED + 1)
    words, cumulative = vocabulary(random.Random(SEED))
    common, rare = words[:60], words[80:20_000]
    made: list[tuple[str, bool]] = []
    for n in range(count):
        kind = n % 6
        if kind == 0:
            typed = rng.choice(common)
        elif kind == 1:
            typed = rng.choice(rare)
        elif kind == 2:
            word = rng.choice(rng.choice((common, rare, NAMES)))
            typed = word[: rng.randint(2, min(5, len(word)))]
        elif kind == 3:
            typed = f"{rng.choice(common)} {rng.choice(rare)}"
        elif kind == 4:
            sample = note_text(rng, words, cumulative).split()
            at = rng.randrange(len(sample) - 1)
            typed = f'"{sample[at]} {sample[at + 1]}"'.replace(".", "")
        else:
            typed = f"{rng.choice(NAMES).lower()} {rng.choice(common)[:3]}"
        made.append((typed, n % 2 == 1))
    return made


FLOOR_SQL = """SELECT kind, record_id, psw_id, day, confidentiality, original,
       snippet(search_text, 0, ?, ?, ?, ?)
FROM search_text WHERE search_text MATCH ? AND confidentiality IN ({levels})
ORDER BY rank LIMIT 21"""


def main() -> int:
    args = parser(__doc__ or "").parse_args()
    s = settings(args)
    notes = QUICK_NOTES if s.quick else FULL_NOTES
    count = 60 if s.quick else 300
    paths = VaultPaths(search_vault(s.work, notes))
    services = build(vault_service.unlock(paths, PASSPHRASE))
    raw = open_raw(paths, PASSPHRASE)
    mixed = queries(count)
    timings: list[float] = []
    floors: list[float] = []
    capped = 0
    try:
        services.search.ensure_indexed()

        def service(typed: str, include: bool) -> int:
            page = services.search.search(typed, include_confidential=include)
            return len([r.snippet_html for r in page.results]) + (page.capped is not None)

        def floor(typed: str, include: bool) -> int:
            query = build_query(typed)
            assert query is not None
            levels = ("confidential", "shared") if include else ("shared",)
            sql = FLOOR_SQL.format(levels=", ".join("?" * len(levels)))
            params = (MATCH_START, MATCH_END, CUT, SNIPPET_WORDS, query.expression, *levels)
            return len(raw.execute(sql, params).fetchall())

        for typed, include in mixed:  # warm the page cache for both
            service(typed, include)
            floor(typed, include)
        for typed, include in mixed:
            started = time.perf_counter()
            service(typed, include)
            timings.append(time.perf_counter() - started)
            started = time.perf_counter()
            floor(typed, include)
            floors.append(time.perf_counter() - started)
            capped += services.search.search(typed, include_confidential=include).capped is not None
    finally:
        services.close()
        raw.close()
    ok = print_figures(
        f"Search, {notes:,} generated notes, {count} queries (common and rare words, prefixes, "
        f"pairs, phrases); {capped} had over {search_queries.RANK_CAP:,} hits and were shown "
        "newest first",
        [
            Figure("SearchService.search, median", statistics.median(timings),
                   target=TARGET_MEDIAN, floor=statistics.median(floors)),
            Figure("SearchService.search, p95", _p95(timings),
                   target=TARGET_P95, floor=_p95(floors)),
        ],
    )  # fmt: skip
    ratios = sorted(t / f for t, f in zip(timings, floors, strict=True) if f > 0)
    print(
        f"  per query x floor: median {statistics.median(ratios):.2f}x, "
        f"p95 {ratios[int(len(ratios) * 0.95) - 1]:.2f}x (target within {TARGET_RATIO}x)"
    )
    within = statistics.median(timings) <= TARGET_RATIO * statistics.median(floors) and _p95(
        timings
    ) <= TARGET_RATIO * _p95(floors)
    return 0 if (ok and within) or s.quick else 1


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


if __name__ == "__main__":
    sys.exit(main())
