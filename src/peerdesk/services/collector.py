"""Python's cyclic garbage collector paused while a read builds many small acyclic records."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block, back on after (if it was on).

    Reading 10,000 journeys or Needs attention lines makes hundreds of thousands of small tuples
    and records, none of them in cycles; each time allocations pass the collector's threshold
    it walks every object the app holds, which took up to half of such a read's time. Plain
    reference counting still frees everything; the collector runs as usual once the block ends.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
