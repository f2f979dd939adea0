"""Requirement policies (edit, preview, remove) and the readiness gate built on them."""

from __future__ import annotations

from dataclasses import replace

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.requirement_policy import Policy, policy_problems
from peerdesk.domain.requirements import (
    Readiness,
    RequirementResult,
    RequirementStatus,
    evaluate,
)
from peerdesk.domain.roles import Action
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.role_guard import require_sees_psw
from peerdesk.storage import evidence_queries, policy_store
from peerdesk.storage.workspace import Workspace

_OVERDUE = (RequirementStatus.IN_GRACE, RequirementStatus.EXPIRED)


class PolicyService:
    """A policy change recomputes everyone's due dates in the same transaction."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def policies(self) -> list[Policy]:
        with self._ws.reading() as s:
            return policy_store.policies(s)

    def check(self, policy: Policy) -> list[Problem]:
        """Problems (blocking and warnings) the policy form shows as the user types."""
        return _problems(_tidied(policy))

    def preview_change(self, policy: Policy) -> int:
        """How many current PSWs this saved policy would newly make overdue.

        Counts PSWs not archived and not left whose requirement would be expired or in grace
        today under ``policy`` and is not now. For "This makes 14 PSWs overdue".
        """
        today = self._clock.today()
        with self._ws.reading() as s:
            old = {p.id: p for p in policy_store.policies(s)}.get(policy.id)
            evidence = evidence_queries.evidence_for_many(s, evidence_queries.current_ids(s))
        count = 0
        for ev in evidence.values():
            [after] = evaluate([policy], ev, today)
            if after.status not in _OVERDUE:
                continue
            if old is None or evaluate([old], ev, today)[0].status not in _OVERDUE:
                count += 1
        return count

    def save(self, policy: Policy) -> tuple[Policy, Changes]:
        """Add (id 0) or overwrite a policy, then recompute everyone's due dates."""
        self._viewer.require(Action.SETTINGS)
        clean = _tidied(policy)
        refuse(_problems(clean))
        with self._ws.transaction() as s:
            saved = policy_store.save(s, clean)
            evidence_queries.recompute_due(s, None, self._clock.today())
        return saved, Changes(policies=True)

    def remove(self, policy_id: int) -> Changes:
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            policy_store.delete(s, policy_id)
            evidence_queries.recompute_due(s, None, self._clock.today())
        return Changes(policies=True)

    def requirements(self, psw_id: PswId) -> list[RequirementResult]:
        """Each policy judged for the PSW today, in policy order."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return evidence_queries.results_for(s, psw_id, self._clock.today())

    def readiness(self, psw_id: PswId) -> Readiness:
        """The one gate for becoming active (also from paused) and for being matched."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return evidence_queries.readiness_for(s, psw_id, self._clock.today())[1]


def _tidied(policy: Policy) -> Policy:
    topic = None if policy.topic is None else tidy_line(policy.topic) or None
    return replace(policy, name=tidy_line(policy.name), topic=topic)


def _problems(policy: Policy) -> list[Problem]:
    found = policy_problems(policy)
    if len(policy.name) > SHORT_TEXT_MAX:
        found.append(Problem("name", f"The name can be at most {SHORT_TEXT_MAX} characters."))
    return found
