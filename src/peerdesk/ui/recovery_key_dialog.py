"""Shows a new vault's recovery key once, and checks it was written down before going on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import Problem
from peerdesk.ui.form_fields import ProblemLabel

TITLE = "Your recovery key"
EXPLANATION = (
    "Write this down and keep it somewhere safe, away from the laptop. It is the only way in if "
    "the passphrase is forgotten. PeerDesk will not show it again."
)
GROUPS_PER_ROW = 4
# Crockford base32, as the key is read back when unlocking: these letters mean these digits.
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_group(text: str) -> str:
    """Read a typed group as the vault will: case, spaces and hyphens ignored, O/I/L as 0/1/1."""
    kept = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_.")
    return kept.translate(_ALIASES)


class RecoveryKeyDialog(QDialog):
    """Shown once after setup. Only Continue closes it, and only once the key is confirmed."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups = recovery_key.split("-")
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # grows with the text
        # No close button: the key exists nowhere else, so leaving before writing it down is
        # not offered.
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        heading = QLabel(f"<b>{TITLE}</b>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        explanation = QLabel(EXPLANATION, self)
        explanation.setWordWrap(True)
        explanation.setAccessibleName("Why this matters")

        self.written = QCheckBox("I have &written down the recovery key", self)
        self.written.setAccessibleName("I have written down the recovery key")
        self.last_group = QLineEdit(self)
        self.last_group.setAccessibleName(f"Group {len(self.groups)} of the recovery key")
        self.last_group.setAccessibleDescription(
            "Type the last group from your written copy, to check it was copied correctly."
        )
        self.last_group.setEnabled(False)
        self.last_group.setMaxLength(20)
        last = len(self.groups)
        prompt = QLabel(f"Then type the &last group (group {last}) from your copy:", self)
        prompt.setWordWrap(True)
        prompt.setBuddy(self.last_group)
        self.mismatch = ProblemLabel(self).describe(self.last_group)
        check = QVBoxLayout()
        for widget in (self.written, prompt, self.last_group, self.mismatch):
            check.addWidget(widget)
        self.matched = QLabel("That matches. Keep the written copy safe, then continue.", self)
        self.matched.setWordWrap(True)
        self.matched.setAccessibleName("Check result")
        self.matched.hide()

        buttons = QDialogButtonBox(self)
        self.continue_button: QPushButton = buttons.addButton(
            "&Continue", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setAccessibleName("Continue")
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self._key_panel())
        layout.addLayout(check)
        layout.addWidget(self.matched)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.written.toggled.connect(self._written_toggled)
        self.last_group.textChanged.connect(self._update)
        self.written.setFocus()

    def confirmed(self) -> bool:
        typed = normalise_group(self.last_group.text())
        return self.written.isChecked() and typed == self.groups[-1]

    def accept(self) -> None:
        if self.confirmed():
            super().accept()

    def reject(self) -> None:
        """Escape does nothing: the key must be confirmed before the dialog goes."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            return
        super().closeEvent(event)

    def _key_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setAccessibleName("Recovery key")
        panel.setAccessibleDescription(" ".join(self.groups))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # Relative to the application font, so it grows with the system text size.
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        grid = QGridLayout(panel)
        grid.setHorizontalSpacing(self.fontMetrics().horizontalAdvance("MM"))
        for index, group in enumerate(self.groups):
            row, column = divmod(index, GROUPS_PER_ROW)
            caption = QLabel(f"Group {index + 1}", panel)
            value = QLabel(group, panel)
            value.setFont(font)
            # Selectable by mouse only: eight extra Tab stops would slow keyboard users down.
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(f"Group {index + 1}")
            value.setAccessibleDescription(" ".join(group))
            grid.addWidget(caption, row * 2, column, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(value, row * 2 + 1, column, Qt.AlignmentFlag.AlignHCenter)
        return panel

    def _written_toggled(self, checked: bool) -> None:
        self.last_group.setEnabled(checked)
        if checked:
            self.last_group.setFocus()
        self._update()

    def _update(self) -> None:
        typed = normalise_group(self.last_group.text())
        ok = self.confirmed()
        self.continue_button.setEnabled(ok)
        self.matched.setVisible(ok)
        wrong = not ok and self.written.isChecked() and len(typed) >= len(self.groups[-1])
        self.mismatch.set_problems(
            [
                Problem(
                    "recovery_key",
                    f"That does not match group {len(self.groups)}. Check what you wrote down "
                    "against the key shown above.",
                )
            ]
            if wrong
            else []
        )
