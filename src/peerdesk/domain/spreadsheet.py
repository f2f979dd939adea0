"""The one guard every CSV and XLSX writer puts user text through before it becomes a cell."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make Excel, LibreOffice or Sheets read a cell as a formula."""


def guard_cell(value: object) -> object:
    """``value`` made safe to open in a spreadsheet (CSV/formula injection).

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe, so a
    name like "=HYPERLINK(...)" is shown, never run. Numbers, dates and None pass untouched: they
    are written as values, not parsed, and "-3" as a number must stay a number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
