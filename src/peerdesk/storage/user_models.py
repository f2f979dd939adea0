"""Optional users with roles: each has their own key slot; supervisors see their supervisees."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from peerdesk.storage.models import Base


class UserRow(Base):
    """A person who unlocks PeerDesk with their own passphrase (slot ``slot`` in the key file).

    ``role``: coordinator, supervisor or trustee. Roles stop mistakes, not insiders: anyone who
    can unlock the vault holds its data key.
    """

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    slot: Mapped[str] = mapped_column(String(60), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SuperviseeRow(Base):
    """A PSW a supervisor user supervises: they see this PSW and their supervision notes."""

    __tablename__ = "user_supervisee"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    psw_id: Mapped[int] = mapped_column(
        ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProtectedAccessRow(Base):
    """A user named on a protected PSW's record: they see it as coordinators do."""

    __tablename__ = "protected_access"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    psw_id: Mapped[int] = mapped_column(
        ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True, index=True
    )
