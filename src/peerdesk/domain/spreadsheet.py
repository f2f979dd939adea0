"""The one guard every CSV and XLSX writer puts user text through, and its undoing on import."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make Excel, LibreOffice or Sheets read a cell as a formula."""


def needs_guard(text: str) -> bool:
    """True when ``text`` (after any apostrophes it already starts with) would start a formula.

    Text that already starts with apostrophes before a formula character is guarded too, so
    that ``unguard_cell`` can always tell the guard's apostrophe from one the person typed.
    """
    return text.lstrip("'").startswith(FORMULA_STARTS)


def guard_cell(value: object) -> object:
    """``value`` made safe to open in a spreadsheet from CSV (formula injection).

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe, so a
    name like "=HYPERLINK(...)" is shown, never run. Numbers, dates and None pass untouched: they
    are written as values, not parsed, and "-3" as a number must stay a number. XLSX writers
    store such text as a quote-prefixed string cell instead (see ``needs_guard``).
    """
    if isinstance(value, str) and needs_guard(value):
        return "'" + value
    return value


def unguard_cell(text: str) -> str:
    """``text`` as it was before ``guard_cell``: the import side strips the guard's apostrophe."""
    if text.startswith("'") and needs_guard(text[1:]):
        return text[1:]
    return text
