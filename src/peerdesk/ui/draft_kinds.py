"""What PeerDesk keeps as a draft when it locks: one entry per kind of unsaved form or dialog.

Each kind says how to find unsaved typing on the main window (while the vault is still open),
where to take the person after unlocking (False: that record is gone or no longer theirs to see,
and the draft is dropped without a word), and how to type the draft back in on Restore.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.draft_service import PERSON_FORM, PSW_FORM

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow

Unsaved = tuple[int | None, Any]
"""A draft to keep: the record it belongs to (None: a new one) and the value typed."""


@dataclass(frozen=True)
class DraftKind:
    kind: str
    """The draft kind in the vault (see draft_service)."""
    value_type: type
    """The frozen dataclass the draft codec writes and reads."""
    unsaved: Callable[[MainWindow], Unsaved | None]
    """What is typed and not saved, or None."""
    show: Callable[[MainWindow, int | None, Any], bool]
    """Show the page (and record) the draft belongs to; False if it cannot be shown."""
    restore: Callable[[MainWindow, int | None, Any], None]
    """Type the draft back in, unsaved (Restore was pressed)."""


def _unsaved_form(form: Any) -> Unsaved | None:
    return (form.current_id(), form.details()) if form.is_dirty() else None


def _show_psw(window: MainWindow, record_id: int | None, _value: object) -> bool:
    if record_id is not None:
        return window.open_psw(PswId(record_id))
    window.navigation.setCurrentRow(window.pages.indexOf(window.psw_page))
    window.psw_page.new_psw()
    return window.psw_page.form.current_id() is None


def _show_person(window: MainWindow, record_id: int | None, _value: object) -> bool:
    window.navigation.setCurrentRow(window.pages.indexOf(window.people_page))
    if record_id is not None:
        return window.people_page.open_person(PersonId(record_id))
    window.people_page.new_person()
    return window.people_page.form.current_id() is None


FORM_KINDS = (
    DraftKind(
        PSW_FORM,
        PswDetails,
        lambda w: _unsaved_form(w.psw_page.form),
        _show_psw,
        lambda w, _id, details: w.psw_page.form.restore_details(details),
    ),
    DraftKind(
        PERSON_FORM,
        PersonDetails,
        lambda w: _unsaved_form(w.people_page.form),
        _show_person,
        lambda w, _id, details: w.people_page.form.restore_details(details),
    ),
)
"""The PSW Details and person forms (the record's own fields, saved with Save)."""
