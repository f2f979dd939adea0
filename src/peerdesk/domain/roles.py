"""Roles and what each may do: the one table every service and screen asks.

Users and roles are optional. Without users there is one person, the coordinator, who may do
everything. With users, each unlocks with their own passphrase and gets a role:

* **coordinator**: everything;
* **supervisor**: their own supervisees and those supervisees' notes; no erasure, restore,
  bulk export, import, settings or users;
* **trustee**: counts only (the trustees' report); no one's record.

Roles stop mistakes, not insiders: everyone who can unlock the vault holds its data key, so a
determined user with the file and their passphrase could read everything with other tools.
"""

from __future__ import annotations

from enum import Enum

from peerdesk.domain.errors import PeerDeskError

ROLES_STOP_MISTAKES = (
    "Roles stop mistakes, not insiders: everyone who can unlock this vault holds its key, so a "
    "determined user could read everything with other tools. Give passphrases only to people "
    "you trust with all the records."
)


class Role(Enum):
    COORDINATOR = "coordinator"
    SUPERVISOR = "supervisor"
    TRUSTEE = "trustee"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Action(Enum):
    """Things a role may or may not do (seeing records is the visibility rule's job)."""

    SEE_PSWS = "see_psws"
    """Open peer support workers' records (a supervisor: only their supervisees)."""
    SEE_PEOPLE = "see_people"
    """Open supported people's records and matching."""
    ADD_PSWS = "add_psws"
    """Add new PSW records (applicants, enquiries)."""
    ERASE = "erase"
    """Retention review, erasure and anonymising."""
    RESTORE = "restore"
    """Replace the vault with a backup."""
    BACKUP = "backup"
    """Make a backup (same key, same data: harmless)."""
    BULK_EXPORT = "bulk_export"
    """Export whole tables, the audit log, or a subject access bundle."""
    IMPORT = "import"
    """Import volunteers from a spreadsheet."""
    SETTINGS = "settings"
    """Change the organisation's settings, lists and rules."""
    MANAGE_USERS = "manage_users"
    """Add users, change roles, reset passphrases."""
    RIGHTS_REQUESTS = "rights_requests"
    """Log and answer data-protection rights requests."""
    AUDIT = "audit"
    """Read the audit log and check the vault."""
    TRUSTEES_REPORT = "trustees_report"
    """Print the trustees' report (counts only)."""
    SUPERVISE = "supervise"
    """Record supervision, plans, reviews and concerns for the PSWs one sees."""


_ALLOWED: dict[Role, frozenset[Action]] = {
    Role.COORDINATOR: frozenset(Action),
    Role.SUPERVISOR: frozenset(
        {Action.SEE_PSWS, Action.SUPERVISE, Action.BACKUP, Action.TRUSTEES_REPORT}
    ),
    Role.TRUSTEE: frozenset({Action.TRUSTEES_REPORT}),
}

_REFUSALS: dict[Action, str] = {
    Action.SEE_PSWS: "open peer support workers' records",
    Action.SEE_PEOPLE: "open supported people's records",
    Action.ADD_PSWS: "add peer support workers",
    Action.ERASE: "erase or anonymise records",
    Action.RESTORE: "restore a backup",
    Action.BACKUP: "make backups",
    Action.BULK_EXPORT: "export whole tables",
    Action.IMPORT: "import volunteers",
    Action.SETTINGS: "change settings",
    Action.MANAGE_USERS: "manage users",
    Action.RIGHTS_REQUESTS: "handle rights requests",
    Action.AUDIT: "read the audit log",
    Action.TRUSTEES_REPORT: "print the trustees' report",
    Action.SUPERVISE: "record supervision",
}


def allowed(role: Role, action: Action) -> bool:
    return action in _ALLOWED[role]


class NotAllowed(PeerDeskError):
    """A role tried something it may not do; the message says what and who can."""

    def __init__(self, role: Role, action: Action) -> None:
        super().__init__(
            f"As a {role.value} you cannot {_REFUSALS[action]}. Ask a coordinator to do it."
        )
        self.role = role
        self.action = action


def require(role: Role, action: Action) -> None:
    """Raise ``NotAllowed`` unless ``role`` may do ``action``."""
    if not allowed(role, action):
        raise NotAllowed(role, action)
