"""The spreadsheet guard: text that a spreadsheet would run as a formula is shown instead."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.spreadsheet import FORMULA_STARTS, guard_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Nguyễn", "Nguyễn"),
        ("", ""),
        (" =1", " =1"),
        ("a=b", "a=b"),
        ("'already", "'already"),
        ("'=1", "''=1"),
    ],
)
def test_text_examples(value: str, expected: str) -> None:
    assert guard_cell(value) == expected


@pytest.mark.parametrize(
    "value",
    [None, -3, 0, 2.5, -2.5, True, Decimal("-1.5"), dt.date(2026, 3, 3), dt.datetime(2026, 1, 1)],
)
def test_numbers_dates_and_none_are_never_touched(value: object) -> None:
    assert guard_cell(value) is value


@given(st.text())
def test_output_never_starts_a_formula(text: str) -> None:
    out = guard_cell(text)
    assert isinstance(out, str)
    assert not out.startswith(FORMULA_STARTS)
    assert out in (text, "'" + text)  # never anything but a prefix: nothing is lost


@given(st.text().filter(lambda t: not t.lstrip("'").startswith(FORMULA_STARTS)))
def test_safe_text_is_unchanged(text: str) -> None:
    assert guard_cell(text) is text
