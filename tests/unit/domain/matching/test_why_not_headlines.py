"""Why-nots group under one headline whatever their per-PSW detail (a count, a date)."""

from __future__ import annotations

import pytest

from peerdesk.domain.matching.constraints import headline


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Excluded: no places left (1 of 1 in use)", "Excluded: no places left"),
        ("Excluded: DBS renewal overdue since 3 March 2026", "Excluded: DBS renewal overdue"),
        ("Excluded: DBS (enhanced) expired on 11 August 2026", "Excluded: DBS (enhanced) expired"),
        (
            "Excluded: Safeguarding adults expired on 14 May 2026",
            "Excluded: Safeguarding adults expired",
        ),
        ("Excluded: not active", "Excluded: not active"),
    ],
)
def test_the_detail_is_left_out_of_the_headline(sentence: str, expected: str) -> None:
    assert headline(sentence) == expected
