"""The Suggestions tab of a person's record: ranked peers with reasons, and the Excluded tab."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PersonId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.matching_records import Suggestion, Suggestions
from peerdesk.services.matching_service import PAGE
from peerdesk.ui import message_boxes
from peerdesk.ui.background import Executor, Reads
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import OpensDialogs, RecordsView, RowsModel, button, button_row
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.criterion_bars import CriterionBars
from peerdesk.ui.excluded_view import ExcludedView, group_line
from peerdesk.ui.form_fields import section
from peerdesk.ui.propose_dialog import ProposeDialog
from peerdesk.ui.psw_section_tab import scrolling
from peerdesk.ui.record_section import details_label
from peerdesk.ui.viewer_state import ViewerState

UNSAVED = "Save the person's record first; then peer workers can be suggested for them."
WORKING = "Working out suggestions…"
NO_WISHES = "No wishes recorded: ranked by hours available."
TITLES = ("Rank", "Peer worker", "Score", "Places left")


def showing_text(found: Suggestions) -> str:
    """ "Showing 20 of 57 eligible peer workers." """
    return f"Showing {len(found.suggestions)} of {found.total} eligible peer workers."


def everyone_excluded_text(found: Suggestions) -> str:
    """What the Suggested tab says when no one can be suggested: the three commonest why-nots."""
    if not found.excluded:
        return "No active peer worker is ready to be matched yet, so there is no one to suggest."
    lines = [
        f"Everyone is excluded: none of the {len(found.excluded)} active peer workers can be "
        f"suggested for {found.person_name}. The commonest reasons (see the Excluded tab):"
    ]
    lines += [f"• {group_line(g)}" for g in found.top_reasons(3)]
    return "\n".join(lines)


def row_of(s: Suggestion) -> list[str]:
    return [str(s.rank), s.name, "—" if s.score is None else f"{s.score:.1f}", str(s.places_left)]


class SuggestionsTab(QWidget, OpensDialogs):
    """Reads suggestions off the UI thread when shown (and again when matching inputs change)."""

    def __init__(
        self,
        services: Services,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        executor: Executor | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self._reads = Reads(executor)
        self.person_id: PersonId | None = None
        self.viewer: Viewer = COORDINATOR
        """Whose suggestions: protected PSWs are offered only to a viewer with the right."""
        self.found: Suggestions | None = None
        self.limit = PAGE
        self.dialog: QDialog | None = None
        """The dialog open now (tests fill it in; it is window-modal but does not block)."""

        self.unsaved = QLabel(UNSAVED)
        self.unsaved.setWordWrap(True)
        self.status = details_label("Suggestions")
        self.everyone = details_label("Why no one is suggested")
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Suggested peer workers", on_open=self.propose)
        self.caption = QLabel("Suggested peer &workers, best first (Enter proposes):")
        self.caption.setWordWrap(True)
        self.caption.setBuddy(self.table)
        self.more_button = button("Show 20 m&ore", "Show 20 more")
        self.more_button.clicked.connect(self.show_more)
        self.propose_button = button(
            "&Propose this peer…", "Propose this peer", tip="Propose the selected peer worker"
        )
        self.propose_button.clicked.connect(self.propose)
        self.bars = CriterionBars()
        self.reasons = details_label("Reasons")
        self.warnings = details_label("Readiness warnings")
        bars_box = QVBoxLayout()
        bars_box.addWidget(self.bars)
        bars_box.addStretch(1)
        words = QVBoxLayout()
        words.addWidget(self.reasons)
        words.addWidget(self.warnings)
        words.addStretch(1)
        beside = QHBoxLayout()
        self.closeness = section("How close (0 to 1)", bars_box)
        self.why = section("Why suggested", words)
        beside.addWidget(self.closeness, 1)
        beside.addWidget(self.why, 1)
        suggested = QWidget()
        column = QVBoxLayout(suggested)
        column.addWidget(self.everyone)
        column.addWidget(self.caption)
        column.addWidget(self.table)
        column.addWidget(button_row([self.more_button, self.propose_button]))
        column.addLayout(beside)
        column.addStretch(1)
        self.excluded = ExcludedView()
        self.inner = QTabWidget()
        self.inner.setAccessibleName("Suggested or excluded")
        self.inner.tabBar().setAccessibleName("Suggested or excluded peer workers")
        self.inner.addTab(scrolling(suggested), "Suggested")
        self.inner.addTab(scrolling(self.excluded), "Excluded")
        layout = QVBoxLayout(self)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.status)
        layout.addWidget(self.inner, 1)
        self.table.selectionModel().selectionChanged.connect(self._update)
        bus.changed.connect(self._on_changed)
        self._show()
        self.show_person(None)

    # --- reading ------------------------------------------------------------------------------

    def show_person(self, person_id: PersonId | None) -> None:
        """Show suggestions for ``person_id`` (None: unsaved). Read when the tab is shown."""
        if person_id != self.person_id:
            self.found = None
            self.limit = PAGE
            self._show()
        self.person_id = person_id
        self.unsaved.setVisible(person_id is None)
        for part in (self.status, self.inner):
            part.setVisible(person_id is not None)
        self._reads.stale = person_id is not None
        if self._reads.stale and self.isVisible():
            self.refresh()

    def follow_viewer(self, state: ViewerState) -> None:
        """Suggest the PSWs ``state``'s viewer may see, now and as it changes."""
        self.viewer = state.viewer
        state.changed.connect(self._set_viewer)

    def _set_viewer(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self._reads.stale = self.person_id is not None
        if self._reads.stale and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read again off the UI thread; a refresh asked for meanwhile runs when this one ends."""
        self._reads.stale = False
        person_id = self.person_id
        if person_id is None or not self._reads.begin():
            return
        self.status.setText(WORKING)
        matching, limit, viewer = self.services.matching, self.limit, self.viewer
        self._reads.executor.submit(
            lambda: matching.suggest(person_id, limit=limit, viewer=viewer),
            self._loaded,
            self._failed,
        )

    def _loaded(self, found: Suggestions) -> None:
        if self._reads.end() or found.person_id != self.person_id:
            self.refresh()
            return
        self.found = found
        self._show()

    def _failed(self, error: BaseException) -> None:
        self._reads.end()
        self.status.setText("Could not work out suggestions.")
        if not isinstance(error, PeerDeskError):
            raise error  # a bug: to the crash handler
        message_boxes.show_error(self, "Could not work out suggestions", str(error))

    def _show(self) -> None:
        found = self.found
        keep = self.selected()
        shown = list(found.suggestions) if found else []
        self.model.set_rows([row_of(s) for s in shown])
        fit_to_rows(self.table, most=10)
        ids = [s.psw_id for s in shown]
        kept = keep.psw_id if keep is not None else None
        self.table.select_row(ids.index(kept) if kept in ids else (0 if shown else None))
        self.excluded.set_found(found)
        total = found.total if found else 0
        self.inner.setTabText(0, f"Suggested ({total})")
        self.inner.setTabText(1, f"Excluded ({len(found.excluded) if found else 0})")
        everyone = found is not None and found.everyone_excluded
        self.everyone.setText(everyone_excluded_text(found) if found and everyone else "")
        self.everyone.setVisible(everyone)
        for part in (self.caption, self.table, self.closeness, self.why):
            part.setVisible(not everyone)
        self.more_button.setVisible(not everyone)
        self.more_button.setEnabled(found is not None and len(shown) < total)
        self.propose_button.setVisible(not everyone)
        if found is None:
            self.status.setText(WORKING if self.person_id is not None else "")
        else:
            lines = [f"Peer workers for {found.person_name}."]
            lines += [showing_text(found)] if not everyone else []
            lines += [NO_WISHES] if found.no_wishes else []
            self.status.setText(" ".join(lines))
        self._update()

    def selected(self) -> Suggestion | None:
        row = self.table.selected_row()
        shown = self.found.suggestions if self.found else ()
        return None if row is None or row >= len(shown) else shown[row]

    def _update(self) -> None:
        chosen = self.selected()
        self.propose_button.setEnabled(chosen is not None)
        if chosen is None:
            self.bars.set_closeness({}, frozenset())
            self.reasons.setText("")
            self.warnings.setText("")
            self.warnings.setVisible(False)
            return
        self.bars.set_closeness(chosen.closeness, chosen.not_recorded)
        said = [f"• {r}" for r in chosen.reasons] or ["No particular reasons: no wishes to meet."]
        self.reasons.setText(f"{chosen.name}:\n" + "\n".join(said))
        self.warnings.setText("\n".join(f"Warning: {w}" for w in chosen.warnings))
        self.warnings.setVisible(bool(chosen.warnings))

    def show_more(self) -> None:
        if self.found is not None and len(self.found.suggestions) < self.found.total:
            self.limit = len(self.found.suggestions) + PAGE
            self.refresh()

    # --- acting -------------------------------------------------------------------------------

    def propose(self) -> None:
        chosen = self.selected()
        if self.found is None or chosen is None:
            return
        dialog = ProposeDialog(self.services, self.found, chosen, self, viewer=self.viewer)
        self.open_kept(dialog, lambda: self._proposed(dialog.changes))

    def _proposed(self, changes: Changes) -> None:
        self.bus.publish(changes, self)
        self.refresh()

    def _on_changed(self, changes: Changes, origin: object) -> None:
        if origin is self or self.person_id is None or not _concerns(changes, self.person_id):
            return
        self._reads.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reads.stale:
            self.refresh()


def _concerns(changes: Changes, person_id: PersonId) -> bool:
    """Anything that can move a suggestion: the PSWs, their checks and places, the weights and
    lists, teams, or this person's own record (wishes, conflicts)."""
    return bool(
        changes.psws
        or changes.psw_membership
        or changes.checks
        or changes.policies
        or changes.matches
        or changes.settings
        or changes.lists
        or changes.teams
        or person_id in changes.people
    )
