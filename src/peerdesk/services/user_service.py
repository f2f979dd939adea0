"""Users and roles: turning users on, adding, changing roles, resetting and removing users.

Two files change together: the key header (one passphrase slot per user) and the vault's
``user_account`` rows. Each method writes them in the order that leaves both consistent when
the second write fails, and undoes the first when it does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence

from peerdesk.domain.errors import NotFound, PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw_documents import psw_reference
from peerdesk.domain.roles import Action, Role
from peerdesk.domain.users import User, clean_name, same_name
from peerdesk.domain.viewer import Right, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.storage import audit_log, user_store
from peerdesk.storage.vault import user_slots
from peerdesk.storage.vault.keyslots import wipe
from peerdesk.storage.workspace import Tx, Workspace

LAST_COORDINATOR = (
    "PeerDesk needs at least one active coordinator to manage users and settings, so {name} "
    "stays a coordinator. Make someone else a coordinator first."
)
USERS_CHANGED = Changes(settings=True)
_LinkWriter = Callable[[Tx, int, Iterable[int]], None]


class LastCoordinator(PeerDeskError):
    """Removing or demoting the last active coordinator; nothing was changed."""


class UserService:
    """Every method needs ``Action.MANAGE_USERS``; reads are one ``reading()``, writes one
    ``transaction()`` (plus the key header when a passphrase is involved)."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer) -> None:
        self._workspace = workspace
        self._clock = clock
        self._viewer = viewer

    def users_on(self) -> bool:
        """Whether users are turned on (anyone may ask: the login needs to know)."""
        with self._workspace.reading() as s:
            return user_store.any_users(s)

    def my_slot(self) -> str | None:
        """The signed-in user's own key slot (what Change passphrase rewraps); None without
        users. Anyone may ask about themselves."""
        if self._viewer.user_id is None:
            return None
        with self._workspace.reading() as s:
            return _found(user_store.by_id(s, self._viewer.user_id)).slot

    def list(self) -> list[User]:
        self._viewer.require(Action.MANAGE_USERS)
        with self._workspace.reading() as s:
            return user_store.all_users(s)

    def turn_on(self, name: str) -> tuple[User, Changes]:
        """Make the vault owner (whose passphrase was set at set-up) the first coordinator."""
        self._viewer.require(Action.MANAGE_USERS)
        clean = clean_name(name)
        slot = user_slots.owner_slot(self._workspace.paths)
        with self._workspace.transaction() as s:
            if user_store.any_users(s):
                raise ValidationFailed([Problem("name", "Users are already turned on.")])
            user_id = user_store.add(s, clean, Role.COORDINATOR, slot, self._clock.now())
            user = _found(user_store.by_id(s, user_id))
        self._workspace.user = clean  # from now on the audit log names them
        return user, USERS_CHANGED

    def add_user(self, name: str, role: Role, passphrase: str) -> tuple[User, Changes]:
        """A new user with their own passphrase slot. The slot is written first; if the row
        cannot be saved the slot is removed again, so no one can unlock as nobody."""
        self._viewer.require(Action.MANAGE_USERS)
        clean = clean_name(name)
        with self._workspace.reading() as s:
            if not user_store.any_users(s):
                raise ValidationFailed([Problem("name", "Turn users on first.")])
            self._refuse_taken_name(user_store.all_users(s), clean)
        paths = self._workspace.paths
        key = user_slots.open_data_key(self._workspace)
        try:
            slot = user_slots.add_slot(paths, key, passphrase)
        finally:
            wipe(key)
        try:
            with self._workspace.transaction() as s:
                self._refuse_taken_name(user_store.all_users(s), clean)
                user_id = user_store.add(s, clean, role, slot, self._clock.now())
                user = _found(user_store.by_id(s, user_id))
        except BaseException:
            # a slot left behind opens nothing: sign-in refuses a slot without an active user
            with contextlib.suppress(PeerDeskError, OSError):
                user_slots.remove_slot(paths, slot)
            raise
        return user, USERS_CHANGED

    def change_role(self, user_id: int, role: Role) -> tuple[User, Changes]:
        self._viewer.require(Action.MANAGE_USERS)
        with self._workspace.transaction() as s:
            user = _found(user_store.by_id(s, user_id))
            if role is not Role.COORDINATOR:
                _refuse_last_coordinator(s, user)
            user_store.set_role(s, user_id, role)
            changed = _found(user_store.by_id(s, user_id))
        return changed, USERS_CHANGED

    def remove(self, user_id: int) -> Changes:
        """Deactivate: the row stays (the audit log names them), their slot leaves the header.
        The row changes first; if the header cannot be written the row is put back."""
        self._viewer.require(Action.MANAGE_USERS)
        with self._workspace.transaction() as s:
            user = _found(user_store.by_id(s, user_id))
            if not user.active:
                return Changes()
            _refuse_last_coordinator(s, user)
            user_store.set_active(s, user_id, False)
        try:
            user_slots.remove_slot(self._workspace.paths, user.slot)
        except BaseException:
            with contextlib.suppress(PeerDeskError), self._workspace.transaction() as s:
                user_store.set_active(s, user_id, True)
            raise
        return USERS_CHANGED

    def reset_passphrase(self, user_id: int, passphrase: str) -> Changes:
        """Give another user a new passphrase (they forgot theirs); only their slot changes."""
        self._viewer.require(Action.MANAGE_USERS)
        with self._workspace.reading() as s:
            user = _found(user_store.by_id(s, user_id))
        if not user.active:
            raise ValidationFailed([Problem("user", f"{user.name} has been removed.")])
        key = user_slots.open_data_key(self._workspace)
        try:
            user_slots.reset_slot(self._workspace.paths, user.slot, key, passphrase)
        finally:
            wipe(key)
        with self._workspace.audit_only() as s:
            audit_log.record(s, "reset passphrase", "user_account", user_id)
        return Changes()

    def set_supervisees(self, user_id: int, psw_ids: Iterable[int]) -> tuple[User, Changes]:
        return self._set_links(user_id, psw_ids, user_store.set_supervisees)

    def set_named(self, user_id: int, psw_ids: Iterable[int]) -> tuple[User, Changes]:
        """The protected PSWs this user is named on (they see those as coordinators do)."""
        return self._set_links(user_id, psw_ids, user_store.set_named)

    def psw_choices(
        self, *, protected: bool, viewer: Viewer | None = None
    ) -> Sequence[tuple[int, str]]:
        """(id, label) of the PSWs a picker offers: unprotected ones by name for supervisees;
        for "named on", every protected one, by name only when ``viewer`` (the window's, by
        default this service's) has turned on "Show protected", else by reference (PSW-0042)."""
        self._viewer.require(Action.MANAGE_USERS)
        shown = viewer or self._viewer
        every = self._viewer.with_right(Right.VIEW_PROTECTED) if protected else self._viewer
        with self._workspace.reading() as s:
            found = user_store.psw_choices(s, every, protected=protected)
        if not protected or shown.may(Right.VIEW_PROTECTED):
            return found
        return sorted((psw_id, psw_reference(PswId(psw_id))) for psw_id, _name in found)

    def _set_links(
        self, user_id: int, psw_ids: Iterable[int], write: _LinkWriter
    ) -> tuple[User, Changes]:
        self._viewer.require(Action.MANAGE_USERS)
        wanted = set(psw_ids)
        with self._workspace.transaction() as s:
            _found(user_store.by_id(s, user_id))
            if user_store.existing_psws(s, wanted) != wanted:
                raise NotFound("One of those PSWs is no longer in the vault. Nothing was changed.")
            write(s, user_id, wanted)
            user = _found(user_store.by_id(s, user_id))
        return user, USERS_CHANGED

    @staticmethod
    def _refuse_taken_name(users: Sequence[User], name: str) -> None:
        for user in users:
            if same_name(user.name, name):
                raise ValidationFailed(
                    [Problem("name", f"There is already a user called {user.name}.")]
                )


def _found(user: User | None) -> User:
    if user is None:
        raise NotFound("That user is no longer in the vault.")
    return user


def _refuse_last_coordinator(s: Tx, user: User) -> None:
    if (
        user.active
        and user.role is Role.COORDINATOR
        and user_store.active_coordinators(s) == {user.id}
    ):
        raise LastCoordinator(LAST_COORDINATOR.format(name=user.name))
