"""The peer worker form: tabs of editors over one ``PswDetails``, checked as you type."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import Psw, PswDetails
from peerdesk.domain.psw_rules import tidied
from peerdesk.domain.retention import RecordKind
from peerdesk.domain.taxonomy import ListKind
from peerdesk.ui import message_boxes
from peerdesk.ui.attention_targets import JOURNEY
from peerdesk.ui.availability_editor import AvailabilityEditor
from peerdesk.ui.checks_tab import ChecksTab, scrolling
from peerdesk.ui.concerns_panel import psw_concerns_tab
from peerdesk.ui.demographics_editor import DemographicsEditor
from peerdesk.ui.form_fields import ProblemLabel, section
from peerdesk.ui.item_checklist import ItemChecklist
from peerdesk.ui.journey_panel import JourneyPanel
from peerdesk.ui.language_editor import LanguageEditor
from peerdesk.ui.lived_experience_editor import LivedExperienceEditor
from peerdesk.ui.matches_tab import psw_matches_tab
from peerdesk.ui.plans_tab import PlansTab
from peerdesk.ui.psw_commands import (
    ArchivePswCommand,
    CommandContext,
    CreatePswCommand,
    PswCommand,
    SavePswCommand,
)
from peerdesk.ui.psw_form_contact import ContactEditor
from peerdesk.ui.psw_print import print_record
from peerdesk.ui.psw_table_model import format_date
from peerdesk.ui.record_tab import PswRecordTab, as_widget
from peerdesk.ui.recruitment_tab import RecruitmentTab
from peerdesk.ui.retention_hold_panel import RetentionHoldPanel
from peerdesk.ui.review_tab import ReviewTab
from peerdesk.ui.rights_requests_dialog import RightsSubject, rights_button
from peerdesk.ui.status_change import ask_status_change
from peerdesk.ui.supervision_tab import SupervisionTab

CHECK_DELAY_MS = 200
BLANK = PswDetails(full_name="")


class PswForm(QWidget):
    """Edits one peer worker (or a new one). Save is Ctrl+S and is off while anything blocks it."""

    saved = Signal(object)
    """PswId of the record just saved."""
    dirty_changed = Signal(bool)

    def __init__(self, context: CommandContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.services = context.services
        self._psw: Psw | None = None
        self._loading = False
        self._show_problems = False
        self._problems: list[Problem] = []
        self._was_dirty = False

        self.contact = ContactEditor()
        self.lived_experience = LivedExperienceEditor()
        self.skills = ItemChecklist("skills")
        self.interests = ItemChecklist("interests")
        self.languages = LanguageEditor()
        self.availability = AvailabilityEditor()
        self.demographics = DemographicsEditor()
        self.journey = JourneyPanel()
        self.journey.use_services(self.services)
        self.checks = ChecksTab(self.services, context.bus)
        self.recruitment = RecruitmentTab(self.services, context.bus)
        self._record_tabs: list[PswRecordTab] = []

        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.summary = ProblemLabel(heading=True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Record sections")
        self.tabs.tabBar().setAccessibleName("Record sections")
        self.tabs.setUsesScrollButtons(True)
        self._tab_titles: list[str] = []
        self._field_tabs: dict[str, int] = {}
        self._labels: dict[str, ProblemLabel] = {}
        skills_tab = QWidget()
        skills_layout = QHBoxLayout(skills_tab)
        for title, checklist in (("Skills", self.skills), ("Interests", self.interests)):
            inner = QVBoxLayout()
            inner.addWidget(checklist)
            skills_layout.addWidget(section(title, inner))
        pages: list[tuple[str, QWidget, dict[str, ProblemLabel]]] = [
            ("Contact", scrolling(self.contact), self.contact.problems),
            ("Lived experience", scrolling(self.lived_experience), self.lived_experience.problems),
            ("Skills and interests", skills_tab, {}),
            ("Languages", scrolling(self.languages), self.languages.problems),
            ("Availability", scrolling(self.availability), self.availability.problems),
            ("About them", scrolling(self.demographics), self.demographics.problems),
            ("Journey", self.journey, {}),
            ("Recruitment", self.recruitment, {}),  # saves each change itself, as Checks
            ("Checks", self.checks, {}),  # saves each change itself: not part of Save
        ]
        for index, (title, page, labels) in enumerate(pages):
            self.tabs.addTab(page, title)
            self._tab_titles.append(title)
            self._labels.update(labels)
            self._field_tabs.update(dict.fromkeys(labels, index))
        self.add_record_tab(psw_concerns_tab(self.services, context.bus), "Safeguarding")
        self.add_record_tab(psw_matches_tab(self.services, context.bus), "Matches")
        self.add_record_tab(PlansTab(context, self.lived_experience.plan_conflicts), "Plans")
        self.add_record_tab(SupervisionTab(self.services, context.bus), "Supervision")
        self.add_record_tab(ReviewTab(self.services, context.bus), "Review")

        self.save_action = QAction("&Save peer worker", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_action.trigger)
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.setAccessibleName("Revert")
        self.revert_button.clicked.connect(self.revert)
        self.archive_button = QPushButton("&Archive…")
        self.archive_button.setAccessibleName("Archive")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.print_button = QPushButton("&Print record…")
        self.print_button.setAccessibleName("Print record")
        self.print_button.clicked.connect(self.print_record)
        buttons = QHBoxLayout()
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.print_button)
        self.rights_button = rights_button(self, self.services, context.bus, self._rights_subject)
        buttons.addWidget(self.rights_button)
        self.holds = RetentionHoldPanel(self.services, context.bus, RecordKind.PSW, self)
        self._record_tabs.append(self.holds)  # told which PSW on each load, like a tab
        buttons.addWidget(self.holds.place_button)
        buttons.addWidget(self.holds.lift_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        required = QLabel("Fields marked * are required.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.holds)  # "Restricted: kept, not used (request REQ-0004)"
        layout.addWidget(self.subtitle)
        layout.addWidget(required)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        # The tab bar's scroll arrows are for the mouse: keyboard users move between tabs with
        # Ctrl+Tab or the arrow keys, so the arrows must not take a stop in the Tab order.
        for arrow in self.tabs.tabBar().findChildren(QToolButton):
            arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        for editor in (
            self.contact, self.lived_experience, self.skills, self.interests, self.languages,
            self.availability, self.demographics,
        ):  # fmt: skip
            editor.changed.connect(self._on_edited)
        self.journey.change_requested.connect(self.ask_status_change)
        self.lived_experience.use_record(context, self.current, self.record_changed)
        self.reload_lists()
        self.load(None)

    # --- reading and loading ------------------------------------------------------------------

    def current(self) -> Psw | None:
        return self._psw

    def current_id(self) -> PswId | None:
        return self._psw.id if self._psw else None

    def details(self) -> PswDetails:
        """What the form holds now, in the order the vault returns lists (so equal means same)."""
        d = self.contact.apply_to(BLANK)
        d = self.availability.apply_to(d)
        return replace(
            d,
            lived_experience=self.lived_experience.value(),
            skills=self.skills.value(),
            interests=self.interests.value(),
            languages=self.languages.value(),
            demographics=self.demographics.value(),
        )

    def is_dirty(self) -> bool:
        base = self._psw.details if self._psw else BLANK
        return tidied(self.details()) != tidied(base) or bool(self._local_problems())

    def load(self, psw: Psw | None) -> None:
        """Show ``psw`` (None: a blank new record), dropping any unsaved edits."""
        self._psw = psw
        d = psw.details if psw else BLANK
        self._loading = True
        try:
            self.contact.show_details(d)
            self.availability.show_details(d)
            self.lived_experience.set_value(d.lived_experience)
            self.skills.set_value(d.skills)
            self.interests.set_value(d.interests)
            self.languages.set_value(d.languages)
            self.demographics.set_value(d.demographics)
        finally:
            self._loading = False
        self._show_problems = psw is not None
        self.checks.show_psw(psw.id if psw else None)
        self.recruitment.show_psw(psw.id if psw else None)
        for tab in self._record_tabs:
            tab.show_psw(psw.id if psw else None)
        self._show_record()
        self.validate_now()

    def restore_details(self, d: PswDetails) -> None:
        """Show ``d`` (kept when PeerDesk locked) over the loaded record, as unsaved edits."""
        self._loading = True
        try:
            self.contact.show_details(d)
            self.availability.show_details(d)
            self.lived_experience.set_value(d.lived_experience)
            self.skills.set_value(d.skills)
            self.interests.set_value(d.interests)
            self.languages.set_value(d.languages)
            self.demographics.set_value(d.demographics)
        finally:
            self._loading = False
        self._on_edited()

    def add_record_tab(self, tab: PswRecordTab, title: str) -> None:
        """Add a tab that shows more of the saved record (it is told which PSW on each load)."""
        self.tabs.addTab(as_widget(tab), title)
        self._tab_titles.append(title)
        self._record_tabs.append(tab)
        tab.show_psw(self._psw.id if self._psw else None)

    def record_changed(self, psw: Psw) -> None:
        """The shown record changed in the vault: reload, or keep typed edits on the new version."""
        if self.is_dirty():
            self._psw = psw
            self._show_record()
        else:
            self.load(psw)

    def reload_lists(self) -> None:
        """Lists were edited: offer the new items; each editor keeps what is ticked or chosen."""
        items = self.services.lists.items()
        by_kind = {kind: [i for i in items if i.kind is kind] for kind in ListKind}
        self._loading = True
        try:
            self.lived_experience.set_items(by_kind[ListKind.LIVED_EXPERIENCE])
            self.skills.set_items(by_kind[ListKind.SKILL])
            self.interests.set_items(by_kind[ListKind.INTEREST])
            self.languages.set_items(by_kind[ListKind.LANGUAGE])
            self.availability.set_items(by_kind[ListKind.AREA])
        finally:
            self._loading = False

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.contact.full_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_section(self, name: str) -> QWidget | None:
        """Open section ``name`` (see attention_targets), focus and return its first control."""
        if name == JOURNEY:
            self.tabs.setCurrentWidget(self.journey)
            self.journey.change.setFocus(Qt.FocusReason.OtherFocusReason)
            return self.journey.change
        self.tabs.setCurrentWidget(self.checks)
        return self.checks.focus_section(name)

    # --- checking -------------------------------------------------------------------------------

    def _local_problems(self) -> list[Problem]:
        return self.contact.local_problems() + self.lived_experience.local_problems()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def _check(self) -> None:
        """Service rules plus what only the form knows. Cheap: Save follows it on every edit."""
        self._problems = self._local_problems() + self.services.psws.check(
            self.details(), self._psw.id if self._psw else None
        )

    def validate_now(self) -> list[Problem]:
        """Check what is typed and show the result (typing waits for a pause before showing it)."""
        self._timer.stop()
        self._check()
        self._show(self._problems if self._show_problems else [])
        self._update_buttons()
        return self._problems

    def _show(self, problems: list[Problem]) -> None:
        for field, label in self._labels.items():
            label.set_problems([p for p in problems if p.field == field])
        self.summary.set_problems(problems)
        for index, title in enumerate(self._tab_titles):
            count = sum(1 for p in problems if self._field_tabs.get(p.field, 0) == index)
            suffix = "" if not count else f" ({count} {'problem' if count == 1 else 'problems'})"
            self.tabs.setTabText(index, title + suffix)

    def _show_problem_tab(self, problems: list[Problem]) -> None:
        first = next((p for p in problems if p.blocking), None)
        if first is not None:
            self.tabs.setCurrentIndex(self._field_tabs.get(first.field, 0))

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._show_problems = True
        self._check()
        self._after_change()
        self._timer.start()

    def _show_record(self) -> None:
        """Header, journey and archive button for the record as stored."""
        psw = self._psw
        if psw is None:
            self.subtitle.setText("Not saved yet. New records start at Enquiry.")
        else:
            since = f"{psw.status.label} since {format_date(psw.status_since)}"
            parts = [since, psw.details.role.label] + (["Archived"] if psw.archived else [])
            self.subtitle.setText(" · ".join(parts))
        self.journey.show_psw(psw)
        archived = bool(psw and psw.archived)
        self.archive_button.setText("Restore…" if archived else "&Archive…")
        self.archive_button.setAccessibleName("Restore" if archived else "Archive")
        self.archive_button.setEnabled(psw is not None)
        self.print_button.setEnabled(psw is not None)
        self._after_change()

    def _after_change(self) -> None:
        """Title and buttons follow whether anything typed differs from what is stored."""
        dirty = self.is_dirty()
        psw = self._psw
        stored = psw.details.display_name() if psw else ""
        name = self.details().display_name().strip() or stored or "New peer worker"
        self.title.setText(name + (" (unsaved changes)" if dirty else ""))
        self._update_buttons()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        blocked = any(p.blocking for p in self._problems)
        self.save_action.setEnabled(dirty and not blocked)
        self.save_button.setEnabled(self.save_action.isEnabled())
        self.revert_button.setEnabled(dirty)

    # --- actions --------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save what is typed; False (with the reason shown, and the text kept) if it could not."""
        self._show_problems = True
        problems = self.validate_now()
        if any(p.blocking for p in problems):
            self._show_problem_tab(problems)
            return False
        if self._psw is not None and not self.is_dirty():
            return True
        details = self.details()
        command: PswCommand
        if self._psw is None:
            command = CreatePswCommand(self.context, details)
        else:
            command = SavePswCommand(
                self.context,
                self._psw.id,
                before=self._psw.details,
                after=details,
                version=self._psw.version,
            )
        if not self._run(command, "Could not save"):
            return False
        psw = command.outcome.psw
        assert psw is not None
        self.load(psw)
        self.saved.emit(psw.id)
        return True

    def revert(self) -> None:
        if not self.is_dirty():
            return
        if message_boxes.confirm(
            self,
            title="Revert",
            text="Throw away the changes you typed and show the record as last saved?",
            action="Revert",
        ):
            self.load(self._psw)

    def _rights_subject(self) -> RightsSubject | None:
        psw = self._psw
        return None if psw is None else RightsSubject(psw.details.full_name, psw_id=psw.id)

    def print_record(self) -> None:
        """Print the record as stored (unsaved edits are not on it)."""
        if self._psw is not None:
            print_record(self, self.services, self._psw.id)

    def toggle_archived(self) -> None:
        psw = self._psw
        if psw is None:
            return
        name = psw.details.full_name
        archive = not psw.archived
        text = (
            f"Archive {name}? They leave the everyday lists; everything is kept, and you can "
            "restore them from \u201cArchived\u201d."
            if archive
            else f"Restore {name} to the everyday lists?"
        )
        action = "Archive" if archive else "Restore"
        if not message_boxes.confirm(self, title=action, text=text, action=action):
            return
        self._run(ArchivePswCommand(self.context, psw.id, archived=archive, name=name), action)

    def ask_status_change(self) -> None:
        if self._psw is not None:
            ask_status_change(self.context, self._psw, parent=self, to_section=self.show_section)

    def _run(self, command: PswCommand, title: str) -> bool:
        error: PeerDeskError | None = self.context.run(command)
        if error is None:
            return True
        if isinstance(error, ValidationFailed):
            self._problems = list(error.problems)
            self._show(self._problems)
            self._show_problem_tab(self._problems)
            self._update_buttons()
        message_boxes.show_error(self, title, str(error))
        return False
