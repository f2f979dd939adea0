"""The main lists as spreadsheet rows: each column's header and typed value (dates stay dates)."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.import_table import CellValue
from peerdesk.domain.psw import PswRow
from peerdesk.domain.search_results import SearchResult
from peerdesk.domain.waiting import WaitingLine

PSW_HEADERS = ("Name", "Known as", "Status", "Since", "Role", "Area", "Capacity", "Updated")
PEOPLE_HEADERS = ("Name", "Referred", "Days waited (not on hold)", "Area", "Status")
ATTENTION_HEADERS = ("Name", "Item", "Due", "When", "Status")
"""In the order of the window's table columns, so a column number means the same in both."""


def plain_moment(moment: dt.datetime) -> dt.datetime:
    """A moment as local wall-clock time without a zone (spreadsheets hold no time zones)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def psw_cells(row: PswRow) -> tuple[CellValue, ...]:
    """A peer workers table line: capacity a number, dates as dates."""
    return (
        row.full_name,
        row.known_as,
        row.status.label,
        row.status_since,
        row.role.label,
        row.area or "Not recorded",
        row.capacity,
        plain_moment(row.updated_at),
    )


def person_cells(line: WaitingLine) -> tuple[CellValue, ...]:
    """A waiting list line: the wait as a number of days (time on hold not counted)."""
    row = line.row
    name = f"{row.full_name} ({row.known_as})" if row.known_as else row.full_name
    return (name, row.referred_on, line.wait.days, row.area, row.status.label)


def attention_cells(item: AttentionItem, today: dt.date) -> tuple[CellValue, ...]:
    """A Needs attention line: the due date a date, "when" in words as on screen."""
    return (item.name, item.item, item.due_on, item.when(today), item.status)


SEARCH_HEADERS = ("Peer worker", "Found in", "Date", "Confidentiality", "Snippet")


def search_cells(result: SearchResult) -> tuple[CellValue, ...]:
    """A Find in notes result: the snippet as plain text, as listed."""
    return (
        result.psw_name,
        result.kind_label,
        result.day,
        result.confidentiality,
        result.snippet_text,
    )
