"""Rights requests (subject access now; the other rights later) and bank holidays per nation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class RightsRequestRow(Base):
    """One request from a data subject, logged step by step; its due date is derived, not kept.

    The subject is a PSW or a supported person. Their link is set to NULL if the record is later
    erased, so the log still shows that a request came and when it was answered.
    """

    __tablename__ = "rights_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="access")
    psw_id: Mapped[int | None] = mapped_column(
        ForeignKey("psw.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    nation: Mapped[str] = mapped_column(String(30))
    received_on: Mapped[dt.date] = mapped_column(Date)
    identity_asked_on: Mapped[dt.date | None] = mapped_column(Date)
    identity_received_on: Mapped[dt.date | None] = mapped_column(Date)
    clarification_asked_on: Mapped[dt.date | None] = mapped_column(Date)
    clarification_received_on: Mapped[dt.date | None] = mapped_column(Date)
    extension_months: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    sent_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200), default="Coordinator")
    version: Mapped[int] = mapped_column(Integer, default=1)


class BankHolidayRow(Base):
    """A bank holiday in one nation: england-wales, scotland or northern-ireland. Editable."""

    __tablename__ = "bank_holiday"
    __table_args__ = (UniqueConstraint("nation", "day", name="uq_bank_holiday_nation_day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    nation: Mapped[str] = mapped_column(String(30))
    day: Mapped[dt.date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
