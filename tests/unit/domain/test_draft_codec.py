"""Drafts of forms survive JSON exactly, and a draft that no longer fits is refused plainly."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import DemographicAnswer
from peerdesk.domain.draft_codec import DraftUnreadable, from_json, to_json
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.person import ExperienceWish, IdentityPreference, PersonDetails, Wish
from peerdesk.domain.psw import EmergencyContact, LanguageSkill, LivedExperience, PswDetails, Role

ids = st.integers(1, 10_000).map(TaxonomyItemId)
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
ranges = st.builds(
    lambda day, start, length: TimeRange(day, start, min(start + length, 48)),
    st.integers(0, 6),
    st.integers(0, 47),
    st.integers(1, 10),
)

psw_details = st.builds(
    PswDetails,
    full_name=st.text(),
    known_as=st.text(max_size=20),
    date_of_birth=st.none() | dates,
    role=st.sampled_from(Role),
    emergency_contact=st.builds(EmergencyContact, name=st.text(max_size=20)),
    contact_modes=st.lists(st.sampled_from(ContactMode), unique=True).map(tuple),
    lived_experience=st.lists(
        st.builds(LivedExperience, item_id=ids, note=st.text(), use_for_matching=st.booleans())
    ).map(tuple),
    skills=st.lists(ids).map(tuple),
    languages=st.lists(st.builds(LanguageSkill, item_id=ids, first=st.booleans())).map(tuple),
    demographics=st.lists(st.builds(DemographicAnswer, question=st.text(), answer=st.text())).map(
        tuple
    ),
    availability=st.lists(ranges, max_size=5).map(lambda r: Availability(tuple(r))),
    hours_per_week=st.none() | st.floats(0, 80, allow_nan=False),
    area_id=st.none() | ids,
    travel_miles=st.none() | st.integers(0, 500),
    capacity=st.integers(0, 20),
    notes=st.text(),
)

person_details = st.builds(
    PersonDetails,
    full_name=st.text(),
    referred_on=dates,
    lived_experience=st.lists(
        st.builds(ExperienceWish, item_id=ids, most_important=st.booleans())
    ).map(tuple),
    identity=st.lists(
        st.builds(
            IdentityPreference, question=st.text(), answer=st.text(), wish=st.sampled_from(Wish)
        )
    ).map(tuple),
    risk_notes=st.text(),
)


@settings(max_examples=200)
@given(psw_details)
def test_psw_details_round_trip(details: PswDetails) -> None:
    assert from_json(PswDetails, to_json(details)) == details


@settings(max_examples=200)
@given(person_details)
def test_person_details_round_trip(details: PersonDetails) -> None:
    assert from_json(PersonDetails, to_json(details)) == details


@settings(max_examples=200)
@given(st.text())
def test_any_text_is_either_a_draft_or_refused_plainly(text: str) -> None:
    with contextlib.suppress(DraftUnreadable):
        from_json(PswDetails, text)


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "{}",
        '{"full_name": 3}',
        '{"full_name": "A", "role": "captain"}',
        '{"full_name": "A", "date_of_birth": "31/01/2001"}',
        '{"full_name": "A", "capacity": true}',
        '{"full_name": "A", "availability": {"ranges": [{"weekday": 9, "start": 0, "end": 1}]}}',
    ],
)
def test_drafts_that_do_not_fit_are_refused(text: str) -> None:
    with pytest.raises(DraftUnreadable):
        from_json(PswDetails, text)
