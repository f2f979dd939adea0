"""The person's consent-to-share ledger, inside the caller's transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person_consent import ShareConsent, ShareConsentId
from peerdesk.storage.person_models import PersonShareConsentRow


def _record(row: PersonShareConsentRow) -> ShareConsent:
    return ShareConsent(
        id=ShareConsentId(row.id),
        person_id=PersonId(row.person_id),
        given_on=row.given_on,
        how=ConsentHow(row.how),
        note=row.note,
        withdrawn_on=row.withdrawn_on,
        recorded_by=row.recorded_by,
    )


def history(s: Session, person_id: PersonId) -> list[ShareConsent]:
    """Every entry for the person, oldest first."""
    stmt = (
        select(PersonShareConsentRow)
        .where(PersonShareConsentRow.person_id == person_id)
        .order_by(PersonShareConsentRow.id)
    )
    return [_record(r) for r in s.scalars(stmt)]


def give(
    s: Session,
    person_id: PersonId,
    *,
    given_on: dt.date,
    how: ConsentHow,
    note: str,
    now: dt.datetime,
    recorded_by: str,
) -> ShareConsent:
    row = PersonShareConsentRow(
        person_id=person_id,
        given_on=given_on,
        how=how.value,
        note=note,
        withdrawn_on=None,
        recorded_at=now,
        recorded_by=recorded_by,
    )
    s.add(row)
    s.flush()
    return _record(row)


def withdraw(s: Session, entry_id: ShareConsentId, withdrawn_on: dt.date) -> ShareConsent:
    """Close an open entry: the only change an entry ever takes."""
    row = s.get(PersonShareConsentRow, entry_id)
    if row is None or row.withdrawn_on is not None:
        raise NotFound("That consent entry is not open any more.")
    row.withdrawn_on = withdrawn_on
    s.flush()
    return _record(row)


def consent_on(s: Session, person_id: PersonId, on: dt.date) -> bool:
    """True when the person's consent to share was given on or before ``on`` and not withdrawn
    by then."""
    stmt = select(PersonShareConsentRow.id).where(
        PersonShareConsentRow.person_id == person_id,
        PersonShareConsentRow.given_on <= on,
        or_(PersonShareConsentRow.withdrawn_on.is_(None), PersonShareConsentRow.withdrawn_on > on),
    )
    return s.scalar(stmt.limit(1)) is not None
