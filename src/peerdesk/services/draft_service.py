"""Drafts of unsaved forms and dialogs: written into the vault on locking, offered back after."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.services.clock import Clock
from peerdesk.storage import draft_store
from peerdesk.storage.audit_log import DEFAULT_USER
from peerdesk.storage.workspace import Workspace

PSW_FORM = "psw"
PERSON_FORM = "person"
SESSION_DIALOG = "supervision_session"
WELLBEING_PLAN = "wellbeing_plan"
STORY_PLAN = "story_plan"
REVIEW_DIALOG = "annual_review"
# a kind never holds ":": the owner follows it in the stored key


@dataclass(frozen=True)
class FormDraft:
    """An unsaved form: which record it was editing (None: a new one) and its fields as JSON."""

    form: str
    record_id: int | None
    payload: str


def _key(form: str, owner: str) -> str:
    # form_draft has no user column: the owner rides in the form key, so a draft is offered
    # back only to the person whose form it was (the name is the workspace's signed-in user).
    return f"{form}:{owner}"


class DraftService:
    """One transaction per call. Drafts live only in the encrypted vault, never in files, and
    belong to whoever was signed in when PeerDesk locked."""

    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def save_draft(self, form: str, record_id: int | None, payload: str) -> None:
        """Keep ``payload`` as the draft of ``form`` (one per form and record)."""
        with self._workspace.transaction() as s:
            draft_store.put(s, self._key(form), record_id, payload, self._clock.now())

    def take_draft(self, form: str) -> FormDraft | None:
        """The newest draft of ``form``, removed from the vault in the same step."""
        with self._workspace.transaction() as s:
            found = draft_store.pop_newest(s, self._key(form))
            if found is None and self._legacy_owner():
                found = draft_store.pop_newest(s, form)
        if found is None:
            return None
        return FormDraft(form, found.record_id, found.payload)

    def waiting(self) -> set[str]:
        """Which forms have a draft of this user's waiting to be offered back."""
        with self._workspace.reading() as s:
            keys = draft_store.forms_waiting(s)
        owner = self._workspace.user
        legacy = self._legacy_owner()
        return {
            form
            for form, sep, who in (k.partition(":") for k in keys)
            if who == owner or (legacy and not sep)
        }

    def _legacy_owner(self) -> bool:
        """Drafts kept before users existed carry no owner: they were the one coordinator's,
        so they are offered back while PeerDesk still has no users."""
        return self._workspace.user == DEFAULT_USER

    def _key(self, form: str) -> str:
        return _key(form, self._workspace.user)
