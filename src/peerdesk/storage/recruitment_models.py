"""Typed models of recruitment: leaving outcomes, application support, interviews and panels."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base

_PSW = "psw.id"


class LeavingOutcomeRow(Base):
    """Why someone left before becoming active, tied to the status change that recorded it.

    Deleting that change (an undo) deletes this row by the database's ON DELETE CASCADE.
    """

    __tablename__ = "leaving_outcome"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    status_change_id: Mapped[int] = mapped_column(
        ForeignKey("psw_status_change.id", ondelete="CASCADE"), unique=True
    )
    outcome: Mapped[str] = mapped_column(Text)
    routes: Mapped[list[LeavingRouteRow]] = relationship(
        cascade="all, delete-orphan", order_by="LeavingRouteRow.id"
    )


class LeavingRouteRow(Base):
    """Another route offered (a recovery college course …), when, and their answer."""

    __tablename__ = "leaving_route"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    leaving_id: Mapped[int] = mapped_column(
        ForeignKey("leaving_outcome.id", ondelete="CASCADE"), index=True
    )
    route: Mapped[str] = mapped_column(String(200))
    offered_on: Mapped[dt.date] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(String(20))


class ApplicationSupportRow(Base):
    __tablename__ = "application_support"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    given_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(200))
    given_by: Mapped[str] = mapped_column(String(200), default="")


class InterviewRow(Base):
    __tablename__ = "interview"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    held_at: Mapped[dt.datetime] = mapped_column(DateTime)
    format: Mapped[str] = mapped_column(String(20))
    adjustments: Mapped[str] = mapped_column(Text, default="")
    questions_shared_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    panel: Mapped[list[PanelMemberRow]] = relationship(
        cascade="all, delete-orphan", order_by="PanelMemberRow.position"
    )


class PanelMemberRow(Base):
    __tablename__ = "interview_panel_member"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    lived_experience: Mapped[bool] = mapped_column(Boolean, default=False)
    interview_trained: Mapped[bool] = mapped_column(Boolean, default=False)
