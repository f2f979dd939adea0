"""Who unlocked: the key slot that opened the vault becomes the user, and the user the Viewer.

``vault_service.unlock`` calls ``sign_in`` with the opening slot, which sets the workspace's
user (the name the audit log writes); ``viewer_for`` turns that user into the ``Viewer`` every
service is built with. Without users there is one person, the coordinator.
"""

from __future__ import annotations

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.users import User
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.storage import user_store
from peerdesk.storage.workspace import Workspace

REMOVED = (
    "That passphrase belongs to someone who is no longer a PeerDesk user. Ask a coordinator "
    "to add you again."
)
NOT_SIGNED_IN = "PeerDesk could not tell who unlocked the vault. Lock it and unlock again."


class NotSignedIn(PeerDeskError):
    """The slot that opened the vault belongs to no active user; the vault was closed."""


def sign_in(workspace: Workspace, slot_id: str) -> None:
    """Make the user of ``slot_id`` the workspace's user (nothing changes without users).

    Raises ``NotSignedIn`` for a slot with no active user (a removed user's slot that somehow
    survived in the header).
    """
    with workspace.reading() as s:
        if not user_store.any_users(s):
            return
        user = user_store.by_slot(s, slot_id)
    if user is None or not user.active:
        raise NotSignedIn(REMOVED)
    workspace.user = user.name


def viewer_for(workspace: Workspace) -> Viewer:
    """The Viewer for whoever ``sign_in`` recorded: the coordinator without users, else the
    active user of that name with their role, supervisees and protected records."""
    with workspace.reading() as s:
        if not user_store.any_users(s):
            return COORDINATOR
        user = user_store.by_name(s, workspace.user)
    if user is None or not user.active:
        raise NotSignedIn(NOT_SIGNED_IN)
    return as_viewer(user)


def as_viewer(user: User) -> Viewer:
    return Viewer(
        id=user.name,
        role=user.role,
        user_id=user.id,
        supervisees=user.supervisees,
        named=user.named,
    )


def recovery_slot(workspace: Workspace) -> str | None:
    """The slot the recovery key resets: the longest-standing active coordinator's (the owner's
    first slot may belong to someone removed, or to a trustee by now); None without users."""
    with workspace.reading() as s:
        if not user_store.any_users(s):
            return None
        coordinators = user_store.active_coordinators(s)
        return user_store.slot_of(s, min(coordinators)) if coordinators else None
