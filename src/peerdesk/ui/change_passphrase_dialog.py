"""Changing your passphrase: only your key slot is rewritten, never the records."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, Problem, StorageUnavailable, WrongPassphrase
from peerdesk.services import vault_service
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.error_reporting import storage_problem_text
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.passphrase_fields import NewPassphraseFields, PassphraseEdit, deriving_key

TITLE = "Change passphrase"
EXPLANATION = (
    "Your records stay exactly as they are: only the passphrase that unlocks them changes. "
    "The recovery key you wrote down keeps working."
)
CHANGED = "Passphrase changed. Your recovery key still works."


class ChangePassphraseDialog(QDialog):
    """Asks for the current passphrase and a new one typed twice; says so when it is done."""

    def __init__(
        self, paths: VaultPaths, parent: QWidget | None = None, *, slot: str | None = None
    ) -> None:
        """``slot``: the signed-in user's key slot, the only one changed (None without users)."""
        super().__init__(parent)
        self.paths = paths
        self.slot = slot
        self.passphrase_changed = False
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # grows with the text
        self.form_page, self.done_page = self._form_page(), self._done_page()
        self.done_page.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_page)
        layout.addWidget(self.done_page)
        self.current.setFocus()

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        explanation = QLabel(EXPLANATION, page)
        explanation.setWordWrap(True)
        explanation.setAccessibleName("What changes")
        self.current = PassphraseEdit("Current passphrase", page)
        self.fields = NewPassphraseFields(
            page,
            label="&New passphrase:",
            repeat_label="Re&peat new passphrase:",
            show_label="S&how passphrases",
        )
        self.fields.show_toggle.add(self.current)
        form = new_form_layout()
        add_row(form, "C&urrent passphrase:", self.current).setWordWrap(False)
        self.current_problem = ProblemLabel(page).attach(form, self.current)
        self.fields.add_rows(form)
        self.problems = ProblemLabel(page)
        buttons = QDialogButtonBox(page)
        self.change_button: QPushButton = buttons.addButton(
            "Chan&ge passphrase", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setAccessibleName("Change passphrase")
        self.change_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("&Cancel")
        cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.current.textEdited.connect(self._update)
        self.fields.on_edited(self._update)
        self._update()
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_message = QLabel(CHANGED, page)
        self.done_message.setWordWrap(True)
        self.done_message.setTextFormat(Qt.TextFormat.PlainText)
        self.done_message.setAccessibleName("Result")
        buttons = QDialogButtonBox(page)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("&Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def change(self) -> None:
        """Re-key the passphrase slot; a wrong current passphrase changes nothing."""
        if not self.change_button.isEnabled():
            return
        self.problems.set_problems([])
        try:
            with deriving_key():
                vault_service.change_passphrase(
                    self.paths,
                    self.current.text(),
                    self.fields.passphrase(),
                    self.fields.repeat(),
                    slot=self.slot,
                )
        except WrongPassphrase as error:
            self.current_problem.set_problems([Problem("current", str(error))])
            self.current.selectAll()
            self.current.setFocus()
        except StorageUnavailable as error:
            text = storage_problem_text(error, self.paths.folder)
            self.problems.set_problems([Problem("vault", text)])
        except PeerDeskError as error:  # the rules refused the new passphrase
            self.problems.set_problems([Problem("passphrase", str(error))])
        else:
            self.passphrase_changed = True
            self.current.clear()
            self.fields.clear()
            self.form_page.hide()
            self.done_page.show()
            self.adjustSize()
            self.close_button.setFocus()

    def _update(self) -> None:
        self.current_problem.set_problems([])
        blocking = not self.current.text() or bool(self.fields.problems())
        self.change_button.setEnabled(not blocking)
        shown = self.fields.visible_problems()
        self.problems.set_problems([Problem("passphrase", m) for m in shown])
