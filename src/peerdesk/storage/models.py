"""SQLAlchemy 2 typed models of the vault. Migrations in ``migrations/`` must match these."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints let Alembic's batch mode alter them on SQLite later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """Organisation-wide settings as key/value text (organisation name, demo flag …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ListItemRow(Base):
    """An entry in one of the editable lists (``ListKind``)."""

    __tablename__ = "list_item"
    __table_args__ = (UniqueConstraint("kind", "family", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    family: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PswRowModel(Base):
    """A peer support worker. Child tables hold the lists; ``*_key`` columns hold folded text."""

    __tablename__ = "psw"
    __table_args__ = (
        # Covering indexes: the table lists ids in name order filtered by typed text (a LIKE on
        # search_key) or by status, reading only the index, never the wider table rows.
        Index("ix_psw_archived_name_key", "archived", "name_key", "search_key"),
        Index("ix_psw_archived_status", "archived", "status", "name_key"),
        # One per sortable column, so sorting 100,000 rows walks an index instead of the table.
        Index("ix_psw_archived_known_as", "archived", "known_as", "name_key"),
        Index("ix_psw_archived_status_since", "archived", "status_since", "name_key"),
        Index("ix_psw_archived_role", "archived", "role", "name_key"),
        Index("ix_psw_archived_capacity", "archived", "capacity", "name_key"),
        Index("ix_psw_archived_updated_at", "archived", "updated_at"),
        Index("ix_psw_archived_area", "archived", "area_id", "name_key"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    known_as: Mapped[str] = mapped_column(String(200), default="")
    name_key: Mapped[str] = mapped_column(String(400))
    search_key: Mapped[str] = mapped_column(String(800))
    pronouns: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    role: Mapped[str] = mapped_column(String(20))
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(200), default="")
    emergency_name: Mapped[str] = mapped_column(String(200), default="")
    emergency_relationship: Mapped[str] = mapped_column(String(200), default="")
    emergency_phone: Mapped[str] = mapped_column(String(200), default="")
    hours_per_week: Mapped[float | None] = mapped_column(Float)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("list_item.id"), index=True)
    travel_miles: Mapped[int | None] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    status_since: Mapped[dt.date] = mapped_column(Date)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    anonymised_on: Mapped[dt.date | None] = mapped_column(Date)
    """Set when retention anonymised the record: only what trustees' figures count is left."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    area: Mapped[ListItemRow | None] = relationship(lazy="joined")
    contact_modes: Mapped[list[PswContactMode]] = relationship(
        cascade="all, delete-orphan", order_by="PswContactMode.rank"
    )
    lived_experience: Mapped[list[PswLivedExperience]] = relationship(
        cascade="all, delete-orphan", order_by="PswLivedExperience.id"
    )
    skills: Mapped[list[PswSkill]] = relationship(cascade="all, delete-orphan")
    interests: Mapped[list[PswInterest]] = relationship(cascade="all, delete-orphan")
    languages: Mapped[list[PswLanguage]] = relationship(cascade="all, delete-orphan")
    demographics: Mapped[list[PswDemographic]] = relationship(cascade="all, delete-orphan")
    availability: Mapped[list[PswAvailability]] = relationship(cascade="all, delete-orphan")
    history: Mapped[list[PswStatusChange]] = relationship(
        cascade="all, delete-orphan", order_by="PswStatusChange.id"
    )


class PswContactMode(Base):
    __tablename__ = "psw_contact_mode"
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    mode: Mapped[str] = mapped_column(String(40), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)


class PswLivedExperience(Base):
    __tablename__ = "psw_lived_experience"
    __table_args__ = (UniqueConstraint("psw_id", "item_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    use_for_matching: Mapped[bool] = mapped_column(Boolean, default=False)
    share_with_supported: Mapped[bool] = mapped_column(Boolean, default=False)


class PswSkill(Base):
    __tablename__ = "psw_skill"
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True, index=True)


class PswInterest(Base):
    __tablename__ = "psw_interest"
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True, index=True)


class PswLanguage(Base):
    __tablename__ = "psw_language"
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id"), primary_key=True, index=True)
    is_first: Mapped[bool] = mapped_column(Boolean, default=False)


class PswDemographic(Base):
    __tablename__ = "psw_demographic"
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), primary_key=True)
    question: Mapped[str] = mapped_column(String(40), primary_key=True)
    answer: Mapped[str] = mapped_column(String(200))
    may_use_for_matching: Mapped[bool] = mapped_column(Boolean, default=False)


class PswAvailability(Base):
    __tablename__ = "psw_availability"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_slot: Mapped[int] = mapped_column(Integer)
    end_slot: Mapped[int] = mapped_column(Integer)


class PswStatusChange(Base):
    __tablename__ = "psw_status_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey("psw.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(200), default="Coordinator")


def psw_display_name() -> ColumnElement[str]:
    """A PSW's name as lists show it: "known as" when given, else the full name (SQL)."""
    return func.coalesce(func.nullif(PswRowModel.known_as, ""), PswRowModel.full_name)


# Imported last so Base.metadata (and so Alembic and the migration tests) sees every table.
from peerdesk.storage import audit_models as _audit_models  # noqa: E402, F401
from peerdesk.storage import check_models as _check_models  # noqa: E402, F401
from peerdesk.storage import concern_models as _concern_models  # noqa: E402, F401
from peerdesk.storage import consent_models as _consent_models  # noqa: E402, F401
from peerdesk.storage import match_models as _match_models  # noqa: E402, F401
from peerdesk.storage import outcome_models as _outcome_models  # noqa: E402, F401
from peerdesk.storage import person_models as _person_models  # noqa: E402, F401
from peerdesk.storage import plan_models as _plan_models  # noqa: E402, F401
from peerdesk.storage import plan_version_models as _plan_version_models  # noqa: E402, F401
from peerdesk.storage import protection_models as _protection_models  # noqa: E402, F401
from peerdesk.storage import recruitment_models as _recruitment_models  # noqa: E402, F401
from peerdesk.storage import retention_models as _retention_models  # noqa: E402, F401
from peerdesk.storage import review_models as _review_models  # noqa: E402, F401
from peerdesk.storage import rights_models as _rights_models  # noqa: E402, F401
from peerdesk.storage import supervision_due_models as _supervision_due_models  # noqa: E402, F401
from peerdesk.storage import supervision_models as _supervision_models  # noqa: E402, F401
from peerdesk.storage import team_models as _team_models  # noqa: E402, F401
from peerdesk.storage import user_models as _user_models  # noqa: E402, F401
