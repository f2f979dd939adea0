"""Passphrase fields shared by the vault dialogs: hidden entry, a Show toggle, a strength meter."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.passphrase import LABELS, MIN_LENGTH, assess, problems
from peerdesk.ui.form_fields import add_row, plain_label, stacked

MINIMUM_TEXT = (
    f"At least {MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to "
    "guess; spaces are fine."
)


class PassphraseEdit(QLineEdit):
    """A one-line field that hides what is typed (Qt also keeps it out of input-method history)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        # Passphrases can be long sentences: leave the length to the passphrase rules.
        self.setMaxLength(1024)


class ShowPassphraseToggle(QCheckBox):
    """One tick box that shows or hides every passphrase field it was given."""

    def __init__(self, text: str = "&Show passphrases", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAccessibleName(plain_label(text))
        self._edits: list[QLineEdit] = []
        self.toggled.connect(self._apply)

    def add(self, *edits: QLineEdit) -> None:
        self._edits.extend(edits)
        self._apply(self.isChecked())

    def _apply(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in self._edits:
            edit.setEchoMode(mode)


class StrengthMeter(QWidget):
    """How hard the passphrase looks to guess, in words and as a bar (never by colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, len(LABELS) - 1)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName("Passphrase strength")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAccessibleName("Passphrase advice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.hint)
        self.label = ""
        self.assess("")

    def assess(self, passphrase: str) -> None:
        """Show the strength of ``passphrase`` (an empty one shows that nothing is typed yet)."""
        if not passphrase:
            self.label = ""
            self.bar.setValue(0)
            self.bar.setFormat("Nothing typed yet")
            self.hint.clear()
            self.hint.hide()
            self.bar.setAccessibleDescription("Nothing typed yet")
            return
        strength = assess(passphrase)
        self.label = strength.label
        self.bar.setValue(strength.score)
        self.bar.setFormat(f"{strength.label} ({strength.score} of {len(LABELS) - 1})")
        # Some styles (macOS) draw no text on a progress bar, so the label leads the hint too.
        # Too short needs no advice beyond the rules shown above the meter.
        hint = strength.hint if strength.score else f"{strength.label}."
        if not hint.startswith(strength.label):
            hint = f"{strength.label}: {hint}"
        self.hint.setText(hint)
        self.hint.show()
        self.bar.setAccessibleDescription(hint)


class NewPassphraseFields:
    """A new passphrase typed twice, with its rules, strength meter and Show toggle.

    Not a widget of its own: it adds rows to the caller's form so the labels line up with the
    dialog's other fields.
    """

    def __init__(
        self,
        parent: QWidget,
        *,
        label: str = "&Passphrase:",
        repeat_label: str = "&Repeat passphrase:",
        show_label: str = "S&how passphrases",
    ) -> None:
        self._label, self._repeat_label = label, repeat_label
        self.passphrase_edit = PassphraseEdit(plain_label(label), parent)
        self.repeat_edit = PassphraseEdit(plain_label(repeat_label), parent)
        self.rules = QLabel(MINIMUM_TEXT, parent)
        self.rules.setWordWrap(True)
        self.rules.setAccessibleName("Passphrase rules")
        self.passphrase_edit.setAccessibleDescription(MINIMUM_TEXT)
        self.meter = StrengthMeter(parent)
        self.show_toggle = ShowPassphraseToggle(show_label, parent)
        self.show_toggle.add(self.passphrase_edit, self.repeat_edit)
        self.passphrase_edit.textChanged.connect(self.meter.assess)

    def on_edited(self, slot: Callable[[], object]) -> None:
        """Call ``slot`` after either field changes (and after the meter has been updated).

        Qt's own textChanged is used rather than a Python-defined signal: PySide6 6.12 on
        Python 3.11 drops a reference to True on every Python-side ``emit()``, which crashes
        the interpreter after a few thousand keystrokes.
        """
        self.passphrase_edit.textChanged.connect(slot)
        self.repeat_edit.textChanged.connect(slot)

    def add_rows(self, form: QFormLayout) -> None:
        # The rules sit under the field (not across the form) so they read as part of it.
        with_rules = stacked(self.passphrase_edit, self.rules)
        with_rules.setFocusProxy(self.passphrase_edit)
        # QFormLayout sizes a wrapped label as one line and clips it, so these stay unwrapped.
        add_row(form, self._label, with_rules, name=plain_label(self._label)).setWordWrap(False)
        add_row(form, "Strength:", self.meter, name="Passphrase strength").setWordWrap(False)
        add_row(form, self._repeat_label, self.repeat_edit).setWordWrap(False)
        form.addRow("", self.show_toggle)

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def repeat(self) -> str:
        return self.repeat_edit.text()

    def problems(self) -> list[str]:
        """Everything that blocks using the passphrase, as the vault service will judge it."""
        return problems(self.passphrase(), self.repeat())

    def visible_problems(self) -> list[str]:
        """The problems worth showing now: nothing about a field the user has not reached yet."""
        if not self.passphrase():
            return []
        found = self.problems()
        if not self.repeat():
            alone = set(problems(self.passphrase(), self.passphrase()))
            found = [message for message in found if message in alone]
        return found

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.repeat_edit.clear()

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.passphrase_edit, self.repeat_edit, self.show_toggle):
            widget.setEnabled(enabled)


@contextmanager
def deriving_key() -> Iterator[None]:
    """A wait cursor while Argon2id turns a passphrase into a key (about a third of a second).

    That is short enough to run on the UI thread: a worker thread would add a second code path
    for no visible gain.
    """
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
