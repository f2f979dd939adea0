"""Validation of PSW details."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.contact import email_warning, phone_warning
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw import LanguageSkill, PswDetails
from peerdesk.domain.psw_rules import check_psw, tidied
from peerdesk.domain.text import SHORT_TEXT_MAX

TODAY = dt.date(2026, 11, 23)


def blocking(details: PswDetails) -> list[str]:
    return [p.message for p in check_psw(details, today=TODAY) if p.blocking]


def test_a_plain_record_is_fine() -> None:
    assert check_psw(PswDetails(full_name="Zoë Nguyễn"), today=TODAY) == []


@given(st.text(alphabet=" \t\n\u00a0\u2003", max_size=10))
def test_empty_or_whitespace_names_are_refused(name: str) -> None:
    assert blocking(tidied(PswDetails(full_name=name))) == ["Enter their full name."]


def test_overlong_text_is_refused_with_a_clear_limit() -> None:
    messages = blocking(PswDetails(full_name="A" * (SHORT_TEXT_MAX + 1)))
    assert messages == [
        "Full name is 201 characters long; the most it can hold is 200. "
        "Shorten it: nothing has been cut."
    ]


def test_bad_email_and_phone_only_warn() -> None:
    problems = check_psw(
        PswDetails(full_name="Siobhán", email="siobhan@", phone="123"), today=TODAY
    )
    assert {p.field for p in problems} == {"email", "phone"}
    assert not any(p.blocking for p in problems)


def test_two_first_languages_refused() -> None:
    langs = (LanguageSkill(TaxonomyItemId(1), True), LanguageSkill(TaxonomyItemId(2), True))
    assert blocking(PswDetails(full_name="Ana", languages=langs)) == [
        "Mark only one language as their first language."
    ]


def test_date_of_birth_rules() -> None:
    assert blocking(PswDetails(full_name="A", date_of_birth=dt.date(2027, 1, 1))) == [
        "Date of birth cannot be in the future."
    ]
    young = check_psw(PswDetails(full_name="A", date_of_birth=dt.date(2015, 1, 1)), today=TODAY)
    assert [p.blocking for p in young] == [False]


def test_capacity_range() -> None:
    assert blocking(PswDetails(full_name="A", capacity=-1))


def test_email_and_phone_checks() -> None:
    assert email_warning("zoe@example.org") is None
    assert email_warning("zoe at example") is not None
    assert phone_warning("07700 900123") is None
    assert phone_warning("+44 7700 900123") is None
    assert phone_warning("0151 123 4567 ext 12") is None
    assert phone_warning("12") is not None


@given(st.text(), st.text())
def test_checks_never_raise(name: str, email: str) -> None:
    check_psw(tidied(PswDetails(full_name=name, email=email, phone=email)), today=TODAY)


@given(st.text(max_size=300))
def test_tidied_names_keep_their_letters(name: str) -> None:
    out = tidied(PswDetails(full_name=name)).full_name
    assert "\n" not in out and out == out.strip()
