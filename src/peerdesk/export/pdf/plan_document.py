"""A wellbeing or "telling my story safely" plan version as a PDF, section by section.

The version is printed as saved: its number, saved date, the date the PSW agreed it, the review
date, and (wellbeing) the agreed adjustments as copied into it. A private version's sections are
not printed: the page says so. Several plans go one after another, each from a new page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import PageBreak

from peerdesk.domain.psw_documents import PRIVATE_NOT_PRINTED, PlanInputs, psw_reference
from peerdesk.export.pdf.page import BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.sections import day, facts, heading, long_text, note

PLAN_SUBJECT = "Plan for the peer worker to keep"


def plan_header_section(story: Story, inputs: PlanInputs) -> None:
    story.title(f"{inputs.kind.label}: {inputs.psw_name}")
    story.paragraph(f"Reference {psw_reference(inputs.psw_id)}")
    version = inputs.version
    if version is None:
        note(story, f"No {inputs.kind.label.lower()} is saved yet.")
        return
    draft = version.draft
    by = f" by {version.recorded_by}" if version.recorded_by else ""
    facts(
        story,
        [
            ("Version", str(version.number)),
            ("Saved", f"{day(version.recorded_at.date())}{by}"),
            ("Agreed by the peer worker", day(draft.agreed_by_psw_on, missing="Not yet")),
            ("Review by", day(draft.review_on, missing="No date set")),
            ("Confidentiality", draft.confidentiality.label),
        ],
    )


def plan_sections_section(story: Story, inputs: PlanInputs) -> None:
    version = inputs.version
    if version is None:
        return
    if not inputs.text_shown:
        heading(story, "Sections")
        note(story, PRIVATE_NOT_PRINTED)
        return
    for section in version.draft.sections:
        heading(story, section.title)
        if section.text:
            long_text(story, section.text)
        for item in section.items:
            story.paragraph(f"\u2022 {item.line()}")
        if not section.text and not section.items:
            note(story, "Nothing written.")


def add_plan(story: Story, inputs: PlanInputs) -> None:
    plan_header_section(story, inputs)
    plan_sections_section(story, inputs)


def plans_pdf(
    plans: Sequence[PlanInputs], *, organisation: str, printed_at: dt.datetime
) -> BuiltPdf:
    """``plans`` one after another (each from a new page); confidential on every page."""
    story = Story()
    for n, inputs in enumerate(plans):
        if n:
            story.add(PageBreak())
        add_plan(story, inputs)
    first = plans[0]
    if len(plans) == 1 and first.version is not None:
        what = f"{first.kind.value} plan v{first.version.number}"
    else:
        what = "plans"
    return build_pdf(
        story,
        title_ref=f"{psw_reference(first.psw_id)} {what}",
        organisation=organisation,
        printed_at=printed_at,
        confidential=True,
        subject=PLAN_SUBJECT,
    )
