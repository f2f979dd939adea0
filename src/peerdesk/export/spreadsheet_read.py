"""An import file read: kind by content, then CSV (domain) or XLSX (openpyxl, values only)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from peerdesk.domain.file_kind import SAVE_AS, file_kind
from peerdesk.domain.import_csv import parse_csv_bytes
from peerdesk.domain.import_table import (
    MAX_BYTES,
    MAX_ROWS,
    CellValue,
    ImportProblem,
    ImportRefused,
    ParsedTable,
    build_table,
    too_big,
    too_many_rows,
)


def read_import_file(
    path: Path, *, encoding: str | None = None, delimiter: str | None = None
) -> ParsedTable:
    """The table in ``path`` (CSV or XLSX, judged by content); ImportRefused says why not."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise too_big(size)
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"PeerDesk could not read {path.name}: {error.strerror}.") from error
    return read_import_bytes(data, encoding=encoding, delimiter=delimiter)


def read_import_bytes(
    data: bytes, *, encoding: str | None = None, delimiter: str | None = None
) -> ParsedTable:
    """``data`` as a table; ``encoding`` and ``delimiter`` override detection for CSV."""
    if len(data) > MAX_BYTES:
        raise too_big(len(data))
    if file_kind(data) == "xlsx":
        return read_xlsx_bytes(data)
    return parse_csv_bytes(data, encoding=encoding, delimiter=delimiter)


def _cell_value(value: object) -> CellValue:
    if value is None or isinstance(value, str | int | float | bool | dt.date):
        return value
    return str(value)  # times, durations and anything newer: shown as Excel's text


def _xlsx_rows(data: bytes, problems: list[ImportProblem]) -> Iterator[tuple[int, list[CellValue]]]:
    # openpyxl is third-party code reading untrusted bytes: any failure inside it means a damaged
    # workbook, said plainly, never a traceback.
    try:
        from openpyxl import load_workbook

        # data_only=False: a formula cell gives its formula text, never a cached or worked value.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:
        raise _damaged(error) from error
    try:
        sheet = book.worksheets[0]
        header: list[str] = []
        for index, cells in enumerate(sheet.iter_rows(), start=1):
            if index > MAX_ROWS + 1:
                raise too_many_rows()
            row: list[CellValue] = []
            for column, cell in enumerate(cells):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f":
                    text = str(value)
                    name = header[column] if column < len(header) else None
                    problems.append(
                        ImportProblem(
                            index,
                            name,
                            text[:80],
                            "this cell is a formula; PeerDesk never works formulas out. In "
                            "Excel, copy the column and use Paste Values, or leave this row out",
                        )
                    )
                    row.append(text)
                else:
                    row.append(_cell_value(value))
            if not header:
                header = ["" if v is None else str(v) for v in row]
            yield index, row
    except ImportRefused:
        raise
    except Exception as error:
        raise _damaged(error) from error
    finally:
        book.close()


def _damaged(error: Exception) -> ImportRefused:
    return ImportRefused(
        f"This .xlsx workbook could not be read; it may be damaged ({type(error).__name__}). "
        f"{SAVE_AS}"
    )


def read_xlsx_bytes(data: bytes) -> ParsedTable:
    """The first worksheet of an XLSX workbook, values only; formula cells are reported."""
    problems: list[ImportProblem] = []
    table = build_table(_xlsx_rows(data, problems), kind="xlsx")
    if not problems:
        return table
    return ParsedTable(
        kind=table.kind,
        encoding=None,
        delimiter=None,
        headers=table.headers,
        rows=table.rows,
        row_numbers=table.row_numbers,
        problems=(*problems, *table.problems),
    )
