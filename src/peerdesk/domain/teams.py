"""Teams of peers: the check that no one works alone (DOMAIN.md, "Matching"; issue 5 part 9)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import NamedTuple

from peerdesk.domain.availability import Availability

MIN_ACTIVE_MEMBERS = 2
"""A team needs at least this many active PSWs."""
MIN_SHARED_HOURS = 2.0
"""At least one pair of active members must share this many hours a week."""


class TeamMember(NamedTuple):
    """One member as the check sees them; a plain ``(name, active, availability)`` tuple works."""

    name: str
    active: bool
    availability: Availability


def team_problems(
    team_name: str, members: Iterable[TeamMember | tuple[str, bool, Availability]]
) -> list[str]:
    """What stops ``team_name`` meeting the rule, in plain words; empty when it is fine.

    The rule: at least two active members, and at least one pair of them sharing 2+ hours a
    week. Inactive members are ignored. When no pair shares enough, every pair of active
    members is named, in the order the members came, so the coordinator sees what to change.
    """
    team = team_name.strip() or "Unnamed team"
    active = [TeamMember(*m) for m in members if m[1]]
    if not active:
        return [f"{team}: no active peers"]
    if len(active) < MIN_ACTIVE_MEMBERS:
        return [f"{team}: only one active peer ({_name(active[0])})"]
    pairs = [
        (a, b, a.availability.shared_hours(b.availability)) for a, b in combinations(active, 2)
    ]
    if any(hours >= MIN_SHARED_HOURS for _, _, hours in pairs):
        return []
    return [f"{team}: {_name(a)} and {_name(b)} {_shares(hours)}" for a, b, hours in pairs]


def _name(member: TeamMember) -> str:
    return member.name.strip() or "(no name)"


def _shares(hours: float) -> str:
    if hours <= 0:
        return "share no hours"
    if hours == 0.5:
        return "share only half an hour a week"
    if hours == 1:
        return "share only 1 hour a week"
    return f"share only {hours:g} hours a week"
