"""Retention: editable rules, holds that stop them, and the ledger of what was erased."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class RetentionRuleRow(Base):
    """How long one kind of record is kept after its trigger date, and what happens then.

    ``subject``: enquiry, unsuccessful_applicant, psw_left, psw_left_after_incident,
    supported_person. ``action``: erase or anonymise. Seeded with the defaults by the migration.
    """

    __tablename__ = "retention_rule"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(40), unique=True)
    months: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))


class RetentionHoldRow(Base):
    """A hold on one PSW's or person's record: nothing is erased or anonymised while it stands."""

    __tablename__ = "retention_hold"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int | None] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    placed_on: Mapped[dt.date] = mapped_column(Date)
    lifted_on: Mapped[dt.date | None] = mapped_column(Date)


class ErasureRow(Base):
    """One erasure or anonymisation, by record kind and id only: re-applied after a restore."""

    __tablename__ = "erasure"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    done_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(40))
    """Which rule (its subject) or "request" for a rights request; never free text."""
