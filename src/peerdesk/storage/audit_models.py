"""The audit log: append-only rows chained by SHA-256, and drafts of unsaved forms kept on lock."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class AuditRow(Base):
    """One action: when, by whom, what kind of action, on which record, which fields.

    Never names, values, free text or search terms. ``hash`` is SHA-256 over the previous row's
    hash and this row's fields, so a changed or missing row breaks the chain; triggers refuse
    UPDATE and DELETE (made by the migration, as for ``access_log``).
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    record_kind: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text, default="")
    """Changed field names, comma-separated (names of fields, never their values)."""
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class FormDraftRow(Base):
    """An unsaved form kept in the vault when PeerDesk locked, offered back after unlocking."""

    __tablename__ = "form_draft"
    __table_args__ = (UniqueConstraint("form", "record_id", name="uq_form_draft_form_record"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    """The form's fields as JSON."""
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime)
