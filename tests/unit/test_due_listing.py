"""``peerdesk due`` listings: every format, names in any script, spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.attention import AttentionItem, sort_key
from peerdesk.export.due_listing import CSV_HEADER, render

TODAY = dt.date(2026, 11, 23)
ITEMS = [
    AttentionItem("psw", 7, "Zoë Nguyễn", "DBS (enhanced)", "expired", dt.date(2026, 11, 11)),
    AttentionItem("psw", 9, '=HYPERLINK("x")', "Reference 2", "awaited", dt.date(2026, 12, 3)),
]


def test_csv_has_a_header_iso_dates_and_guards_formulas() -> None:
    rows = list(csv.reader(io.StringIO(render(ITEMS, "csv", today=TODAY))))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[1] == ["psw", "7", "Zoë Nguyễn", "DBS (enhanced)", "expired", "2026-11-11", "-12"]
    assert rows[2][2] == '\'=HYPERLINK("x")' and rows[2][6] == "10"


def test_json_fields() -> None:
    data = json.loads(render(ITEMS, "json", today=TODAY))
    assert data[0] == {
        "subject_kind": "psw",
        "subject_id": 7,
        "name": "Zoë Nguyễn",
        "item": "DBS (enhanced)",
        "status": "expired",
        "due_on": "2026-11-11",
        "days": -12,
    }


def test_text_says_when_in_words() -> None:
    text = render(ITEMS, "text", today=TODAY)
    assert "11 November 2026  12 days overdue" in text and "Zoë Nguyễn — DBS (enhanced)" in text
    assert render([], "text", today=TODAY) == "Nothing is due.\n"


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_csv_round_trips_any_name_and_never_starts_a_formula(names: list[str]) -> None:
    items = [
        AttentionItem("psw", n, name, "Item", "due", TODAY + dt.timedelta(days=n))
        for n, name in enumerate(names)
    ]
    rows = list(csv.reader(io.StringIO(render(items, "csv", today=TODAY), newline="")))[1:]
    for row, name in zip(rows, names, strict=True):
        assert row[2] in (name, "'" + name)
        assert not row[2].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_sort_puts_the_most_pressing_first() -> None:
    assert sorted(reversed(ITEMS), key=sort_key) == ITEMS


def test_matching_lines_come_out_as_people_with_the_same_fields() -> None:
    wait = AttentionItem(
        "person",
        3,
        "Amara Okoye",
        "Waiting 9 weeks (referred 22 September 2026; 2 weeks on hold)",
        "Waiting over 6 weeks",
        dt.date(2026, 11, 10),
    )
    [record] = json.loads(render([wait], "json", today=TODAY))
    assert record == {
        "subject_kind": "person",
        "subject_id": 3,
        "name": "Amara Okoye",
        "item": "Waiting 9 weeks (referred 22 September 2026; 2 weeks on hold)",
        "status": "Waiting over 6 weeks",
        "due_on": "2026-11-10",
        "days": -13,
    }
    rows = list(csv.reader(io.StringIO(render([wait], "csv", today=TODAY))))
    assert rows[1][:3] == ["person", "3", "Amara Okoye"]
    text = render([wait], "text", today=TODAY)
    assert text.startswith("10 November 2026  13 days overdue")
    assert "Amara Okoye — Waiting 9 weeks" in text
