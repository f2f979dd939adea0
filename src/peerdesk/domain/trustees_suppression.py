"""Small-number suppression for trustees' tables, so no one can be picked out of a count.

The rule, for one breakdown (label → count) and a threshold (a setting, default 5):

1. A zero shows as "0".
2. A non-zero count under the threshold shows as "<5" (the threshold in place of 5).
3. If that hides exactly one cell and another non-zero cell is shown, the smallest shown
   non-zero cell (the first in label order on a tie) prints "<5" too, as the issue asks:
   otherwise the hidden count could be worked out from the total. So "<5" means "under the
   threshold, or hidden beside a count that is"; the report's note on small numbers says so.
4. Every other count shows as the number.

A breakdown's total follows rule 1, 2 and 4 on its own: it shows as a number only when it is 0
or at least the threshold, so a suppressed breakdown's total never gives a small count away.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_THRESHOLD = 5


def under(threshold: int) -> str:
    """What a hidden cell prints, whether small itself or hidden beside a small one."""
    return f"<{threshold}"


def shown_count(count: int, threshold: int = DEFAULT_THRESHOLD) -> str:
    """A single count (or a total) under rules 1, 2 and 4."""
    if count < 0:
        raise ValueError(f"A count cannot be negative ({count}).")
    if 0 < count < threshold:
        return under(threshold)
    return f"{count:,}"


def suppress(breakdown: Mapping[str, int], threshold: int = DEFAULT_THRESHOLD) -> dict[str, str]:
    """Each label's count as it may be printed, in the breakdown's order."""
    shown = {label: shown_count(count, threshold) for label, count in breakdown.items()}
    hidden = [label for label, count in breakdown.items() if 0 < count < threshold]
    if len(hidden) == 1:
        rest = [(count, i, label) for i, (label, count) in enumerate(breakdown.items())]
        candidates = [item for item in rest if item[0] >= threshold]
        if candidates:
            shown[min(candidates)[2]] = under(threshold)
    return shown


def shown_total(breakdown: Mapping[str, int], threshold: int = DEFAULT_THRESHOLD) -> str:
    """The breakdown's total as it may be printed beside the suppressed cells."""
    return shown_count(sum(breakdown.values()), threshold)
