"""Progress reports steps and turns Cancel into Cancelled at the next step."""

from __future__ import annotations

import pytest

from peerdesk.domain.progress import Cancelled, Progress


def test_steps_are_reported_with_the_total() -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total: seen.append((done, total)))
    progress.step(0, 3)
    progress.step(2)
    assert seen == [(0, 3), (2, 3)]
    assert (progress.done, progress.total) == (2, 3)


def test_a_step_after_cancel_raises_and_reports_nothing() -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total: seen.append((done, total)))
    progress.step(1, 10)
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.step(2)
    with pytest.raises(Cancelled):
        progress.check()
    assert seen == [(1, 10)]
