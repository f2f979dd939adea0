"""A spreadsheet read for import: headers, rows by spreadsheet row number, and what is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peerdesk.domain.errors import PeerDeskError

MAX_BYTES = 50 * 1024 * 1024
"""Files larger than 50 MB are refused before they are read."""
MAX_ROWS = 100_000
"""Files with more data rows than this (headers not counted) are refused."""
CELL_LIMIT = 1_048_576
"""Longest cell kept, in characters (1 MB of text; Excel itself stops at 32,767)."""
UNDEFINED_1252 = frozenset("\x81\x8d\x8f\x90\x9d")
"""Windows-1252 leaves these bytes undefined; they are kept (as U+0081 and so on) and reported."""

CellValue = str | int | float | bool | dt.datetime | dt.date | None


class ImportRefused(PeerDeskError):
    """The whole file cannot be imported (wrong kind, too big, damaged); nothing was read."""


@dataclass(frozen=True)
class ImportProblem:
    """One finding, by spreadsheet row (the header is row 1) and column header."""

    row: int | None
    column: str | None
    value: str
    message: str
    blocking: bool = True

    def as_text(self) -> str:
        """The finding as one line: "Row 4, Email: ..."."""
        where = [f"Row {self.row}" if self.row is not None else "File"]
        if self.column is not None:
            where.append(self.column)
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class ParsedTable:
    """What an import previews: ``rows[i]`` is spreadsheet row ``row_numbers[i]``."""

    kind: str
    encoding: str | None
    delimiter: str | None
    headers: tuple[str, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    row_numbers: tuple[int, ...]
    problems: tuple[ImportProblem, ...]

    @property
    def blocking(self) -> tuple[ImportProblem, ...]:
        """Problems that stop a commit until fixed or their rows are left out."""
        return tuple(p for p in self.problems if p.blocking)


def column_letter(index: int) -> str:
    """Spreadsheet letters for a 0-based column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def too_many_rows() -> ImportRefused:
    """The refusal for a file past MAX_ROWS."""
    return ImportRefused(
        f"This file has more than {MAX_ROWS:,} rows, more than PeerDesk imports at once. "
        "Split it into smaller files and import each."
    )


def too_big(size: int) -> ImportRefused:
    """The refusal for a file past MAX_BYTES."""
    return ImportRefused(
        f"This file is {size / 1024 / 1024:,.1f} MB; PeerDesk imports files up to "
        f"{MAX_BYTES // 1024 // 1024} MB. Split it into smaller files and import each."
    )


def _is_blank(cells: Sequence[CellValue]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _headers(raw: Sequence[CellValue], problems: list[ImportProblem]) -> tuple[str, ...]:
    names: list[str] = []
    seen: dict[str, str] = {}
    for index, cell in enumerate(raw):
        letter = column_letter(index)
        name = "" if cell is None else str(cell).strip()
        if not name:
            name = f"Column {letter}"
            problems.append(
                ImportProblem(1, name, "", f"column {letter} has no header", blocking=False)
            )
        folded = name.casefold()
        if folded in seen:
            first = seen[folded]
            problems.append(
                ImportProblem(
                    1,
                    name,
                    name,
                    f"columns {first} and {letter} are both called “{name}”; "
                    f"column {letter} is shown as “{name} (column {letter})”",
                    blocking=False,
                )
            )
            name = f"{name} (column {letter})"
        else:
            seen[folded] = letter
        names.append(name)
    return tuple(names)


def _check_cells(
    row_number: int,
    cells: Sequence[CellValue],
    headers: Sequence[str],
    *,
    undefined_1252: bool,
    problems: list[ImportProblem],
) -> None:
    for header, cell in zip(headers, cells, strict=False):
        if not isinstance(cell, str):
            continue
        if len(cell) > CELL_LIMIT:
            problems.append(
                ImportProblem(
                    row_number,
                    header,
                    cell[:40],
                    f"this cell is {len(cell):,} characters; the most PeerDesk imports is "
                    f"{CELL_LIMIT:,}",
                )
            )
        if "\x00" in cell:
            problems.append(
                ImportProblem(
                    row_number,
                    header,
                    cell.replace("\x00", "␀")[:80],
                    "contains a NUL (zero) character, shown as ␀: check the cell, or save the "
                    "file again from the spreadsheet it came from",
                )
            )
        if undefined_1252 and not UNDEFINED_1252.isdisjoint(cell):
            codes = sorted({f"0x{ord(ch):02X}" for ch in cell if ch in UNDEFINED_1252})
            problems.append(
                ImportProblem(
                    row_number,
                    header,
                    cell[:80],
                    f"contains byte {', '.join(codes)}, which Windows-1252 does not define: "
                    "choose the file's real encoding in the preview, or correct the cell",
                )
            )


def build_table(
    raw_rows: Iterable[tuple[int, Sequence[CellValue]]],
    *,
    kind: str,
    encoding: str | None = None,
    delimiter: str | None = None,
    problems: Sequence[ImportProblem] = (),
) -> ParsedTable:
    """Headers from the first non-blank row, then each row checked; blank rows are skipped.

    ``raw_rows`` yields (spreadsheet row number, cells). Short rows are padded with empty cells;
    cells beyond the last header are reported when they hold anything. Raises ImportRefused for
    an empty file or one past MAX_ROWS.
    """
    found = list(problems)
    rows = iter(raw_rows)
    headers: tuple[str, ...] | None = None
    for _, cells in rows:
        if not _is_blank(cells):
            headers = _headers(cells, found)
            break
    if headers is None:
        raise ImportRefused("This file is empty: there are no headers and no rows to import.")
    undefined = encoding == "cp1252"
    width = len(headers)
    kept: list[tuple[CellValue, ...]] = []
    numbers: list[int] = []
    for number, cells in rows:
        if _is_blank(cells):
            continue
        if len(kept) >= MAX_ROWS:
            raise too_many_rows()
        extra = [c for c in cells[width:] if not _is_blank([c])]
        if extra:
            found.append(
                ImportProblem(
                    number,
                    None,
                    ", ".join(str(c) for c in extra)[:80],
                    f"this row has {len(cells)} cells but there are only {width} headers: "
                    "the cells past the last header would be lost",
                )
            )
        row = tuple(cells[:width]) + ("",) * (width - len(cells))
        _check_cells(number, row, headers, undefined_1252=undefined, problems=found)
        kept.append(row)
        numbers.append(number)
    if not kept:
        found.append(
            ImportProblem(None, None, "", "the file has headers but no rows: nothing to import")
        )
    return ParsedTable(
        kind=kind,
        encoding=encoding,
        delimiter=delimiter,
        headers=headers,
        rows=tuple(kept),
        row_numbers=tuple(numbers),
        problems=tuple(found),
    )
