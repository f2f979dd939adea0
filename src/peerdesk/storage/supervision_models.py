"""Typed models of supervision: sessions, who attended (with their check-in), topics, actions,
learning needs and dated addenda. A session agreed by both is locked: later changes are addenda.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base


class SupervisionSessionRow(Base):
    """One meeting: individual (one attendee) or group. Notes are shared by a group."""

    __tablename__ = "supervision_session"
    __table_args__ = (Index("ix_supervision_session_held_on", "held_on", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    supervisor: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[str] = mapped_column(String(5), default="")
    """"HH:MM", or empty when not recorded."""
    minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(String(20))
    next_on: Mapped[dt.date | None] = mapped_column(Date)
    agreed_by_psw_on: Mapped[dt.date | None] = mapped_column(Date)
    agreed_by_supervisor_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    attendees: Mapped[list[SupervisionAttendeeRow]] = relationship(
        cascade="all, delete-orphan", order_by="SupervisionAttendeeRow.psw_id"
    )
    topics: Mapped[list[SupervisionTopicRow]] = relationship(cascade="all, delete-orphan")
    addenda: Mapped[list[SupervisionAddendumRow]] = relationship(
        cascade="all, delete-orphan", order_by="SupervisionAddendumRow.id"
    )


class SupervisionAttendeeRow(Base):
    """A PSW at a session, with their own wellbeing check-in (seen only in their history)."""

    __tablename__ = "supervision_attendee"
    __table_args__ = (Index("ix_supervision_attendee_psw_id", "psw_id", "session_id"),)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), primary_key=True
    )
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    checkin: Mapped[int | None] = mapped_column(Integer)
    """1–5 on the five-point word scale; None when not asked."""
    checkin_note: Mapped[str] = mapped_column(Text, default="")


class SupervisionTopicRow(Base):
    __tablename__ = "supervision_topic"
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True)


class SupervisionActionRow(Base):
    """An action agreed at a session for one attendee; carried forward until done or dropped."""

    __tablename__ = "supervision_action"
    __table_args__ = (Index("ix_supervision_action_psw_id", "psw_id", "status", "due_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), index=True
    )
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    """open, done or dropped."""
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_in_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="SET NULL")
    )


class SupervisionLearningNeedRow(Base):
    """A learning need raised at a session for one attendee; may be sent to their training needs."""

    __tablename__ = "supervision_learning_need"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), index=True
    )
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    training_need_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_need.id", ondelete="SET NULL")
    )
    """Set once sent to the training-needs profile."""


class SupervisionAddendumRow(Base):
    """A dated addition to a locked session: never an edit of what was agreed."""

    __tablename__ = "supervision_addendum"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), index=True
    )
    added_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
