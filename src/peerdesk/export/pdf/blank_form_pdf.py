"""A blank form's layout: lines and boxes to write in, tick boxes, tables to fill by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from peerdesk.domain.blank_form import BlankForm, FieldKind, FormField
from peerdesk.export.pdf.page import BODY, HEADING, SMALL, BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.sections import CELL, TEXT_WIDTH, note

BOX = "\u2610"
LINE_HEIGHT = 8 * mm
LABEL_WIDTH = 48 * mm
TICK_COLUMNS = 3
_RULE = colors.Color(0.45, 0.45, 0.45)
LABEL = ParagraphStyle("PeerDeskFormLabel", parent=BODY, spaceAfter=0)
TICK = ParagraphStyle("PeerDeskTick", parent=CELL, fontSize=9, leading=11)
SECTION = ParagraphStyle("PeerDeskFormSection", parent=HEADING, keepWithNext=1)
SECTION_TEXT = ParagraphStyle("PeerDeskFormText", parent=SMALL, keepWithNext=1, spaceAfter=6)
HEADER = ParagraphStyle("PeerDeskFormHeader", parent=CELL, fontSize=8.5, leading=10.5)
SMALL_TICK = ParagraphStyle("PeerDeskSmallTick", parent=SMALL, fontSize=7.5, leading=9)


def _tick(story: Story, text: str, style: ParagraphStyle = TICK) -> Paragraph:
    return Paragraph(story.markup(f"{BOX} {text}"), style)


def _label(story: Story, field: FormField) -> Paragraph:
    return Paragraph(story.markup(field.label, bold=True), LABEL)


def _line(story: Story, field: FormField) -> Table:
    table = Table(
        [[_label(story, field), ""]],
        colWidths=[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
        rowHeights=[LINE_HEIGHT],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("LINEBELOW", (1, 0), (1, 0), 0.5, _RULE),
            ]
        )
    )
    return table


def _box(story: Story, field: FormField) -> list[Flowable]:
    rows = [[""] for _ in range(max(field.lines, 1))]
    ruled = Table(rows, colWidths=[TEXT_WIDTH], rowHeights=[LINE_HEIGHT] * len(rows))
    ruled.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, _RULE),
            ]
        )
    )
    return [_label(story, field), *_hint(story, field), ruled]


def _hint(story: Story, field: FormField) -> list[Paragraph]:
    return [Paragraph(story.markup(field.hint), SMALL)] if field.hint else []


def _ticks(story: Story, field: FormField) -> list[Flowable]:
    cells: list[Paragraph | str] = [_tick(story, c) for c in field.choices]
    if field.other:
        cells.append(_tick(story, "Other: ____________________"))
    rows = [
        (cells[i : i + TICK_COLUMNS] + [""] * TICK_COLUMNS)[:TICK_COLUMNS]
        for i in range(0, len(cells), TICK_COLUMNS)
    ] or [["", "", ""]]
    table = Table(rows, colWidths=[TEXT_WIDTH / TICK_COLUMNS] * TICK_COLUMNS, hAlign="LEFT")
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [_label(story, field), *_hint(story, field), table]


def _widths(field: FormField) -> list[float]:
    count = len(field.columns)
    if field.key == "contacts":
        fixed = [25 * mm, 30 * mm, 18 * mm, 35 * mm, 27 * mm]
        return [*fixed, TEXT_WIDTH - sum(fixed)]
    if field.choices:  # first column names the row; tick columns share the rest
        first = 70 * mm
        return [first] + [(TEXT_WIDTH - first) / (count - 1)] * (count - 1)
    return [TEXT_WIDTH / count] * count


def _table(story: Story, field: FormField) -> Table:
    header = [Paragraph(story.markup(h, bold=True), HEADER) for _, h in field.columns]
    ticks = dict(field.cell_ticks)
    body: list[Sequence[Paragraph | str]] = []
    if field.choices:
        for choice in field.choices:
            ticks_row = [_tick(story, "") for _ in header[1:]]
            body.append([Paragraph(story.markup(choice), CELL), *ticks_row])
    for _ in range(field.lines):
        body.append(
            [
                Paragraph("<br/>".join(story.markup(f"{BOX} {c}") for c in ticks[key]), SMALL_TICK)
                if key in ticks
                else ""
                for key, _ in field.columns
            ]
        )
    written = None if ticks else LINE_HEIGHT  # tick cells set their own height
    heights = [None] * (1 + len(field.choices)) + [written] * field.lines
    table = Table([header, *body], colWidths=_widths(field), rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, _RULE),
                ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _field(story: Story, field: FormField, title: str) -> list[Flowable]:
    """The field's flowables: a label with what to write in or tick (kept on one page)."""
    if field.kind is FieldKind.LINE:
        return [_line(story, field)]
    if field.kind is FieldKind.BOX:
        return _box(story, field)
    if field.kind is FieldKind.TICKS:
        return _ticks(story, field)
    if field.kind is FieldKind.TICK:
        return [_tick(story, field.label)]
    label = [_label(story, field)] if field.label != title else []
    return [*label, _table(story, field), *_hint(story, field)]


def blank_form_pdf(form: BlankForm, *, organisation: str, printed_at: dt.datetime) -> BuiltPdf:
    """The form as an A4 PDF, "Form PD-CL v1" in every page's footer.

    Marked CONFIDENTIAL: blank, it holds no one's details, but once filled in by hand it holds
    personal (often health) data, and the mark must already be on the paper by then.
    """
    story = Story()
    story.title(form.title)
    note(story, form.intro)
    for section in form.sections:
        # the heading, its words and the first field stay on one page
        head: list[Flowable] = []
        if section.title:
            head.append(Paragraph(story.markup(section.title, bold=True), SECTION))
        if section.text:
            head.append(Paragraph(story.markup(section.text), SECTION_TEXT))
        for n, field in enumerate(section.fields):
            made = (head if n == 0 else []) + _field(story, field, section.title)
            if field.kind is FieldKind.TABLE:
                # a table may run over pages (its header repeats): only its heading is kept
                # with it, by the heading style's keep-with-next
                for flowable in made:
                    story.add(flowable)
            else:
                story.add(KeepTogether(made))
            story.space(2)
    return build_pdf(
        story,
        title_ref=form.footer,
        organisation=organisation,
        printed_at=printed_at,
        confidential=True,
        subject=form.title,
    )
