"""The people's side of matching: wishes from referral records, and plan lines rejected.

Wishes for the whole waiting list load in one plain query per child table, so a caseload plan
over 2,000 people makes seven queries, not 14,000 lazy loads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.ids import PersonId, PswId, TaxonomyItemId
from peerdesk.domain.matching.profiles import IdentityPair, PersonWishes, WishedItem
from peerdesk.domain.person import PersonStatus, Wish
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.lookup import require
from peerdesk.storage.matching_inputs import identity_label
from peerdesk.storage.models import ListItemRow
from peerdesk.storage.person_models import (
    PersonAvailability,
    PersonContactMode,
    PersonIdentity,
    PersonInterest,
    PersonLanguage,
    PersonLivedExperience,
    PersonRowModel,
)
from peerdesk.storage.plan_models import PlanRejectionRow
from peerdesk.storage.retention_store import person_unrestricted
from peerdesk.storage.visibility import visible_people


def person_wishes(s: Session, person_id: PersonId) -> tuple[str, PersonWishes]:
    """(display name, wishes) of one person; NotFound if they are gone."""
    found = _load(s, PersonRowModel.id == person_id)
    if not found:
        require(s, PersonRowModel, person_id, "supported person")  # raises NotFound
    _, name, wishes = found[0]
    return name, wishes


def waiting_wishes(s: Session, viewer: Viewer) -> list[tuple[PersonId, str, PersonWishes]]:
    """Everyone waiting whom the viewer may see and no request restricted, by id."""
    waiting = PersonRowModel.status == PersonStatus.WAITING.value
    return _load(s, waiting & visible_people(viewer) & person_unrestricted())


def _load(s: Session, where: ColumnElement[bool]) -> list[tuple[PersonId, str, PersonWishes]]:
    """Plain Core reads, one per child table, for every person ``where`` selects."""
    s.flush()
    conn = s.connection()
    chosen = select(PersonRowModel.id).where(where).scalar_subquery()
    base = conn.execute(
        select(
            PersonRowModel.id,
            PersonRowModel.known_as,
            PersonRowModel.full_name,
            ListItemRow.latitude,
            ListItemRow.longitude,
        )
        .outerjoin(ListItemRow, ListItemRow.id == PersonRowModel.area_id)
        .where(where)
        .order_by(PersonRowModel.id)
    ).all()
    items = {
        i.id: i
        for i in conn.execute(
            select(ListItemRow.id, ListItemRow.name, ListItemRow.family, ListItemRow.position)
        ).all()
    }

    def child(*columns: Any) -> dict[int, list[Any]]:
        table = columns[0].class_
        found: dict[int, list[Any]] = defaultdict(list)
        stmt = select(table.person_id, *columns).where(table.person_id.in_(chosen))
        for row in conn.execute(stmt).all():
            found[row[0]].append(row[1:])
        return found

    modes = child(PersonContactMode.mode, PersonContactMode.rank)
    experience = child(PersonLivedExperience.item_id, PersonLivedExperience.most_important)
    interests = child(PersonInterest.item_id)
    languages = child(PersonLanguage.item_id, PersonLanguage.is_first)
    identity = child(PersonIdentity.question, PersonIdentity.answer, PersonIdentity.wish)
    times = child(
        PersonAvailability.weekday, PersonAvailability.start_slot, PersonAvailability.end_slot
    )
    result = []
    for r in base:
        ranked_modes = [m for m, _ in sorted(modes.get(r.id, []), key=lambda m: m[1])]
        langs = sorted(languages.get(r.id, []), key=lambda la: (not la[1], items[la[0]].position))
        wishes = [(w, IdentityPair(identity_label(q), a)) for q, a, w in identity.get(r.id, [])]
        person = PersonWishes(
            lived_experience=tuple(
                WishedItem(TaxonomyItemId(i), items[i].name, items[i].family, bool(most_important))
                for i, most_important in experience.get(r.id, [])
            ),
            would_like=tuple(pair for w, pair in wishes if w == Wish.WOULD_LIKE.value),
            must=tuple(pair for w, pair in wishes if w == Wish.MUST.value),
            languages=tuple(items[i].name for i, _ in langs),
            availability=Availability.of(TimeRange(*t) for t in times.get(r.id, [])),
            position=None if r.latitude is None else (r.latitude, r.longitude),
            contact_modes=tuple(ranked_modes),
            interests=tuple(items[i].name for (i,) in interests.get(r.id, [])),
            face_to_face=ContactMode.FACE_TO_FACE.value in ranked_modes,
        )
        result.append((PersonId(r.id), r.known_as or r.full_name, person))
    return result


def rejections(s: Session) -> dict[PersonId, set[PswId]]:
    """Pairs the coordinator rejected in a plan review: kept out of every later plan."""
    found: dict[PersonId, set[PswId]] = defaultdict(set)
    for person, psw in s.execute(select(PlanRejectionRow.person_id, PlanRejectionRow.psw_id)):
        found[PersonId(person)].add(PswId(psw))
    return dict(found)


def reject(
    s: Session, person_id: PersonId, psw_id: PswId, reason: str, *, by: str, now: dt.datetime
) -> None:
    """Record a rejected plan line (again: the newer reason replaces the older)."""
    existing = s.scalars(
        select(PlanRejectionRow).where(
            PlanRejectionRow.person_id == person_id, PlanRejectionRow.psw_id == psw_id
        )
    ).first()
    if existing is None:
        s.add(
            PlanRejectionRow(
                person_id=person_id, psw_id=psw_id, reason=reason, rejected_at=now, rejected_by=by
            )
        )
    else:
        existing.reason, existing.rejected_at, existing.rejected_by = reason, now, by
