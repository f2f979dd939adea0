"""Typed models of outcome measures (data typed in by the organisation) and the scores taken."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base


class OutcomeMeasureRow(Base):
    """A measure: name, how it is scored, which direction is better, how often it is taken."""

    __tablename__ = "outcome_measure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    scoring: Mapped[str] = mapped_column(String(10))
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    every_months: Mapped[int | None] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    items: Mapped[list[OutcomeItemRow]] = relationship(
        cascade="all, delete-orphan", order_by="OutcomeItemRow.position"
    )


class OutcomeItemRow(Base):
    """One item of a measure: its wording and the lowest and highest answers allowed."""

    __tablename__ = "outcome_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("outcome_measure.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    wording: Mapped[str] = mapped_column(Text)
    low: Mapped[int] = mapped_column(Integer)
    high: Mapped[int] = mapped_column(Integer)


class OutcomeScoreRow(Base):
    """One time a person answered a measure (at the start, a review or the end)."""

    __tablename__ = "outcome_score"
    __table_args__ = (Index("ix_outcome_score_person_id", "person_id", "measure_id", "taken_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    measure_id: Mapped[int] = mapped_column(ForeignKey("outcome_measure.id"), index=True)
    taken_on: Mapped[dt.date] = mapped_column(Date)
    stage: Mapped[str] = mapped_column(String(10))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))

    answers: Mapped[list[OutcomeAnswerRow]] = relationship(cascade="all, delete-orphan")


class OutcomeAnswerRow(Base):
    __tablename__ = "outcome_answer"
    score_id: Mapped[int] = mapped_column(
        ForeignKey("outcome_score.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("outcome_item.id"), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
