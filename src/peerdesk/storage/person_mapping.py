"""Copying between supported-person rows (ORM) and frozen domain records."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.ids import PersonId, TaxonomyItemId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.person import (
    ExperienceWish,
    IdentityPreference,
    Person,
    PersonDetails,
    PersonStatus,
    PersonStatusChange,
    Wish,
)
from peerdesk.domain.psw import LanguageSkill
from peerdesk.domain.text import fold
from peerdesk.storage.person_models import (
    PersonAvailability,
    PersonContactMode,
    PersonIdentity,
    PersonInterest,
    PersonLanguage,
    PersonLivedExperience,
    PersonRowModel,
    PersonStatusChangeRow,
)


def write_details(row: PersonRowModel, d: PersonDetails) -> None:
    """Overwrite every editable column and child list of ``row`` from ``d``."""
    row.full_name, row.known_as, row.pronouns = d.full_name, d.known_as, d.pronouns
    # Folded like PSWs' keys, so one search box behaves the same on both lists.
    row.name_key = fold(d.full_name)
    row.search_key = fold(f"{d.full_name} {d.known_as}")
    row.date_of_birth = d.date_of_birth
    row.email, row.phone, row.address, row.postcode = d.email, d.phone, d.address, d.postcode
    row.referral_source, row.referred_on, row.wants = d.referral_source, d.referred_on, d.wants
    row.area_id, row.risk_notes = d.area_id, d.risk_notes
    row.team, row.team_key = d.team, fold(d.team)
    row.contact_modes = [
        PersonContactMode(mode=m.value, rank=i) for i, m in enumerate(d.contact_modes)
    ]
    row.lived_experience = [
        PersonLivedExperience(item_id=w.item_id, most_important=w.most_important)
        for w in d.lived_experience
    ]
    row.interests = [PersonInterest(item_id=i) for i in dict.fromkeys(d.interests)]
    row.languages = [
        PersonLanguage(item_id=lang.item_id, is_first=lang.first) for lang in d.languages
    ]
    row.identity = [
        PersonIdentity(question=p.question, answer=p.answer, wish=p.wish.value) for p in d.identity
    ]
    row.availability = [
        PersonAvailability(weekday=r.weekday, start_slot=r.start, end_slot=r.end)
        for r in d.availability.ranges
    ]


def _language_order(lang: LanguageSkill) -> tuple[bool, int]:
    return (not lang.first, lang.item_id)


def read_details(row: PersonRowModel) -> PersonDetails:
    return PersonDetails(
        full_name=row.full_name,
        referred_on=row.referred_on,
        known_as=row.known_as,
        pronouns=row.pronouns,
        date_of_birth=row.date_of_birth,
        email=row.email,
        phone=row.phone,
        address=row.address,
        postcode=row.postcode,
        contact_modes=tuple(ContactMode(c.mode) for c in row.contact_modes),
        referral_source=row.referral_source,
        wants=row.wants,
        lived_experience=tuple(
            sorted(
                (
                    ExperienceWish(TaxonomyItemId(w.item_id), w.most_important)
                    for w in row.lived_experience
                ),
                key=lambda w: w.item_id,
            )
        ),
        interests=tuple(sorted(TaxonomyItemId(i.item_id) for i in row.interests)),
        languages=tuple(
            sorted(
                (LanguageSkill(TaxonomyItemId(x.item_id), x.is_first) for x in row.languages),
                key=_language_order,
            )
        ),
        identity=tuple(
            sorted(
                (IdentityPreference(p.question, p.answer, Wish(p.wish)) for p in row.identity),
                key=lambda p: p.question,
            )
        ),
        availability=Availability.of(
            TimeRange(a.weekday, a.start_slot, a.end_slot) for a in row.availability
        ),
        area_id=None if row.area_id is None else TaxonomyItemId(row.area_id),
        risk_notes=row.risk_notes,
        team=row.team,
    )


def canonical(d: PersonDetails) -> PersonDetails:
    """``d`` as it will read back, so "nothing changed" can be judged by equality."""
    return PersonDetails(
        **{
            **d.__dict__,
            "lived_experience": tuple(sorted(d.lived_experience, key=lambda w: w.item_id)),
            "interests": tuple(sorted(set(d.interests))),
            "languages": tuple(sorted(d.languages, key=_language_order)),
            "identity": tuple(sorted(d.identity, key=lambda p: p.question)),
            "availability": Availability.of(d.availability.ranges),
        }
    )


def read_history(rows: list[PersonStatusChangeRow]) -> tuple[PersonStatusChange, ...]:
    return tuple(
        PersonStatusChange(
            None if h.from_status is None else PersonStatus(h.from_status),
            PersonStatus(h.to_status),
            h.changed_on,
            h.reason,
            h.recorded_at,
            h.recorded_by,
        )
        for h in rows
    )


def read_person(row: PersonRowModel) -> Person:
    return Person(
        id=PersonId(row.id),
        details=read_details(row),
        status=PersonStatus(row.status),
        status_since=row.status_since,
        history=read_history(row.history),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def status_change_row(
    *,
    old: PersonStatus | None,
    new: PersonStatus,
    on: dt.date,
    reason: str,
    now: dt.datetime,
    recorded_by: str = DEFAULT_RECORDER,
) -> PersonStatusChangeRow:
    return PersonStatusChangeRow(
        from_status=None if old is None else old.value,
        to_status=new.value,
        changed_on=on,
        reason=reason,
        recorded_at=now,
        recorded_by=recorded_by,
    )
