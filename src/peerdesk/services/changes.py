"""What a service call changed, so screens refresh just what they show."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.domain.contacts import MatchId
from peerdesk.domain.ids import PersonId, PswId


@dataclass(frozen=True)
class Changes:
    """Returned by every service call that writes."""

    psws: frozenset[PswId] = field(default_factory=frozenset)
    """PSW records whose content changed."""
    psw_membership: bool = False
    """PSWs were added, removed, archived or restored: lists must re-query, not just repaint."""
    lists: bool = False
    """An editable list (lived experience, skills, areas …) changed."""
    settings: bool = False
    checks: frozenset[PswId] = field(default_factory=frozenset)
    """PSWs whose checks, induction or training (and so readiness and due dates) changed."""
    policies: bool = False
    """Requirement policies, training topics or courses, or the induction template changed:
    anyone's readiness and due dates may have moved."""
    recruitment: frozenset[PswId] = field(default_factory=frozenset)
    """PSWs whose application support, interviews or leaving outcomes changed."""
    people: frozenset[PersonId] = field(default_factory=frozenset)
    """Supported people whose record, status or place on the waiting list changed."""
    matches: frozenset[MatchId] = field(default_factory=frozenset)
    """Matches that took a step or had a contact logged (PSWs' places left may have moved)."""
    teams: bool = False
    """A team was added or renamed, or someone joined or left one."""
    outcomes: bool = False
    """Outcome measures were edited or a score recorded."""
    plans: bool = False
    """A wellbeing or "telling my story safely" plan was saved as a new version."""
    supervision: bool = False
    """A supervision session, action, addendum or the frequency policy changed."""
    concerns: bool = False
    """A safeguarding concern was raised, followed up, closed or reopened."""
    reviews: bool = False
    """An annual review, a goal or its progress, or the competence framework changed."""

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            psws=self.psws | other.psws,
            psw_membership=self.psw_membership or other.psw_membership,
            lists=self.lists or other.lists,
            settings=self.settings or other.settings,
            checks=self.checks | other.checks,
            policies=self.policies or other.policies,
            recruitment=self.recruitment | other.recruitment,
            people=self.people | other.people,
            matches=self.matches | other.matches,
            teams=self.teams or other.teams,
            outcomes=self.outcomes or other.outcomes,
            supervision=self.supervision or other.supervision,
            plans=self.plans or other.plans,
            concerns=self.concerns or other.concerns,
            reviews=self.reviews or other.reviews,
        )

    @property
    def empty(self) -> bool:
        return not (
            self.psws
            or self.psw_membership
            or self.lists
            or self.settings
            or self.checks
            or self.policies
            or self.recruitment
            or self.people
            or self.matches
            or self.teams
            or self.outcomes
            or self.supervision
            or self.plans
            or self.concerns
            or self.reviews
        )
