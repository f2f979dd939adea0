"""Reading import files: every bad input gets a clear message by row, never a traceback."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.import_dates import DateProblem, looks_month_first, parse_date
from peerdesk.domain.import_table import MAX_BYTES, MAX_ROWS, ImportRefused
from peerdesk.export.spreadsheet_read import read_import_bytes


def _messages(data: bytes) -> list[str]:
    return [p.as_text() for p in read_import_bytes(data).problems]


def test_unterminated_quote_names_the_row_where_it_opened() -> None:
    data = b'Name,Email\nAnn,a@x\nBo,"b@x\nCy,c@x\nDi,d@x\n'
    assert _messages(data) == [
        'Row 3: a quote mark (") opened in row 3 (line 3 of the file) is never closed, so '
        "lines 3–5 were read as one cell. Correct the quotes in that row and import again"
    ]


def test_ragged_rows_newlines_and_blank_lines() -> None:
    table = read_import_bytes(b'Name,Notes\nAnn,"two\nlines"\n\nBo\nCy,x,lost\n')
    assert table.rows == (("Ann", "two\nlines"), ("Bo", ""), ("Cy", "x"))
    assert table.row_numbers == (2, 4, 5)
    assert [(p.row, p.blocking) for p in table.problems] == [(5, True)]


def test_nul_bytes_are_reported_not_dropped() -> None:
    table = read_import_bytes(b"Name\nA\x00n\n")
    assert table.rows == (("A\x00n",),)
    assert "NUL" in table.problems[0].message and table.problems[0].row == 2


def test_cells_over_the_limit_are_reported() -> None:
    table = read_import_bytes(b"Name,Notes\nAnn," + b"x" * 1_048_577 + b"\n")
    assert table.problems[0].message.startswith("this cell is 1,048,577 characters")
    assert len(table.rows[0][1]) == 1_048_577  # past csv's default 131,072 without a crash


def test_windows_1252_undefined_bytes_are_reported_by_row() -> None:
    table = read_import_bytes("Name\nZoë\nAb\x9dc\n".encode("latin-1"))
    assert table.encoding == "cp1252"
    assert table.rows == (("Zoë",), ("Ab\x9dc",))
    assert [p.row for p in table.problems] == [3] and "0x9D" in table.problems[0].message


@pytest.mark.parametrize(
    ("data", "encoding", "delimiter"),
    [
        (b"\xef\xbb\xbfA;B\nZo\xc3\xab;1\n", "utf-8-sig", ";"),
        ("A\tB\nZoë\t1\n".encode("utf-16"), "utf-16", "\t"),
        (b"A,B\nZo\xc3\xab,1\n", "utf-8", ","),
        (b"A,B\nZo\xeb,1\n", "cp1252", ","),
    ],
)
def test_encoding_and_delimiter_detected(data: bytes, encoding: str, delimiter: str) -> None:
    table = read_import_bytes(data)
    assert (table.encoding, table.delimiter, table.rows) == (encoding, delimiter, (("Zoë", "1"),))


def test_wrong_encoding_override_is_a_clear_refusal() -> None:
    with pytest.raises(ImportRefused, match="not UTF-8 text"):
        read_import_bytes(b"A\nZo\xeb\n", encoding="utf-8")


def test_duplicate_blank_headers_and_headers_only() -> None:
    table = read_import_bytes(b"Email,,email\n")
    assert table.headers == ("Email", "Column B", "email (column C)")
    assert [p.blocking for p in table.problems] == [False, False, True]
    assert table.problems[-1].message.startswith("the file has headers but no rows")


def test_empty_file_and_size_limits() -> None:
    with pytest.raises(ImportRefused, match="empty"):
        read_import_bytes(b"\n\n")
    with pytest.raises(ImportRefused, match="50 MB"):
        read_import_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(ImportRefused, match="more than 100,000 rows"):
        read_import_bytes(b"A\n" + b"1\n" * (MAX_ROWS + 1))
    assert len(read_import_bytes(b"A\n" + b"1\n" * MAX_ROWS).rows) == MAX_ROWS


def _ole2(*names: str) -> bytes:
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 500
        + b"".join(n.encode("utf-16-le") for n in names)
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_ole2("Root Entry", "Workbook"), "old Excel .xls"),
        (_ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"), "protected with a password"),
        (b"%PDF-1.7\n", "This is a PDF"),
        (b"PK\x03\x04garbage", "damaged"),
    ],
)
def test_files_that_are_not_spreadsheets(data: bytes, message: str) -> None:
    with pytest.raises(ImportRefused, match=message):
        read_import_bytes(data)


def test_xlsx_formulas_are_never_evaluated() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Hours"])
    sheet.append(["Ann", "=1+1"])
    out = io.BytesIO()
    book.save(out)
    table = read_import_bytes(out.getvalue())
    assert table.rows == (("Ann", "=1+1"),)
    assert table.problems[0].row == 2 and table.problems[0].column == "Hours"
    assert "formula" in table.problems[0].message


def test_a_zip_that_is_not_a_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(ImportRefused, match=r"\.ods"):
        read_import_bytes(out.getvalue())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parser_survives_random_bytes(data: bytes) -> None:
    try:
        read_import_bytes(data)
    except ImportRefused as error:
        assert str(error)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_parser_survives_random_bytes_after_a_zip_header(data: bytes) -> None:
    try:
        read_import_bytes(b"PK\x03\x04" + data)
    except ImportRefused as error:
        assert "damaged" in str(error) or "not a spreadsheet" in str(error)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2024", "not a real date: February 2024 has 29 days"),
        ("03/04/05", "write the year in full"),
        ("13/13/2024", "there is no month 13"),
        ("soon", "is not a date"),
    ],
)
def test_bad_dates(text: str, message: str) -> None:
    with pytest.raises(DateProblem, match=message):
        parse_date(text)


def test_good_dates() -> None:
    import datetime as dt

    want = dt.date(2024, 3, 20)
    for value in ("20/03/2024", "20-3-2024", "20.03.2024", "2024-03-20", "20 March 2024", 45371):
        assert parse_date(value) == want
    assert parse_date(dt.datetime(2024, 3, 20, 9)) == want
    assert parse_date("") is None


def test_month_first_columns_are_flagged() -> None:
    assert looks_month_first(["04/13/2024", "01/02/2024"])
    assert not looks_month_first(["04/13/2024", "31/01/2024"])
    assert not looks_month_first(["01/02/2024"])
