"""Occupational health referrals and reasonable adjustments, read back as records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.domain.check_records import (
    Adjustment,
    AdjustmentDetails,
    AdjustmentId,
    AdjustmentStatus,
    OhDetails,
    OhReferral,
    OhReferralId,
)
from peerdesk.domain.evidence import OhOutcome
from peerdesk.domain.ids import PswId
from peerdesk.storage.check_models import AdjustmentRow, OhReferralRow
from peerdesk.storage.lookup import require


def read_referral(row: OhReferralRow) -> OhReferral:
    return OhReferral(
        id=OhReferralId(row.id),
        psw_id=PswId(row.psw_id),
        details=OhDetails(
            referred_on=row.referred_on,
            outcome=None if row.outcome is None else OhOutcome(row.outcome),
            outcome_on=row.outcome_on,
        ),
    )


def referrals_for(s: Session, psw_id: PswId) -> list[OhReferral]:
    rows = s.scalars(
        select(OhReferralRow)
        .where(OhReferralRow.psw_id == psw_id)
        .order_by(OhReferralRow.referred_on.desc(), OhReferralRow.id.desc())
    )
    return [read_referral(r) for r in rows]


def save_referral(
    s: Session, details: OhDetails, *, psw_id: PswId | None = None, referral_id: int | None = None
) -> OhReferral:
    """Insert for ``psw_id`` or overwrite ``referral_id``."""
    if referral_id is None:
        row = OhReferralRow(psw_id=psw_id)
        s.add(row)
    else:
        row = require(s, OhReferralRow, referral_id, "occupational health referral")
    row.referred_on = details.referred_on
    row.outcome = None if details.outcome is None else details.outcome.value
    row.outcome_on = details.outcome_on
    s.flush()
    return read_referral(row)


def delete_referral(s: Session, referral_id: OhReferralId) -> PswId:
    row = require(s, OhReferralRow, referral_id, "occupational health referral")
    s.delete(row)
    s.flush()
    return PswId(row.psw_id)


def read_adjustment(row: AdjustmentRow) -> Adjustment:
    return Adjustment(
        id=AdjustmentId(row.id),
        psw_id=PswId(row.psw_id),
        details=AdjustmentDetails(
            category=row.category,
            what=row.what,
            agreed_on=row.agreed_on,
            agreed_by=row.agreed_by,
            status=AdjustmentStatus(row.status),
            review_on=row.review_on,
        ),
    )


def adjustments_for(s: Session, psw_id: PswId) -> list[Adjustment]:
    rows = s.scalars(
        select(AdjustmentRow).where(AdjustmentRow.psw_id == psw_id).order_by(AdjustmentRow.id)
    )
    return [read_adjustment(r) for r in rows]


def save_adjustment(
    s: Session,
    details: AdjustmentDetails,
    *,
    psw_id: PswId | None = None,
    adjustment_id: int | None = None,
) -> Adjustment:
    """Insert for ``psw_id`` or overwrite ``adjustment_id``."""
    if adjustment_id is None:
        row = AdjustmentRow(psw_id=psw_id)
        s.add(row)
    else:
        row = require(s, AdjustmentRow, adjustment_id, "adjustment")
    row.category = details.category
    row.what = details.what
    row.agreed_on = details.agreed_on
    row.agreed_by = details.agreed_by
    row.status = details.status.value
    row.review_on = details.review_on
    s.flush()
    return read_adjustment(row)
