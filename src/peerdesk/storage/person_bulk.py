"""Many new supported people at once (demo data): people, matches, steps, contacts, consents.

One Core ``executemany`` per table, as ``psw_bulk`` does for PSWs. Rows are written as
``person_mapping.write_details`` and ``match_store`` would write them, so they read back alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.contacts import ContactDetails
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.match_lifecycle import MatchStep
from peerdesk.domain.person import PersonDetails, PersonStatus, PersonStatusChange
from peerdesk.domain.text import fold
from peerdesk.storage.match_models import ContactRow, MatchRow, MatchStepRow
from peerdesk.storage.person_models import (
    PersonAvailability,
    PersonContactMode,
    PersonIdentity,
    PersonInterest,
    PersonLanguage,
    PersonLivedExperience,
    PersonRowModel,
    PersonShareConsentRow,
    PersonStatusChangeRow,
)

Row = dict[str, Any]


class NewMatch(Protocol):
    @property
    def psw_id(self) -> PswId: ...
    @property
    def steps(self) -> Sequence[MatchStep]: ...
    @property
    def contacts(self) -> Sequence[ContactDetails]: ...
    @property
    def rationale(self) -> str: ...


class NewPerson(Protocol):
    """What a bulk insert needs of each person (``services.demo_people.DemoPerson`` is one)."""

    @property
    def details(self) -> PersonDetails: ...
    @property
    def status(self) -> PersonStatus: ...
    @property
    def status_since(self) -> dt.date: ...
    @property
    def history(self) -> Sequence[PersonStatusChange]: ...
    @property
    def matches(self) -> Sequence[NewMatch]: ...
    @property
    def consent_given_on(self) -> dt.date | None: ...
    @property
    def created_at(self) -> dt.datetime: ...


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _next_id(s: Session, column: Any) -> int:
    return int(s.scalar(select(func.max(column))) or 0) + 1


class _Rows:
    def __init__(self, s: Session) -> None:
        self.match_id = _next_id(s, MatchRow.id)
        self.tables: dict[type[Any], list[Row]] = {
            m: []
            for m in (
                PersonRowModel,
                PersonContactMode,
                PersonLivedExperience,
                PersonInterest,
                PersonLanguage,
                PersonIdentity,
                PersonAvailability,
                PersonStatusChangeRow,
                PersonShareConsentRow,
                MatchRow,
                MatchStepRow,
                ContactRow,
            )
        }

    def add(self, pid: int, p: NewPerson) -> None:
        d, t = p.details, self.tables
        updated = max((h.recorded_at for h in p.history), default=p.created_at)
        t[PersonRowModel].append(
            {
                "id": pid,
                "full_name": d.full_name,
                "known_as": d.known_as,
                "name_key": fold(d.full_name),
                "search_key": fold(f"{d.full_name} {d.known_as}"),
                "pronouns": d.pronouns,
                "date_of_birth": d.date_of_birth,
                "email": d.email,
                "phone": d.phone,
                "address": d.address,
                "postcode": d.postcode,
                "referral_source": d.referral_source,
                "referred_on": d.referred_on,
                "wants": d.wants,
                "area_id": d.area_id,
                "risk_notes": d.risk_notes,
                "team": d.team,
                "team_key": fold(d.team),
                "status": p.status.value,
                "status_since": p.status_since,
                "created_at": p.created_at,
                "updated_at": updated,
                "version": 1,
            }
        )
        t[PersonContactMode] += (
            {"person_id": pid, "mode": m.value, "rank": i} for i, m in enumerate(d.contact_modes)
        )
        t[PersonLivedExperience] += (
            {"person_id": pid, "item_id": w.item_id, "most_important": w.most_important}
            for w in d.lived_experience
        )
        t[PersonInterest] += ({"person_id": pid, "item_id": i} for i in dict.fromkeys(d.interests))
        t[PersonLanguage] += (
            {"person_id": pid, "item_id": lang.item_id, "is_first": lang.first}
            for lang in d.languages
        )
        t[PersonIdentity] += (
            {"person_id": pid, "question": w.question, "answer": w.answer, "wish": w.wish.value}
            for w in d.identity
        )
        t[PersonAvailability] += (
            {"person_id": pid, "weekday": r.weekday, "start_slot": r.start, "end_slot": r.end}
            for r in d.availability.ranges
        )
        t[PersonStatusChangeRow] += (
            {
                "person_id": pid,
                "from_status": None if h.from_status is None else h.from_status.value,
                "to_status": h.to_status.value,
                "changed_on": h.on,
                "reason": h.reason,
                "recorded_at": h.recorded_at,
                "recorded_by": h.recorded_by,
            }
            for h in p.history
        )
        if p.consent_given_on is not None:
            t[PersonShareConsentRow].append(
                {
                    "person_id": pid,
                    "given_on": p.consent_given_on,
                    "how": ConsentHow.WRITTEN.value,
                    "note": "Made-up demo record.",
                    "withdrawn_on": None,
                    "recorded_at": dt.datetime.combine(p.consent_given_on, dt.time(10, 0)),
                    "recorded_by": DEFAULT_RECORDER,
                }
            )
        for m in p.matches:
            self._match(pid, m)

    def _match(self, pid: int, m: NewMatch) -> None:
        mid, t = self.match_id, self.tables
        self.match_id += 1
        t[MatchRow].append(
            {
                "id": mid,
                "person_id": pid,
                "psw_id": m.psw_id,
                "rationale": m.rationale,
                "created_at": dt.datetime.combine(m.steps[0].on, dt.time(11, 0)),
            }
        )
        t[MatchStepRow] += (
            {
                "match_id": mid,
                "stage": st.stage.value,
                "on": st.on,
                "by": st.by,
                "note": st.note,
                "end_reason": None if st.end_reason is None else st.end_reason.value,
            }
            for st in m.steps
        )
        t[ContactRow] += (
            {
                "match_id": mid,
                "on": c.on,
                "minutes": c.minutes,
                "mode": c.mode.value,
                "outcome": c.outcome.value,
                "note": c.note,
            }
            for c in m.contacts
        )


def insert_people(s: Session, records: Sequence[NewPerson]) -> list[PersonId]:
    """Insert ``records`` with their matches in the caller's transaction; returns the new ids.

    Ids are assigned here after the highest in the vault (see ``psw_bulk.insert_many``).
    """
    if not records:
        return []
    s.flush()
    first = _next_id(s, PersonRowModel.id)
    rows = _Rows(s)
    for offset, record in enumerate(records):
        rows.add(first + offset, record)
    connection = s.connection()
    for model, params in rows.tables.items():  # parents first, so foreign keys hold
        if params:
            connection.execute(insert(_table(model)), params)
    return [PersonId(first + offset) for offset in range(len(records))]
