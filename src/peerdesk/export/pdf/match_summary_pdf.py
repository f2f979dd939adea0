"""The match summary's layout: who, dated steps, how close they are and why, and the rationale."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.calendar import format_date
from peerdesk.domain.match_summary import MatchSummary, SummaryCopy
from peerdesk.export.pdf.page import BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.sections import facts, heading, long_text, note, table

PERSON_COPY_NOTE = (
    "This copy is for the person supported. It leaves out the coordinator's notes and any "
    "lived experience the peer worker has not agreed to share with people they support."
)
COORDINATOR_COPY_NOTE = (
    "Coordinator's copy: it holds risk notes and lived experience marked (coordinator only). "
    "Do not give it to the person or the peer worker; print the copy for the person instead."
)
NUMBERS_NOTE = (
    "Closeness is 0 to 100% on each criterion the person has a wish on; weight is how much it "
    "counts (0 to 10, Settings \u203a Matching). Worked out as matching does on the day printed."
)


def _hours(hours: float) -> str:
    return f"{hours:.2f}".rstrip("0").rstrip(".") if hours else "0"


def _steps(story: Story, summary: MatchSummary) -> None:
    heading(story, "Steps")
    coordinator = summary.copy is SummaryCopy.COORDINATOR
    rows: list[list[str]] = []
    notes: list[tuple[str, str]] = []
    for step in summary.steps:
        what = step.stage.label
        if step.end_reason is not None:
            what = f"{what}: {step.end_reason.label}"
        rows.append(
            [format_date(step.on), what, step.by] if coordinator else [format_date(step.on), what]
        )
        if coordinator and step.note:
            notes.append((f"{format_date(step.on)}, {step.stage.label.lower()}", step.note))
    if coordinator:
        table(story, ["Date", "Step", "By"], rows, widths=[3, 3, 4], empty="No steps recorded.")
    else:
        table(story, ["Date", "Step"], rows, widths=[1, 2], empty="No steps recorded.")
    if notes:
        heading(story, "Notes on the steps")
        facts(story, notes)


def _closeness(story: Story, summary: MatchSummary) -> None:
    heading(story, "How close the match is")
    if summary.score_note:
        note(story, summary.score_note)
        return
    if summary.score is None:
        story.paragraph("The person has no wishes recorded, so there is nothing to compare.")
    else:
        story.paragraph(f"Overall score: {summary.score:.1f} out of 100")
    if summary.criteria:
        rows = [
            [
                line.criterion.label,
                f"{line.percent}%",
                str(line.weight),
                "Not recorded: counted as half" if line.not_recorded else "",
            ]
            for line in summary.criteria
        ]
        table(story, ["Criterion", "Closeness", "Weight", "Note"], rows, widths=[5, 3, 2, 6])
        note(story, NUMBERS_NOTE)
    heading(story, "Reasons")
    if not summary.reasons:
        note(story, "No reasons to give: no wish is met.")
    for reason in summary.reasons:
        story.paragraph(f"\u2022 {reason}")


def match_summary_pdf(
    summary: MatchSummary, *, organisation: str, printed_at: dt.datetime
) -> BuiltPdf:
    """The summary as an A4 PDF marked CONFIDENTIAL; metadata carries references only."""
    story = Story()
    story.title("Match summary")
    note(story, PERSON_COPY_NOTE if summary.copy is SummaryCopy.PERSON else COORDINATOR_COPY_NOTE)
    facts(
        story,
        [
            ("Person supported", f"{summary.person_name} ({summary.person_ref})"),
            ("Peer worker", f"{summary.psw_name} ({summary.psw_ref})"),
            ("Match", summary.match_ref),
            ("Stage now", summary.steps[-1].stage.label if summary.steps else ""),
            (
                "Contacts logged",
                f"{summary.contacts}, {_hours(summary.attended_hours)} hours attended",
            ),
        ],
    )
    _steps(story, summary)
    _closeness(story, summary)
    if summary.copy is SummaryCopy.COORDINATOR:
        heading(story, "Rationale")
        long_text(story, summary.rationale, empty="No rationale recorded (the top suggestion).")
        heading(story, "Risk notes (coordinator only)")
        long_text(story, summary.risk_notes, empty="None recorded.")
    ref = f"{summary.match_ref} summary, {summary.copy.label.lower()}"
    return build_pdf(
        story,
        title_ref=ref,
        organisation=organisation,
        printed_at=printed_at,
        confidential=True,
        subject=f"{summary.person_ref} with {summary.psw_ref}",
    )
