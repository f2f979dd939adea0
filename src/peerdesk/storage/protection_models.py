"""Typed models for declared conflicts, protected records and the access log.

A PSW whose record is linked to a supported person's record (they are also supported) is
*protected*; the link lives on ``person.linked_psw_id``. The access log is append-only: the
migration adds triggers that refuse UPDATE and DELETE.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class ConflictRow(Base):
    """A declared conflict between a PSW and a supported person: the pair is never matched."""

    __tablename__ = "conflict"
    __table_args__ = (Index("ix_conflict_person_id", "person_id", "psw_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    declared_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))


class AccessLogRow(Base):
    """One use of a right such as "show protected records". Never names or free text."""

    __tablename__ = "access_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    viewer: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    record_kind: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[int | None] = mapped_column(Integer)
