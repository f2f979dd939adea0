"""Typed model of a caseload-plan line the coordinator rejected: it stays out of re-runs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class PlanRejectionRow(Base):
    """The pair (person, PSW) was rejected in a plan review, with the coordinator's reason."""

    __tablename__ = "plan_rejection"
    __table_args__ = (Index("ix_plan_rejection_person_id", "person_id", "psw_id", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[dt.datetime] = mapped_column(DateTime)
    rejected_by: Mapped[str] = mapped_column(String(200))
