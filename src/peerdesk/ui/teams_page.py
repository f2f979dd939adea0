"""The Teams page: teams of peers, what each lacks in words, and who joined and left them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.team_records import Team, TeamId, TeamMembership
from peerdesk.domain.teams import MIN_ACTIVE_MEMBERS, MIN_SHARED_HOURS
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import (
    CheckDialog,
    OpensDialogs,
    RecordsView,
    RowsModel,
    button,
    button_row,
    short_date,
)
from peerdesk.ui.form_fields import stacked
from peerdesk.ui.team_dialogs import AddMemberDialog, EndMembershipDialog, TeamDialog
from peerdesk.ui.viewer_state import ViewerState

INTRODUCTION = (
    f"Teams are optional. Each needs at least {MIN_ACTIVE_MEMBERS} active peer workers, two of "
    f"whom share at least {MIN_SHARED_HOURS:g} hours a week of availability, so no one works "
    "alone. Anything missing is said beside the team."
)
TEAM_FINE = "Fine: active peers share enough hours"
NO_TEAMS = "No teams yet. Add one with New team."


def member_count(team: Team, today: dt.date) -> str:
    return str(len(team.current_members(today)))


class TeamsPage(QWidget, OpensDialogs):
    """Teams on the left with their check in words; the selected team's members on the right."""

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        viewer_state: ViewerState | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.viewer_state = viewer_state
        """Whose members are named and offered (protected PSWs only with the right)."""
        self.teams: list[Team] = []
        self.problems: dict[TeamId, list[str]] = {}
        self.dialog: CheckDialog | None = None
        """The dialog open now (tests fill it in; it is window-modal but does not block)."""
        self.setAccessibleName("Teams")

        self.team_model = RowsModel(("Team", "Area", "Members", "Team check"), self)
        self.team_table = RecordsView(self.team_model, "Teams", on_open=self.rename_team)
        self.member_model = RowsModel(("Peer worker", "Joined", "Left"), self)
        self.member_table = RecordsView(self.member_model, "Members", on_open=self.end_membership)
        self.team_table.setWordWrap(True)
        self.team_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        for table in (self.team_table, self.member_table):
            # rows as tall as their (wrapped) text at any text size
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.team_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.new_button = button("&New team…", "New team")
        self.rename_button = button(
            "&Rename or change area…", "Rename or change area of the selected team"
        )
        self.add_member_button = button("Add &member…", "Add a member to the selected team")
        self.leave_button = button("Member &leaves…", "Record the selected member leaving the team")
        self.empty_note = QLabel(NO_TEAMS)
        self.members_heading = QLabel()
        self.members_heading.setWordWrap(True)
        self.members_heading.setBuddy(self.member_table)

        introduction = QLabel(INTRODUCTION)
        introduction.setWordWrap(True)
        teams_label = QLabel("&Teams:")
        teams_label.setBuddy(self.team_table)
        left = stacked(
            teams_label,
            self.team_table,
            self.empty_note,
            button_row([self.new_button, self.rename_button]),
        )
        right = stacked(
            self.members_heading,
            self.member_table,
            button_row([self.add_member_button, self.leave_button]),
        )
        columns = QHBoxLayout()
        columns.addWidget(left, 3)
        columns.addWidget(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(introduction)
        layout.addLayout(columns, 1)

        self.new_button.clicked.connect(self.new_team)
        self.rename_button.clicked.connect(self.rename_team)
        self.add_member_button.clicked.connect(self.add_member)
        self.leave_button.clicked.connect(self.end_membership)
        self.team_table.selectionModel().selectionChanged.connect(self._show_members)
        self.member_table.selectionModel().selectionChanged.connect(self._enable)
        bus.changed.connect(self._on_changed)
        if viewer_state is not None:
            viewer_state.changed.connect(lambda _viewer: self.refresh())
        self.refresh()

    # Reading

    def refresh(self, keep: TeamId | None = None) -> None:
        """Re-read the teams and their check; keep ``keep`` (or the current team) selected."""
        keep = keep if keep is not None else self._team_id()
        today = self.services.clock.today()
        viewer = self.viewer()
        self.teams = self.services.teams.teams(viewer)
        self.problems = self.services.teams.problems_by_team(viewer)
        self.team_model.set_rows(
            [
                (
                    t.name,
                    t.area or "—",
                    member_count(t, today),
                    " ".join(self.problems.get(t.id, [])) or TEAM_FINE,
                )
                for t in self.teams
            ]
        )
        self.empty_note.setVisible(not self.teams)
        rows = [i for i, t in enumerate(self.teams) if t.id == keep]
        self.team_table.select_row(rows[0] if rows else (0 if self.teams else None))
        self._show_members()

    def viewer(self) -> Viewer:
        return COORDINATOR if self.viewer_state is None else self.viewer_state.viewer

    def selected_team(self) -> Team | None:
        row = self.team_table.selected_row()
        return None if row is None else self.teams[row]

    def selected_membership(self) -> TeamMembership | None:
        team, row = self.selected_team(), self.member_table.selected_row()
        return None if team is None or row is None else self._members(team)[row]

    def _team_id(self) -> TeamId | None:
        team = self.selected_team()
        return None if team is None else team.id

    @staticmethod
    def _members(team: Team) -> list[TeamMembership]:
        """Current members first (in joining order), then those who left, latest first."""
        current = [m for m in team.members if m.left_on is None]
        left = sorted(
            (m for m in team.members if m.left_on is not None),
            key=lambda m: m.left_on or m.joined_on,
            reverse=True,
        )
        return current + left

    def _show_members(self) -> None:
        team = self.selected_team()
        members = [] if team is None else self._members(team)
        self.member_model.set_rows(
            [
                (m.psw_name, short_date(m.joined_on), short_date(m.left_on, "still in"))
                for m in members
            ]
        )
        self.members_heading.setText(
            "Mem&bers:" if team is None else f"Mem&bers of {team.name.replace('&', '&&')}:"
        )
        self.member_table.select_row(0 if members else None)
        self._enable()

    def _enable(self) -> None:
        team = self.selected_team()
        membership = self.selected_membership()
        self.rename_button.setEnabled(team is not None)
        self.add_member_button.setEnabled(team is not None)
        self.leave_button.setEnabled(membership is not None and membership.left_on is None)

    # Actions

    def new_team(self) -> None:
        self._open(TeamDialog(self.services, parent=self))

    def rename_team(self) -> None:
        team = self.selected_team()
        if team is not None:
            self._open(TeamDialog(self.services, team=team, parent=self))

    def add_member(self) -> None:
        team = self.selected_team()
        if team is not None:
            dialog = AddMemberDialog(self.services, team=team, viewer=self.viewer(), parent=self)
            self._open(dialog)

    def end_membership(self) -> None:
        team, membership = self.selected_team(), self.selected_membership()
        if team is not None and membership is not None and membership.left_on is None:
            dialog = EndMembershipDialog(
                self.services, team=team, membership=membership, parent=self
            )
            self._open(dialog)

    def _open(self, dialog: CheckDialog) -> None:
        self.open_kept(dialog, lambda: self._saved(dialog))

    def _saved(self, dialog: CheckDialog) -> None:
        keep = self._team_id()
        if isinstance(dialog, TeamDialog) and dialog.saved is not None:
            keep = dialog.saved.id
        self.bus.publish(dialog.changes, self)
        self.refresh(keep)
        self.team_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, changes: Changes, origin: object) -> None:
        if origin is not self and (
            changes.teams or changes.psws or changes.psw_membership or changes.lists
        ):
            self.refresh()
