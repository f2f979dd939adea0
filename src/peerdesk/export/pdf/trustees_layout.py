"""The trustees' report's building blocks: its tables, kept-together sections and shown counts.

Every count of people goes through ``trustees_suppression`` here (shown_count, suppress), so a
small number prints as "<5"; the sections (``trustees_report``, ``trustees_monthly``,
``trustees_sections``) build on these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from peerdesk.domain.calendar import format_date
from peerdesk.domain.trustees import PeriodFigures, Share
from peerdesk.domain.trustees_inputs import Period
from peerdesk.domain.trustees_suppression import shown_count, suppress
from peerdesk.export.pdf.page import SMALL, Story

WIDTH = 480.0
NUMBER_W = 92.0
NOT_SHOWN = "Not shown"

T = TypeVar("T")


def period_text(period: Period) -> str:
    return f"{format_date(period.start)} to {format_date(period.end)}"


def month_text(month: dt.date) -> str:
    return f"{month:%b} {month.year}"


def number_text(value: float) -> str:
    text = f"{value:,.1f}"
    return text[:-2] if text.endswith(".0") else text


def aligned(values: Sequence[T], length: int, fill: T) -> list[T]:
    """The previous period's months against this period's by position, padded or cut."""
    return [*values[:length], *[fill] * max(0, length - len(values))]


class TrusteesLayout:
    """The story being built and the small-number threshold every count is shown under."""

    def __init__(self, story: Story, threshold: int) -> None:
        self.story = story
        self.t = threshold

    def table(
        self,
        rows: Sequence[Sequence[str]],
        *,
        first_width: float | None = None,
        total_row: bool = False,
    ) -> Table:
        columns = len(rows[0])
        first = first_width or WIDTH - NUMBER_W * (columns - 1)
        cells = [
            [
                self.story.markup(text, bold=r == 0 or (total_row and r == len(rows) - 1))
                for text in row
            ]
            for r, row in enumerate(rows)
        ]
        style = SMALL.clone("TrusteesCell", fontSize=8.5, leading=11)
        right = style.clone("TrusteesNumber", alignment=2)
        flow = [
            [Paragraph(cell, style if c == 0 else right) for c, cell in enumerate(row)]
            for row in cells
        ]
        table = Table(
            flow, colWidths=[first, *[NUMBER_W] * (columns - 1)], repeatRows=1, hAlign="LEFT"
        )
        commands: list[tuple[object, ...]] = [
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#c8c8c8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if total_row:
            commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.7, colors.black))
        table.setStyle(TableStyle(commands))
        return table

    def section(self, title: str, *parts: Flowable, note: str = "") -> None:
        heading = self.story.heading(title)
        self.story.flowables.pop()  # kept with what follows it
        items: list[Flowable] = [heading]
        if note:
            items.append(self.story.paragraph(note))
            self.story.flowables.pop()
        items.extend(parts)
        self.story.add(KeepTogether(items))
        self.story.space(2)

    def count(self, value: int) -> str:
        return shown_count(value, self.t)

    def share(self, share: Share | None) -> str:
        if share is None:
            return "Not recorded"
        if share.whole == 0:
            return "No one active"
        shown = suppress({"yes": share.part, "no": share.whole - share.part}, self.t)
        if shown["yes"] != f"{share.part:,}" or shown["no"] != f"{share.whole - share.part:,}":
            return f"{shown['yes']} of {self.count(share.whole)}"
        return f"{share.part:,} of {share.whole:,} ({round(100 * share.part / share.whole)}%)"

    def days(self, figures: PeriodFigures, value: float | None) -> str:
        if figures.waits.waiting == 0 or value is None:
            return "No one waiting"
        if figures.waits.waiting < self.t:
            return NOT_SHOWN
        return f"{number_text(value)} days"

    def columns(self, before: PeriodFigures | None) -> list[str]:
        return ["", "This period", *(["Previous period"] if before is not None else [])]

    def rows(
        self, lines: Sequence[tuple[str, str, str]], before: PeriodFigures | None
    ) -> list[list[str]]:
        return [[label, now, *([then] if before is not None else [])] for label, now, then in lines]

    def counts(
        self, monthly: Sequence[tuple[dt.date, int]]
    ) -> tuple[list[float | None], list[str]]:
        """Each month's count as charted (None when not shown) and as printed."""
        shown = suppress({m.isoformat(): n for m, n in monthly}, self.t)
        texts = [shown[m.isoformat()] for m, _ in monthly]
        values: list[float | None] = [
            float(n) if text == f"{n:,}" else None
            for (_, n), text in zip(monthly, texts, strict=True)
        ]
        return values, texts
