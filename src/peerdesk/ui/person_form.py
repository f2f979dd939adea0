"""A supported person's form: referral, wishes and availability, saved with Ctrl+S."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, Problem, StaleEdit, ValidationFailed
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person import Person, PersonDetails, PersonStatus
from peerdesk.domain.retention import RecordKind
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.availability_grid import AvailabilityGrid
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import say_date
from peerdesk.ui.concerns_panel import person_concerns_tab
from peerdesk.ui.form_fields import ProblemLabel, section
from peerdesk.ui.item_checklist import ItemChecklist
from peerdesk.ui.language_editor import LanguageEditor
from peerdesk.ui.matches_tab import person_matches_tab
from peerdesk.ui.outcomes_tab import OutcomesTab
from peerdesk.ui.person_referral_editor import ReferralEditor
from peerdesk.ui.person_sharing_tab import PersonSharingTab
from peerdesk.ui.person_status_dialog import PersonStatusDialog
from peerdesk.ui.person_wishes import ExperienceWishEditor, IdentityPreferenceEditor
from peerdesk.ui.record_tab import PersonRecordTab, as_widget
from peerdesk.ui.retention_hold_panel import RetentionHoldPanel
from peerdesk.ui.rights_requests_dialog import RightsSubject, rights_button
from peerdesk.ui.suggestions_tab import SuggestionsTab


def scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class PersonForm(QWidget):
    """Edits one supported person (or a new referral); publishes what it saved on the bus."""

    saved = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self._person: Person | None = None
        self._loaded = self._blank()
        self._loading = False
        self._dirty = False

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Record")
        self.referral = ReferralEditor()
        self.experience = ExperienceWishEditor()
        self.interests = ItemChecklist("interests")
        self.languages = LanguageEditor()
        self.identity = IdentityPreferenceEditor()
        self.availability = AvailabilityGrid()
        self.availability.setAccessibleName("Weekly availability")
        self.problems = ProblemLabel(heading=True)

        wishes = QWidget()
        wishes_layout = QVBoxLayout(wishes)
        for title, editor in (
            ("Lived experience they hope their peer shares", self.experience),
            ("Identity preferences", self.identity),
            ("Languages (first preferred)", self.languages),
            ("Interests", self.interests),
        ):
            box = QVBoxLayout()
            box.addWidget(editor)
            wishes_layout.addWidget(section(title, box))
        self.interests.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.languages.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        times = QWidget()
        times_layout = QVBoxLayout(times)
        how = QLabel(
            "Tick the half-hours they are usually free: click or drag across cells, or move "
            "with the arrow keys and press Space."
        )
        how.setWordWrap(True)
        times_layout.addWidget(how)
        times_layout.addWidget(self.availability, 1)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sections")
        self.tabs.tabBar().setAccessibleName("Sections of the record")
        self.tabs.addTab(scrolled(self.referral), "&Referral")
        self.tabs.addTab(scrolled(wishes), "Wishes")
        self.tabs.addTab(times, "A&vailability")
        self._record_tabs: list[PersonRecordTab] = []
        self.add_record_tab(person_concerns_tab(services, bus), "Safeguarding")
        self.add_record_tab(PersonSharingTab(services, bus), "Consent and conflicts")
        self.add_record_tab(SuggestionsTab(services, bus), "Suggestions")
        self.add_record_tab(person_matches_tab(services, bus), "Matches")
        self.add_record_tab(OutcomesTab(services, bus), "Outcomes")

        self.save_action = QAction("&Save", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.status_button = QPushButton("Change s&tatus…")
        self.status_button.setAccessibleName("Change status")
        self.status_button.clicked.connect(self.change_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_button)
        self.rights_button = rights_button(self, services, bus, self._rights_subject)
        buttons.addWidget(self.rights_button)
        self.holds = RetentionHoldPanel(services, bus, RecordKind.PERSON, self)
        self._record_tabs.append(self.holds)  # told which person on each load, like a tab
        buttons.addWidget(self.holds.place_button)
        buttons.addWidget(self.holds.lift_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.holds)  # "Restricted: kept, not used (request REQ-0004)"
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

        parts: tuple[QWidget, ...] = (self.referral, self.experience, self.interests)
        parts += (self.languages, self.identity, self.availability)
        for part in parts:
            part.changed.connect(self._on_edited)  # type: ignore[attr-defined]
        self.reload_lists()
        self.load(None)

    # --- loading ------------------------------------------------------------------------------

    def _blank(self) -> PersonDetails:
        return PersonDetails(full_name="", referred_on=self.services.clock.today())

    def reload_lists(self) -> None:
        items = self.services.lists.items()
        self._loading = True
        self.referral.set_items(i for i in items if i.kind is ListKind.AREA)
        self.experience.set_items(i for i in items if i.kind is ListKind.LIVED_EXPERIENCE)
        self.interests.set_items(i for i in items if i.kind is ListKind.INTEREST)
        self.languages.set_items(i for i in items if i.kind is ListKind.LANGUAGE)
        self._loading = False

    def load(self, person: Person | None) -> None:
        self._person = person
        self._loaded = person.details if person else self._blank()
        self._show(self._loaded)
        for tab in self._record_tabs:
            tab.show_person(person.id if person else None)

    def restore_details(self, d: PersonDetails) -> None:
        """Show ``d`` (kept when PeerDesk locked) over the loaded record, as unsaved edits."""
        loaded = self._loaded
        self._show(d)
        self._loaded = loaded
        self._on_edited()

    def add_record_tab(self, tab: PersonRecordTab, title: str) -> None:
        """Add a tab that shows more of the saved record (it is told which person on each load)."""
        self.tabs.addTab(as_widget(tab), title)
        self._record_tabs.append(tab)
        tab.show_person(self.current_id())

    def _show(self, d: PersonDetails) -> None:
        self._loading = True
        self.referral.show_details(d)
        self.experience.set_value(d.lived_experience)
        self.interests.set_value(d.interests)
        self.languages.set_value(d.languages)
        self.identity.set_value(d.identity)
        self.availability.set_value(d.availability)
        self._loading = False
        self._loaded = self.details()  # as the widgets hold it: nothing edited yet
        self._update_heading()
        self._on_edited()

    def _update_heading(self) -> None:
        p = self._person
        if p is None:
            self.heading.setText("New referral")
        else:
            self.heading.setText(
                f"{p.details.display_name()}: {p.status.label.lower()} since "
                f"{say_date(p.status_since)}"
            )
        self.status_button.setEnabled(p is not None)

    def record_changed(self, person: Person) -> None:
        """Someone else saved this record: follow it unless there are unsaved edits."""
        if self.is_dirty():
            self._person = replace(person, details=self._person.details) if self._person else None
            return
        self.load(person)

    # --- state --------------------------------------------------------------------------------

    def current(self) -> Person | None:
        return self._person

    def _rights_subject(self) -> RightsSubject | None:
        p = self._person
        return None if p is None else RightsSubject(p.details.full_name, person_id=p.id)

    def current_id(self) -> PersonId | None:
        return self._person.id if self._person else None

    def details(self) -> PersonDetails:
        d = self.referral.apply_to(self._loaded, self.services.clock.today())
        return replace(
            d,
            lived_experience=self.experience.value(),
            interests=self.interests.value(),
            languages=self.languages.value(),
            identity=self.identity.value(),
            availability=self.availability.value(),
        )

    def is_dirty(self) -> bool:
        return self._dirty

    def current_problems(self) -> list[Problem]:
        local = self.referral.local_problems()
        checked = self.services.people.check(self.details())
        local_keys = {p.field for p in local}
        return local + [p for p in checked if p.field not in local_keys]

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.show_problems(self.current_problems())
        dirty = self.details() != self._loaded
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        editors = {
            **self.referral.problems,
            "languages": self.languages.problems["languages"],
        }
        for key, label in editors.items():
            label.set_problems([p for p in problems if p.field == key])
        self.problems.set_problems(problems)
        blocking = any(p.blocking for p in problems)
        self.save_button.setEnabled(not blocking)
        self.save_action.setEnabled(not blocking)

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.referral.full_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- actions ------------------------------------------------------------------------------

    def save(self) -> bool:
        problems = self.current_problems()
        if any(p.blocking for p in problems):
            self.show_problems(problems)
            return False
        try:
            if self._person is None:
                person, changes = self.services.people.create(self.details())
            else:
                person, changes = self.services.people.update(
                    self._person.id, self.details(), version=self._person.version
                )
        except ValidationFailed as error:
            self.show_problems(error.problems)
            return False
        except StaleEdit:
            message_boxes.show_error(
                self, "Not saved", "Someone changed this record since you opened it. Reload it."
            )
            return False
        except PeerDeskError as error:
            message_boxes.show_error(self, "Could not save", str(error))
            return False
        self.load(person)
        self.bus.publish(changes, self)
        self.saved.emit(person.id)
        return True

    def change_status(self) -> None:
        person = self._person
        if person is None:
            return

        def submit(status: PersonStatus, on: dt.date, reason: str) -> list[Problem]:
            try:
                updated, changes = self.services.people.change_status(
                    person.id, status, on=on, reason=reason, version=person.version
                )
            except ValidationFailed as error:
                return list(error.problems)
            except PeerDeskError as error:
                return [Problem("status", str(error))]
            self._person = updated
            self._update_heading()
            self.bus.publish(changes, self)
            return []

        dialog = PersonStatusDialog(
            person.details.display_name(), person.status, self.services.clock.today(), submit, self
        )
        dialog.exec()
