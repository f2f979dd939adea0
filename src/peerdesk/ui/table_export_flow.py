"""Export table…: a table's visible columns, in its filter and sort, saved as XLSX or CSV."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QTableView, QWidget

from peerdesk.domain.import_table import CellValue
from peerdesk.domain.progress import Exported, Progress
from peerdesk.export.table_export import PROGRESS_EVERY, table_bytes
from peerdesk.ui.background import Executor
from peerdesk.ui.save_export import (
    ask_where,
    confirm_unencrypted,
    run_with_progress,
    tell_cancelled,
    tell_saved,
    write_file,
)

R = TypeVar("R")
Row = tuple[CellValue, ...]

TITLE = "Export table"
XLSX_FILTER = "Excel workbook (*.xlsx)"
CSV_FILTER = "CSV, UTF-8 (*.csv)"
TABLE_FILTER = f"{XLSX_FILTER};;{CSV_FILTER}"


@dataclass(frozen=True)
class TableExport:
    """A table as it stands now: a file name stem, its headers, and how to read its rows.

    ``rows`` runs off the UI thread: it reads frozen records (or services), never the widgets.
    """

    stem: str
    headers: tuple[str, ...]
    rows: Callable[[Progress], list[Row]]


def visible_columns(view: QTableView) -> list[int]:
    """The model columns the view shows, left to right as the person sees them."""
    header = view.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [column for column in logical if not header.isSectionHidden(column)]


def records_table(
    view: QTableView,
    *,
    stem: str,
    headers: Sequence[str],
    records: Sequence[R],
    cells: Callable[[R], Row],
) -> TableExport:
    """A table over frozen ``records`` in view order; ``cells`` gives a record's typed values
    for every model column (``headers`` names them), of which the visible ones are kept."""
    columns = visible_columns(view)
    kept = tuple(records)

    def rows(progress: Progress) -> list[Row]:
        total = len(kept)
        out: list[Row] = []
        for index, record in enumerate(kept):
            if index % PROGRESS_EVERY == 0:
                progress.step(index, total)
            values = cells(record)
            out.append(tuple(values[c] for c in columns))
        progress.step(total, total)
        return out

    return TableExport(stem, tuple(headers[c] for c in columns), rows)


def save_table(parent: QWidget, table: TableExport, *, executor: Executor | None = None) -> None:
    """Warn, read the rows in the background, ask where (the file type picks the format), save."""
    if not confirm_unencrypted(parent, TITLE):
        return

    def collected(rows: list[Row]) -> None:
        chosen = ask_where(parent, TITLE, f"{table.stem}.xlsx", TABLE_FILTER)
        if chosen is None:
            tell_cancelled(parent, TITLE)
            return
        path, selected = chosen
        fmt = format_for(path, selected)

        def render(progress: Progress) -> Exported:
            def step(done: int, total: int) -> bool:
                progress.step(done, total)
                return True

            data, replaced = table_bytes(table.headers, rows, fmt=fmt, progress=step)
            return Exported(data, path.name, note=_note(len(rows), replaced))

        def rendered(exported: Exported) -> None:
            if write_file(parent, TITLE, path, exported.data):
                tell_saved(parent, TITLE, path, exported.note)

        run_with_progress(parent, TITLE, render, rendered, executor=executor)

    run_with_progress(parent, TITLE, table.rows, collected, executor=executor)


def format_for(path: Path, selected_filter: str) -> str:
    """ "csv" or "xlsx": the name's extension decides, else the file type picked in the dialog."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return suffix[1:]
    return "csv" if selected_filter == CSV_FILTER else "xlsx"


def _note(rows: int, replaced: int) -> str:
    note = "1 row." if rows == 1 else f"{rows:,} rows."
    if replaced:
        what = "1 character" if replaced == 1 else f"{replaced:,} characters"
        note += f" {what} a spreadsheet cannot hold became �."
    return note
