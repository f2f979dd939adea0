"""1,000 PSW records to one PDF, beside raw ReportLab plain Paragraphs (same fonts, same pages).

The records are read from a demo vault through the service first (timed apart); the figure is
building the PDF from those inputs. The floor is SimpleDocTemplate with plain Paragraphs in the
same registered DejaVu Sans, filled to the same page count, measured in the same run. Target:
at least half the floor's pages per second (so at most twice its time per page).
"""

from __future__ import annotations

import sys
import time

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

import _common
from _people import NOW, open_services, people_vault
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw_documents import PswRecordInputs
from peerdesk.export.pdf.fonts import SANS, register_fonts
from peerdesk.export.pdf.page import Story, build_pdf
from peerdesk.export.pdf.psw_record import add_psw_record

LINE = "Peer support worker record line with a date, a kind and a name: 23 November 2026."
_FLOOR_STYLE = ParagraphStyle("Floor", fontName=SANS, fontSize=10, leading=13, spaceAfter=4)


def build_records(records: list[PswRecordInputs]) -> tuple[int, int]:
    """Every record in one PDF, each from a new page: (pages, bytes)."""
    story = Story()
    for n, inputs in enumerate(records):
        if n:
            story.add(PageBreak())
        add_psw_record(story, inputs)
    built = build_pdf(
        story,
        title_ref=f"{len(records)} PSW records",
        organisation="Riverside Peer Support (demo)",
        printed_at=NOW,
        confidential=True,
    )
    return built.pages, len(built.data)


def build_floor(paragraphs: int) -> int:
    """Plain Paragraphs in the same font: the pages made."""
    import io

    pages = []
    doc = SimpleDocTemplate(
        io.BytesIO(), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, invariant=1
    )
    doc.build(
        [Paragraph(f"{n}. {LINE}", _FLOOR_STYLE) for n in range(paragraphs)],
        onFirstPage=lambda c, d: pages.append(1),
        onLaterPages=lambda c, d: pages.append(1),
    )
    return len(pages)


def floor_paragraphs_for(pages: int) -> int:
    """How many floor paragraphs fill ``pages`` pages (one untimed calibration build)."""
    per_page = build_floor(400) / 400
    count = max(1, round(pages / per_page))
    while build_floor(count) < pages:
        count += 5
    return count


def main() -> int:
    args = _common.parser(__doc__ or "", default_psws=1_000).parse_args()
    cfg = _common.settings(args, quick_psws=40)
    rl_config.invariant = 1
    register_fonts()
    folder = people_vault(cfg.work, cfg.psws, 0)
    services = open_services(folder)
    started = time.perf_counter()
    ids = [PswId(i) for i in range(1, cfg.psws + 1)]
    records = [services.psw_documents.record_inputs(i) for i in ids]
    read = time.perf_counter() - started
    services.close()

    runs = 1 if not cfg.quick else cfg.runs
    ours = []
    pages = size = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        pages, size = build_records(records)
        ours.append(time.perf_counter() - t0)
    paragraphs = floor_paragraphs_for(pages)
    floors = []
    floor_pages = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        floor_pages = build_floor(paragraphs)
        floors.append(time.perf_counter() - t0)
    ours_s, floor_s = sorted(ours)[len(ours) // 2], sorted(floors)[len(floors) // 2]
    floor_same = floor_s * pages / floor_pages  # the floor's time for exactly our page count
    ours_rate, floor_rate = pages / ours_s, floor_pages / floor_s
    figures = [
        _common.Figure(
            f"{len(records):,} records to one PDF", ours_s, 2 * floor_same, floor_same, unit="s"
        ),
        _common.Figure("read the records (service)", read, unit="s"),
    ]
    ok = _common.print_table(f"PSW records to PDF: {pages:,} pages, {size / 1e6:.1f} MB", figures)
    share = ours_rate / floor_rate
    print(
        f"  pages/s: ours {ours_rate:,.0f}, floor {floor_rate:,.0f} ({floor_pages:,} pages); "
        f"ours is {share:.0%} of the floor (target >= 50%)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
