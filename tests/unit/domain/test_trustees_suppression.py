"""Small-number suppression: "<5" for small counts and the next smallest, totals kept honest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.trustees_suppression import shown_count, shown_total, suppress

BREAKDOWNS = st.dictionaries(
    st.text(min_size=1, max_size=6), st.integers(min_value=0, max_value=40), max_size=8
)
THRESHOLDS = st.integers(min_value=1, max_value=12)


def _hidden(shown: dict[str, str], threshold: int) -> list[str]:
    return [label for label, text in shown.items() if text == f"<{threshold}"]


@pytest.mark.parametrize(
    ("breakdown", "expected"),
    [
        ({"a": 0, "b": 12, "c": 9}, {"a": "0", "b": "12", "c": "9"}),
        ({"a": 3, "b": 12, "c": 9}, {"a": "<5", "b": "12", "c": "<5"}),
        ({"a": 3, "b": 1, "c": 9}, {"a": "<5", "b": "<5", "c": "9"}),
        ({"a": 3, "b": 0}, {"a": "<5", "b": "0"}),
        ({"a": 2, "b": 7, "c": 7}, {"a": "<5", "b": "<5", "c": "7"}),
        ({"a": 5, "b": 1_234}, {"a": "5", "b": "1,234"}),
    ],
)
def test_suppression_table(breakdown: dict[str, int], expected: dict[str, str]) -> None:
    assert suppress(breakdown) == expected


def test_totals_follow_the_threshold() -> None:
    assert shown_total({"a": 3, "b": 0}) == "<5"
    assert shown_total({"a": 3, "b": 12}) == "15"
    assert shown_total({}) == "0"
    assert shown_count(4, threshold=3) == "4"
    with pytest.raises(ValueError, match="negative"):
        shown_count(-1)


@given(BREAKDOWNS, THRESHOLDS)
def test_no_shown_count_is_small_and_non_zero(breakdown: dict[str, int], threshold: int) -> None:
    shown = suppress(breakdown, threshold)
    assert list(shown) == list(breakdown)
    for label, text in shown.items():
        if text == f"<{threshold}":
            continue
        value = int(text.replace(",", ""))
        assert value == breakdown[label]
        assert value == 0 or value >= threshold


@given(BREAKDOWNS, THRESHOLDS)
def test_zeros_show_as_zero_and_small_counts_as_under(
    breakdown: dict[str, int], threshold: int
) -> None:
    shown = suppress(breakdown, threshold)
    for label, count in breakdown.items():
        if count == 0:
            assert shown[label] == "0"
        elif count < threshold:
            assert shown[label] == f"<{threshold}"


@given(BREAKDOWNS, THRESHOLDS)
def test_at_most_one_count_at_or_over_the_threshold_is_hidden(
    breakdown: dict[str, int], threshold: int
) -> None:
    shown = suppress(breakdown, threshold)
    big_hidden = [
        n for label, n in breakdown.items() if n >= threshold and shown[label] != f"{n:,}"
    ]
    small = [n for n in breakdown.values() if 0 < n < threshold]
    big = [n for n in breakdown.values() if n >= threshold]
    assert len(big_hidden) == (1 if len(small) == 1 and big else 0)
    if big_hidden:
        assert big_hidden[0] == min(n for n in breakdown.values() if n >= threshold)


@given(BREAKDOWNS, THRESHOLDS)
def test_a_hidden_cell_never_hides_alone(breakdown: dict[str, int], threshold: int) -> None:
    shown = suppress(breakdown, threshold)
    hidden = _hidden(shown, threshold)
    non_zero = [count for count in breakdown.values() if count]
    if hidden and len(non_zero) >= 2:
        assert len(hidden) >= 2


@given(BREAKDOWNS, THRESHOLDS)
def test_a_total_never_gives_away_a_small_count(breakdown: dict[str, int], threshold: int) -> None:
    total = sum(breakdown.values())
    text = shown_total(breakdown, threshold)
    if 0 < total < threshold:
        assert text == f"<{threshold}"
    else:
        assert text == f"{total:,}"
