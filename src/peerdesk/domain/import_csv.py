"""CSV bytes to a ParsedTable: encoding, delimiter, and rows that survive bad quoting."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

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
from peerdesk.domain.spreadsheet import unguard_cell

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
ENCODINGS = ("utf-8-sig", "utf-16", "utf-8", "cp1252")
FIELD_LIMIT = MAX_BYTES
"""csv.field_size_limit while parsing: no field in a file under MAX_BYTES can pass it, so the
parser never stops; cells past import_table.CELL_LIMIT (1 MB) are reported by row instead."""
_SNIFF_CHARS = 65_536


def _keep_1252_undefined(error: UnicodeError) -> tuple[str, int]:
    # Windows-1252 leaves five bytes undefined; keep each as the same code point (as browsers
    # do) so nothing is dropped, and import_table reports the rows that hold one.
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("peerdesk-keep-1252", _keep_1252_undefined)


def detect_encoding(data: bytes) -> str:
    """A BOM's encoding (UTF-8, UTF-16), else UTF-8 when it decodes strictly, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode(data: bytes, encoding: str) -> str:
    """``data`` as text in ``encoding``; ImportRefused when it is not that encoding."""
    if encoding not in ENCODINGS:
        raise ImportRefused(f"PeerDesk does not read the encoding {encoding!r}.")
    if encoding == "cp1252":
        return data.decode("cp1252", errors="peerdesk-keep-1252")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            f"This file is not {encoding.upper().removesuffix('-SIG')} text (the first "
            f"problem is on line {line}). Choose another encoding in the preview."
        ) from error


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the opening lines most consistently."""
    sample = text[:_SNIFF_CHARS]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        if len(text) > _SNIFF_CHARS and len(rows) > 1:
            rows.pop()  # the sample may cut the last record
        rows = [r for r in rows if r]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(1 for r in rows if len(r) == width), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_csv_text(text: str, *, delimiter: str, encoding: str | None = None) -> ParsedTable:
    """``text`` parsed with ``delimiter``; see parse_csv_bytes."""
    if delimiter not in DELIMITERS:
        raise ImportRefused("The delimiter must be a comma, a semicolon or a tab.")
    csv.field_size_limit(FIELD_LIMIT)
    lines = list(io.StringIO(text, newline=""))
    problems: list[ImportProblem] = []
    starts: list[int] = []

    def records() -> Iterator[tuple[int, list[CellValue]]]:
        reader = csv.reader(iter(lines), delimiter=delimiter, strict=False)
        row = 0
        next_line = 1
        for record in reader:
            row += 1
            if row > MAX_ROWS + 1:
                raise too_many_rows()
            starts.append(next_line)
            next_line = reader.line_num + 1
            yield row, [unguard_cell(cell) for cell in record]
        if starts:
            _check_last_quote(lines, starts[-1], row, delimiter, problems)

    table = build_table(records(), kind="csv", encoding=encoding, delimiter=delimiter)
    if not problems:
        return table
    return ParsedTable(
        kind=table.kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        headers=table.headers,
        rows=table.rows,
        row_numbers=table.row_numbers,
        problems=(*problems, *table.problems),
    )


def _check_last_quote(
    lines: list[str], start: int, row: int, delimiter: str, problems: list[ImportProblem]
) -> None:
    # Non-strict reading lets an unterminated quote swallow the rest of the file into the last
    # record; re-reading just that record strictly tells an open quote from other quirks.
    tail = "".join(lines[start - 1 :])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        if "unexpected end of data" not in str(error):
            return
        problems.append(
            ImportProblem(
                row,
                None,
                tail[:80],
                f'a quote mark (") opened in row {row} (line {start} of the file) is never '
                f"closed, so lines {start}–{len(lines)} were read as one cell. Correct the "
                "quotes in that row and import again",
            )
        )


def parse_csv_bytes(
    data: bytes, *, encoding: str | None = None, delimiter: str | None = None
) -> ParsedTable:
    """CSV ``data`` as a table; encoding and delimiter detected unless given (overrides).

    Raises ImportRefused for a file past MAX_BYTES or MAX_ROWS, an empty one, or text that is
    not in the chosen encoding; everything else is an ImportProblem by row.
    """
    if len(data) > MAX_BYTES:
        raise too_big(len(data))
    chosen = encoding or detect_encoding(data)
    text = decode(data, chosen)
    return parse_csv_text(text, delimiter=delimiter or sniff_delimiter(text), encoding=chosen)
