"""Records for tests: one fully filled-in PSW, built from the vault's own list items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import DemographicAnswer
from peerdesk.domain.psw import EmergencyContact, LanguageSkill, LivedExperience, PswDetails, Role
from peerdesk.domain.taxonomy import ListItem, ListKind


def full_psw_details(items: Sequence[ListItem], name: str = "Zoë Nguyễn") -> PswDetails:
    """Every field of a PSW record set, including non-ASCII text and unsorted lists."""
    of = {k: [i.id for i in items if i.kind is k] for k in ListKind}
    return PswDetails(
        full_name=name,
        known_as="Zo",
        pronouns="she/they",
        date_of_birth=dt.date(1990, 2, 28),
        role=Role.PAID,
        email="zoe@example.org",
        phone="07700 900123",
        address="1 Church Street\nLiverpool",
        postcode="l1 1aa",
        emergency_contact=EmergencyContact("Minh Nguyễn", "Brother", "07700 900456"),
        contact_modes=(ContactMode.PHONE, ContactMode.FACE_TO_FACE),
        lived_experience=(
            LivedExperience(of[ListKind.LIVED_EXPERIENCE][4], "Since my teens", True, False),
            LivedExperience(of[ListKind.LIVED_EXPERIENCE][0], "", False, True),
        ),
        skills=(of[ListKind.SKILL][2], of[ListKind.SKILL][0]),
        interests=(of[ListKind.INTEREST][1],),
        languages=(
            LanguageSkill(of[ListKind.LANGUAGE][17], False),
            LanguageSkill(of[ListKind.LANGUAGE][0], True),
        ),
        demographics=(
            DemographicAnswer("religion", "Prefer not to say", False),
            DemographicAnswer("gender", "Non-binary", True),
            DemographicAnswer("ethnicity", "", True),
        ),
        availability=Availability.of([TimeRange(3, 36, 40), TimeRange(1, 20, 28)]),
        hours_per_week=6.5,
        area_id=of[ListKind.AREA][2],
        travel_miles=10,
        capacity=3,
        notes="Likes the walking group.",
    )
