"""Labelled form rows and the problem messages shown next to a field and in a summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import Problem

_ERROR_STYLE = (
    "ProblemLabel { border: 2px solid #b00020; border-radius: 4px; background: #fdecee; }"
    "ProblemLabel QLabel { color: #5c0010; background: transparent; border: none; }"
)
_WARNING_STYLE = (
    "ProblemLabel { border: 2px solid #8a6100; border-radius: 4px; background: #fff6dd; }"
    "ProblemLabel QLabel { color: #3d2b00; background: transparent; border: none; }"
)


def plain_label(text: str) -> str:
    """ "&Full name *:" -> "Full name": what a screen reader should say for the field."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":* ").strip()


def add_row(form: QFormLayout, label: str, field: QWidget, *, name: str | None = None) -> QLabel:
    """Add ``field`` beside ``label`` (which may hold an &mnemonic); name it for screen readers."""
    caption = QLabel(label)
    caption.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(name or plain_label(label))
    form.addRow(caption, field)
    return caption


def compact(combo: QComboBox, chars: int = 16) -> QComboBox:
    """Let a combo with long entries shrink to ``chars`` characters instead of widening the form."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def problem_text(problem: Problem) -> str:
    """Never colour alone: every message says whether it is an error or a warning."""
    return f"{'Error' if problem.blocking else 'Warning'}: {problem.message}"


class ProblemLabel(QFrame):
    """Problems for one field: hidden when there are none, bordered red for errors, amber else.

    It hides its whole row when it sits in a ``QFormLayout``, so an empty one takes no space.
    """

    def __init__(self, parent: QWidget | None = None, *, heading: bool = False) -> None:
        super().__init__(parent)
        self._heading = heading
        self._field: QWidget | None = None
        self._form: QFormLayout | None = None
        self._icon = QLabel()
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel()
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.problems: tuple[Problem, ...] = ()
        self.setVisible(False)

    def attach(self, form: QFormLayout, field: QWidget | None = None) -> ProblemLabel:
        """Sit under the last row of ``form`` and describe ``field`` to screen readers."""
        form.addRow(QLabel(), self)  # under the field, not under its label
        self._form = form
        self._field = field
        form.setRowVisible(self, False)
        return self

    def describe(self, field: QWidget) -> ProblemLabel:
        self._field = field
        return self

    def text(self) -> str:
        return self._text.text()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        ordered = sorted(self.problems, key=lambda p: not p.blocking)
        lines = [problem_text(p) for p in ordered]
        if self._heading and lines:
            blocking = sum(p.blocking for p in ordered)
            head = (
                f"{blocking} {'problem stops' if blocking == 1 else 'problems stop'} this record "
                "being saved:"
                if blocking
                else "Please check:"
            )
            lines = [head, *(f"• {line}" for line in lines)]
        self._text.setText("\n".join(lines))
        has_error = any(p.blocking for p in ordered)
        self.setStyleSheet(_ERROR_STYLE if has_error else _WARNING_STYLE)
        icon = (
            QStyle.StandardPixmap.SP_MessageBoxCritical
            if has_error
            else (QStyle.StandardPixmap.SP_MessageBoxWarning)
        )
        size = self.fontMetrics().height()
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.setAccessibleName("Problems" if self._heading else "Problem")
        self.setAccessibleDescription(self._text.text())
        if self._field is not None:
            self._field.setAccessibleDescription(" ".join(problem_text(p) for p in ordered))
        visible = bool(lines)
        if self._form is not None:
            self._form.setRowVisible(self, visible)
        self.setVisible(visible)


def section(title: str, inner: QLayout, parent: QWidget | None = None) -> QWidget:
    """A titled group (QGroupBox) around ``inner``."""
    box = QGroupBox(title, parent)
    box.setLayout(inner)
    return box


def new_form_layout() -> QFormLayout:
    """A form with labels above fields when narrow (large text) and beside them otherwise."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one above the other with no extra margin (a field and its note, say)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder
