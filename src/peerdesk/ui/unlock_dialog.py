"""Unlocking the vault with the passphrase, or with the recovery key when it is forgotten."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError, Problem, RecoveryKeyTypo, StorageUnavailable
from peerdesk.services import vault_service
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.error_reporting import storage_problem_text
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout
from peerdesk.ui.passphrase_fields import (
    NewPassphraseFields,
    PassphraseEdit,
    ShowPassphraseToggle,
    deriving_key,
)

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace

TITLE = "Unlock PeerDesk"
RECOVERY_EXPLANATION = (
    "Type the recovery key you wrote down when this vault was set up, then choose a new "
    "passphrase. Your records are not changed, and the recovery key keeps working afterwards."
)
NOBODY_ELSE = (
    "Nobody can open this vault without your passphrase or recovery key, not even PeerDesk's "
    "makers."
)
FORGOTTEN = "&Forgotten passphrase?"
FREE_TRIES = 3
MAX_WAIT_SECONDS = 30
UNLOCK_PAGE, RECOVERY_PAGE = 0, 1


class UnlockDialog(QDialog):
    """Asks for the passphrase; once accepted, ``workspace`` is the open vault."""

    def __init__(
        self,
        paths: VaultPaths,
        organisation_hint: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.workspace: Workspace | None = None
        self.failures = 0
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # grows with the text
        self.storage_error = ProblemLabel(self)
        # Pages shown and hidden in one layout rather than a QStackedWidget, which would size
        # the short unlock page by the taller recovery page's wrapped text.
        self.pages = [self._unlock_page(organisation_hint), self._recovery_page()]
        layout = QVBoxLayout(self)
        for page in self.pages:
            layout.addWidget(page)
        layout.addWidget(self.storage_error)
        self._show_page(UNLOCK_PAGE)

    # Unlocking with the passphrase

    def _unlock_page(self, organisation_hint: str | None) -> QWidget:
        page = QWidget(self)
        heading = QLabel(f"<b>{TITLE}</b>", page)
        where = f"The vault for {organisation_hint}" if organisation_hint else "The vault"
        location = QLabel(f"{where}, in {self.paths.folder}.", page)
        location.setWordWrap(True)
        location.setTextFormat(Qt.TextFormat.PlainText)
        location.setAccessibleName("Which vault")
        self.passphrase = PassphraseEdit("Passphrase", page)
        self.show_passphrase = ShowPassphraseToggle("&Show passphrase", page)
        self.show_passphrase.add(self.passphrase)
        form = new_form_layout()
        add_row(form, "&Passphrase:", self.passphrase).setWordWrap(False)
        form.addRow(self.show_passphrase)
        self.message = ProblemLabel(page).attach(form, self.passphrase)
        self.unlock_button = self._button("&Unlock", page, self.unlock)
        self.unlock_button.setDefault(True)
        self.forgotten_button = self._button(
            FORGOTTEN, page, lambda: self._show_page(RECOVERY_PAGE)
        )
        self.forgotten_button.setFlat(True)
        self.quit_button = self._button("&Quit", page, self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgotten_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, location):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.passphrase.textEdited.connect(lambda: self._say(self.message, ""))
        return page

    def unlock(self) -> None:
        """Try the typed passphrase; a wrong one leaves every file exactly as it was."""
        if not self.unlock_button.isEnabled():
            return
        if not self.passphrase.text():
            self._say(self.message, "Type your passphrase, then choose Unlock.")
            self.passphrase.setFocus()
            return
        self._say(self.storage_error, "")
        try:
            with deriving_key():
                workspace = vault_service.unlock(self.paths, self.passphrase.text())
        except StorageUnavailable as error:
            self._show_storage_error(error)
        except PeerDeskError as error:  # WrongPassphrase: the service's own words
            self.failures += 1
            self._say(self.message, str(error))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            self._slow_down()
        else:
            self._opened(workspace)

    def _slow_down(self) -> None:
        """After a few wrong tries, wait a little longer each time before the next."""
        if self.failures < FREE_TRIES:
            return
        seconds = min(2 ** (self.failures - FREE_TRIES), MAX_WAIT_SECONDS)
        said = self.message.problems[0].message if self.message.problems else ""
        self.unlock_button.setEnabled(False)
        plural = "s" if seconds != 1 else ""
        self._say(self.message, f"{said} You can try again in {seconds} second{plural}.")

        def ready() -> None:
            self.unlock_button.setEnabled(True)
            if self.message.problems:  # not yet cleared by typing
                self._say(self.message, said)

        QTimer.singleShot(seconds * 1000, self, ready)

    # Unlocking with the recovery key

    def _recovery_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel("<b>Unlock with your recovery key</b>", page)
        explanation = QLabel(RECOVERY_EXPLANATION, page)
        explanation.setWordWrap(True)
        explanation.setAccessibleName("How recovery works")
        self.nobody_else = QLabel(NOBODY_ELSE, page)
        self.nobody_else.setWordWrap(True)
        self.nobody_else.setAccessibleName("Who can open the vault")
        self.recovery_key = QLineEdit(page)
        self.recovery_key.setAccessibleName("Recovery key")
        self.recovery_key.setAccessibleDescription(
            "Eight groups of five letters and digits. Spaces, hyphens and capitals do not matter."
        )
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.new_passphrase = NewPassphraseFields(
            page,
            label="&New passphrase:",
            repeat_label="Re&peat new passphrase:",
            show_label="S&how passphrases",
        )
        form = new_form_layout()
        add_row(form, "Recovery &key:", self.recovery_key).setWordWrap(False)
        self.key_problem = ProblemLabel(page).attach(form, self.recovery_key)
        self.new_passphrase.add_rows(form)
        self.recovery_message = ProblemLabel(page)
        self.recover_button = self._button("Set passphrase and &unlock", page, self.recover)
        self.back_button = self._button("&Back", page, lambda: self._show_page(UNLOCK_PAGE))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.nobody_else)
        layout.addLayout(form)
        layout.addWidget(self.recovery_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.recovery_key.textEdited.connect(self._update_recovery)
        self.new_passphrase.on_edited(self._update_recovery)
        self._update_recovery()
        return page

    def recover(self) -> None:
        """Open with the recovery key and set the new passphrase in the same step."""
        if self.new_passphrase.problems() or not self.recovery_key.text().strip():
            return
        self._say(self.storage_error, "")
        try:
            with deriving_key():
                workspace = vault_service.unlock_with_recovery_key(
                    self.paths, self.recovery_key.text(), self.new_passphrase.passphrase()
                )
        except StorageUnavailable as error:
            self._show_storage_error(error)
        except RecoveryKeyTypo as error:
            self._say(self.key_problem, str(error))
            self.recovery_key.setFocus()
            if error.group is not None:
                self._select_group(error.group)
        except PeerDeskError as error:  # a wrong key, or a passphrase the rules refuse
            self._say(self.key_problem, str(error))
            self.recovery_key.setFocus()
        else:
            self._opened(workspace)

    def _update_recovery(self) -> None:
        blocking = self.new_passphrase.problems() or not self.recovery_key.text().strip()
        self.recover_button.setEnabled(not blocking)
        shown = self.new_passphrase.visible_problems()
        self.recovery_message.set_problems([Problem("passphrase", m) for m in shown])

    def _select_group(self, group: int) -> None:
        """Select the characters of ``group`` (1-based) in the key as typed, to retype them."""
        text = self.recovery_key.text()
        positions = [i for i, ch in enumerate(text) if ch.isalnum()]
        size = len(positions) // 8 if len(positions) % 8 == 0 else 0
        if not size:
            return
        first, last = positions[(group - 1) * size], positions[group * size - 1]
        self.recovery_key.setSelection(first, last - first + 1)

    # Shared

    def _opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.passphrase.clear()
        self.new_passphrase.clear()
        self.recovery_key.clear()
        self.accept()

    def _show_storage_error(self, error: StorageUnavailable) -> None:
        self._say(self.storage_error, storage_problem_text(error, self.paths.folder))

    def _show_page(self, index: int) -> None:
        for number, page in enumerate(self.pages):
            page.setVisible(number == index)
        self._say(self.storage_error, "")
        (self.passphrase if index == UNLOCK_PAGE else self.recovery_key).setFocus()
        self.unlock_button.setDefault(index == UNLOCK_PAGE)
        self.recover_button.setDefault(index == RECOVERY_PAGE)
        self.adjustSize()

    @staticmethod
    def _say(label: ProblemLabel, message: str) -> None:
        label.set_problems([Problem("vault", message)] if message else [])

    @staticmethod
    def _button(text: str, parent: QWidget, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button
