"""First run: name the organisation, choose a passphrase, create the vault, see the key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, Problem
from peerdesk.services import vault_service
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import DEFAULT_KDF, KdfParams
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.passphrase_fields import NewPassphraseFields
from peerdesk.ui.recovery_key_dialog import RecoveryKeyDialog
from peerdesk.ui.unlock_dialog import NOBODY_ELSE

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace

TITLE = "Set up PeerDesk"
EXPLANATION = (
    "PeerDesk keeps all your records in one encrypted file, the vault, on this computer (in "
    "{folder}). Only your passphrase opens it, and a forgotten passphrase cannot be recovered "
    "without the recovery key you will be shown next."
)
CREATING = "Creating the vault… this takes a few seconds."


class SetupDialog(QDialog):
    """Creates the vault; once accepted, ``workspace`` is the open vault."""

    def __init__(
        self,
        paths: VaultPaths,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.kdf = kdf
        self.workspace: Workspace | None = None
        self.recovery_key_dialog: RecoveryKeyDialog | None = None
        self._organisation_touched = False
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # grows with the text

        heading = QLabel(f"<b>{TITLE}</b>", self)
        explanation = QLabel(EXPLANATION.format(folder=paths.folder), self)
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setAccessibleName("What a vault is")
        self.nobody_else = QLabel(NOBODY_ELSE, self)
        self.nobody_else.setWordWrap(True)
        self.nobody_else.setAccessibleName("Who can open the vault")

        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName("Organisation name")
        self.organisation.setAccessibleDescription("Shown on screens and printed summaries.")
        self.fields = NewPassphraseFields(self)
        form = new_form_layout()
        add_row(form, "&Organisation name:", self.organisation).setWordWrap(False)
        self.fields.add_rows(form)

        self.problems = ProblemLabel(self, heading=False)
        self.error = ProblemLabel(self)
        self.status = QLabel(self)
        self.status.setAccessibleName("Progress")

        buttons = QDialogButtonBox(self)
        self.create_button: QPushButton = buttons.addButton(
            "Create &vault", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName("Create vault")
        self.create_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("&Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        buttons.accepted.connect(self.create_vault)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.nobody_else)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.organisation.textEdited.connect(self._organisation_edited)
        self.fields.on_edited(self._update)
        self._update()
        self.organisation.setFocus()

    def problem_messages(self) -> list[str]:
        """Everything that stops the vault being created, as the vault service judges it."""
        found = vault_service.setup_problems(
            self.organisation.text(), self.fields.passphrase(), self.fields.repeat()
        )
        return [p.message for p in found if p.blocking]

    def shown_problems(self) -> list[Problem]:
        """The problems worth showing now: none about a field the user has not reached yet."""
        shown = [Problem("passphrase", m) for m in self.fields.visible_problems()]
        if self._organisation_touched:
            found = vault_service.setup_problems(self.organisation.text(), "", "")
            shown = [p for p in found if p.field == "organisation"] + shown
        return shown

    def create_vault(self) -> None:
        """Create the vault (Argon2id runs here, briefly), then show the recovery key."""
        if self.workspace is not None or self.problem_messages():
            return
        self.error.set_problems([])
        self._set_busy(True)
        try:
            made = vault_service.create(
                self.paths,
                organisation=self.organisation.text(),
                passphrase=self.fields.passphrase(),
                kdf=self.kdf,
            )
        except PeerDeskError as error:
            self._set_busy(False)
            self.error.set_problems(
                [Problem("vault", f"PeerDesk could not create the vault. {error}")]
            )
            self.create_button.setFocus()
            return
        self._set_busy(False)
        self.workspace = made.workspace
        self.fields.clear()  # the passphrase is not kept in the widgets any longer than needed
        for widget in (self.organisation, self.create_button, self.cancel_button):
            widget.setEnabled(False)
        self.fields.set_enabled(False)
        self.status.setText("The vault is ready. Write down your recovery key to continue.")
        self.recovery_key_dialog = RecoveryKeyDialog(made.recovery_key, self)
        self.recovery_key_dialog.accepted.connect(self.accept)
        self.recovery_key_dialog.open()

    def reject(self) -> None:
        if self.workspace is None:  # once created, the only way on is through the recovery key
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace is not None and self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)

    def _organisation_edited(self) -> None:
        self._organisation_touched = True
        self._update()

    def _update(self) -> None:
        blocking = self.problem_messages()
        self.create_button.setEnabled(not blocking and self.workspace is None)
        self.problems.set_problems(self.shown_problems())

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.organisation, self.create_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.fields.set_enabled(not busy)
        if busy:
            self.status.setText(CREATING)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            # Paint the message before the key derivation holds the UI thread; no user input.
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        else:
            QApplication.restoreOverrideCursor()
            self.status.clear()
            self._update()
