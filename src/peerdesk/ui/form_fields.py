"""Labelled form rows and the problem messages shown next to a field and in a summary."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Protocol, TypeVar

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


class NumberedRow(Protocol):
    """A row of a list editor ("Item 1", "Item 2", …) that can be taken off the screen."""

    def number(self, n: int) -> None: ...

    def hide(self) -> None: ...

    def setParent(self, parent: QWidget | None) -> None: ...

    def deleteLater(self) -> None: ...


Row = TypeVar("Row", bound=NumberedRow)

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


def drop_row(rows: list[Row], row: Row) -> Row | None:
    """Take ``row`` out of ``rows`` and off the screen; the row now in its place, if any."""
    index = rows.index(row)
    rows.remove(row)
    row.hide()
    row.setParent(None)
    row.deleteLater()
    return rows[index] if index < len(rows) else None


class RowsEditing:
    """Mixin for an editor of numbered rows above an ``add`` button, emitting ``changed``.

    The editor keeps ``rows``, appends a blank one in ``_append_blank`` (returning it), names
    each row's first field in ``_first_field`` and renumbers in ``_renumber``.
    """

    rows: list[Any]
    add: QWidget
    changed: Any

    def add_row(self) -> None:
        row = self._append_blank()
        self._renumber()
        self._first_field(row).setFocus()
        self.changed.emit()

    def _remove(self, row: Any) -> None:
        following = drop_row(self.rows, row)
        self._renumber()
        (self._first_field(following) if following else self.add).setFocus()
        self.changed.emit()

    def _append_blank(self) -> Any:
        raise NotImplementedError

    def _first_field(self, row: Any) -> QWidget:
        raise NotImplementedError

    def _renumber(self) -> None:
        raise NotImplementedError


def renumber(rows: Sequence[NumberedRow], empty: QWidget, tab_chain: Sequence[QWidget]) -> None:
    """Number ``rows`` from 1, show ``empty`` only when there are none, Tab along ``tab_chain``."""
    for n, row in enumerate(rows, start=1):
        row.number(n)
    empty.setVisible(not rows)
    for first, second in pairwise(tab_chain):
        QWidget.setTabOrder(first, second)
