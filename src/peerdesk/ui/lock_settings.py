"""Settings: how many minutes without use before PeerDesk locks itself (always on)."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.lock_settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import button, button_row
from peerdesk.ui.form_fields import add_row, new_form_layout
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

LOCK_NOTE = (
    f"PeerDesk locks itself after this many minutes without a key press or mouse use "
    f"({MIN_IDLE_MINUTES} to {MAX_IDLE_MINUTES}), when the computer sleeps, and when you choose "
    "File › Lock (Ctrl+L). It always locks: there is no “never”."
)


class LockSection(SettingsSection):
    """The idle limit, saved on its own."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(" minutes")
        self.minutes.setAccessibleDescription(LOCK_NOTE)
        self.save_button = button("Save &lock time", "Save lock time")
        self.save_button.clicked.connect(self.save)
        form = new_form_layout()
        add_row(form, "Lock after idle &for:", self.minutes, name="Lock after idle for")
        form.addRow(note(LOCK_NOTE))
        form.addRow(button_row([self.save_button]))
        self.column.addLayout(form)
        self.finish()
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings

    def refresh(self) -> None:
        self.minutes.setValue(self.services.lock_settings.idle_minutes())

    def save(self) -> None:
        def run() -> Outcome:
            minutes = self.minutes.value()
            changes = self.services.lock_settings.set_idle_minutes(minutes)
            return changes, f"PeerDesk will lock after {minutes} minutes without use."

        self.attempt(run)
