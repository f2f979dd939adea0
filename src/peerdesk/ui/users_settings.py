"""Settings › Users: optional users, each with their own passphrase and a role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from peerdesk.domain.roles import ROLES_STOP_MISTAKES
from peerdesk.domain.users import User
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog, RecordsView, RowsModel, button, button_row
from peerdesk.ui.settings_parts import SettingsSection, note
from peerdesk.ui.user_dialogs import (
    AddUserDialog,
    ChangeRoleDialog,
    PickPswsDialog,
    ResetPassphraseDialog,
    TurnOnDialog,
)
from peerdesk.ui.viewer_state import current_viewer

OPTIONAL = (
    "Users are optional. Without them there is one passphrase and whoever types it is the "
    "coordinator. Turn them on to give supervisors and trustees passphrases of their own: a "
    "supervisor then sees only their supervisees and a trustee only the trustees' report."
)
COLUMNS = ("Name", "Role", "Active", "Supervisees")


class RemoveUserDialog(CheckDialog):
    def __init__(self, section: UsersSection, user: User) -> None:
        super().__init__(f"Remove {user.name}", "Re&move user", section)
        self.section = section
        self.user = user
        self.add_note(
            f"{user.name}'s passphrase will no longer open PeerDesk. Their name stays in the "
            "audit log, so what they did can still be read."
        )
        self.finish_layout()

    def submit(self) -> Changes:
        return self.section.services.users.remove(self.user.id)


class UsersSection(SettingsSection):
    """Without users: why they are optional and "Turn on users…". With users: the table and
    one button per change, each opening a dialog that saves through the user service."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.users: list[User] = []
        self.warning = QLabel(f"<b>Important:</b> {ROLES_STOP_MISTAKES}")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.RichText)
        self.warning.setAccessibleName("Important")
        self.warning.setAccessibleDescription(ROLES_STOP_MISTAKES)
        boxed = QFrame(self)  # a box and bold, not colour, make it stand out
        boxed.setFrameShape(QFrame.Shape.Box)
        QVBoxLayout(boxed).addWidget(self.warning)
        self.column.addWidget(boxed)

        self.off = QWidget(self)
        self.turn_on_button = button("Turn on &users…", "Turn on users")
        self.turn_on_button.clicked.connect(self.turn_on)
        off = QVBoxLayout(self.off)
        off.setContentsMargins(0, 0, 0, 0)
        self.optional = note(OPTIONAL)
        off.addWidget(self.optional)
        off.addWidget(button_row([self.turn_on_button]))

        self.on = QWidget(self)
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, "Users", on_open=self.change_role)
        self.add_button = button("&Add user…", "Add user")
        self.role_button = button("Change r&ole…", "Change role")
        self.reset_button = button("&Reset passphrase…", "Reset passphrase")
        self.supervisees_button = button("S&upervisees…", "Supervisees")
        self.named_button = button("&Named on protected records…", "Named on protected records")
        self.remove_button = button("Re&move…", "Remove user")
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_passphrase)
        self.supervisees_button.clicked.connect(lambda: self.pick(protected=False))
        self.named_button.clicked.connect(lambda: self.pick(protected=True))
        self.remove_button.clicked.connect(self.remove)
        self.for_one = (
            self.role_button,
            self.reset_button,
            self.supervisees_button,
            self.named_button,
            self.remove_button,
        )
        on = QVBoxLayout(self.on)
        on.setContentsMargins(0, 0, 0, 0)
        on.addWidget(self.table, 1)
        on.addWidget(button_row([self.add_button, *self.for_one]))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.column.addWidget(self.off)
        self.column.addWidget(self.on, 1)
        self.spare = self.column.count()
        self.column.addStretch(1)  # the spare height while the table is hidden
        self.finish(stretch=False)
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings or changes.psw_membership

    def refresh(self) -> None:
        chosen = self.selected()
        self.users = self.services.users.list()
        self.off.setVisible(not self.users)
        self.on.setVisible(bool(self.users))
        self.column.setStretch(self.spare, 0 if self.users else 1)
        self.model.set_rows([_row(user) for user in self.users])
        ids = [user.id for user in self.users]
        self.table.select_row(ids.index(chosen.id) if chosen and chosen.id in ids else None)
        self._selection_changed()

    def selected(self) -> User | None:
        row = self.table.selected_row()
        return self.users[row] if row is not None and row < len(self.users) else None

    def _selection_changed(self, *_args: object) -> None:
        user = self.selected()
        for made in self.for_one:
            made.setEnabled(user is not None and user.active)

    def turn_on(self) -> None:
        self.open_dialog(TurnOnDialog(self.services.users, self), lambda: "Users are turned on.")

    def add_user(self) -> None:
        dialog = AddUserDialog(self.services.users, self)
        self.open_dialog(dialog, lambda: f"{dialog.name.text().strip()} can now unlock PeerDesk.")

    def change_role(self) -> None:
        user = self._chosen()
        if user is not None:
            dialog = ChangeRoleDialog(self.services.users, user, self)
            self.open_dialog(dialog, lambda: f"{user.name}'s role changed.")

    def reset_passphrase(self) -> None:
        user = self._chosen()
        if user is not None:
            dialog = ResetPassphraseDialog(self.services.users, user, self)
            self.open_dialog(dialog, lambda: f"{user.name} has a new passphrase.")

    def pick(self, *, protected: bool) -> None:
        user = self._chosen()
        if user is not None:
            dialog = PickPswsDialog(
                self.services.users, user, protected=protected, viewer=self._viewer(), parent=self
            )
            self.open_dialog(dialog, lambda: f"Saved for {user.name}.")

    def remove(self) -> None:
        user = self._chosen()
        if user is not None:
            self.open_dialog(RemoveUserDialog(self, user), lambda: f"{user.name} was removed.")

    def _viewer(self) -> Viewer:
        """The window's viewer (its "Show protected" state), else the services' own."""
        return current_viewer(self, self.services.viewer)

    def _chosen(self) -> User | None:
        user = self.selected()
        return user if user is not None and user.active else None


def _row(user: User) -> list[str]:
    count = len(user.supervisees)
    supervisees = "" if count == 0 else f"{count} PSW" + ("" if count == 1 else "s")
    return [user.name, user.role.label, "Yes" if user.active else "No (removed)", supervisees]
