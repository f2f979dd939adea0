"""Add or edit one requirement policy; saving first previews how many it makes overdue."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import DbsLevel
from peerdesk.domain.requirement_policy import Applies, Policy, RequirementKind
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.form_fields import compact
from peerdesk.ui.settings_parts import whole_number

NO_EXPIRY_HINT = "Empty means it never expires."
WINDOW_HINT = "Days before expiry it shows due soon."
GRACE_HINT = "Days after expiry it is still usable."


def satisfied_by(policy: Policy) -> str:
    """What meets the requirement, in words ("Enhanced DBS or higher")."""
    kind = policy.kind
    if kind is RequirementKind.DBS:
        level = policy.dbs_level.label if policy.dbs_level else "any"
        return f"{level} DBS or higher"
    if kind is RequirementKind.REFERENCES:
        n = policy.references_needed
        return "1 satisfactory reference" if n == 1 else f"{n} satisfactory references"
    if kind is RequirementKind.OCCUPATIONAL_HEALTH:
        return "Occupational health outcome"
    if kind is RequirementKind.INDUCTION:
        return "Induction completed"
    return f"Training: {policy.topic or 'no topic'}"


def overdue_question(count: int) -> str:
    who = "1 PSW" if count == 1 else f"{count:,} PSWs"
    return f"This makes {who} overdue. Save the change?"


class PolicyDialog(CheckDialog):
    """Problems show under the field they name as you type (``PolicyService.check``)."""

    def __init__(
        self, services: Services, policy: Policy | None = None, parent: QWidget | None = None
    ) -> None:
        adding = policy is None
        super().__init__(
            "Add requirement" if adding else "Edit requirement",
            "&Add requirement" if adding else "&Save requirement",
            parent,
        )
        self.services = services
        # one line per hint beside the longest label, even at large text sizes
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.original = policy or Policy(0, "", RequirementKind.DBS, dbs_level=DbsLevel.ENHANCED)
        self.saved: Policy | None = None
        self.name = QLineEdit()
        self.kind = self._combo([(k.label, k) for k in RequirementKind])
        self.dbs_level = self._combo([(level.label, level) for level in DbsLevel])
        self.references = QSpinBox()
        self.references.setRange(0, 10)
        self.topic = compact(QComboBox(), 20)
        for topic in services.training.topics():
            if not topic.retired or topic.name == self.original.topic:
                self.topic.addItem(topic.name)
        self.applies = self._combo([(a.label, a) for a in Applies])
        self.validity = QLineEdit()
        self.validity.setPlaceholderText("no expiry")
        self.renewal = QLineEdit()
        self.grace = QLineEdit()
        self.add_field("name", "&Name:", self.name)
        self.add_field("kind", "Satisfied &by:", self.kind)
        self.add_field("dbs_level", "DBS &level or higher:", self.dbs_level)
        self.add_field("references_needed", "&References needed:", self.references)
        self.add_field("topic", "Training &topic:", self.topic)
        self.add_field("applies", "A&pplies to:", self.applies)
        self.add_field("validity_months", "&Validity (months):", self.validity, hint=NO_EXPIRY_HINT)
        self.add_field("window_days", "Renewal &window (days):", self.renewal, hint=WINDOW_HINT)
        self.add_field("grace_days", "&Grace (days):", self.grace, hint=GRACE_HINT)
        self.finish_layout()
        self._fill(self.original)
        self._show_kind_rows()
        for edit in (self.name, self.validity, self.renewal, self.grace):
            edit.textEdited.connect(self.edited)
        for combo in (self.kind, self.dbs_level, self.topic, self.applies):
            combo.currentIndexChanged.connect(self.edited)
        self.kind.currentIndexChanged.connect(self._show_kind_rows)
        self.references.valueChanged.connect(self.edited)

    @staticmethod
    def _combo(entries: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        for text, value in entries:
            combo.addItem(text, value)
        return combo

    def _fill(self, policy: Policy) -> None:
        self.name.setText(policy.name)
        self.kind.setCurrentIndex(self.kind.findData(policy.kind))
        self.dbs_level.setCurrentIndex(max(0, self.dbs_level.findData(policy.dbs_level)))
        self.references.setValue(policy.references_needed)
        if policy.topic:
            self.topic.setCurrentText(policy.topic)
        self.applies.setCurrentIndex(self.applies.findData(policy.applies))
        months = policy.validity_months
        self.validity.setText("" if months is None else str(months))
        self.renewal.setText(str(policy.window_days))
        self.grace.setText(str(policy.grace_days))

    def _show_kind_rows(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in (
            (self.dbs_level, kind is RequirementKind.DBS),
            (self.references, kind is RequirementKind.REFERENCES),
            (self.topic, kind is RequirementKind.TRAINING),
        ):
            self.form.setRowVisible(widget, shown)
        self.adjustSize()

    def _numbers(self, problems: list[Problem]) -> tuple[int | None, int, int]:
        months = whole_number(
            self.validity.text(),
            field="validity_months",
            what="validity",
            problems=problems,
            blank_ok=True,
        )
        window = whole_number(
            self.renewal.text(), field="window_days", what="renewal window", problems=problems
        )
        grace = whole_number(self.grace.text(), field="grace_days", what="grace", problems=problems)
        return months, window or 0, grace or 0

    def policy(self) -> Policy:
        """The policy as typed; numbers that are not numbers stand in as none or 0."""
        months, window, grace = self._numbers([])
        kind = self.kind.currentData()
        return replace(
            self.original,
            name=self.name.text(),
            kind=kind,
            dbs_level=self.dbs_level.currentData() if kind is RequirementKind.DBS else None,
            references_needed=self.references.value(),
            topic=self.topic.currentText() if kind is RequirementKind.TRAINING else None,
            applies=self.applies.currentData(),
            validity_months=months,
            window_days=window,
            grace_days=grace,
        )

    def local_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        self._numbers(problems)
        return problems

    def service_problems(self) -> list[Problem]:
        return self.services.policies.check(self.policy())

    def save(self) -> None:
        """Preview first: a change that makes anyone overdue is saved only if confirmed."""
        if not any(p.blocking for p in self.current_problems()):
            count = self.services.policies.preview_change(self.policy())
            if count and not message_boxes.confirm(
                self,
                title="Save requirement",
                text=overdue_question(count),
                action="&Save",
            ):
                return  # nothing saved; the dialog stays open to change it or cancel
        super().save()

    def submit(self) -> Changes:
        self.saved, changes = self.services.policies.save(self.policy())
        return changes
