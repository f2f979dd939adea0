"""``peerdesk due`` output: the dated items as text, CSV (spreadsheet-safe) or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.spreadsheet import guard_cell

FORMATS = ("text", "csv", "json")
CSV_HEADER = ("subject_kind", "subject_id", "name", "item", "status", "due_on", "days")


def render(items: Sequence[AttentionItem], fmt: str, *, today: dt.date) -> str:
    """The listing in ``fmt`` (one of FORMATS); dates are ISO in CSV and JSON."""
    if fmt == "csv":
        return _csv(items, today)
    if fmt == "json":
        return _json(items, today)
    if fmt == "text":
        return _text(items, today)
    raise ValueError(f"unknown format {fmt!r}")


def _rows(items: Sequence[AttentionItem], today: dt.date) -> list[tuple[object, ...]]:
    return [
        (
            i.subject_kind,
            i.subject_id,
            i.name,
            i.item,
            i.status,
            i.due_on.isoformat(),
            i.days(today),
        )
        for i in items
    ]


def _csv(items: Sequence[AttentionItem], today: dt.date) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in _rows(items, today):
        # Names and items are people's text: guard them against formula injection.
        writer.writerow([guard_cell(cell) if isinstance(cell, str) else cell for cell in row])
    return out.getvalue()


def _json(items: Sequence[AttentionItem], today: dt.date) -> str:
    records = [dict(zip(CSV_HEADER, row, strict=True)) for row in _rows(items, today)]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _text(items: Sequence[AttentionItem], today: dt.date) -> str:
    if not items:
        return "Nothing is due.\n"
    lines = [f"{format_date(i.due_on)}  {i.when(today):<18}  {i.name} — {i.item}" for i in items]
    return "\n".join(lines) + "\n"
