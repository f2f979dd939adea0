"""The dialogs of Settings › Users: turn users on, add one, change a role, reset, pick PSWs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.roles import Role
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.domain.users import NAME_MAX, User
from peerdesk.domain.viewer import Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.user_service import UserService
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.item_checklist import ItemChecklist
from peerdesk.ui.passphrase_fields import NewPassphraseFields, deriving_key

ROLE_HELP = {
    Role.COORDINATOR: "Coordinator: everything, including users, settings and erasure.",
    Role.SUPERVISOR: "Supervisor: their own supervisees and those supervisees' notes only.",
    Role.TRUSTEE: "Trustee: the trustees' report's counts only; no one's record.",
}
NAME_HINT = "As written on supervision records;\nthe audit log names them this way too."


def role_box(current: Role = Role.SUPERVISOR) -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(role.label)
        box.setItemData(box.count() - 1, ROLE_HELP[role])
    box.setCurrentIndex(list(Role).index(current))
    return box


def chosen_role(box: QComboBox) -> Role:
    return list(Role)[max(box.currentIndex(), 0)]


def _name_edit(text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(NAME_MAX + 20)  # room to trim; the rule itself says what is too long
    return edit


class TurnOnDialog(CheckDialog):
    """Names the vault owner, who becomes the first coordinator with today's passphrase."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__("Turn on users", "&Turn on users", parent)
        self.users = users
        self.add_note(
            "You become the first coordinator, with the passphrase you use now. Then add "
            "supervisors and trustees, each with a passphrase of their own."
        )
        self.name = _name_edit()
        self.add_field("name", "Your &name:", self.name, hint=NAME_HINT)
        self.name.textEdited.connect(self.edited)
        self.finish_layout()

    def submit(self) -> Changes:
        return self.users.turn_on(self.name.text())[1]


class _WithPassphrase(CheckDialog):
    """A dialog ending in a new passphrase typed twice, with its rules and strength meter."""

    def add_passphrase(self) -> None:
        self.fields = NewPassphraseFields(self, show_label="Sho&w passphrases")
        self.fields.add_rows(self.form)
        self.fields.on_edited(self.edited)
        # the rules wrap; QFormLayout would size them as one line and clip them
        rules = self.fields.rules
        rules.setMinimumHeight(rules.fontMetrics().lineSpacing() * 4)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def local_problems(self) -> list[Problem]:
        return [Problem("passphrase", m) for m in self.fields.visible_problems()]

    def save(self) -> None:
        if self.fields.problems():  # also what is not visible yet (an empty repeat)
            self.show_problems([Problem("passphrase", m) for m in self.fields.problems()])
            self.fields.passphrase_edit.setFocus()
            return
        with deriving_key():
            super().save()


class AddUserDialog(_WithPassphrase):
    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__("Add user", "&Add user", parent)
        self.users = users
        self.name = _name_edit()
        self.add_field("name", "&Name:", self.name, hint=NAME_HINT)
        self.role = role_box()
        self.add_field("role", "&Role:", self.role)
        self.role.setAccessibleDescription(" ".join(ROLE_HELP.values()))
        self.add_passphrase()
        self.name.textEdited.connect(self.edited)
        self.finish_layout()
        self.name.setFocus()

    def submit(self) -> Changes:
        role = chosen_role(self.role)
        return self.users.add_user(self.name.text(), role, self.fields.passphrase())[1]


class ResetPassphraseDialog(_WithPassphrase):
    def __init__(self, users: UserService, user: User, parent: QWidget | None = None) -> None:
        super().__init__(f"Reset {user.name}'s passphrase", "&Reset passphrase", parent)
        self.users = users
        self.user = user
        self.add_note(
            f"Give {user.name} a new passphrase when they have forgotten theirs. Only their "
            "passphrase changes; tell them it in person."
        )
        self.add_passphrase()
        self.finish_layout()
        self.fields.passphrase_edit.setFocus()

    def submit(self) -> Changes:
        return self.users.reset_passphrase(self.user.id, self.fields.passphrase())


class ChangeRoleDialog(CheckDialog):
    def __init__(self, users: UserService, user: User, parent: QWidget | None = None) -> None:
        super().__init__(f"Change {user.name}'s role", "&Change role", parent)
        self.users = users
        self.user = user
        self.role = role_box(user.role)
        self.add_field("role", "&Role:", self.role, hint="\n".join(ROLE_HELP.values()))
        self.finish_layout()
        self.role.setFocus()

    def submit(self) -> Changes:
        return self.users.change_role(self.user.id, chosen_role(self.role))[1]


class PickPswsDialog(CheckDialog):
    """Tick the PSWs a user supervises, or the protected PSWs they are named on."""

    def __init__(
        self,
        users: UserService,
        user: User,
        *,
        protected: bool,
        viewer: Viewer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``viewer``: the window's, whose "Show protected" decides whether protected PSWs are
        listed by name or by reference."""
        what = "Named on protected records" if protected else "Supervisees"
        super().__init__(f"{what}: {user.name}", "&Save", parent)
        self.users = users
        self.user = user
        self.protected = protected
        if protected:
            self.add_note(
                f"{user.name} will see the ticked protected records as a coordinator does."
            )
        else:
            self.add_note(f"As a supervisor, {user.name} sees only the PSWs ticked here.")
        self.checklist = ItemChecklist("protected PSWs" if protected else "PSWs")
        self.checklist.set_items(_items(users.psw_choices(protected=protected, viewer=viewer)))
        self.checklist.set_value(
            TaxonomyItemId(i) for i in (user.named if protected else user.supervisees)
        )
        self.add_field("psws", "&PSWs:", self.checklist)
        self.finish_layout()
        self.checklist.setFocus()

    def submit(self) -> Changes:
        chosen = [int(i) for i in self.checklist.value()]
        if self.protected:
            return self.users.set_named(self.user.id, chosen)[1]
        return self.users.set_supervisees(self.user.id, chosen)[1]


def _items(choices: Sequence[tuple[int, str]]) -> list[ListItem]:
    # ItemChecklist ticks ids and shows names; the list kind is not used by it.
    return [ListItem(TaxonomyItemId(i), ListKind.INTEREST, name) for i, name in choices]
