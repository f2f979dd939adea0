"""Table export: CSV with BOM and guard, XLSX with no formula cells, temporary file then rename."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.import_csv import parse_csv_bytes
from peerdesk.export.spreadsheet_read import read_import_bytes
from peerdesk.export.table_export import (
    ExportCancelled,
    ExportRefused,
    export_table,
    write_csv,
    write_xlsx,
)

HEADERS = ("Name", "Phone", "Hours", "Joined")
ROWS = [
    ('=HYPERLINK("http://evil","x")', "+44 7700 900123", -3, dt.date(2026, 3, 1)),
    ("@SUM(A1)", "-2+3", 2.5, None),
    ("\tTab", "\rCR", 0, dt.date(2024, 2, 29)),
    ("Zoë Nguyễn 李", "'=already", 7, None),
]


def _csv(rows: list[tuple[object, ...]]) -> bytes:
    out = io.BytesIO()
    write_csv(out, HEADERS, rows)  # type: ignore[arg-type]
    return out.getvalue()


def _xlsx(rows: list[tuple[object, ...]]) -> bytes:
    out = io.BytesIO()
    write_xlsx(out, HEADERS, rows)  # type: ignore[arg-type]
    return out.getvalue()


def test_csv_is_utf8_with_bom_and_guarded() -> None:
    data = _csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Name,Phone,Hours,Joined"
    assert lines[1] == '"\'=HYPERLINK(""http://evil"",""x"")",\'+44 7700 900123,-3,2026-03-01'
    assert lines[2] == "'@SUM(A1),'-2+3,2.5,"
    assert lines[4] == "Zoë Nguyễn 李,''=already,7,"


def test_no_exported_xlsx_cell_is_a_formula() -> None:
    book = openpyxl.load_workbook(io.BytesIO(_xlsx(ROWS)))
    sheet = book.active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    first = sheet["A2"]
    assert first.value == '=HYPERLINK("http://evil","x")'
    assert first.data_type == "s" and first.quotePrefix
    assert sheet["C2"].value == -3 and sheet["C2"].data_type == "n"
    assert sheet["D2"].value == dt.datetime(2026, 3, 1)
    assert not sheet["A5"].quotePrefix


def test_xlsx_reads_back_through_the_import() -> None:
    table = read_import_bytes(_xlsx(ROWS))
    assert table.kind == "xlsx"
    assert table.headers == HEADERS
    assert table.rows[0][0] == '=HYPERLINK("http://evil","x")'
    assert table.rows[3][1] == "'=already"
    assert not table.blocking


text_cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(text_cells, min_size=2, max_size=2), min_size=1, max_size=5))
def test_csv_export_then_import_round_trips_any_text(rows: list[list[str]]) -> None:
    rows = [[*row, "x"] for row in rows]  # a filled last column: blank rows are skipped on import
    out = io.BytesIO()
    write_csv(out, ("A", "B", "C"), rows)
    table = parse_csv_bytes(out.getvalue())
    assert table.encoding == "utf-8-sig" and table.delimiter == ","
    assert [list(r) for r in table.rows] == rows


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(text_cells, min_size=2, max_size=2), min_size=1, max_size=4))
def test_xlsx_export_then_import_round_trips_xml_text(rows: list[list[str]]) -> None:
    rows = [[*(c.translate(_XML_BAD) for c in row), "x"] for row in rows]
    out = io.BytesIO()
    write_xlsx(out, ("A", "B", "C"), rows)
    table = read_import_bytes(out.getvalue())
    assert [[("" if c is None else c) for c in r] for r in table.rows] == rows


# XML cannot hold control characters (written as U+FFFD) and reads a lone CR as a newline.
_XML_BAD = {c: None for c in [*range(0x20), 0xFFFE, 0xFFFF] if c not in (9, 10)}


def test_export_writes_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "psws.xlsx"
    result = export_table(target, HEADERS, ROWS, fmt="xlsx")  # type: ignore[arg-type]
    assert result.rows == 4 and target.read_bytes().startswith(b"PK")
    before = target.read_bytes()
    with pytest.raises(ExportRefused, match="already exists"):
        export_table(target, HEADERS, ROWS, fmt="csv")  # type: ignore[arg-type]
    assert target.read_bytes() == before
    export_table(target, HEADERS, ROWS, fmt="csv", overwrite=True)  # type: ignore[arg-type]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["psws.xlsx"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cancel_leaves_nothing(tmp_path: Path, fmt: str) -> None:
    rows = [("name", str(i), i, None) for i in range(2000)]
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 1000

    with pytest.raises(ExportCancelled):
        export_table(tmp_path / f"out.{fmt}", HEADERS, rows, fmt=fmt, progress=progress)
    assert seen == [0, 500, 1000]
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_nothing(tmp_path: Path) -> None:
    rows: list[tuple[object, ...]] = [("a", "b", 1, None), ("c", "d", object(), None)]
    with pytest.raises(ValueError):
        export_table(tmp_path / "out.xlsx", HEADERS, rows, fmt="xlsx")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="cannot write"):
        export_table(tmp_path / "missing" / "out.csv", HEADERS, ROWS, fmt="csv")  # type: ignore[arg-type]
