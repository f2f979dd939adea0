"""Typed models of safeguarding concerns and their dated follow-up steps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base


class ConcernRow(Base):
    """A safeguarding concern, raised from a session, a contact or a PSW's or person's record."""

    __tablename__ = "safeguarding_concern"
    __table_args__ = (Index("ix_safeguarding_concern_status", "status", "raised_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    raised_on: Mapped[dt.date] = mapped_column(Date)
    source_kind: Mapped[str] = mapped_column(String(20))
    """supervision, contact, psw or person."""
    source_id: Mapped[int | None] = mapped_column(Integer)
    psw_id: Mapped[int | None] = mapped_column(
        ForeignKey("psw.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[str] = mapped_column(Text)
    who_told: Mapped[str] = mapped_column(Text, default="")
    referral: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10))
    """open or closed."""
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closing_note: Mapped[str] = mapped_column(Text, default="")
    was_incident: Mapped[bool | None] = mapped_column(Boolean)
    """Whether it was a safeguarding incident (retention keeps records longer after one)."""
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    steps: Mapped[list[ConcernStepRow]] = relationship(
        cascade="all, delete-orphan", order_by="ConcernStepRow.id"
    )


class ConcernStepRow(Base):
    __tablename__ = "safeguarding_step"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    concern_id: Mapped[int] = mapped_column(
        ForeignKey("safeguarding_concern.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
