"""What the Peer workers and People pages share: a table beside a form, and the guard between.

Selecting a row, "New", or opening a record by id first asks about unsaved edits in the form;
the table's selection follows the form without asking anything again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker

from peerdesk.domain.errors import NotFound
from peerdesk.ui import message_boxes
from peerdesk.ui.message_boxes import UnsavedChoice


class RecordListPage:
    """Mixin for a QWidget page with ``table``, ``model`` (ids) and ``form`` attributes.

    The page supplies :meth:`_fetch` (the record for an id; NotFound when it is gone), and
    :meth:`_status_listing` for its ``search``, ``status_filter`` and ``apply_filters``. Its
    ``__init__`` sets ``self._syncing = False`` and connects the table's selectionChanged to
    :meth:`_on_selection_changed`. Methods type ``self`` as Any: the page's own attributes
    (its model and form classes differ) stay precisely typed in the page.
    """

    def _fetch(self, record_id: Any) -> Any:
        raise NotImplementedError

    def _after_select(self) -> None:
        """Hook: the selection moved (the Peer workers page re-fits its columns)."""

    def _status_listing(self, record: Any) -> int:
        """The index of the page's ``status_filter`` entry under which ``record`` is listed."""
        raise NotImplementedError

    def _reveal(self: Any, record: Any) -> None:
        """Make the table list ``record`` (opened by id, e.g. from Needs attention, while the
        filters hide it): the search is cleared, the status filter set to list it and any other
        filter put back to its first entry ("All")."""
        others = self._other_filters()
        blockers = [QSignalBlocker(w) for w in (self.search, self.status_filter, *others)]
        self.search.clear()
        self.status_filter.setCurrentIndex(self._status_listing(record))
        for combo in others:
            combo.setCurrentIndex(0)
        del blockers
        self.apply_filters()

    def _other_filters(self: Any) -> tuple[Any, ...]:
        """Filters besides search and status that could hide a record (a page may have some)."""
        return ()

    def follow_viewer(self: Any, state: Any) -> None:
        """List what ``state``'s viewer may see (a ``ViewerState``), now and as it changes."""
        self.model.viewer = state.viewer
        state.changed.connect(self._viewer_changed)

    def _viewer_changed(self: Any, viewer: Any) -> None:
        self.model.viewer = viewer
        self.model.requery()
        current = self.form.current_id()
        if current is not None and self.model.row_of(current) is None and not self.form.is_dirty():
            self.form.load(None)  # a record no longer listed for this viewer leaves the form
        self._select(self.form.current_id())

    def confirm_leave(self: Any) -> bool:
        """True when the form may show something else: nothing unsaved, saved, or thrown away."""
        if not self.form.is_dirty():
            return True
        current = self.form.current()
        name = self.form.details().display_name() or (
            current.details.display_name() if current else ""
        )
        choice = message_boxes.ask_unsaved(self, name)
        if choice is UnsavedChoice.SAVE:
            return bool(self.form.save())
        if choice is UnsavedChoice.DISCARD:
            self.form.load(self.form.current())
            return True
        return False

    def new_record(self: Any) -> None:
        if not self.confirm_leave():
            return
        self.form.load(None)
        self._select(None)
        self.form.focus_first_field()

    def open_record(self: Any, record_id: Any) -> bool:
        """Show ``record_id`` in the form (asking about unsaved edits first)."""
        if record_id == self.form.current_id():
            self._select(record_id)
            return True
        if not self.confirm_leave():
            self._select(self.form.current_id())
            return False
        try:
            record = self._fetch(record_id)
        except NotFound:
            self.model.requery()
            return False
        self.form.load(record)
        if self.model.row_of(record_id) is None:
            self._reveal(record)
        self._select(record_id)
        return True

    def _on_selection_changed(self: Any) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        record_id = self.model.id_at(rows[0].row()) if rows else None
        if record_id is not None:
            self.open_record(record_id)

    def _select(self: Any, record_id: Any) -> None:
        """Put the table's selection on ``record_id`` (or nowhere) without asking anything."""
        row = self.model.row_of(record_id)
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(
                    self.model.index(-1, -1), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            self._syncing = False
        self._after_select()
