"""Occupational health referrals (outcome only, no clinical detail) and reasonable adjustments."""

from __future__ import annotations

from peerdesk.domain.check_records import (
    Adjustment,
    AdjustmentDetails,
    AdjustmentId,
    OhDetails,
    OhReferral,
    OhReferralId,
)
from peerdesk.domain.check_rules import adjustment_problems, oh_problems, tidied_adjustment
from peerdesk.domain.ids import PswId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import recomputed, refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import health_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Workspace


class HealthService:
    """Each write is one transaction; OH writes also recompute the PSW's due dates."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def referrals(self, psw_id: PswId) -> list[OhReferral]:
        """Newest referral first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return health_store.referrals_for(s, psw_id)

    def add_referral(self, psw_id: PswId, details: OhDetails) -> tuple[OhReferral, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        refuse(oh_problems(details, today=self._clock.today()))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            made = health_store.save_referral(s, details, psw_id=psw_id)
            changes = recomputed(s, [psw_id], self._clock)
        return made, changes

    def update_referral(
        self, referral_id: OhReferralId, details: OhDetails
    ) -> tuple[OhReferral, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.REFERRAL, referral_id)
        refuse(oh_problems(details, today=self._clock.today()))
        with self._ws.transaction() as s:
            saved = health_store.save_referral(s, details, referral_id=referral_id)
            changes = recomputed(s, [saved.psw_id], self._clock)
        return saved, changes

    def remove_referral(self, referral_id: OhReferralId) -> Changes:
        require_sees_record(self._ws, self._viewer, Owned.REFERRAL, referral_id)
        with self._ws.transaction() as s:
            psw_id = health_store.delete_referral(s, referral_id)
            return recomputed(s, [psw_id], self._clock)

    def adjustments(self, psw_id: PswId) -> list[Adjustment]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return health_store.adjustments_for(s, psw_id)

    def add_adjustment(
        self, psw_id: PswId, details: AdjustmentDetails
    ) -> tuple[Adjustment, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = tidied_adjustment(details)
        refuse(adjustment_problems(clean, today=self._clock.today()))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            made = health_store.save_adjustment(s, clean, psw_id=psw_id)
        return made, Changes(checks=frozenset({psw_id}))

    def update_adjustment(
        self, adjustment_id: AdjustmentId, details: AdjustmentDetails
    ) -> tuple[Adjustment, Changes]:
        """Adjustments are never deleted: set the status to ended instead."""
        require_sees_record(self._ws, self._viewer, Owned.ADJUSTMENT, adjustment_id)
        clean = tidied_adjustment(details)
        refuse(adjustment_problems(clean, today=self._clock.today()))
        with self._ws.transaction() as s:
            saved = health_store.save_adjustment(s, clean, adjustment_id=adjustment_id)
        return saved, Changes(checks=frozenset({saved.psw_id}))
