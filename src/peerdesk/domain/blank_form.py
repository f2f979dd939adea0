"""Blank paper forms: what each field is (a line, a box, tick boxes, a table) and in what order."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FieldKind(Enum):
    LINE = "line"
    """One line to write on."""
    BOX = "box"
    """A box of ``lines`` ruled lines for notes."""
    TICKS = "ticks"
    """A tick box for each of ``choices`` (any number ticked, or one, as ``hint`` says)."""
    TICK = "tick"
    """One tick box: the label is what ticking it says."""
    TABLE = "table"
    """A ruled table: ``columns`` across, ``lines`` rows to fill in."""


@dataclass(frozen=True)
class FormField:
    """One field, named as its typing-in screen names it (``key`` is the screen's field key)."""

    key: str
    label: str
    kind: FieldKind = FieldKind.LINE
    lines: int = 1
    choices: tuple[str, ...] = ()
    hint: str = ""
    columns: tuple[tuple[str, str], ...] = ()
    """For a table: (key, heading) per column, in the screen's order."""
    other: bool = False
    """Ticks end with "Other:" and a line (the screen's list can be typed into)."""
    cell_ticks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For a table: (column key, choices) for columns filled in by ticking one."""

    @property
    def keys(self) -> tuple[str, ...]:
        """The screen fields this covers, in order (a table covers one per column)."""
        return tuple(k for k, _ in self.columns) if self.columns else (self.key,)


@dataclass(frozen=True)
class FormSection:
    title: str
    fields: tuple[FormField, ...] = ()
    text: str = ""
    """Words printed above the fields (consent wording, how to fill it in)."""


@dataclass(frozen=True)
class BlankForm:
    """A form to print blank, fill in by hand and type in later in the same order."""

    code: str
    version: int
    title: str
    intro: str
    sections: tuple[FormSection, ...]
    slug: str
    """The suggested file name's stem: "contact-log-sheet"."""

    @property
    def footer(self) -> str:
        """ "Form PD-CL v1": printed on every page, so a typed-in sheet can be traced."""
        return f"Form {self.code} v{self.version}"

    @property
    def file_name(self) -> str:
        return f"form-{self.code.lower()}-v{self.version}-{self.slug}.pdf"

    def keys(self) -> tuple[str, ...]:
        """Every screen field the form covers, in printed order."""
        return tuple(k for section in self.sections for f in section.fields for k in f.keys)

    def labels(self) -> tuple[str, ...]:
        """Every printed field label in order (a table's column headings in place)."""
        return tuple(
            label
            for section in self.sections
            for f in section.fields
            for label in ((h for _, h in f.columns) if f.columns else (f.label,))
        )


def screen_label(text: str) -> str:
    """A screen's label as paper prints it: no mnemonic "&", no "*" for required, no colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *:").strip()
