"""Building blocks personal documents share: headings, label-value facts, tables, long text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from peerdesk.domain.calendar import format_date
from peerdesk.export.pdf.fonts import SANS, SANS_BOLD
from peerdesk.export.pdf.page import BODY, HEADING, SMALL, Story

# Headings keep with what follows, so none is left alone at the foot of a page.
SECTION = ParagraphStyle("PeerDeskSection", parent=HEADING, keepWithNext=1)
SUBHEADING = ParagraphStyle(
    "PeerDeskSubheading",
    parent=BODY,
    fontSize=11,
    leading=14,
    spaceBefore=6,
    spaceAfter=2,
    keepWithNext=1,
)
CELL = ParagraphStyle("PeerDeskCell", parent=BODY, fontSize=9, leading=11, spaceAfter=0)
NOTE = ParagraphStyle("PeerDeskNote", parent=SMALL, fontSize=9, leading=11, spaceAfter=4)

TEXT_WIDTH = 174 * mm - 12  # A4 less the margins and the frame's padding
LABEL_WIDTH = 48 * mm
CELL_LIMIT = 600
"""Longer values print as paragraphs under their label: a table row cannot split over pages."""
NONE = "None recorded."

_GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        # Cells that are plain strings (short ASCII, see _cell) are drawn in the cell style's font.
        ("FONT", (0, 0), (-1, -1), SANS, CELL.fontSize, CELL.leading),
    ]
)
_HEADED = TableStyle(
    [
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD, CELL.fontSize, CELL.leading),
    ]
)
_LABELLED = TableStyle([("FONT", (0, 0), (0, -1), SANS_BOLD, CELL.fontSize, CELL.leading)])
_PADDING = 4  # the grid's right padding


def day(on: dt.date | None, *, missing: str = "\u2014") -> str:
    """ "3 March 2026", or a dash when there is no date."""
    return format_date(on) if on is not None else missing


def yes_no(value: bool | None, *, missing: str = "Not recorded") -> str:
    return missing if value is None else ("Yes" if value else "No")


def heading(story: Story, text: str) -> None:
    """A section's heading (bold, kept with the first thing under it)."""
    story.flowables.append(Paragraph(story.markup(text, bold=True), SECTION))


def subheading(story: Story, text: str) -> None:
    """A bold line under a section heading (a sub-list's name, an item's title)."""
    story.flowables.append(Paragraph(story.markup(text, bold=True), SUBHEADING))


def note(story: Story, text: str) -> None:
    """A small explanatory line (what is left out and why)."""
    story.paragraph(text, NOTE)


def long_text(story: Story, text: str, *, empty: str = "Nothing written.") -> None:
    """Free text as paragraphs, one per blank-line-separated block: each splits over pages."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    if not blocks:
        note(story, empty)
    for block in blocks:
        story.paragraph(block)


def facts(story: Story, rows: Sequence[tuple[str, str]]) -> None:
    """Label and value rows: short ones in a two-column table, long ones as paragraphs.

    Empty values are left out, so a record shows what was recorded and no blank lines.
    """
    pending: list[list[Paragraph | str]] = []
    widths = [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH]

    def flush() -> None:
        if pending:
            made = _table(pending, widths, headed=False)
            made.setStyle(_LABELLED)
            story.add(made)
            pending.clear()

    for label, value in rows:
        if not value:
            continue
        if len(value) > CELL_LIMIT or value.count("\n") > 6:
            flush()
            subheading(story, label)
            long_text(story, value)
        else:
            pending.append(
                [_cell(story, label, widths[0], bold=True), _cell(story, value, widths[1])]
            )
    flush()


def table(
    story: Story,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float],
    empty: str = NONE,
) -> None:
    """A table of short values with a heading row repeated on each page (``widths``: shares)."""
    if not rows:
        note(story, empty)
        return
    total = sum(widths)
    cols = [TEXT_WIDTH * w / total for w in widths]
    cells = [[_cell(story, h, w, bold=True) for h, w in zip(headers, cols, strict=True)]]
    cells += [
        [_cell(story, v[:CELL_LIMIT], w) for v, w in zip(row, cols, strict=True)] for row in rows
    ]
    story.add(_table(cells, cols, headed=True))


def _cell(story: Story, text: str, width: float, *, bold: bool = False) -> Paragraph | str:
    """A short ASCII value that fits on one line stays a string (drawn as is, so markup
    characters print literally, and about ten times cheaper); anything else a paragraph."""
    if (
        text.isascii()
        and text.isprintable()
        and stringWidth(text, SANS_BOLD if bold else SANS, CELL.fontSize) <= width - _PADDING
    ):
        return text
    return Paragraph(story.markup(text, bold=bold), CELL)


def _table(cells: list[list[Paragraph | str]], widths: list[float], *, headed: bool) -> Table:
    made = Table(cells, colWidths=widths, repeatRows=1 if headed else 0, hAlign="LEFT")
    made.setStyle(_GRID)
    if headed:
        made.setStyle(_HEADED)
    return made
