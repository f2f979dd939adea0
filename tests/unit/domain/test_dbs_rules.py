"""Certificate numbers are checked against each scheme's format."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.dbs_rules import DbsScheme, certificate_number_problems

SCHEMES = st.sampled_from(list(DbsScheme))
ASCII_DIGITS = "0123456789"


@given(SCHEMES, st.data())
def test_the_right_number_of_digits_is_accepted(scheme: DbsScheme, data: st.DataObject) -> None:
    number = data.draw(st.text(ASCII_DIGITS, min_size=scheme.digits, max_size=scheme.digits))
    assert certificate_number_problems(scheme, number) == []


@given(SCHEMES, st.data())
def test_spaces_and_hyphens_between_groups_are_ignored(
    scheme: DbsScheme, data: st.DataObject
) -> None:
    number = data.draw(st.text(ASCII_DIGITS, min_size=scheme.digits, max_size=scheme.digits))
    spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    assert certificate_number_problems(scheme, spaced) == []
    assert certificate_number_problems(scheme, spaced.replace(" ", "-")) == []


@given(SCHEMES, st.text(ASCII_DIGITS, min_size=1, max_size=30))
def test_any_other_length_is_refused_naming_the_field(scheme: DbsScheme, number: str) -> None:
    problems = certificate_number_problems(scheme, number)
    assert (problems == []) == (len(number) == scheme.digits)
    assert all(p.field == "certificate_number" and p.blocking for p in problems)


@given(SCHEMES, st.text(min_size=1).filter(lambda t: any(c not in "0123456789 -\t\n" for c in t)))
def test_anything_but_ascii_digits_is_refused(scheme: DbsScheme, number: str) -> None:
    [problem] = certificate_number_problems(scheme, number)
    assert problem.field == "certificate_number"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("00123456789", "A DBS certificate number is 12 digits; this has 11."),
        ("00123456789A", "A DBS certificate number is 12 digits, with no letters."),
        ("", "Enter the DBS certificate number."),
        ("００１２３４５６７８９０", "A DBS certificate number is 12 digits, with no letters."),
    ],
)
def test_dbs_messages(number: str, message: str) -> None:
    assert [p.message for p in certificate_number_problems(DbsScheme.DBS, number)] == [message]


def test_scheme_lengths() -> None:
    assert (DbsScheme.DBS.digits, DbsScheme.PVG.digits, DbsScheme.ACCESS_NI.digits) == (12, 16, 9)
