"""One supervision session as a PDF for its attendee: shared notes and only their own part.

What prints follows the session's confidentiality: shared and confidential notes print (the
coordinator prints the record for the supervisee); private text never prints, and the page says
so. In a group session only this PSW's check-in, learning needs and actions print, and other
attendees are counted, not named.
"""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.psw_documents import PRIVATE_NOT_PRINTED, SupervisionInputs
from peerdesk.domain.supervision_session import SupervisionSession, checkin_word
from peerdesk.export.pdf.page import BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.sections import day, facts, heading, long_text, note, subheading, table

SUPERVISION_SUBJECT = "Supervision record"


def session_facts_section(story: Story, inputs: SupervisionInputs) -> None:
    session = inputs.session
    story.title(f"Supervision record: {inputs.psw_name}")
    story.paragraph(f"Reference {inputs.reference}")
    group = ""
    if session.is_group:
        others = len(session.attendee_names) - 1
        group = f"Group session with {others} other attendee{'s' if others != 1 else ''}"
    facts(
        story,
        [
            ("Kind", session.kind.label),
            ("Date", day(session.held_on)),
            ("Time", session.starts_at),
            ("Minutes", str(session.minutes)),
            ("Mode", session.mode.label),
            ("Supervisor", session.supervisor),
            ("Group", group),
            ("Confidentiality", session.confidentiality.label),
            ("Topics", ", ".join(session.topics) or "None chosen"),
            ("Next session", day(session.next_on, missing="")),
        ],
    )


def notes_section(story: Story, inputs: SupervisionInputs) -> None:
    heading(story, "Notes")
    if inputs.session.text_hidden:
        note(story, PRIVATE_NOT_PRINTED)
        return
    long_text(story, inputs.session.notes)


def own_part_section(story: Story, inputs: SupervisionInputs) -> None:
    session, own = inputs.session, inputs.session.own
    heading(
        story, "Check-in" + (": your own part of the group session" if session.is_group else "")
    )
    story.paragraph(f"Wellbeing check-in: {checkin_word(own.checkin)}")
    if session.text_hidden:
        note(story, PRIVATE_NOT_PRINTED)
    elif own.checkin_note:
        long_text(story, own.checkin_note)
    subheading(story, "Learning needs")
    table(
        story,
        ["Learning need", "Sent to training needs"],
        [(n.text, "Yes" if n.sent else "No") for n in own.learning_needs],
        widths=[4, 1],
    )
    subheading(story, "Agreed actions")
    if not own.actions:
        note(story, "None recorded.")
    for action in own.actions:
        due = f"Due {day(action.due_on)}" if action.due_on else "No due date"
        owner = f"; owner {action.owner}" if action.owner else ""
        closed = f" on {day(action.closed_on)}" if action.closed_on else ""
        story.paragraph(f"\u2022 {action.text}")
        note(story, f"{due}{owner}; {action.status.label.lower()}{closed}.")


def addenda_section(story: Story, inputs: SupervisionInputs) -> None:
    session = inputs.session
    heading(story, "Addenda")
    if not session.addenda:
        note(story, "None.")
    for addendum in session.addenda:
        by = f" by {addendum.recorded_by}" if addendum.recorded_by else ""
        subheading(story, f"Added {day(addendum.added_on)}{by}")
        if session.text_hidden:
            note(story, PRIVATE_NOT_PRINTED)
        else:
            long_text(story, addendum.text)


def agreement_section(story: Story, inputs: SupervisionInputs) -> None:
    session: SupervisionSession = inputs.session
    heading(story, "Agreed")
    facts(
        story,
        [
            ("By the peer worker", day(session.agreed_by_psw_on, missing="Not yet")),
            ("By the supervisor", day(session.agreed_by_supervisor_on, missing="Not yet")),
        ],
    )
    if session.locked:
        note(story, "Agreed by both and locked: later changes are the dated addenda above.")


SUPERVISION_SECTIONS = (
    session_facts_section,
    notes_section,
    own_part_section,
    addenda_section,
    agreement_section,
)


def add_supervision_record(story: Story, inputs: SupervisionInputs) -> None:
    for section in SUPERVISION_SECTIONS:
        section(story, inputs)


def supervision_pdf(
    inputs: SupervisionInputs, *, organisation: str, printed_at: dt.datetime
) -> BuiltPdf:
    story = Story()
    add_supervision_record(story, inputs)
    return build_pdf(
        story,
        title_ref=inputs.reference,
        organisation=organisation,
        printed_at=printed_at,
        confidential=True,
        subject=SUPERVISION_SUBJECT,
    )
