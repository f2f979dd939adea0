"""Derived: each active PSW's next supervision date per kind, so Needs attention reads one index."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class SupervisionDueRow(Base):
    """The date ``supervision_due`` gives for one PSW and kind; no row means nothing is due.

    Recomputed in the same transaction as anything it reads: a session held, a status change
    (activation, pause, return), a change of role, or the frequency policy. It never depends
    on today, so it stays exact between those writes.
    """

    __tablename__ = "supervision_due"
    __table_args__ = (Index("ix_supervision_due_due_on", "due_on", "psw_id"),)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    due_on: Mapped[dt.date] = mapped_column(Date)
