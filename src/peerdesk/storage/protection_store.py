"""The protected-record link: a supported person's record linked to the PSW they also are."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PersonId, PswId
from peerdesk.storage.person_models import PersonRowModel


def linked_psw(s: Session, person_id: PersonId) -> PswId | None:
    found = s.scalar(select(PersonRowModel.linked_psw_id).where(PersonRowModel.id == person_id))
    return None if found is None else PswId(found)


def linked_person(s: Session, psw_id: PswId) -> PersonId | None:
    """The person record linked to ``psw_id`` (at most one is kept: linking replaces)."""
    found = s.scalar(
        select(PersonRowModel.id).where(PersonRowModel.linked_psw_id == psw_id).limit(1)
    )
    return None if found is None else PersonId(found)


def set_link(s: Session, person_id: PersonId, psw_id: PswId | None) -> None:
    row = s.get(PersonRowModel, person_id)
    assert row is not None  # the service loaded it first
    row.linked_psw_id = psw_id
    s.flush()
