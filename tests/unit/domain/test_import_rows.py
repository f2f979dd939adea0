"""Rows made into details: any cell text gives problems, never a crash; fields and presets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.import_fields import (
    FIELDS,
    guess_field,
    mapping_problems,
    presets_from_json,
    presets_to_json,
)
from peerdesk.domain.import_rows import build_row, swap_month_first

KEYS = [f.key for f in FIELDS]
cell = st.one_of(
    st.none(), st.text(max_size=30), st.integers(-10**9, 10**9), st.floats(allow_nan=True),
    st.booleans(), st.dates(),
)  # fmt: skip


@given(st.lists(st.tuples(st.sampled_from(KEYS), cell), min_size=1, max_size=8))
def test_any_cells_give_details_or_problems_never_a_crash(
    columns: list[tuple[str, object]],
) -> None:
    headers = [f"Column {i}" for i in range(len(columns))]
    fields = [k for k, _ in columns]
    cells = [c for _, c in columns]
    outcome = build_row(2, headers, fields, cells, lists={}, today=dt.date(2026, 11, 23))  # type: ignore[arg-type]
    blocking = [p for p in outcome.problems if p.blocking]
    assert (outcome.details is None) == bool(blocking)
    assert all(p.row == 2 and p.message for p in outcome.problems)


def test_headers_are_recognised_whatever_their_case_and_punctuation() -> None:
    assert guess_field("E-mail Address:") == "email"
    assert guess_field("  D.O.B ") == "date_of_birth"
    assert guess_field("DOB") == "date_of_birth"
    assert guess_field("First Name") == "forename"
    assert guess_field("FIRSTNAME") == "forename"
    assert guess_field("Languages spoken") == "languages"
    assert guess_field("Favourite biscuit") == "ignore"


def test_mapping_needs_a_name_and_no_field_twice() -> None:
    assert mapping_problems(["email"]) == [
        "Choose a column for the full name, or for first name and surname."
    ]
    assert mapping_problems(["surname", "email", "email"]) == [
        "“Email” is chosen for more than one column."
    ]
    assert mapping_problems(["forename", "ignore", "ignore"]) == []


def test_presets_survive_json_and_drop_what_they_cannot_read() -> None:
    saved = {"Old sheet": {"first name": "forename", "x": "ignore"}}
    assert presets_from_json(presets_to_json(saved)) == saved
    assert presets_from_json("not json") == {}
    assert presets_from_json('{"A": {"h": "no_such_field"}, "B": 3}') == {"A": {}}


def test_month_first_is_swapped_only_for_numeric_dates() -> None:
    assert swap_month_first("04/13/2024") == "13/04/2024"
    assert swap_month_first("2024-04-13") == "2024-04-13"
    assert swap_month_first(45000) == 45000
