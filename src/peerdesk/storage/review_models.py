"""Typed models of annual reviews, the competence framework they use, and development goals.

The framework (domains with competences for paid PSWs; abilities and qualities for volunteers)
is editable data; a review keeps a JSON copy of the framework it used, so retiring or renaming
an entry later never changes a past review. Items in use are retired, never deleted.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base


class FrameworkItemRow(Base):
    """A domain, a competence within a domain, or a volunteer ability or quality."""

    __tablename__ = "framework_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    """domain, competence or ability."""
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("framework_item.id"))
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class AnnualReviewRow(Base):
    """One annual review: the paid form (ratings and evidence) or the volunteer form."""

    __tablename__ = "annual_review"
    __table_args__ = (Index("ix_annual_review_psw_id", "psw_id", "held_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"))
    form: Mapped[str] = mapped_column(String(10))
    """paid or volunteer."""
    held_on: Mapped[dt.date] = mapped_column(Date)
    reviewer: Mapped[str] = mapped_column(String(200))
    framework: Mapped[str] = mapped_column(Text)
    """JSON copy of the framework entries the review used."""
    content: Mapped[str] = mapped_column(Text)
    """JSON: ratings or comments per entry, and the review's text sections."""
    confidentiality: Mapped[str] = mapped_column(String(20))
    next_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    agreed_by_psw_on: Mapped[dt.date | None] = mapped_column(Date)
    agreed_by_reviewer_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)


class GoalRow(Base):
    """A development goal: SMART when it has a measure and a target date."""

    __tablename__ = "goal"
    __table_args__ = (Index("ix_goal_psw_id", "psw_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"))
    review_id: Mapped[int | None] = mapped_column(
        ForeignKey("annual_review.id", ondelete="SET NULL"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text, default="")
    target_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    """on_track, at_risk, achieved or dropped."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    progress: Mapped[list[GoalProgressRow]] = relationship(
        cascade="all, delete-orphan", order_by="GoalProgressRow.id"
    )


class GoalProgressRow(Base):
    """A dated progress note on a goal, written in a review or a supervision session."""

    __tablename__ = "goal_progress"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
