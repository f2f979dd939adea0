"""Typed model of a PSW's wellbeing plan and "telling my story safely" plan versions.

Every save is a new immutable row (the number counts up per PSW and plan kind); the sections
are kept as JSON text so a version prints section by section exactly as it was agreed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class PlanVersionRow(Base):
    __tablename__ = "plan_version"
    __table_args__ = (Index("ix_plan_version_psw_id", "psw_id", "kind", "number", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    """wellbeing or story."""
    number: Mapped[int] = mapped_column(Integer)
    sections: Mapped[str] = mapped_column(Text)
    """JSON: the plan's sections in order, each a title and its text (or items)."""
    confidentiality: Mapped[str] = mapped_column(String(20))
    review_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    agreed_by_psw_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
