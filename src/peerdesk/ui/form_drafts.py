"""Unsaved forms, dialogs and plans: kept as drafts in the vault on lock, offered back on unlock.

The kinds kept are listed in ``KINDS`` (see draft_kinds for the forms, dialog_drafts for the
long dialogs and plans of a PSW's record).
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.domain.draft_codec import DraftUnreadable, from_json, to_json
from peerdesk.domain.errors import PeerDeskError
from peerdesk.ui.dialog_drafts import DIALOG_KINDS
from peerdesk.ui.draft_kinds import FORM_KINDS, DraftKind

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow

RESTORE_QUESTION = "Restore unsaved changes from before PeerDesk locked?"
NOT_KEPT = "Your unsaved changes could not be kept: {reason}"
UNEXPECTED = "PeerDesk hit a problem it didn't expect while keeping them."

KINDS: tuple[DraftKind, ...] = (*FORM_KINDS, *DIALOG_KINDS)
"""Every kind of draft, in the order offered back."""


def keep_drafts(window: MainWindow) -> str:
    """Write everything with unsaved edits into the vault; '' or why some could not be kept
    (the others are still kept)."""
    drafts = window.services.drafts
    note = ""
    for spec in KINDS:
        try:
            unsaved = spec.unsaved(window)
            if unsaved is not None:
                record_id, value = unsaved
                drafts.save_draft(spec.kind, record_id, to_json(value))
        except PeerDeskError as error:
            note = note or NOT_KEPT.format(reason=error)
        except Exception:  # locking must go on whatever one form holds
            note = note or NOT_KEPT.format(reason=UNEXPECTED)
    return note


class DraftOffers:
    """After unlocking, asks draft by draft whether to restore it. Each draft is taken out of
    the vault before asking, so it is gone whether the answer is Restore or Discard. A draft
    whose record is gone, or no longer this user's to see, is dropped without asking."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.box: QMessageBox | None = None
        """The question showing now (window-modal, not blocking)."""
        self._waiting: list[tuple[DraftKind, int | None, Any]] = []
        self._asking: tuple[DraftKind, int | None, Any] | None = None
        self._stopped = False
        try:
            kinds = window.services.drafts.waiting()
            for spec in KINDS:
                if spec.kind in kinds:
                    self._take(spec)
        except PeerDeskError:
            pass  # offer those already taken out; the rest stay in the vault for next time

    def _take(self, spec: DraftKind) -> None:
        draft = self.window.services.drafts.take_draft(spec.kind)
        if draft is None:
            return
        try:
            value: Any = from_json(spec.value_type, draft.payload)
        except (DraftUnreadable, PeerDeskError, ValueError, TypeError):
            return  # this one only: the others are still offered
        self._waiting.append((spec, draft.record_id, value))

    def stop(self) -> None:
        """PeerDesk is locking again before every draft was answered: put the one being asked
        about and those still waiting back in the vault, to be offered after the next unlock.
        Call while the vault is still open."""
        self._stopped = True
        pending = [*([self._asking] if self._asking else []), *self._waiting]
        self._asking, self._waiting = None, []
        for spec, record_id, value in pending:
            with suppress(PeerDeskError):
                self.window.services.drafts.save_draft(spec.kind, record_id, to_json(value))

    def start(self) -> None:
        """Ask about the next draft, if any."""
        self.box = None
        self._asking = None
        while self._waiting and not self._stopped:
            spec, record_id, value = self._waiting.pop(0)
            try:
                shown = spec.show(self.window, record_id, value)
            except PeerDeskError:
                shown = False  # gone, or no longer theirs to see
            if shown:
                self._ask(spec, record_id, value)
                return

    def _ask(self, spec: DraftKind, record_id: int | None, value: Any) -> None:
        parent: QWidget = self.window
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(RESTORE_QUESTION)
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        self.box = box
        self._asking = (spec, record_id, value)

        def answered() -> None:
            box.deleteLater()
            if self._stopped:  # closed by locking: the draft went back into the vault
                return
            if box.clickedButton() is restore:
                # it may have gone while the question showed: then there is nothing to restore into
                with suppress(PeerDeskError):
                    spec.restore(self.window, record_id, value)
            self.start()

        box.finished.connect(lambda _result: answered())
        box.open()
