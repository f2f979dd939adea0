"""What a subject access bundle holds: sections of records flattened to labelled fields, the
passages naming someone else, and redaction. Pure: the service gathers, export writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.calendar import format_date
from peerdesk.domain.name_finder import NameFinder, NameHit

REDACTED = "[redacted: names another person]"
Scalar = str | int | float | bool | None
_SKIPPED_FIELDS = frozenset({"version"})


@dataclass(frozen=True)
class Field:
    """One leaf of a record: its path ("details.notes"), its words, and its JSON value."""

    path: str
    value: Scalar

    @property
    def label(self) -> str:
        """The path in words: "history.2.note" reads "History 2 › Note"."""
        words: list[str] = []
        for part in self.path.split("."):
            if part.isdigit() and words:
                words[-1] += f" {part}"
            else:
                words.append(part.replace("_", " ").capitalize())
        return " › ".join(words)

    @property
    def shown(self) -> str:
        """The value as a reader sees it ("3 March 2026", "Yes")."""
        if isinstance(self.value, bool):
            return "Yes" if self.value else "No"
        if isinstance(self.value, str) and _is_iso_date(self.value):
            return format_date(dt.date.fromisoformat(self.value))
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class Item:
    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Passage:
    """A text field naming someone other than the data subject, to keep or redact."""

    key: str
    section: str
    item: str
    label: str
    text: str
    hits: tuple[NameHit, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.name for h in self.hits))


def _is_iso_date(text: str) -> bool:
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def plain(value: object) -> object:
    """A record as JSON-ready values: dataclasses as dicts, enums by value, dates as ISO."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIPPED_FIELDS
        }
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k if not isinstance(k, Enum) else k.value): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=repr)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def fields_of(record: object) -> tuple[Field, ...]:
    """Every leaf of ``record`` with its dotted path; empty values left out."""
    out: list[Field] = []
    _walk(plain(record), "", out)
    return tuple(out)


def _walk(value: object, path: str, out: list[Field]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _walk(v, f"{path}.{k}" if path else str(k), out)
    elif isinstance(value, list):
        for n, v in enumerate(value, start=1):
            _walk(v, f"{path}.{n}" if path else str(n), out)
    elif value not in (None, "") and isinstance(value, (str, int, float, bool)):
        out.append(Field(path, value))


def item(title: str, record: object) -> Item:
    return Item(title, fields_of(record))


def passages(sections: Iterable[Section], finder: NameFinder) -> list[Passage]:
    """Text fields naming a known name other than the subject's, in bundle order."""
    found = []
    for s_no, section in enumerate(sections):
        for i_no, it in enumerate(section.items):
            for f in it.fields:
                if not isinstance(f.value, str):
                    continue
                hits = finder.hits(f.value)
                if hits:
                    key = f"{s_no}.{i_no}.{f.path}"
                    found.append(
                        Passage(key, section.title, it.title, f.label, f.value, tuple(hits))
                    )
    return found


def redacted(sections: Iterable[Section], keys: frozenset[str]) -> tuple[Section, ...]:
    """The sections with each passage in ``keys`` replaced by the redaction words."""
    out = []
    for s_no, section in enumerate(sections):
        items = []
        for i_no, it in enumerate(section.items):
            fields = tuple(
                Field(f.path, REDACTED) if f"{s_no}.{i_no}.{f.path}" in keys else f
                for f in it.fields
            )
            items.append(Item(it.title, fields))
        out.append(Section(section.title, tuple(items)))
    return tuple(out)
