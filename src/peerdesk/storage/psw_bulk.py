"""Many new PSW records at once (demo data, imports): one Core ``executemany`` per table.

The ORM's unit of work is far too slow for 100,000 records. Rows are written exactly as
``psw_mapping.write_details`` would write them (same folded keys, same child rows), so records
inserted here read back, sort and search like ones saved from the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import PswDetails
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
from peerdesk.storage.psw_mapping import name_key, search_key

Row = dict[str, Any]


class NewPsw(Protocol):
    """What a bulk insert needs of each record (``services.demo_data.DemoPsw`` is one)."""

    @property
    def details(self) -> PswDetails: ...
    @property
    def status(self) -> JourneyStatus: ...
    @property
    def status_since(self) -> dt.date: ...
    @property
    def history(self) -> Sequence[StatusChange]: ...
    @property
    def archived(self) -> bool: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def updated_at(self) -> dt.datetime: ...


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


class _Rows:
    """Parameter lists for every table, filled one record at a time."""

    def __init__(self) -> None:
        self.psw: list[Row] = []
        self.modes: list[Row] = []
        self.lived: list[Row] = []
        self.skills: list[Row] = []
        self.interests: list[Row] = []
        self.languages: list[Row] = []
        self.demographics: list[Row] = []
        self.availability: list[Row] = []
        self.history: list[Row] = []

    def by_table(self) -> list[tuple[Table, list[Row]]]:
        """Parents first, so foreign keys hold at every statement."""
        return [
            (_table(PswRowModel), self.psw),
            (_table(PswContactMode), self.modes),
            (_table(PswLivedExperience), self.lived),
            (_table(PswSkill), self.skills),
            (_table(PswInterest), self.interests),
            (_table(PswLanguage), self.languages),
            (_table(PswDemographic), self.demographics),
            (_table(PswAvailability), self.availability),
            (_table(PswStatusChange), self.history),
        ]

    def add(self, psw_id: int, record: NewPsw) -> None:
        d = record.details
        ec = d.emergency_contact
        self.psw.append(
            {
                "id": psw_id,
                "full_name": d.full_name,
                "known_as": d.known_as,
                "name_key": name_key(d),
                "search_key": search_key(d),
                "pronouns": d.pronouns,
                "date_of_birth": d.date_of_birth,
                "role": d.role.value,
                "email": d.email,
                "phone": d.phone,
                "address": d.address,
                "postcode": d.postcode,
                "emergency_name": ec.name,
                "emergency_relationship": ec.relationship,
                "emergency_phone": ec.phone,
                "hours_per_week": d.hours_per_week,
                "area_id": d.area_id,
                "travel_miles": d.travel_miles,
                "capacity": d.capacity,
                "notes": d.notes,
                "status": record.status.value,
                "status_since": record.status_since,
                "archived": record.archived,
                "created_at": record.created_at,
                "updated_at": record.updated_at,
                "version": 1,
            }
        )
        self.modes += (
            {"psw_id": psw_id, "mode": m.value, "rank": i} for i, m in enumerate(d.contact_modes)
        )
        self.lived += (
            {
                "psw_id": psw_id,
                "item_id": le.item_id,
                "note": le.note,
                "use_for_matching": le.use_for_matching,
                "share_with_supported": le.share_with_supported,
            }
            for le in d.lived_experience
        )
        self.skills += ({"psw_id": psw_id, "item_id": i} for i in dict.fromkeys(d.skills))
        self.interests += ({"psw_id": psw_id, "item_id": i} for i in dict.fromkeys(d.interests))
        self.languages += (
            {"psw_id": psw_id, "item_id": lang.item_id, "is_first": lang.first}
            for lang in d.languages
        )
        self.demographics += (
            {
                "psw_id": psw_id,
                "question": a.question,
                "answer": a.answer,
                "may_use_for_matching": a.may_use_for_matching,
            }
            for a in d.demographics
            if a.answer
        )
        self.availability += (
            {"psw_id": psw_id, "weekday": r.weekday, "start_slot": r.start, "end_slot": r.end}
            for r in d.availability.ranges
        )
        self.history += (
            {
                "psw_id": psw_id,
                "from_status": None if h.from_status is None else h.from_status.value,
                "to_status": h.to_status.value,
                "changed_on": h.on,
                "reason": h.reason,
                "recorded_at": h.recorded_at,
            }
            for h in record.history
        )


def insert_many(s: Session, records: Sequence[NewPsw]) -> list[PswId]:
    """Insert ``records`` (already validated and tidied) in the caller's transaction.

    Ids are assigned here, after the highest in the vault, so child rows need no round trip.
    Should another writer commit in between, SQLite refuses this transaction's first write
    (its snapshot is stale) and the primary key refuses a duplicate: ids never collide.
    Returns the new ids in the order of ``records``.
    """
    if not records:
        return []
    s.flush()  # anything the caller added through the ORM goes first
    first = int(s.scalar(select(func.max(PswRowModel.id))) or 0) + 1
    rows = _Rows()
    for offset, record in enumerate(records):
        rows.add(first + offset, record)
    connection = s.connection()
    for table, params in rows.by_table():
        if params:
            connection.execute(insert(table), params)
    return [PswId(first + offset) for offset in range(len(records))]
