"""Settings: the requirement policies every PSW is judged against, in a table with a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.domain.requirement_policy import Policy
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import RecordsView, RowsModel, button, button_row
from peerdesk.ui.policy_dialog import PolicyDialog, satisfied_by
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

INTRODUCTION = (
    "What each peer support worker needs before they can be active, and how long it stays in "
    "date. Changing a requirement re-checks everyone; you are told first if it makes anyone "
    "overdue."
)
TITLES = ("Name", "Satisfied by", "Applies to", "Validity", "Renewal window", "Grace")


def _days(days: int, months: int | None) -> str:
    if months is None:
        return "—"
    return "1 day" if days == 1 else f"{days:,} days"


def policy_row(policy: Policy) -> list[str]:
    months = policy.validity_months
    validity = "no expiry" if months is None else ("1 month" if months == 1 else f"{months} months")
    return [
        policy.name,
        satisfied_by(policy),
        policy.applies.label,
        validity,
        _days(policy.window_days, months),
        _days(policy.grace_days, months),
    ]


class PoliciesSection(SettingsSection):
    """Add and edit in a dialog; remove after asking."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.policies: list[Policy] = []
        self.model = RowsModel(TITLES, self)
        self.table = RecordsView(self.model, "Requirements", on_open=self.edit)
        self.add_button = button("&Add requirement…", "Add requirement")
        self.edit_button = button("Ed&it requirement…", "Edit requirement")
        self.remove_button = button("&Remove requirement", "Remove requirement")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.column.addWidget(note(INTRODUCTION))
        self.column.addWidget(self.table, 1)
        self.column.addWidget(button_row([self.add_button, self.edit_button, self.remove_button]))
        self.finish(stretch=False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        self.policies = self.services.policies.policies()
        self.model.set_rows([policy_row(p) for p in self.policies])
        ids = [p.id for p in self.policies]
        self.table.select_row(ids.index(keep.id) if keep and keep.id in ids else None)
        self._update_buttons()

    def selected(self) -> Policy | None:
        row = self.table.selected_row()
        return None if row is None or row >= len(self.policies) else self.policies[row]

    def select(self, policy_id: int) -> None:
        ids = [p.id for p in self.policies]
        self.table.select_row(ids.index(policy_id) if policy_id in ids else None)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add(self) -> None:
        self._open(PolicyDialog(self.services, None, self))

    def edit(self) -> None:
        policy = self.selected()
        if policy is not None:
            self._open(PolicyDialog(self.services, policy, self))

    def _open(self, dialog: PolicyDialog) -> None:
        def said() -> str:
            if dialog.saved is None:
                return ""
            self.select(dialog.saved.id)
            return f"Saved “{dialog.saved.name}”. Everyone’s due dates were re-checked."

        self.open_dialog(dialog, said)

    def remove(self) -> None:
        policy = self.selected()
        if policy is None:
            return
        if not message_boxes.confirm(
            self,
            title="Remove requirement",
            text=f"Remove “{policy.name}”? Nobody will be checked for it any more.",
            action="&Remove",
        ):
            return

        def run() -> Outcome:
            changes = self.services.policies.remove(policy.id)
            return changes, f"Removed “{policy.name}”."

        self.attempt(run)
