"""Typed models of teams of peers: a team, and its members with the dates they joined and left."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base, ListItemRow


class TeamRow(Base):
    """An optional team of peers; ``name_key`` is the folded name for sorting and lookups."""

    __tablename__ = "team"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(400), unique=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("list_item.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    area: Mapped[ListItemRow | None] = relationship(lazy="joined")
    members: Mapped[list[TeamMemberRow]] = relationship(
        cascade="all, delete-orphan", order_by="TeamMemberRow.id"
    )


class TeamMemberRow(Base):
    """A PSW's time in a team; ``left_on`` is empty while they are still in it."""

    __tablename__ = "team_member"
    __table_args__ = (Index("ix_team_member_psw_id", "psw_id", "team_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"), index=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"))
    joined_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
