"""Supported people's details: each blocking problem names its field; text is tidied."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.person import (
    ExperienceWish,
    IdentityPreference,
    PersonDetails,
    PersonStatus,
    Wish,
)
from peerdesk.domain.person_rules import check_person, status_problems, tidied_person
from peerdesk.domain.psw import LanguageSkill
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX

TODAY = dt.date(2026, 11, 23)
OK = PersonDetails(full_name="Zoë Nguyễn", referred_on=dt.date(2026, 10, 1))


def blocking_fields(details: PersonDetails) -> set[str]:
    return {p.field for p in check_person(details, today=TODAY) if p.blocking}


def test_a_plain_referral_has_no_problems() -> None:
    assert check_person(OK, today=TODAY) == []


def test_an_empty_name_is_refused() -> None:
    assert blocking_fields(PersonDetails(full_name="  ", referred_on=TODAY)) == {"full_name"}


def test_dates_in_the_future_or_out_of_order_are_refused() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    assert blocking_fields(PersonDetails("Sam", referred_on=tomorrow)) == {"referred_on"}
    born_later = PersonDetails(
        "Sam", referred_on=dt.date(1990, 1, 1), date_of_birth=dt.date(1991, 1, 1)
    )
    assert blocking_fields(born_later) == {"referred_on"}
    unborn = PersonDetails("Sam", referred_on=TODAY, date_of_birth=tomorrow)
    assert "date_of_birth" in blocking_fields(unborn)
    problems = check_person(born_later, today=TODAY)
    assert "before their date of birth" in problems[0].message


def test_overlong_text_names_the_field_and_cuts_nothing() -> None:
    details = PersonDetails(
        "Sam",
        referred_on=TODAY,
        team="t" * (SHORT_TEXT_MAX + 1),
        risk_notes="r" * (LONG_TEXT_MAX + 1),
        wants="w" * (LONG_TEXT_MAX + 1),
        referral_source="s" * (SHORT_TEXT_MAX + 1),
    )
    assert blocking_fields(details) == {"team", "risk_notes", "wants", "referral_source"}
    message = next(p.message for p in check_person(details, today=TODAY) if p.field == "team")
    assert "nothing has been cut" in message


def test_lists_twice_or_unknown_questions_are_refused() -> None:
    item = TaxonomyItemId(3)
    details = PersonDetails(
        "Sam",
        referred_on=TODAY,
        contact_modes=(ContactMode.PHONE, ContactMode.PHONE),
        lived_experience=(ExperienceWish(item), ExperienceWish(item, True)),
        languages=(LanguageSkill(item, True), LanguageSkill(TaxonomyItemId(4), True)),
        identity=(IdentityPreference("star_sign", "Leo", Wish.MUST),),
    )
    assert blocking_fields(details) == {
        "contact_modes",
        "lived_experience",
        "languages",
        "identity",
    }


def test_an_identity_preference_needs_an_answer() -> None:
    details = PersonDetails("Sam", referred_on=TODAY, identity=(IdentityPreference("gender", " "),))
    assert blocking_fields(details) == {"identity"}


def test_odd_contact_details_only_warn() -> None:
    details = PersonDetails("Sam", referred_on=TODAY, email="sam@", phone="call me")
    found = check_person(details, today=TODAY)
    assert {p.field for p in found} == {"email", "phone"}
    assert not any(p.blocking for p in found)


def test_tidying_normalises_like_psw_records() -> None:
    messy = PersonDetails(
        "  Zoe\u0308   Nguyễn\u200b ",
        referred_on=TODAY,
        postcode=" l1 1aa ",
        team=" Riverside  team ",
        wants="A walk\n  and a talk \x00",
        identity=(IdentityPreference("gender", "  Woman "),),
    )
    clean = tidied_person(messy)
    assert clean.full_name == "Zoë Nguyễn"
    assert (clean.postcode, clean.team, clean.wants) == (
        "L1 1AA",
        "Riverside team",
        "A walk\n  and a talk",
    )
    assert clean.identity[0].answer == "Woman"


def test_status_changes_need_reasons_and_sensible_dates() -> None:
    last = dt.date(2026, 11, 1)

    def fields(new: PersonStatus, on: dt.date, reason: str) -> set[str]:
        found = status_problems(
            PersonStatus.WAITING, new, on, reason, last_change=last, today=TODAY
        )
        return {p.field for p in found}

    assert fields(PersonStatus.ON_HOLD, TODAY, "") == {"reason"}
    assert fields(PersonStatus.CLOSED, TODAY, " ") == {"reason"}
    assert fields(PersonStatus.MATCHED, TODAY, "") == set()
    assert fields(PersonStatus.WAITING, TODAY, "") == {"status"}
    assert fields(PersonStatus.ON_HOLD, TODAY + dt.timedelta(days=1), "Poorly") == {"on"}
    assert fields(PersonStatus.ON_HOLD, dt.date(2026, 10, 31), "Poorly") == {"on"}


@given(st.text(max_size=300), st.text(max_size=300))
def test_tidying_any_text_is_stable_and_never_raises(name: str, notes: str) -> None:
    once = tidied_person(PersonDetails(name, referred_on=TODAY, risk_notes=notes))
    assert tidied_person(once) == once
    check_person(once, today=TODAY)
