"""Unsaved PSW and person forms: kept as drafts in the vault on lock, offered back on unlock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.domain.draft_codec import DraftUnreadable, from_json, to_json
from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.draft_service import PERSON_FORM, PSW_FORM

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow

RESTORE_QUESTION = "Restore unsaved changes from before PeerDesk locked?"
NOT_KEPT = "Your unsaved changes could not be kept: {reason}"


@dataclass(frozen=True)
class _Form:
    kind: str
    details_type: type
    form: Callable[[MainWindow], Any]
    show: Callable[[MainWindow, int | None], bool]
    """Show the page and the record (None: a blank new one); False if it cannot be shown."""


def _show_psw(window: MainWindow, record_id: int | None) -> bool:
    if record_id is not None:
        return window.open_psw(PswId(record_id))
    window.navigation.setCurrentRow(window.pages.indexOf(window.psw_page))
    window.psw_page.new_psw()
    return window.psw_page.form.current_id() is None


def _show_person(window: MainWindow, record_id: int | None) -> bool:
    window.navigation.setCurrentRow(window.pages.indexOf(window.people_page))
    if record_id is not None:
        return window.people_page.open_person(PersonId(record_id))
    window.people_page.new_person()
    return window.people_page.form.current_id() is None


FORMS = (
    _Form(PSW_FORM, PswDetails, lambda w: w.psw_page.form, _show_psw),
    _Form(PERSON_FORM, PersonDetails, lambda w: w.people_page.form, _show_person),
)


def keep_drafts(window: MainWindow) -> str:
    """Write every form with unsaved edits into the vault; '' or why they could not be kept."""
    drafts = window.services.drafts
    for spec in FORMS:
        form = spec.form(window)
        if not form.is_dirty():
            continue
        try:
            drafts.save_draft(spec.kind, form.current_id(), to_json(form.details()))
        except PeerDeskError as error:
            return NOT_KEPT.format(reason=error)
    return ""


class DraftOffers:
    """After unlocking, asks form by form whether to restore its draft. Each draft is taken out
    of the vault before asking, so it is gone whether the answer is Restore or Discard."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.box: QMessageBox | None = None
        """The question showing now (window-modal, not blocking)."""
        self._waiting: list[tuple[_Form, int | None, Any]] = []
        try:
            kinds = window.services.drafts.waiting()
            for spec in FORMS:
                if spec.kind in kinds:
                    self._take(spec)
        except PeerDeskError:
            self._waiting.clear()  # nothing offered is better than a half-read draft

    def _take(self, spec: _Form) -> None:
        draft = self.window.services.drafts.take_draft(spec.kind)
        if draft is None:
            return
        try:
            details: Any = from_json(spec.details_type, draft.payload)
        except DraftUnreadable:
            return
        self._waiting.append((spec, draft.record_id, details))

    def start(self) -> None:
        """Ask about the next draft, if any."""
        self.box = None
        while self._waiting:
            spec, record_id, details = self._waiting.pop(0)
            if spec.show(self.window, record_id):
                self._ask(spec, details)
                return

    def _ask(self, spec: _Form, details: Any) -> None:
        parent: QWidget = self.window
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(RESTORE_QUESTION)
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        self.box = box

        def answered() -> None:
            if box.clickedButton() is restore:
                spec.form(self.window).restore_details(details)
            box.deleteLater()
            self.start()

        box.finished.connect(lambda _result: answered())
        box.open()
