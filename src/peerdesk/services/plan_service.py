"""Wellbeing and "telling my story safely" plans: each save a new version, compared word by word."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.check_records import AdjustmentDetails
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId
from peerdesk.domain.plan_diff import PlanComparison, compare
from peerdesk.domain.plans import (
    PlanDraft,
    PlanKind,
    PlanVersion,
    blank_draft,
    draft_problems,
    tidied,
    with_adjustments,
)
from peerdesk.domain.story_conflicts import StoryConflict, story_conflicts
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.services.role_guard import require_sees_psw
from peerdesk.storage import health_store, plan_store, settings_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Tx, Workspace


@dataclass(frozen=True)
class PlanSaved:
    """What a save did: ``created`` False means nothing changed and ``version`` was kept."""

    version: PlanVersion
    created: bool

    @property
    def message(self) -> str:
        if self.created:
            return f"Saved as version {self.version.number}."
        return f"No change: version {self.version.number} kept"


class PlanService:
    """Plans are never edited: a save that changes anything appends a numbered version."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def latest(self, psw_id: PswId, kind: PlanKind) -> PlanVersion | None:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return plan_store.latest(s, psw_id, kind)

    def versions(self, psw_id: PswId, kind: PlanKind) -> list[PlanVersion]:
        """Newest first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return plan_store.versions(s, psw_id, kind)

    def version(self, psw_id: PswId, kind: PlanKind, number: int) -> PlanVersion:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return _require(s, psw_id, kind, number)

    def draft(self, psw_id: PswId, kind: PlanKind) -> PlanDraft:
        """What an editor starts from: the latest version (or blank sections), with a wellbeing
        plan's adjustments as the Checks tab has them now (what saving would copy)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            found = plan_store.latest(s, psw_id, kind)
            start = tidied(found.draft if found else blank_draft(kind))
            return with_adjustments(start, _adjustments(s, psw_id))

    def save(self, psw_id: PswId, draft: PlanDraft) -> tuple[PlanSaved, Changes]:
        """Save ``draft`` as the next version, in one transaction; a wellbeing plan gets the
        adjustments list copied in. Identical to the latest version: none is made, and the
        result says "No change: version N kept". Refused (ValidationFailed) with problems."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        clean = tidied(draft)
        refuse(draft_problems(clean, today=self._clock.today()))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            clean = with_adjustments(clean, _adjustments(s, psw_id))
            found = plan_store.latest(s, psw_id, clean.kind)
            if found is not None and found.draft == clean:
                return PlanSaved(found, created=False), Changes()
            made = plan_store.insert(
                s,
                psw_id,
                clean,
                number=1 if found is None else found.number + 1,
                recorded_at=self._clock.now(),
                recorded_by=recorder_from(settings_store.read_all(s)),
            )
        return PlanSaved(made, created=True), Changes(plans=True)

    def compare(self, psw_id: PswId, kind: PlanKind, first: int, second: int) -> PlanComparison:
        """Versions ``first`` and ``second`` side by side, the lower number as the older."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return compare(_require(s, psw_id, kind, first), _require(s, psw_id, kind, second))

    def conflicts(self, psw_id: PswId) -> list[StoryConflict]:
        """Story items (latest version) shared with people supported without that consent."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            found = plan_store.latest(s, psw_id, PlanKind.STORY)
            if found is None:
                return []
            linked = sorted(
                {
                    i.experience_id
                    for section in found.draft.sections
                    for i in section.items
                    if i.experience_id is not None
                }
            )
            return story_conflicts(
                found.draft,
                plan_store.sharing_consents(s, psw_id, linked),
                plan_store.item_names(s, linked),
            )


def _adjustments(s: Tx, psw_id: PswId) -> list[AdjustmentDetails]:
    return [a.details for a in health_store.adjustments_for(s, psw_id)]


def _require(s: Tx, psw_id: PswId, kind: PlanKind, number: int) -> PlanVersion:
    found = plan_store.version(s, psw_id, kind, number)
    if found is None:
        raise NotFound(f"Version {number} of this {kind.label.lower()} is not in the vault.")
    return found
