"""File › Restore from a backup…: unlock it with the passphrase of its time, preview, restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.services import restore_service
from peerdesk.services.bundle import Services
from peerdesk.services.restore_service import OpenBackup, RestorePreview
from peerdesk.storage.workspace import Workspace
from peerdesk.ui.form_fields import add_row, new_form_layout
from peerdesk.ui.passphrase_fields import PassphraseEdit

TITLE = "Restore from a backup"
RESTORED = (
    "The backup is back in place and PeerDesk will now close. Open it again with the passphrase "
    "(or recovery key) of the time the backup was made."
)
DAMAGED_ERASURES = (
    "Records erased after this backup was made cannot be read from the damaged vault, so they "
    "may come back: after restoring, use File › Review retention… and check the rights "
    "requests log for erasure requests."
)

LABELS = {
    "psw": "Peer workers",
    "person": "Supported people",
    "match": "Matches",
    "contact": "Contacts",
    "supervision_session": "Supervision sessions",
    "annual_review": "Annual reviews",
    "safeguarding_concern": "Safeguarding concerns",
    "rights_request": "Rights requests",
    "erasure": "Erasures recorded",
    "audit_log": "Audit log entries",
    "setting": "Settings",
}


def preview_text(plan: RestorePreview, *, damaged: bool = False) -> str:
    """What the coordinator reads before restoring: counts then and now, erasures, upgrade.

    ``damaged``: the vault here was set aside as damaged, so it is neither counted, read for
    erasures since the backup, nor backed up first (it stays in the quarantine folder).
    """
    lines = [f"Made {plan.made_at:%a %d %b %Y, %H:%M}.", ""]
    for table in sorted(plan.counts_then):
        then, now = plan.counts_then[table], plan.counts_now.get(table, 0)
        label = LABELS.get(table, table.replace("_", " ").capitalize())
        if damaged:
            lines.append(f"{label}: {then:,} in the backup")
        else:
            lines.append(f"{label}: {then:,} in the backup, {now:,} now")
    lines.append("")
    if damaged:
        lines.append(DAMAGED_ERASURES)
    elif plan.erasures:
        lines.append(
            f"{len(plan.erasures):,} record(s) erased or anonymised since then will be done again."
        )
    else:
        lines.append("Nothing has been erased since then.")
    if plan.needs_upgrade:
        lines.append("It was made by an older PeerDesk and will be upgraded.")
    if damaged:
        lines.append("The damaged vault stays set aside, unchanged, in the quarantine folder.")
    else:
        lines.append("Your vault as it is now is backed up first.")
    return "\n".join(lines)


class RestoreDialog(QDialog):
    """Passphrase (or recovery key) of the backup's time → Check backup → preview → Restore."""

    def __init__(self, services: Services, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.folder = services, folder
        self.opened: OpenBackup | None = None
        self.restored = False
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Backup folder: {folder}\n\nType the passphrase that opened PeerDesk when this "
            "backup was made (it may differ from today's)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = new_form_layout()
        self.secret = PassphraseEdit("Passphrase of the backup's time")
        add_row(form, "&Passphrase:", self.secret)
        self.use_recovery = QCheckBox("It is the &recovery key")
        self.use_recovery.setAccessibleName("The text typed is the recovery key")
        form.addRow(self.use_recovery)
        layout.addLayout(form)
        self.check_button = QPushButton("&Check backup")
        self.check_button.setAccessibleName("Check backup")
        self.check_button.clicked.connect(self.check)
        layout.addWidget(self.check_button)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("What the backup holds")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("Re&store", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setAccessibleName("Restore this backup")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel: leave the vault as it is")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: self._forget())

    @property
    def current(self) -> Workspace | None:
        """The vault being replaced; None once it was set aside as damaged (nothing to read)."""
        workspace = self.services.workspace
        return None if workspace.damaged else workspace

    def check(self) -> None:
        self._forget()
        secret = self.secret.text()
        if not secret:
            self.message.setText("Problem: type the backup's passphrase or recovery key.")
            return
        try:
            kind = "recovery_key" if self.use_recovery.isChecked() else "passphrase"
            self.opened = restore_service.open_backup(self.folder, **{kind: secret})
            plan = restore_service.preview(self.opened, self.current)
        except PeerDeskError as error:
            self._forget()
            self.message.setText(f"Problem: {error}")
            self.adjustSize()
            return
        self.message.setText(preview_text(plan, damaged=self.current is None))
        self.adjustSize()
        self.restore_button.setEnabled(True)
        self.restore_button.setFocus()

    def restore(self) -> None:
        if self.opened is None:
            return
        try:
            done = restore_service.restore(
                self.opened, self.services.paths, self.current, self.services.clock
            )
        except PeerDeskError as error:
            QMessageBox.warning(self, TITLE, f"Not restored: {error}")
            return
        done.workspace.close()
        self.restored = True
        QMessageBox.information(self, TITLE, RESTORED)
        self.accept()

    def _forget(self) -> None:
        self.restore_button.setEnabled(False)
        if self.opened is not None:
            self.opened.close()
            self.opened = None
