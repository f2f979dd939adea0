"""Teams of peers: add and rename them, record who joined and left, and say what each lacks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.roles import Role
from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.team_records import (
    MembershipId,
    Team,
    TeamId,
    check_members,
    joining_problems,
    leaving_problems,
    team_name_problems,
)
from peerdesk.domain.teams import team_problems
from peerdesk.domain.text import tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.role_guard import Owned, require_sees_record
from peerdesk.storage import list_items, team_store
from peerdesk.storage.workspace import Tx, Workspace

PROTECTED_NAME = "a peer whose record is protected"
"""How the team page names a member the viewer may not see."""

_CHANGED = Changes(teams=True)


class TeamService:
    """Each method that writes is one transaction and returns the team and what changed."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def teams(self, viewer: Viewer | None = None) -> list[Team]:
        """Every team in name order; members ``viewer`` may not see are left out. A supervisor
        sees only teams with one of theirs in; a trustee none."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            teams = team_store.all_teams(s)
            shown = team_store.visible(s, (m.psw_id for t in teams for m in t.members), viewer)
        found = [_only(team, shown) for team in teams]
        if viewer.role is Role.COORDINATOR:
            return found
        return [team for team in found if team.members]

    def get(self, team_id: TeamId) -> Team:
        with self._ws.reading() as s:
            return team_store.load(s, team_id)

    def teams_of(self, psw_id: PswId) -> list[Team]:
        """Teams the PSW has ever been in (see each membership's dates), in name order."""
        with self._ws.reading() as s:
            return team_store.teams_of(s, psw_id)

    def create(self, name: str, area_id: TaxonomyItemId | None = None) -> tuple[Team, Changes]:
        name = tidy_line(name)
        with self._ws.transaction() as s:
            self._check_team(s, name, area_id)
            team = team_store.insert(s, name, area_id, now=self._clock.now())
        return team, _CHANGED

    def update(
        self, team_id: TeamId, name: str, area_id: TaxonomyItemId | None
    ) -> tuple[Team, Changes]:
        """Rename the team and set (or clear) its area."""
        name = tidy_line(name)
        with self._ws.transaction() as s:
            self._check_team(s, name, area_id)
            team = team_store.update(s, team_id, name, area_id)
        return team, _CHANGED

    def joining_problems(self, team_id: TeamId, psw_id: PswId, joined_on: dt.date) -> list[Problem]:
        """What would stop the PSW joining on that date (for a dialog as the user types)."""
        with self._ws.reading() as s:
            team = team_store.load(s, team_id)
        return joining_problems(team, psw_id, joined_on, today=self._clock.today())

    def add_member(
        self, team_id: TeamId, psw_id: PswId, *, joined_on: dt.date | None = None
    ) -> tuple[Team, Changes]:
        """The PSW joins the team (today by default): not in the future, not twice at once."""
        joined_on = joined_on or self._clock.today()
        with self._ws.transaction() as s:
            team = team_store.load(s, team_id)
            problems = joining_problems(team, psw_id, joined_on, today=self._clock.today())
            if problems:
                raise ValidationFailed(problems)
            team = team_store.add_member(s, team_id, psw_id, joined_on)
        return team, _CHANGED

    def leaving_problems(self, membership_id: MembershipId, left_on: dt.date) -> list[Problem]:
        require_sees_record(self._ws, self._viewer, Owned.MEMBERSHIP, membership_id)
        with self._ws.reading() as s:
            membership = team_store.membership(s, membership_id)
        return leaving_problems(membership, left_on, today=self._clock.today())

    def end_membership(
        self, membership_id: MembershipId, *, left_on: dt.date | None = None
    ) -> tuple[Team, Changes]:
        """The member leaves (today by default): not in the future, nor before they joined."""
        require_sees_record(self._ws, self._viewer, Owned.MEMBERSHIP, membership_id)
        left_on = left_on or self._clock.today()
        with self._ws.transaction() as s:
            membership = team_store.membership(s, membership_id)
            problems = leaving_problems(membership, left_on, today=self._clock.today())
            if problems:
                raise ValidationFailed(problems)
            team = team_store.end_membership(s, membership_id, left_on)
        return team, _CHANGED

    def problems_by_team(self, viewer: Viewer | None = None) -> dict[TeamId, list[str]]:
        """Each team's failures of the team check in words (an empty list when it is fine).

        Members are today's: active means journey status active and not archived. A member
        ``viewer`` may not see still counts but is not named.
        """
        viewer = viewer or self._viewer
        today = self._clock.today()
        with self._ws.reading() as s:
            teams = team_store.all_teams(s)
            ids = {m.psw_id for t in teams for m in t.current_members(today)}
            peers = team_store.peer_states(s, ids)
            shown = team_store.visible(s, ids, viewer)
        named = {
            psw_id: peer if psw_id in shown else replace(peer, name=PROTECTED_NAME)
            for psw_id, peer in peers.items()
        }
        return {
            team.id: team_problems(team.name, check_members(team, named, today=today))
            for team in teams
        }

    def _check_team(self, s: Tx, name: str, area_id: TaxonomyItemId | None) -> None:
        problems = team_name_problems(name)
        if area_id is not None and list_items.get_row(s, area_id).kind != ListKind.AREA.value:
            problems.append(Problem("area_id", "Choose the team's area from the Areas list."))
        if problems:
            raise ValidationFailed(problems)


def _only(team: Team, shown: set[PswId]) -> Team:
    members = tuple(m for m in team.members if m.psw_id in shown)
    return (
        team
        if members == team.members
        else Team(team.id, team.name, team.area_id, team.area, members)
    )
