"""Unsaved typing in the PSW record's long dialogs and plans, kept as drafts when PeerDesk locks.

The supervision session form (new, or correcting a session), the annual review form and the
wellbeing and story plans. Restore shows the PSW's tab again and the form filled as it was; a
dialog opens again, unsaved, and only its Save records anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanDraft, PlanKind
from peerdesk.domain.reviews import ReviewDraft
from peerdesk.domain.supervision_session import KeptSession
from peerdesk.services.draft_service import (
    REVIEW_DIALOG,
    SESSION_DIALOG,
    STORY_PLAN,
    WELLBEING_PLAN,
)
from peerdesk.ui.draft_kinds import DraftKind, Unsaved
from peerdesk.ui.plan_editor import PlanEditor
from peerdesk.ui.plans_tab import PlansTab
from peerdesk.ui.review_dialog import ReviewDialog
from peerdesk.ui.review_tab import ReviewTab
from peerdesk.ui.supervision_dialog import SupervisionDialog
from peerdesk.ui.supervision_tab import SupervisionTab

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow

W = TypeVar("W", bound=QWidget)


def _showing(window: MainWindow, kind: type[W]) -> W | None:
    """The dialog of ``kind`` open on the PSW page now (one at a time: they are modal)."""
    return next((d for d in window.psw_page.findChildren(kind) if d.isVisible()), None)


def _tab(window: MainWindow, kind: type[W]) -> W:
    """The PSW form's tab of ``kind``, made the current tab."""
    form = window.psw_page.form
    tab = form.findChildren(kind)[0]
    form.tabs.setCurrentWidget(tab)
    return tab


def _show_tab(window: MainWindow, psw_id: int | None, kind: type[QWidget]) -> bool:
    if psw_id is None or not window.open_psw(PswId(psw_id)):
        return False
    _tab(window, kind)
    return True


# --- the supervision session form ---------------------------------------------------------------


def _unsaved_session(window: MainWindow) -> Unsaved | None:
    dialog = _showing(window, SupervisionDialog)
    if dialog is None or not dialog.is_dirty():
        return None
    return dialog.psw_id, dialog.kept()


def _show_session(window: MainWindow, psw_id: int | None, kept: KeptSession) -> bool:
    if kept.session_id is not None:  # still there and still theirs to see (raises if not)
        window.services.supervision.meeting(kept.session_id)
    return _show_tab(window, psw_id, SupervisionTab)


def _restore_session(window: MainWindow, _psw_id: int | None, kept: KeptSession) -> None:
    _tab(window, SupervisionTab).reopen(kept)


# --- the annual review form ---------------------------------------------------------------------


def _unsaved_review(window: MainWindow) -> Unsaved | None:
    dialog = _showing(window, ReviewDialog)
    if dialog is None or not dialog.is_dirty():
        return None
    return dialog.psw_id, dialog.draft()


def _restore_review(window: MainWindow, _psw_id: int | None, draft: ReviewDraft) -> None:
    _tab(window, ReviewTab).reopen(draft)


# --- the plans ----------------------------------------------------------------------------------


def _editor(window: MainWindow, kind: PlanKind) -> tuple[PlansTab, PlanEditor]:
    tab = window.psw_page.form.findChildren(PlansTab)[0]
    return tab, tab.wellbeing if kind is PlanKind.WELLBEING else tab.story


def _plan(kind: PlanKind, draft_kind: str) -> DraftKind:
    def unsaved(window: MainWindow) -> Unsaved | None:
        editor = _editor(window, kind)[1]
        if editor.psw_id is None or not editor.is_dirty():
            return None
        return editor.psw_id, editor.value()

    def show(window: MainWindow, psw_id: int | None, _draft: PlanDraft) -> bool:
        if not _show_tab(window, psw_id, PlansTab):
            return False
        tab, editor = _editor(window, kind)
        tab.plans.setCurrentIndex(0 if kind is PlanKind.WELLBEING else 1)
        if editor.psw_id != psw_id or editor.loaded is None:
            tab.refresh()
        return True

    def restore(window: MainWindow, _psw_id: int | None, draft: PlanDraft) -> None:
        _editor(window, kind)[1].restore(draft)

    return DraftKind(draft_kind, PlanDraft, unsaved, show, restore)


DIALOG_KINDS: tuple[DraftKind, ...] = (
    DraftKind(SESSION_DIALOG, KeptSession, _unsaved_session, _show_session, _restore_session),
    DraftKind(
        REVIEW_DIALOG,
        ReviewDraft,
        _unsaved_review,
        lambda w, psw_id, _draft: _show_tab(w, psw_id, ReviewTab),
        _restore_review,
    ),
    _plan(PlanKind.WELLBEING, WELLBEING_PLAN),
    _plan(PlanKind.STORY, STORY_PLAN),
)
"""In the order offered back: a dialog before the plans under it."""
