"""Typed model of the consent ledger: one append-only table, never updated or deleted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class ConsentEntryRow(Base):
    """One ledger entry. Rows go only when their PSW is erased (ON DELETE CASCADE)."""

    __tablename__ = "consent_entry"
    __table_args__ = (Index("ix_consent_entry_psw_purpose", "psw_id", "purpose", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    given_on: Mapped[dt.date | None] = mapped_column(Date)
    how: Mapped[str | None] = mapped_column(String(40))
    told: Mapped[str] = mapped_column(Text, default="")
    wording_version: Mapped[int | None] = mapped_column(Integer)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_how: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    before_ledger: Mapped[bool] = mapped_column(Boolean, default=False)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("consent_entry.id"))
