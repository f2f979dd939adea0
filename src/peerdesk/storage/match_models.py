"""Typed models of matches: the match, its dated steps (oldest first) and its contact log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base


class MatchRow(Base):
    """A person matched with a PSW; its stage is that of its latest step."""

    __tablename__ = "match"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    rationale: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    steps: Mapped[list[MatchStepRow]] = relationship(
        cascade="all, delete-orphan", order_by="MatchStepRow.id"
    )


class MatchStepRow(Base):
    """One dated step; steps are only ever appended, so the highest id is the current stage."""

    __tablename__ = "match_step"
    __table_args__ = (Index("ix_match_step_match_id", "match_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(20))
    on: Mapped[dt.date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    end_reason: Mapped[str | None] = mapped_column(String(20))


class ContactRow(Base):
    """One line of a match's contact log."""

    __tablename__ = "contact"
    __table_args__ = (Index("ix_contact_match_id_on", "match_id", "on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="CASCADE"))
    on: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
