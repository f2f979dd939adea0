"""What a form needs of a tab that shows more of a saved record (matches, outcomes, conflicts)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from peerdesk.domain.ids import PersonId, PswId


class PersonRecordTab(Protocol):
    """A widget the People form adds as a tab: told which person it shows (None: unsaved)."""

    def show_person(self, person_id: PersonId | None) -> None: ...


class PswRecordTab(Protocol):
    """A widget the peer worker form adds as a tab: told which PSW it shows (None: unsaved)."""

    def show_psw(self, psw_id: PswId | None) -> None: ...


def as_widget(tab: PersonRecordTab | PswRecordTab) -> QWidget:
    """The tab as the widget it is (every record tab is a QWidget)."""
    assert isinstance(tab, QWidget)
    return tab
