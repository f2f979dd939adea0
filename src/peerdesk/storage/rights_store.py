"""Reads and writes of rights requests and bank holidays; the due date itself is derived."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Row, Select, delete, or_, select
from sqlalchemy.orm import Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.rights_due import RequestDates
from peerdesk.domain.rights_request import BankHoliday, RequestId, RightsRequest
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.storage.rights_models import BankHolidayRow, RightsRequestRow
from peerdesk.storage.visibility import hidden_psw_ids, visible_people


@dataclass(frozen=True)
class NewRequest:
    kind: str
    psw_id: PswId | None
    person_id: PersonId | None
    nation: str
    received_on: dt.date
    note: str
    recorded_at: dt.datetime
    recorded_by: str


def _select() -> Select[tuple[RightsRequestRow, str, str]]:
    return (
        select(RightsRequestRow, PswRowModel.full_name, PersonRowModel.full_name)
        .outerjoin(PswRowModel, PswRowModel.id == RightsRequestRow.psw_id)
        .outerjoin(PersonRowModel, PersonRowModel.id == RightsRequestRow.person_id)
    )


def _record(row: Row[tuple[RightsRequestRow, str, str]]) -> RightsRequest:
    r, psw_name, person_name = row
    return RightsRequest(
        id=RequestId(r.id),
        kind=r.kind,
        psw_id=None if r.psw_id is None else PswId(r.psw_id),
        person_id=None if r.person_id is None else PersonId(r.person_id),
        subject_name=psw_name or person_name or "",
        nation=r.nation,
        dates=RequestDates(
            received_on=r.received_on,
            identity_asked_on=r.identity_asked_on,
            identity_received_on=r.identity_received_on,
            clarification_asked_on=r.clarification_asked_on,
            clarification_received_on=r.clarification_received_on,
            extension_months=r.extension_months,
        ),
        extension_reason=r.extension_reason,
        sent_on=r.sent_on,
        note=r.note,
        recorded_at=r.recorded_at,
        recorded_by=r.recorded_by,
        version=r.version,
    )


def add(s: Session, new: NewRequest) -> RequestId:
    row = RightsRequestRow(
        kind=new.kind,
        psw_id=new.psw_id,
        person_id=new.person_id,
        nation=new.nation,
        received_on=new.received_on,
        note=new.note,
        recorded_at=new.recorded_at,
        recorded_by=new.recorded_by,
        extension_months=0,
        extension_reason="",
        version=1,
    )
    s.add(row)
    s.flush()
    return RequestId(row.id)


def read(s: Session, request_id: RequestId) -> RightsRequest:
    found = s.execute(_select().where(RightsRequestRow.id == request_id)).first()
    if found is None:
        raise NotFound(f"Request {request_id} no longer exists.")
    return _record(found)


def row_for_update(s: Session, request_id: RequestId) -> RightsRequestRow:
    row = s.get(RightsRequestRow, request_id)
    if row is None:
        raise NotFound(f"Request {request_id} no longer exists.")
    return row


def listed(
    s: Session,
    viewer: Viewer,
    *,
    psw_id: PswId | None = None,
    person_id: PersonId | None = None,
    open_only: bool = False,
) -> list[RightsRequest]:
    """Requests the viewer may see (none about a protected record unless shown), oldest first."""
    query = _select()
    hidden = hidden_psw_ids(viewer)
    if hidden is not None:
        # The one rule (storage/visibility), over the request's own column: psw_is_protected
        # would correlate with the person table already joined here.
        query = query.where(
            visible_people(viewer),
            or_(RightsRequestRow.psw_id.is_(None), RightsRequestRow.psw_id.not_in(hidden)),
        )
    if psw_id is not None:
        query = query.where(RightsRequestRow.psw_id == psw_id)
    if person_id is not None:
        query = query.where(RightsRequestRow.person_id == person_id)
    if open_only:
        query = query.where(RightsRequestRow.sent_on.is_(None))
    query = query.order_by(RightsRequestRow.received_on, RightsRequestRow.id)
    return [_record(row) for row in s.execute(query).all()]


def holidays(s: Session, nation: str | None = None) -> list[BankHoliday]:
    query = select(BankHolidayRow).order_by(BankHolidayRow.nation, BankHolidayRow.day)
    if nation is not None:
        query = query.where(BankHolidayRow.nation == nation)
    return [BankHoliday(r.nation, r.day, r.name) for r in s.scalars(query)]


def holiday_days(s: Session, nation: str) -> frozenset[dt.date]:
    return frozenset(s.scalars(select(BankHolidayRow.day).where(BankHolidayRow.nation == nation)))


def add_holiday(s: Session, holiday: BankHoliday) -> bool:
    """Add a day (False when the nation has it already)."""
    exists = s.scalar(
        select(BankHolidayRow.id).where(
            BankHolidayRow.nation == holiday.nation, BankHolidayRow.day == holiday.day
        )
    )
    if exists is not None:
        return False
    s.add(BankHolidayRow(nation=holiday.nation, day=holiday.day, name=holiday.name))
    s.flush()
    return True


def remove_holiday(s: Session, nation: str, day: dt.date) -> bool:
    done = s.execute(
        delete(BankHolidayRow).where(BankHolidayRow.nation == nation, BankHolidayRow.day == day)
    )
    return bool(getattr(done, "rowcount", 0))


def known_names(s: Session) -> list[str]:
    """Every PSW's and supported person's full name and "known as", to find them in text.

    All records, protected ones too: a name is looked for, never listed, so a passage naming a
    protected person is still offered for redaction.
    """
    names: list[str] = []
    for model in (PswRowModel, PersonRowModel):
        for full, known in s.execute(select(model.full_name, model.known_as)).tuples():
            names += [full, known] if known else [full]
    return names
