"""A4 documents: the shipped fonts' styles, the story, and every page's header and footer."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from peerdesk.domain.calendar import format_date
from peerdesk.export.pdf.fonts import SANS, SANS_BOLD, register_fonts
from peerdesk.export.pdf.text import pdf_markup

BODY = ParagraphStyle("PeerDeskBody", fontName=SANS, fontSize=10, leading=13, spaceAfter=4)
SMALL = ParagraphStyle("PeerDeskSmall", parent=BODY, fontSize=8, leading=10, spaceAfter=0)
HEADING = ParagraphStyle(
    "PeerDeskHeading", parent=BODY, fontName=SANS_BOLD, fontSize=13, leading=17, spaceBefore=8
)
TITLE = ParagraphStyle(
    "PeerDeskTitle", parent=HEADING, fontSize=17, leading=22, spaceBefore=0, spaceAfter=8
)
_BOLD_STYLES = frozenset({HEADING.name, TITLE.name})

_MARGIN = 18 * mm
_PAD = 6  # points: the story's frame pads its text, and the header and footer line up with it
_HEADER_SPACE = 14 * mm  # between the top margin and the first line of the story
_FOOTER_SPACE = 10 * mm
CONFIDENTIAL = "CONFIDENTIAL"


class Story:
    """The flowables of one document, in order, with the count of characters no font covers.

    Every piece of people's text goes in through ``paragraph`` (or ``markup`` for table cells),
    so none of it is read as markup and each missing glyph is counted for the "done" message.
    """

    def __init__(self) -> None:
        register_fonts()
        self.flowables: list[Flowable] = []
        self.unprintable = 0

    def markup(self, text: str, *, bold: bool = False) -> str:
        """``text`` as paragraph markup, its unprintable characters counted."""
        converted = pdf_markup(text, bold=bold)
        self.unprintable += converted.unprintable
        return converted.markup

    def paragraph(self, text: str, style: ParagraphStyle = BODY) -> Paragraph:
        """Add ``text`` as a paragraph (a long one splits over pages) and return it."""
        para = Paragraph(self.markup(text, bold=style.name in _BOLD_STYLES), style)
        self.flowables.append(para)
        return para

    def heading(self, text: str) -> Paragraph:
        return self.paragraph(text, HEADING)

    def title(self, text: str) -> Paragraph:
        return self.paragraph(text, TITLE)

    def space(self, height_mm: float = 4) -> None:
        self.flowables.append(Spacer(1, height_mm * mm))

    def add(self, flowable: Flowable) -> None:
        """Add a flowable made elsewhere (a table, a chart) whose text went through ``markup``."""
        self.flowables.append(flowable)


@dataclass(frozen=True)
class BuiltPdf:
    """A finished document: its bytes, its page count, and the characters it could not print."""

    data: bytes
    pages: int
    unprintable: int


def printed_line(printed_at: dt.datetime) -> str:
    """ "Printed 23 November 2026, 14:05"."""
    return f"Printed {format_date(printed_at.date())}, {printed_at:%H:%M}"


@dataclass
class _Furniture:
    """What every page carries besides the story: drawn once the page count is known."""

    organisation: Paragraph
    reference: str
    printed: str
    confidential: bool
    pages: int = 0

    def draw(self, canvas: Any, page: int) -> None:
        width, height = A4
        left, right, top = _MARGIN + _PAD, width - _MARGIN - _PAD, height - _MARGIN
        text_width = right - left
        if self.confidential:
            canvas.setFont(SANS_BOLD, 10)
            canvas.drawRightString(right, top - 10, CONFIDENTIAL)
            text_width -= canvas.stringWidth(CONFIDENTIAL, SANS_BOLD, 10) + 6 * mm
        _, used = self.organisation.wrap(text_width, _HEADER_SPACE)
        self.organisation.drawOn(canvas, left, top - used)
        canvas.setLineWidth(0.5)
        rule = top - _HEADER_SPACE + 3 * mm
        canvas.line(left, rule, right, rule)
        canvas.line(left, _MARGIN + 5 * mm, right, _MARGIN + 5 * mm)
        canvas.setFont(SANS, 8)
        canvas.drawString(left, _MARGIN, self.printed)
        canvas.drawCentredString(width / 2, _MARGIN, self.reference)
        canvas.drawRightString(right, _MARGIN, f"Page {page} of {self.pages}")


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Holds the pages back until the end, so each can say "Page 3 of 7"."""

    def __init__(self, *args: Any, furniture: _Furniture, stamp: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held: list[dict[str, Any]] = []
        # Metadata dates are the printed time, not the build's (and not invariant mode's 2000).
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        self._furniture.pages = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self._furniture.draw(self, number)
            super().showPage()
        super().save()


def build_pdf(
    story: Story,
    *,
    title_ref: str,
    organisation: str,
    printed_at: dt.datetime,
    confidential: bool,
    subject: str = "",
) -> BuiltPdf:
    """The story as an A4 PDF. The same story, clock and arguments give the same bytes.

    ``title_ref`` and ``subject`` go into the metadata and the footer: give references
    ("PSW-0042 record"), never names. ``confidential`` marks every page of a personal document.
    """
    org = pdf_markup(organisation, bold=True)
    furniture = _Furniture(
        organisation=Paragraph(
            org.markup, ParagraphStyle("PeerDeskOrg", parent=SMALL, fontSize=10)
        ),
        reference=title_ref,
        printed=printed_line(printed_at),
        confidential=confidential,
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN + _HEADER_SPACE,
        bottomMargin=_MARGIN + _FOOTER_SPACE,
        title=title_ref,
        subject=subject,
        author="",
        creator="PeerDesk",
        invariant=1,  # no build time or random file id: two builds of one story are identical
    )
    maker: Callable[..., Canvas] = partial(
        _NumberedCanvas, furniture=furniture, stamp=f"D:{printed_at:%Y%m%d%H%M%S}"
    )
    doc.build(list(story.flowables), canvasmaker=maker)
    return BuiltPdf(out.getvalue(), furniture.pages, story.unprintable + org.unprintable)
