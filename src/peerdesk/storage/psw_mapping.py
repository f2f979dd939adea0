"""Copying between PSW rows (ORM) and frozen domain records: no live ORM object leaves storage."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import DemographicAnswer
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import DEFAULT_RECORDER, JourneyStatus, StatusChange
from peerdesk.domain.psw import (
    EmergencyContact,
    LanguageSkill,
    LivedExperience,
    Psw,
    PswDetails,
    Role,
)
from peerdesk.domain.text import fold
from peerdesk.storage.models import (
    PswAvailability,
    PswContactMode,
    PswDemographic,
    PswInterest,
    PswLanguage,
    PswLivedExperience,
    PswRowModel,
    PswSkill,
    PswStatusChange,
)


def name_key(details: PswDetails) -> str:
    return fold(details.full_name)


def search_key(details: PswDetails) -> str:
    """Folded text the name search matches against: full name and "known as"."""
    return fold(f"{details.full_name} {details.known_as}")


def write_details(row: PswRowModel, d: PswDetails) -> None:
    """Overwrite every editable column and child list of ``row`` from ``d``."""
    row.full_name, row.known_as, row.pronouns = d.full_name, d.known_as, d.pronouns
    row.name_key, row.search_key = name_key(d), search_key(d)
    row.date_of_birth, row.role = d.date_of_birth, d.role.value
    row.email, row.phone, row.address, row.postcode = d.email, d.phone, d.address, d.postcode
    ec = d.emergency_contact
    row.emergency_name, row.emergency_relationship, row.emergency_phone = (
        ec.name,
        ec.relationship,
        ec.phone,
    )
    row.hours_per_week, row.area_id, row.travel_miles = d.hours_per_week, d.area_id, d.travel_miles
    row.capacity, row.notes = d.capacity, d.notes
    row.contact_modes = [
        PswContactMode(mode=m.value, rank=i) for i, m in enumerate(d.contact_modes)
    ]
    row.lived_experience = _lived_rows(row, d)
    row.skills = [PswSkill(item_id=i) for i in dict.fromkeys(d.skills)]
    row.interests = [PswInterest(item_id=i) for i in dict.fromkeys(d.interests)]
    row.languages = [PswLanguage(item_id=lang.item_id, is_first=lang.first) for lang in d.languages]
    row.demographics = [
        PswDemographic(
            question=a.question, answer=a.answer, may_use_for_matching=a.may_use_for_matching
        )
        for a in d.demographics
        if a.answer
    ]
    row.availability = [
        PswAvailability(weekday=r.weekday, start_slot=r.start, end_slot=r.end)
        for r in d.availability.ranges
    ]


def _lived_rows(row: PswRowModel, d: PswDetails) -> list[PswLivedExperience]:
    """Reuse the rows of items kept: replacing them would insert before the old row is deleted
    (the unit of work's order) and break the one-row-per-item constraint."""
    held = {le.item_id: le for le in row.lived_experience}
    rows = []
    for le in d.lived_experience:
        kept = held.get(le.item_id) or PswLivedExperience(item_id=le.item_id)
        kept.note = le.note
        kept.use_for_matching = le.use_for_matching
        kept.share_with_supported = le.share_with_supported
        rows.append(kept)
    return rows


def read_details(row: PswRowModel) -> PswDetails:
    return PswDetails(
        full_name=row.full_name,
        known_as=row.known_as,
        pronouns=row.pronouns,
        date_of_birth=row.date_of_birth,
        role=Role(row.role),
        email=row.email,
        phone=row.phone,
        address=row.address,
        postcode=row.postcode,
        emergency_contact=EmergencyContact(
            row.emergency_name, row.emergency_relationship, row.emergency_phone
        ),
        contact_modes=tuple(ContactMode(c.mode) for c in row.contact_modes),
        lived_experience=tuple(
            LivedExperience(
                TaxonomyItemId(le.item_id), le.note, le.use_for_matching, le.share_with_supported
            )
            for le in row.lived_experience
        ),
        skills=tuple(sorted(TaxonomyItemId(s.item_id) for s in row.skills)),
        interests=tuple(sorted(TaxonomyItemId(s.item_id) for s in row.interests)),
        languages=tuple(
            sorted(
                (
                    LanguageSkill(TaxonomyItemId(lang.item_id), lang.is_first)
                    for lang in row.languages
                ),
                key=lambda lang: (not lang.first, lang.item_id),
            )
        ),
        demographics=tuple(
            sorted(
                (
                    DemographicAnswer(a.question, a.answer, a.may_use_for_matching)
                    for a in row.demographics
                ),
                key=lambda a: a.question,
            )
        ),
        availability=Availability.of(
            TimeRange(a.weekday, a.start_slot, a.end_slot) for a in row.availability
        ),
        hours_per_week=row.hours_per_week,
        area_id=None if row.area_id is None else TaxonomyItemId(row.area_id),
        travel_miles=row.travel_miles,
        capacity=row.capacity,
        notes=row.notes,
    )


def canonical(d: PswDetails) -> PswDetails:
    """``d`` as it will read back, so "nothing changed" can be judged by equality."""
    return PswDetails(
        **{
            **d.__dict__,
            "skills": tuple(sorted(set(d.skills))),
            "interests": tuple(sorted(set(d.interests))),
            "languages": tuple(
                sorted(d.languages, key=lambda lang: (not lang.first, lang.item_id))
            ),
            "demographics": tuple(
                sorted((a for a in d.demographics if a.answer), key=lambda a: a.question)
            ),
            "availability": Availability.of(d.availability.ranges),
        }
    )


def read_psw(row: PswRowModel) -> Psw:
    return Psw(
        id=PswId(row.id),
        details=read_details(row),
        status=JourneyStatus(row.status),
        status_since=row.status_since,
        history=tuple(
            StatusChange(
                None if h.from_status is None else JourneyStatus(h.from_status),
                JourneyStatus(h.to_status),
                h.changed_on,
                h.reason,
                h.recorded_at,
                h.recorded_by,
            )
            for h in row.history
        ),
        archived=row.archived,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def status_change_row(
    *,
    old: JourneyStatus | None,
    new: JourneyStatus,
    on: dt.date,
    reason: str,
    now: dt.datetime,
    recorded_by: str = DEFAULT_RECORDER,
) -> PswStatusChange:
    return PswStatusChange(
        from_status=None if old is None else old.value,
        to_status=new.value,
        changed_on=on,
        reason=reason,
        recorded_at=now,
        recorded_by=recorded_by,
    )
