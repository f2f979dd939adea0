"""Typed models of supported people: one row each, child tables for their lists and history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base, ListItemRow


class PersonRowModel(Base):
    """A supported person. ``*_key`` columns hold folded text for search and filters."""

    __tablename__ = "person"
    __table_args__ = (
        # The list reads ids in name order filtered by typed text from the index alone.
        Index("ix_person_name_key", "name_key", "search_key"),
        Index("ix_person_status_referred_on", "status", "referred_on"),
        Index("ix_person_team_key", "team_key", "name_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    known_as: Mapped[str] = mapped_column(String(200), default="")
    name_key: Mapped[str] = mapped_column(String(400))
    search_key: Mapped[str] = mapped_column(String(800))
    pronouns: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(200), default="")
    referral_source: Mapped[str] = mapped_column(String(200), default="")
    referred_on: Mapped[dt.date] = mapped_column(Date)
    wants: Mapped[str] = mapped_column(Text, default="")
    area_id: Mapped[int | None] = mapped_column(ForeignKey("list_item.id"), index=True)
    risk_notes: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str] = mapped_column(String(200), default="")
    team_key: Mapped[str] = mapped_column(String(400), default="")
    linked_psw_id: Mapped[int | None] = mapped_column(
        ForeignKey("psw.id", ondelete="SET NULL"), index=True
    )
    """Set when this person is also one of the organisation's PSWs: both records are protected."""
    status: Mapped[str] = mapped_column(String(20))
    status_since: Mapped[dt.date] = mapped_column(Date)
    anonymised_on: Mapped[dt.date | None] = mapped_column(Date)
    """Set when retention anonymised the record: only what trustees' figures count is left."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    area: Mapped[ListItemRow | None] = relationship(lazy="joined")
    contact_modes: Mapped[list[PersonContactMode]] = relationship(
        cascade="all, delete-orphan", order_by="PersonContactMode.rank"
    )
    lived_experience: Mapped[list[PersonLivedExperience]] = relationship(
        cascade="all, delete-orphan"
    )
    interests: Mapped[list[PersonInterest]] = relationship(cascade="all, delete-orphan")
    languages: Mapped[list[PersonLanguage]] = relationship(cascade="all, delete-orphan")
    identity: Mapped[list[PersonIdentity]] = relationship(cascade="all, delete-orphan")
    availability: Mapped[list[PersonAvailability]] = relationship(cascade="all, delete-orphan")
    history: Mapped[list[PersonStatusChangeRow]] = relationship(
        cascade="all, delete-orphan", order_by="PersonStatusChangeRow.id"
    )
    share_consents: Mapped[list[PersonShareConsentRow]] = relationship(
        cascade="all, delete-orphan", order_by="PersonShareConsentRow.id"
    )


class PersonContactMode(Base):
    __tablename__ = "person_contact_mode"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    mode: Mapped[str] = mapped_column(String(40), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)


class PersonLivedExperience(Base):
    __tablename__ = "person_lived_experience"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True, index=True)
    most_important: Mapped[bool] = mapped_column(Boolean, default=False)


class PersonInterest(Base):
    __tablename__ = "person_interest"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True, index=True)


class PersonLanguage(Base):
    """A language they speak; the list's filter finds people by any of theirs."""

    __tablename__ = "person_language"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True, index=True)
    is_first: Mapped[bool] = mapped_column(Boolean, default=False)


class PersonIdentity(Base):
    __tablename__ = "person_identity"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    question: Mapped[str] = mapped_column(String(40), primary_key=True)
    answer: Mapped[str] = mapped_column(String(200))
    wish: Mapped[str] = mapped_column(String(20))


class PersonAvailability(Base):
    __tablename__ = "person_availability"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_slot: Mapped[int] = mapped_column(Integer)
    end_slot: Mapped[int] = mapped_column(Integer)


class PersonStatusChangeRow(Base):
    __tablename__ = "person_status_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200), default="Coordinator")


class PersonShareConsentRow(Base):
    """The person's consent to share their details with a PSW: a ledger, newest entry last.

    An entry is given on a date and may later be withdrawn; it is never edited otherwise.
    """

    __tablename__ = "person_share_consent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    given_on: Mapped[dt.date] = mapped_column(Date)
    how: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
