"""Any table's visible columns to CSV (UTF-8 with BOM) or XLSX, through the one formula guard."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.import_table import CellValue
from peerdesk.domain.spreadsheet import guard_cell, needs_guard
from peerdesk.export.atomic_file import stream_atomically

FORMATS = ("csv", "xlsx")
PROGRESS_EVERY = 500
# XML 1.0 cannot hold these characters at all, so an XLSX cell cannot either.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Progress = Callable[[int, int], bool]
"""Called with (rows written, rows in all) every few hundred rows; False cancels."""


class ExportCancelled(PeerDeskError):
    """The person cancelled; no file was left behind."""


class ExportRefused(PeerDeskError):
    """The export could not be written (file exists, folder refused); nothing was left."""


@dataclass(frozen=True)
class ExportResult:
    """What was written, for the done message."""

    path: Path
    rows: int
    replaced_characters: int = 0


def _csv_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(guard_cell(value))


def write_csv(
    stream: IO[bytes],
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    progress: Progress | None = None,
) -> int:
    """Write the table as CSV (UTF-8 with BOM, CRLF) to ``stream``; returns 0 replacements."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([_csv_text(h) for h in headers])
        for _, row in _rows_with_progress(rows, progress):
            writer.writerow([_csv_text(cell) for cell in row])
    finally:
        text.detach()
    return 0


def _rows_with_progress(
    rows: Sequence[Sequence[CellValue]], progress: Progress | None
) -> Iterable[tuple[int, Sequence[CellValue]]]:
    total = len(rows)
    for index, row in enumerate(rows):
        if progress is not None and index % PROGRESS_EVERY == 0 and not progress(index, total):
            raise ExportCancelled("The export was cancelled; no file was written.")
        yield index, row
    if progress is not None and not progress(total, total):
        raise ExportCancelled("The export was cancelled; no file was written.")


def write_xlsx(
    stream: IO[bytes],
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    progress: Progress | None = None,
) -> int:
    """Write the table as one XLSX worksheet; returns how many unstorable characters became �.

    Text is always a string cell, and text ``needs_guard`` flags is quote-prefixed: openpyxl
    would otherwise store a leading = as a formula. Numbers and dates stay numbers and dates.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("PeerDesk")
    replaced = 0

    def cell(value: CellValue) -> WriteOnlyCell:
        nonlocal replaced
        if isinstance(value, str):
            value, count = _NOT_IN_XML.subn("\ufffd", value)
            replaced += count
            made = WriteOnlyCell(sheet, value=value)
            made.data_type = "s"  # never "f", whatever the text starts with
            if needs_guard(value):
                made.quotePrefix = True
            return made
        made = WriteOnlyCell(sheet, value=value)
        if isinstance(value, dt.datetime):
            made.number_format = "dd/mm/yyyy hh:mm"
        elif isinstance(value, dt.date):
            made.number_format = "dd/mm/yyyy"
        return made

    try:
        sheet.append([cell(h) for h in headers])
        for _, row in _rows_with_progress(rows, progress):
            sheet.append([cell(value) for value in row])
    except BaseException:
        _discard(sheet)
        raise
    book.save(stream)
    return replaced


def _discard(sheet: Any) -> None:
    # A write-only sheet streams rows into a temporary file of openpyxl's own: finish it and
    # remove it now, rather than leave a generator and a file for garbage collection and exit.
    with contextlib.suppress(Exception):
        sheet.close()
    out = getattr(getattr(sheet, "_writer", None), "out", None)
    if isinstance(out, str):
        with contextlib.suppress(OSError):
            os.unlink(out)


def table_bytes(
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    *,
    fmt: str,
    progress: Progress | None = None,
) -> tuple[bytes, int]:
    """The table as a CSV or XLSX file's bytes, and how many unstorable characters became �."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    writer = write_csv if fmt == "csv" else write_xlsx
    out = io.BytesIO()
    replaced = writer(out, headers, rows, progress)
    return out.getvalue(), replaced


def export_table(
    target: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    *,
    fmt: str,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the table to ``target`` through ``stream_atomically`` (temporary file, then rename).

    Cancel (``progress`` returning False) or any failure leaves no file, and an existing
    ``target`` is never replaced unless ``overwrite``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    writer = write_csv if fmt == "csv" else write_xlsx
    try:
        replaced = stream_atomically(
            target, lambda stream: writer(stream, headers, rows, progress), force=overwrite
        )
    except FileExistsError as error:
        raise ExportRefused(f"{target.name} already exists; choose another name.") from error
    except OSError as error:
        raise ExportRefused(
            f"PeerDesk cannot write {target.name} in {target.parent}: {error.strerror}. "
            "Nothing was saved."
        ) from error
    return ExportResult(path=target, rows=len(rows), replaced_characters=replaced)
