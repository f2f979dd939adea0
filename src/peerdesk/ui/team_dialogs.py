"""Dialogs of the Teams page: add or rename a team, add a member, record a member leaving."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.psw import PswQuery
from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.team_records import Team, TeamMembership, team_name_problems
from peerdesk.domain.text import tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import compact
from peerdesk.ui.peer_picker import PeerPicker

NO_AREA = "(no area)"
PICK_A_PEER = "Pick a peer worker from the list (type part of their name)."


class TeamDialog(FittedCheckDialog):
    """A new team (``team`` None) or a change to one's name and area."""

    def __init__(
        self, services: Services, *, team: Team | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "New team" if team is None else f"Change team: {team.name}",
            "&Add team" if team is None else "&Save team",
            parent,
        )
        self.services = services
        self.team = team
        self.saved: Team | None = None
        self.name = QLineEdit(team.name if team else "")
        self.name.setPlaceholderText("For example Riverside")
        self.area = compact(QComboBox())
        self.area.addItem(NO_AREA, None)
        for item in services.lists.items():
            if item.kind is ListKind.AREA and (
                not item.retired or (team and team.area_id == item.id)
            ):
                self.area.addItem(item.name, item.id)
        if team is not None and team.area_id is not None:
            self.area.setCurrentIndex(max(0, self.area.findData(team.area_id)))
        self.add_field("name", "Team &name", self.name)
        self.add_field("area_id", "A&rea", self.area)
        self.finish_layout()
        self.name.textChanged.connect(self.edited)
        self.name.setFocus()

    def local_problems(self) -> list[Problem]:
        return team_name_problems(tidy_line(self.name.text()))

    def submit(self) -> Changes:
        area = self.area.currentData()
        if self.team is None:
            self.saved, changes = self.services.teams.create(self.name.text(), area)
        else:
            self.saved, changes = self.services.teams.update(self.team.id, self.name.text(), area)
        return changes


class AddMemberDialog(FittedCheckDialog):
    """Picks a peer worker (not archived, and only those the coordinator may see) to join."""

    def __init__(
        self,
        services: Services,
        *,
        team: Team,
        viewer: Viewer = COORDINATOR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Add a member to {team.name}", "&Add member", parent)
        self.services = services
        self.team = team
        self.peer = PeerPicker()
        self.peer.set_peers(services.psws.rows(services.psws.find_ids(PswQuery(), viewer=viewer)))
        self.joined_on = DateField("joined_on", "joining", required=True)
        self.joined_on.set_value(services.clock.today())
        self.add_field(
            "psw_id",
            "&Peer worker",
            self.peer,
            hint="Type part of a name, then\npick them from the list.",
        )
        self.add_field("joined_on", "&Joined on", self.joined_on)
        self.finish_layout()
        self.joined_on.textChanged.connect(self.edited)
        self.peer.currentIndexChanged.connect(lambda _i: self.edited())
        self.peer.setFocus()

    def local_problems(self) -> list[Problem]:
        problems = self.joined_on.problems()
        if self.peer.chosen() is None:
            problems.append(Problem("psw_id", PICK_A_PEER))
        return problems

    def service_problems(self) -> list[Problem]:
        chosen, joined = self.peer.chosen(), self.joined_on.value()
        if chosen is None or joined is None:
            return []
        return self.services.teams.joining_problems(self.team.id, chosen, joined)

    def submit(self) -> Changes:
        chosen = self.peer.chosen()
        assert chosen is not None  # local_problems insists on one
        _, changes = self.services.teams.add_member(
            self.team.id, chosen, joined_on=self.joined_on.value()
        )
        return changes


class EndMembershipDialog(FittedCheckDialog):
    """Records the date a member left the team (today unless changed)."""

    def __init__(
        self,
        services: Services,
        *,
        team: Team,
        membership: TeamMembership,
        parent: QWidget | None = None,
    ) -> None:
        who = membership.psw_name or "This peer"
        super().__init__(f"{who} leaves {team.name}", "&Record leaving", parent)
        self.services = services
        self.membership = membership
        self.add_note(f"{who} stays on the team's list with the dates they were in it.")
        self.left_on = DateField("left_on", "leaving", required=True)
        self.left_on.set_value(services.clock.today())
        self.add_field("left_on", "&Left on", self.left_on)
        self.finish_layout()
        self.left_on.textChanged.connect(self.edited)
        self.left_on.setFocus()
        self.left_on.selectAll()

    def local_problems(self) -> list[Problem]:
        return self.left_on.problems()

    def service_problems(self) -> list[Problem]:
        left = self.left_on.value()
        if left is None:
            return []
        return self.services.teams.leaving_problems(self.membership.id, left)

    def submit(self) -> Changes:
        _, changes = self.services.teams.end_membership(
            self.membership.id, left_on=self.left_on.value()
        )
        return changes
