"""Typed models of checks: references, DBS, OH, adjustments, induction, training, policies."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from peerdesk.storage.models import Base

_PSW = "psw.id"


class ReferenceRow(Base):
    """A reference for a PSW (``position`` numbers them in request order, from 1)."""

    __tablename__ = "psw_reference"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    referee: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    requested_on: Mapped[dt.date] = mapped_column(Date)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    satisfactory: Mapped[bool | None] = mapped_column(Boolean)
    concerns_followed_up: Mapped[str] = mapped_column(Text, default="")
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    chasers: Mapped[list[ReferenceChaser]] = relationship(
        cascade="all, delete-orphan", order_by="ReferenceChaser.chased_on"
    )


class ReferenceChaser(Base):
    __tablename__ = "reference_chaser"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference_id: Mapped[int] = mapped_column(
        ForeignKey("psw_reference.id", ondelete="CASCADE"), index=True
    )
    chased_on: Mapped[dt.date] = mapped_column(Date)


class DbsCheckRow(Base):
    """DBS / PVG / AccessNI metadata. The certificate is seen and handed back, never stored."""

    __tablename__ = "dbs_check"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    scheme: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20))
    certificate_number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    update_service: Mapped[bool] = mapped_column(Boolean, default=False)
    seen_by: Mapped[str] = mapped_column(String(200), default="")
    seen_on: Mapped[dt.date | None] = mapped_column(Date)
    disclosure: Mapped[bool] = mapped_column(Boolean, default=False)
    disclosure_note: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str | None] = mapped_column(String(40))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    status_checks: Mapped[list[DbsStatusCheck]] = relationship(
        cascade="all, delete-orphan", order_by="DbsStatusCheck.checked_on"
    )
    risk_assessments: Mapped[list[DbsRiskAssessment]] = relationship(
        cascade="all, delete-orphan", order_by="DbsRiskAssessment.assessed_on"
    )


class DbsStatusCheck(Base):
    __tablename__ = "dbs_status_check"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dbs_id: Mapped[int] = mapped_column(ForeignKey("dbs_check.id", ondelete="CASCADE"), index=True)
    checked_on: Mapped[dt.date] = mapped_column(Date)
    clean: Mapped[bool] = mapped_column(Boolean)


class DbsRiskAssessment(Base):
    __tablename__ = "dbs_risk_assessment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dbs_id: Mapped[int] = mapped_column(ForeignKey("dbs_check.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    panel: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(Text)


class OhReferralRow(Base):
    __tablename__ = "oh_referral"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    referred_on: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(40))
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)


class AdjustmentRow(Base):
    __tablename__ = "psw_adjustment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text)
    agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    agreed_by: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))
    review_on: Mapped[dt.date | None] = mapped_column(Date, index=True)


class InductionTemplateRow(Base):
    """The editable template new inductions are copied from."""

    __tablename__ = "induction_template_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)


class InductionRow(Base):
    """One per PSW whose induction has started: the named mentor or buddy."""

    __tablename__ = "psw_induction"
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), primary_key=True)
    mentor: Mapped[str] = mapped_column(String(200), default="")


class InductionItemRow(Base):
    __tablename__ = "induction_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmed_by: Mapped[str] = mapped_column(String(200), default="")


class TrainingTopicRow(Base):
    __tablename__ = "training_topic"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class TrainingCourseRow(Base):
    __tablename__ = "training_course"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    topic_id: Mapped[int] = mapped_column(ForeignKey("training_topic.id"), index=True)
    provider: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[float | None] = mapped_column(Float)
    validity_months: Mapped[int | None] = mapped_column(Integer)
    topic: Mapped[TrainingTopicRow] = relationship(lazy="joined")


class TrainingRecordRow(Base):
    __tablename__ = "training_record"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("training_course.id"), index=True)
    done_on: Mapped[dt.date] = mapped_column(Date)


class TrainingNeedRow(Base):
    __tablename__ = "training_need"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("training_topic.id"), index=True)
    source: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20))


class RequirementPolicyRow(Base):
    """An editable requirement (the domain ``Policy``); ``position`` is the order refusals use."""

    __tablename__ = "requirement_policy"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    dbs_level: Mapped[str | None] = mapped_column(String(20))
    references_needed: Mapped[int] = mapped_column(Integer, default=2)
    topic: Mapped[str | None] = mapped_column(String(200))
    applies: Mapped[str] = mapped_column(String(20))
    validity_months: Mapped[int | None] = mapped_column(Integer)
    window_days: Mapped[int] = mapped_column(Integer, default=0)
    grace_days: Mapped[int] = mapped_column(Integer, default=0)


class RequirementDueRow(Base):
    """Derived: each requirement's due date, recomputed whenever its evidence or a policy changes.

    ``next_due`` never depends on today, so it is exact; the dashboard selects candidates by it
    in SQL and runs ``evaluate()`` only on them. ``status`` is as evaluated on ``computed_on``:
    exact for rows with no due date (missing, in progress, never-expiring), a hint otherwise.
    """

    __tablename__ = "requirement_due"
    __table_args__ = (Index("ix_requirement_due_next_due", "next_due", "psw_id"),)
    psw_id: Mapped[int] = mapped_column(ForeignKey(_PSW, ondelete="CASCADE"), primary_key=True)
    policy_id: Mapped[int] = mapped_column(
        ForeignKey("requirement_policy.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    next_due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    computed_on: Mapped[dt.date] = mapped_column(Date)
