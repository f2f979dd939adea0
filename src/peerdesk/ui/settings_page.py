"""The Settings page: organisation, stages, requirements, training, matching, supervision."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.roles import Action
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import section
from peerdesk.ui.framework_editor import FrameworkSection
from peerdesk.ui.induction_template_editor import InductionTemplateSection
from peerdesk.ui.lock_settings import LockSection
from peerdesk.ui.matching_weights_editor import MatchingWeightsSection
from peerdesk.ui.organisation_settings import OrganisationSection
from peerdesk.ui.outcome_measures_editor import OutcomeMeasuresSection
from peerdesk.ui.policies_editor import PoliciesSection
from peerdesk.ui.related_families_editor import RelatedFamiliesSection
from peerdesk.ui.retention_settings import RetentionRulesSection
from peerdesk.ui.rights_settings import RightsSettingsSection
from peerdesk.ui.settings_parts import SettingsSection
from peerdesk.ui.stage_targets_editor import StageTargetsSection
from peerdesk.ui.supervision_policy_editor import SupervisionPolicySection
from peerdesk.ui.training_catalogue import CoursesSection, TopicsSection
from peerdesk.ui.trustees_settings import TrusteesSettingsSection
from peerdesk.ui.users_settings import UsersSection


def _scrolling(inner: QWidget) -> QScrollArea:
    """Scroll rather than squash when the text is large or the window small."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def _boxed(title: str, part: SettingsSection) -> QWidget:
    inner = QVBoxLayout()
    inner.setContentsMargins(0, 0, 0, 0)
    inner.addWidget(part)
    return section(title, inner)


def _page(layout: QLayout) -> QWidget:
    holder = QWidget()
    holder.setLayout(layout)
    return holder


class SettingsPage(QWidget):
    """One tab per part. Every save is one service call, published on the change bus; parts
    re-read when someone else's change touches what they show."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.setAccessibleName("Settings")
        self.organisation = OrganisationSection(services, bus)
        self.stage_targets = StageTargetsSection(services, bus)
        self.policies = PoliciesSection(services, bus)
        self.induction = InductionTemplateSection(services, bus)
        self.topics = TopicsSection(services, bus)
        self.courses = CoursesSection(services, bus)
        self.matching = MatchingWeightsSection(services, bus)
        self.related_families = RelatedFamiliesSection(services, bus)
        self.outcomes = OutcomeMeasuresSection(services, bus)
        self.supervision = SupervisionPolicySection(services, bus)
        self.framework = FrameworkSection(services, bus)
        self.rights = RightsSettingsSection(services, bus)
        self.trustees = TrusteesSettingsSection(services, bus)
        self.sections: tuple[SettingsSection, ...] = (
            self.organisation,
            self.stage_targets,
            self.policies,
            self.induction,
            self.topics,
            self.courses,
            self.matching,
            self.related_families,
            self.outcomes,
            self.supervision,
            self.framework,
            self.rights,
            self.trustees,
        )

        general = QVBoxLayout()
        general.addWidget(_boxed("Organisation", self.organisation))
        general.addWidget(_boxed("Recruitment stage targets", self.stage_targets))
        general.addWidget(_boxed("Trustees' report", self.trustees))
        self.lock = LockSection(services, bus)
        self.sections += (self.lock,)
        general.addWidget(_boxed("Locking", self.lock))
        general.addStretch(1)
        # side by side, the course table getting most of the width; the divider can be dragged
        self.training = QSplitter(Qt.Orientation.Horizontal)
        self.training.setChildrenCollapsible(False)
        self.training.addWidget(_boxed("Topics", self.topics))
        self.training.addWidget(_boxed("Course catalogue", self.courses))
        self.training.setStretchFactor(0, 1)
        self.training.setStretchFactor(1, 3)
        em = self.fontMetrics().averageCharWidth()
        self.training.setSizes([em * 36, em * 110])  # topics are short; courses have 5 columns

        matching = QVBoxLayout()
        matching.addWidget(_boxed("Criterion weights", self.matching))
        matching.addWidget(_boxed("Related lived-experience families", self.related_families))
        matching.addStretch(1)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Settings parts")
        self.tabs.tabBar().setAccessibleName("Settings parts")
        self.tabs.addTab(_scrolling(_page(general)), "Organisation and stages")
        self.tabs.addTab(self.policies, "Requirements")
        self.tabs.addTab(_scrolling(self.induction), "Induction template")
        self.tabs.addTab(self.training, "Training catalogue")
        self.matching_tab = _scrolling(_page(matching))
        self.tabs.addTab(self.matching_tab, "Matching")
        self.tabs.addTab(_boxed("Outcome measures", self.outcomes), "Outcome measures")
        self.supervision_tab = _scrolling(_boxed("Supervision frequency", self.supervision))
        self.tabs.addTab(self.supervision_tab, "Supervision")
        self.framework_tab = _boxed("Competence framework", self.framework)
        self.tabs.addTab(self.framework_tab, "Annual review")
        self.rights_tab = _boxed("Due dates and bank holidays", self.rights)
        self.tabs.addTab(self.rights_tab, "Data rights requests")
        self.retention = RetentionRulesSection(services, bus)
        self.sections += (self.retention,)
        self.retention_tab = _scrolling(_boxed("Retention rules", self.retention))
        self.tabs.addTab(self.retention_tab, "Retention")
        self.users: UsersSection | None = None
        if services.viewer.can(Action.MANAGE_USERS):  # coordinators only
            self.users = UsersSection(services, bus)
            self.sections += (self.users,)
            self.tabs.addTab(_scrolling(_boxed("Users and roles", self.users)), "Users")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        bus.changed.connect(self._bus_changed)

    def _bus_changed(self, changes: Changes, origin: object) -> None:
        for part in self.sections:
            if origin is not part and part.cares(changes):
                part.refresh()
