from __future__ import annotations

import pytest

from peerdesk.domain.matching.criteria import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    Criterion,
    Weights,
    weights_problems,
)


def test_defaults_and_column_order() -> None:
    assert list(DEFAULT_WEIGHTS.as_array()) == [10, 6, 6, 5, 4, 3, 3]
    assert [c.column for c in CRITERIA] == list(range(7))
    assert Criterion.CONTACT_MODE.label == "Contact mode"
    assert DEFAULT_WEIGHTS.of(Criterion.TRAVEL) == 4
    assert weights_problems(DEFAULT_WEIGHTS) == []


@pytest.mark.parametrize("value", [-1, 11, 2.5])
def test_out_of_range_refused(value: object) -> None:
    problems = weights_problems(Weights(identity=value))  # type: ignore[arg-type]
    assert [p.field for p in problems] == ["identity"]
    assert problems[0].message.startswith("Identity: the weight must be")


def test_all_zero_refused() -> None:
    problems = weights_problems(Weights(0, 0, 0, 0, 0, 0, 0))
    assert [p.message for p in problems] == [
        "At least one weight must be above 0, or nothing can be ranked."
    ]
    assert weights_problems(Weights(0, 0, 0, 0, 0, 0, 1)) == []
