"""One imported spreadsheet row made into PSW details, with each problem by row and column."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.import_dates import DateProblem, parse_date
from peerdesk.domain.import_fields import FIELD_BY_KEY, IGNORE
from peerdesk.domain.import_table import CellValue, ImportProblem
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import EmergencyContact, LanguageSkill, PswDetails, Role
from peerdesk.domain.psw_rules import check_psw, tidied
from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.text import fold

T = TypeVar("T")
Taxonomies = Mapping[ListKind, Mapping[str, TaxonomyItemId]]
"""Per list: folded item name -> id (items not retired)."""
_SPLIT = re.compile(r"[;,|\n]")
_MONTH_FIRST = re.compile(r"^\s*(\d{1,2})(\s*[/.\-]\s*)(\d{1,2})(\s*[/.\-]\s*\d{1,4}\s*)$")
_ROLES = {"volunteer": Role.VOLUNTEER, "vol": Role.VOLUNTEER, "unpaid": Role.VOLUNTEER}
_ROLES |= {"paid": Role.PAID, "staff": Role.PAID, "employee": Role.PAID}
_STATUSES = {s.value: s for s in JourneyStatus} | {"applied": JourneyStatus.APPLICATION}


@dataclass(frozen=True)
class RowOutcome:
    """A row ready to create (``details``), or only problems when it is not."""

    row: int
    details: PswDetails | None
    status: JourneyStatus = JourneyStatus.ENQUIRY
    since: dt.date | None = None
    problems: tuple[ImportProblem, ...] = ()
    unknown: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Field key -> values not found in its list."""


def text_of(value: CellValue) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def swap_month_first(value: CellValue) -> CellValue:
    """04/13/2024 written as 13/04/2024, for a column the user said is month first."""
    if not isinstance(value, str):
        return value
    match = _MONTH_FIRST.match(value)
    if not match:
        return value
    month, sep, day, rest = match.groups()
    return f"{day}{sep}{month}{rest}"


class _Row:
    def __init__(self, row: int) -> None:
        self.row = row
        self.problems: list[ImportProblem] = []
        self.unknown: dict[str, tuple[str, ...]] = {}

    def add(self, column: str | None, value: str, message: str, *, blocking: bool = True) -> None:
        self.problems.append(ImportProblem(self.row, column, value[:200], message, blocking))


def _number(cells: dict[str, tuple[str, str]], key: str, row: _Row, *, whole: bool) -> float | None:
    if key not in cells or not cells[key][1]:
        return None
    column, text = cells[key]
    try:
        number = float(text)
    except ValueError:
        row.add(column, text, "this is not a number")
        return None
    if whole and not number.is_integer():
        row.add(column, text, "this must be a whole number")
        return None
    return number


def _items(
    cells: dict[str, tuple[str, str]], key: str, lists: Taxonomies, row: _Row
) -> tuple[TaxonomyItemId, ...]:
    if key not in cells or not cells[key][1]:
        return ()
    spec = FIELD_BY_KEY[key]
    assert spec.list_kind is not None
    column, text = cells[key]
    names = [t.strip() for t in _SPLIT.split(text)] if spec.multi else [text]
    known = lists.get(spec.list_kind, {})
    found: list[TaxonomyItemId] = []
    missing: list[str] = []
    for name in filter(None, names):
        item = known.get(fold(name))
        if item is None:
            missing.append(name)
        elif item not in found:
            found.append(item)
    if missing:
        row.unknown[key] = tuple(missing)
        row.add(
            column,
            text,
            f"not in the {spec.list_kind.label} list: {', '.join(missing)}. Add "
            f"{'them' if len(missing) > 1 else 'it'} in Lists (or correct the cell), or leave "
            "this row out",
        )
    return tuple(found)


def _date(cells: Mapping[str, tuple[str, CellValue]], key: str, row: _Row) -> dt.date | None:
    if key not in cells:
        return None
    column, value = cells[key]
    try:
        return parse_date(value)
    except DateProblem as error:
        row.add(column, text_of(value), str(error))
        return None


def _choice(
    cells: dict[str, tuple[str, str]], key: str, choices: Mapping[str, T], row: _Row
) -> T | None:
    if key not in cells or not cells[key][1]:
        return None
    column, text = cells[key]
    found = choices.get(fold(text))
    if found is None:
        names = ", ".join(sorted({c for c in choices if len(c) > 3}))
        row.add(column, text, f"“{text}” is not one of: {names}")
    return found


def build_row(
    row_number: int,
    headers: Sequence[str],
    fields: Sequence[str],
    cells: Sequence[CellValue],
    *,
    lists: Taxonomies,
    month_first: frozenset[int] = frozenset(),
    today: dt.date,
) -> RowOutcome:
    """The details row ``row_number`` gives under the mapping ``fields`` (one per column)."""
    row = _Row(row_number)
    raw: dict[str, tuple[str, CellValue]] = {}
    for index, (header, key, value) in enumerate(zip(headers, fields, cells, strict=False)):
        if key == IGNORE:
            continue
        raw[key] = (header, swap_month_first(value) if index in month_first else value)
    texts = {k: (h, text_of(v)) for k, (h, v) in raw.items()}

    def get(key: str) -> str:
        return texts.get(key, ("", ""))[1]

    full_name = get("full_name") or " ".join(filter(None, (get("forename"), get("surname"))))
    if not full_name:
        row.add(None, "", "there is no name in this row")
    capacity = _number(texts, "capacity", row, whole=True)
    travel = _number(texts, "travel_miles", row, whole=True)
    details = PswDetails(
        full_name=full_name,
        known_as=get("known_as"),
        pronouns=get("pronouns"),
        date_of_birth=_date(raw, "date_of_birth", row),
        role=_choice(texts, "role", _ROLES, row) or Role.VOLUNTEER,
        email=get("email"),
        phone=get("phone"),
        address=get("address"),
        postcode=get("postcode"),
        emergency_contact=EmergencyContact(
            get("emergency_name"), get("emergency_relationship"), get("emergency_phone")
        ),
        skills=_items(texts, "skills", lists, row),
        interests=_items(texts, "interests", lists, row),
        languages=tuple(LanguageSkill(i) for i in _items(texts, "languages", lists, row)),
        hours_per_week=_number(texts, "hours_per_week", row, whole=False),
        area_id=next(iter(_items(texts, "area", lists, row)), None),
        travel_miles=None if travel is None else int(travel),
        capacity=1 if capacity is None else int(capacity),
        notes=get("notes"),
    )
    status = _choice(texts, "status", _STATUSES, row) or JourneyStatus.ENQUIRY
    since = _date(raw, "status_since", row)
    if since is not None and since > today:
        row.add(texts["status_since"][0], get("status_since"), "this date is in the future")
    clean = tidied(details)
    for problem in check_psw(clean, today=today):
        if problem.field == "full_name" and not full_name:
            continue
        column = _column_for(problem.field, texts)
        value = get(problem.field) if column else ""
        row.add(column, value, problem.message, blocking=problem.blocking)
    blocked = any(p.blocking for p in row.problems)
    return RowOutcome(
        row=row_number,
        details=None if blocked else clean,
        status=status,
        since=since,
        problems=tuple(row.problems),
        unknown=row.unknown,
    )


def _column_for(field_key: str, texts: Mapping[str, tuple[str, str]]) -> str | None:
    if field_key == "emergency_contact":
        field_key = "emergency_phone" if "emergency_phone" in texts else "emergency_name"
    found = texts.get(field_key)
    return found[0] if found else None
