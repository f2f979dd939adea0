"""Protected records: link a person's record to the PSW they also are, and "Show protected"."""

from __future__ import annotations

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import COORDINATOR, Right, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.storage import (
    access_log_store,
    person_queries,
    protection_store,
    psw_queries,
    user_store,
)
from peerdesk.storage.access_log_store import AccessEntry
from peerdesk.storage.vault import keyslots, user_slots
from peerdesk.storage.workspace import Workspace

SHOW_PROTECTED = "show protected"
"""The access-log action written each time protected records are shown."""


class ProtectionService:
    """Linking records hides both from viewers without ``view_protected``."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def linked_psw(self, person_id: PersonId) -> PswId | None:
        """The PSW whose record is linked to the person's (None: not linked)."""
        with self._ws.reading() as s:
            return protection_store.linked_psw(s, person_id)

    def is_protected(
        self, *, person_id: PersonId | None = None, psw_id: PswId | None = None
    ) -> bool:
        """True for a person whose record is linked to a PSW, or a PSW linked to a person."""
        with self._ws.reading() as s:
            if person_id is not None and protection_store.linked_psw(s, person_id) is not None:
                return True
            return psw_id is not None and protection_store.linked_person(s, psw_id) is not None

    def link(self, person_id: PersonId, psw_id: PswId) -> Changes:
        """This person is also the PSW ``psw_id``: both records become protected."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.transaction() as s:
            person_queries.load(s, person_id)  # NotFound if gone
            psw_queries.load(s, psw_id)
            other = protection_store.linked_person(s, psw_id)
            if other is not None and other != person_id:
                raise ValidationFailed(
                    [
                        Problem(
                            "psw_id",
                            "That peer worker's record is already linked to another person.",
                        )
                    ]
                )
            before = protection_store.linked_psw(s, person_id)
            protection_store.set_link(s, person_id, psw_id)
        return _changes(person_id, before, psw_id)

    def unlink(self, person_id: PersonId) -> Changes:
        """Undo a link made in error: both records are listed for everyone again."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.transaction() as s:
            person_queries.load(s, person_id)
            before = protection_store.linked_psw(s, person_id)
            protection_store.set_link(s, person_id, None)
        return _changes(person_id, before, None)

    def show_protected(self, passphrase: str, viewer: Viewer | None = None) -> Viewer:
        """``viewer`` with ``view_protected`` once the vault passphrase is confirmed.

        Each use is written to the access log (time, viewer, action; never names). A wrong
        passphrase raises ``WrongPassphrase`` and writes nothing.
        """
        viewer = viewer or self._viewer
        viewer.require(Action.SEE_PEOPLE)  # coordinators only: others see what their role allows
        if viewer.user_id is None:  # without users there is one passphrase
            keyslots.wipe(keyslots.unlock(self._ws.paths, passphrase))
        else:  # the signed-in user's own passphrase, not anyone's
            with self._ws.reading() as s:
                slot = user_store.slot_of(s, viewer.user_id)
            user_slots.confirm(self._ws.paths, slot, passphrase)
        with self._ws.transaction() as s:
            access_log_store.append(
                s, AccessEntry(at=self._clock.now(), viewer=viewer.id, action=SHOW_PROTECTED)
            )
        return viewer.with_right(Right.VIEW_PROTECTED)

    def access_log(self) -> list[AccessEntry]:
        """The access log, oldest first."""
        self._viewer.require(Action.AUDIT)
        with self._ws.reading() as s:
            return access_log_store.entries(s)


def _changes(person_id: PersonId, before: PswId | None, after: PswId | None) -> Changes:
    psws = frozenset(p for p in (before, after) if p is not None)
    return Changes(people=frozenset({person_id}), psws=psws, psw_membership=True)
