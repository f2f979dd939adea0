"""Teams of peers as records, with the rules on their names and membership dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NewType

from peerdesk.domain.availability import Availability
from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.teams import TeamMember
from peerdesk.domain.text import SHORT_TEXT_MAX, fold

TeamId = NewType("TeamId", int)
MembershipId = NewType("MembershipId", int)


@dataclass(frozen=True)
class TeamMembership:
    """One PSW's time in a team; ``left_on`` is None while they are still in it."""

    id: MembershipId
    team_id: TeamId
    psw_id: PswId
    psw_name: str
    joined_on: dt.date
    left_on: dt.date | None = None

    def current(self, today: dt.date) -> bool:
        """In the team today: they have not left (leaving today counts as gone)."""
        return self.left_on is None or self.left_on > today


@dataclass(frozen=True)
class Team:
    id: TeamId
    name: str
    area_id: TaxonomyItemId | None
    area: str
    members: tuple[TeamMembership, ...] = ()
    """Everyone who has been in the team, in the order they were added."""

    def current_members(self, today: dt.date) -> tuple[TeamMembership, ...]:
        return tuple(m for m in self.members if m.current(today))


@dataclass(frozen=True)
class PeerState:
    """What the team check needs of a PSW: a name to say, whether they are active, their week."""

    name: str
    active: bool
    availability: Availability


def team_name_problems(name: str) -> list[Problem]:
    """Problems with a (tidied) team name; the vault checks that it is not taken."""
    if not fold(name):
        return [Problem("name", "Give the team a name.")]
    if len(name) > SHORT_TEXT_MAX:
        return [Problem("name", f"Use at most {SHORT_TEXT_MAX} characters for the name.")]
    return []


def joining_problems(
    team: Team, psw_id: PswId, joined_on: dt.date, *, today: dt.date
) -> list[Problem]:
    """Joining may not be in the future, while still in the team, or before they last left."""
    if joined_on > today:
        return [Problem("joined_on", "The joining date cannot be in the future.")]
    theirs = [m for m in team.members if m.psw_id == psw_id]
    if any(m.left_on is None for m in theirs):
        name = theirs[0].psw_name or "This peer"
        return [Problem("psw_id", f"{name} is already in {team.name}.")]
    last_left = max((m.left_on for m in theirs if m.left_on is not None), default=None)
    if last_left is not None and joined_on < last_left:
        return [
            Problem(
                "joined_on",
                f"They left {team.name} on {format_date(last_left)}: "
                "rejoining cannot be before that.",
            )
        ]
    return []


def leaving_problems(
    membership: TeamMembership, left_on: dt.date, *, today: dt.date
) -> list[Problem]:
    """Leaving may not be in the future, before joining, or a second time."""
    if membership.left_on is not None:
        return [
            Problem(
                "left_on",
                f"{membership.psw_name} already left on {format_date(membership.left_on)}.",
            )
        ]
    if left_on > today:
        return [Problem("left_on", "The leaving date cannot be in the future.")]
    if left_on < membership.joined_on:
        return [
            Problem(
                "left_on",
                "The leaving date cannot be before they joined "
                f"({format_date(membership.joined_on)}).",
            )
        ]
    return []


def check_members(
    team: Team, peers: dict[PswId, PeerState], *, today: dt.date
) -> Sequence[TeamMember]:
    """The team's current members as the team check sees them, in the order they joined."""
    members = []
    for membership in team.current_members(today):
        peer = peers.get(membership.psw_id)
        if peer is not None:
            members.append(TeamMember(peer.name, peer.active, peer.availability))
    return members
