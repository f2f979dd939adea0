"""The annual review's layout: framework entries, goals, feedback, reflection, next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerdesk.domain.calendar import format_date
from peerdesk.domain.framework import FrameworkKind
from peerdesk.domain.goals import Goal, smart_marker
from peerdesk.domain.review_printout import ReviewPrintout, framework_version
from peerdesk.domain.reviews import AnnualReview, ReviewForm
from peerdesk.export.pdf.page import BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.sections import facts, heading, long_text, note, subheading, table

HIDDEN = (
    "This review is private. Its text is not printed unless \u201cShow private text\u201d is "
    "ticked on the record first."
)
PAID_NOTE = (
    "Ratings: Not yet, Developing, Confident, Could support others. Evidence is in the "
    "reviewer's and peer worker's words."
)
VOLUNTEER_NOTE = "A volunteer's review is kept light: abilities and qualities, not a checklist."


def _day(day: dt.date | None, missing: str = "Not set") -> str:
    return format_date(day) if day else missing


def _agreed(review: AnnualReview) -> str:
    parts = [
        f"by the {who} on {format_date(day)}"
        for who, day in (
            ("peer worker", review.agreed_by_psw_on),
            ("reviewer", review.agreed_by_reviewer_on),
        )
        if day is not None
    ]
    if not parts:
        return "Not agreed yet"
    return "Agreed " + " and ".join(parts) + ("; locked" if review.locked else "")


def _framework(story: Story, review: AnnualReview) -> None:
    """Each entry under its own line; evidence and comments as paragraphs that split pages."""
    c = review.content
    paid = review.form is ReviewForm.PAID
    heading(story, "Competences" if paid else "Abilities and qualities")
    note(story, PAID_NOTE if paid else VOLUNTEER_NOTE)
    if not review.framework:
        note(story, "The framework had no entries.")
    for item in review.framework:
        name = f"Competence: {item.name}" if item.kind is FrameworkKind.COMPETENCE else item.name
        if paid:
            rating = c.ratings.get(item.id)
            subheading(story, f"{name} \u2014 {rating.label if rating else 'Not rated'}")
            long_text(story, c.evidence.get(item.id, ""), empty="No evidence written.")
        else:
            subheading(story, name)
            long_text(story, c.comments.get(item.id, ""), empty="No comment written.")


def _goals(story: Story, title: str, goals: Sequence[Goal], empty: str) -> None:
    heading(story, title)
    rows = [
        [
            g.what,
            smart_marker(g.measure, g.target_on) or g.measure,
            _day(g.target_on),
            g.status.label,
        ]
        for g in goals
    ]
    table(
        story, ["Goal", "Measure", "Target date", "Status"], rows, widths=[7, 5, 3, 2], empty=empty
    )


def _text(story: Story, title: str, text: str) -> None:
    heading(story, title)
    long_text(story, text, empty="Nothing recorded.")


def review_pdf(printout: ReviewPrintout, *, organisation: str, printed_at: dt.datetime) -> BuiltPdf:
    """The review as an A4 PDF marked CONFIDENTIAL; metadata carries references only."""
    review = printout.review
    c = review.content
    story = Story()
    story.title("Annual review")
    facts(
        story,
        [
            ("Peer worker", f"{printout.psw_name} ({printout.psw_ref})"),
            ("Held on", format_date(review.held_on)),
            ("Reviewer", review.reviewer),
            ("Form", review.form.label),
            (
                "Framework used",
                f"Version {framework_version(review.framework)} "
                f"({len(review.framework)} entries, the copy kept with this review)",
            ),
            ("Confidentiality", review.confidentiality.label),
            ("Agreement", _agreed(review)),
            ("Next review", _day(review.next_on)),
        ],
    )
    if review.text_hidden:
        heading(story, "Review")
        note(story, HIDDEN)
    else:
        _framework(story, review)
        _text(story, "Progress on last year's goals", c.goals_progress)
    _goals(story, "Goals and their status", printout.goals, "No earlier goals.")
    if not review.text_hidden:
        _text(story, "Feedback from people supported", c.feedback)
        _text(story, "Ethics and confidentiality", c.ethics)
        _text(story, "Self-reflection", c.self_reflection)
        heading(story, "Training needs")
        needs = [
            printout.topic_names.get(n.topic_id, "A topic since removed")
            + (f": {n.note}" if n.note else "")
            for n in c.training_needs
        ]
        if not needs:
            note(story, "None named.")
        for need in needs:
            story.paragraph(f"\u2022 {need}")
    _goals(story, "Goals for the next year", printout.new_goals, "No new goals set.")
    if not review.text_hidden:
        heading(story, "Career interests")
        named = ", ".join(p.label for p in c.career)
        story.paragraph(f"{named}." if named else "None named.")
        if c.career_note:
            long_text(story, c.career_note)
    return build_pdf(
        story,
        title_ref=f"{printout.psw_ref} {printout.review_ref}",
        organisation=organisation,
        printed_at=printed_at,
        confidential=True,
        subject="Annual review",
    )
