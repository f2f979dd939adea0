"""A PSW's full record as a PDF, from section builders the subject-access bundle reuses.

Each ``*_section(story, inputs)`` adds one part of the record to a story; ``add_psw_record``
adds them all. Supervision sessions, reviews, plans and safeguarding concerns appear by date and
kind only: their text is never on the record (a session or plan prints on its own).
"""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.consent import OTHER_PURPOSES, EntryKind, parse_lived_experience
from peerdesk.domain.evidence import DbsDecision
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw_documents import PswRecordInputs
from peerdesk.export.pdf.page import BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.sections import (
    day,
    facts,
    heading,
    long_text,
    note,
    subheading,
    table,
    yes_no,
)

RECORD_SUBJECT = "Peer support worker record"
DATES_ONLY = (
    "Supervision notes, reviews, plans and safeguarding concerns are confidential: this record "
    "lists them by date only. Their text is not printed here."
)


def header_section(story: Story, inputs: PswRecordInputs) -> None:
    d = inputs.psw.details
    story.title(f"Peer support worker record: {d.full_name}")
    story.paragraph(f"Reference {inputs.reference}")
    note(story, DATES_ONLY)


def details_section(story: Story, inputs: PswRecordInputs) -> None:
    psw, d = inputs.psw, inputs.psw.details
    ec = d.emergency_contact
    heading(story, "Details")
    facts(
        story,
        [
            ("Full name", d.full_name),
            ("Known as", d.known_as),
            ("Pronouns", d.pronouns),
            ("Date of birth", day(d.date_of_birth, missing="")),
            ("Role", d.role.label),
            ("Status", f"{psw.status.label} since {day(psw.status_since)}"),
            ("Archived", "Yes" if psw.archived else ""),
            ("Email", d.email),
            ("Phone", d.phone),
            ("Address", d.address),
            ("Postcode", d.postcode),
            # One field a row: a right-to-left name is reordered on its own, not with the phone.
            ("Emergency contact", ec.name),
            ("Their relationship", ec.relationship),
            ("Their phone", ec.phone),
            ("Contact by", ", ".join(m.label for m in d.contact_modes)),
            ("Area", inputs.item(d.area_id)),
            ("Travels up to", f"{d.travel_miles} miles" if d.travel_miles is not None else ""),
            ("Available", d.availability.describe()),
            ("Hours a week", f"{d.hours_per_week:g}" if d.hours_per_week is not None else ""),
            ("Places (capacity)", str(d.capacity)),
            ("Skills", _names(inputs, d.skills)),
            ("Interests", _names(inputs, d.interests)),
            (
                "Languages",
                ", ".join(
                    inputs.item(x.item_id) + (" (first)" if x.first else "") for x in d.languages
                ),
            ),
        ],
    )
    if d.lived_experience:
        subheading(story, "Lived experience")
        facts(
            story,
            [
                (
                    inputs.item(x.item_id),
                    f"Used for matching: {yes_no(x.use_for_matching)}. "
                    f"Shared with people supported: {yes_no(x.share_with_supported)}."
                    + (f"\n{x.note}" if x.note else ""),
                )
                for x in d.lived_experience
            ],
        )
    if d.demographics:
        subheading(story, "Equality monitoring")
        facts(story, [(a.question, a.answer) for a in d.demographics])
    if d.notes:
        subheading(story, "Notes")
        long_text(story, d.notes)


def journey_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Journey")
    rows = []
    for change in inputs.psw.history:
        start = f"{change.from_status.label} to " if change.from_status else ""
        reason = f". {change.reason}" if change.reason else ""
        rows.append((day(change.on), f"{start}{change.to_status.label}{reason}"))
    if not rows:
        note(story, "No status changes recorded.")
    facts(story, rows)


def checks_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Checks")
    subheading(story, "Requirements")
    table(
        story,
        ["Requirement", "Status", "Due"],
        [(r.name, r.status.label, day(r.due_on)) for r in inputs.requirements],
        widths=[3, 2, 2],
    )
    subheading(story, "References")
    table(
        story,
        ["Kind", "Referee", "Requested", "Received", "Satisfactory"],
        [
            (
                r.details.kind.label,
                r.details.referee,
                day(r.details.requested_on),
                day(r.details.received_on),
                yes_no(r.details.satisfactory, missing="\u2014"),
            )
            for r in inputs.references
        ],
        widths=[2, 3, 2, 2, 2],
    )
    subheading(story, "DBS checks")
    table(
        story,
        ["Level", "Certificate", "Issued", "Update Service", "Decision"],
        [
            (
                c.details.level.label,
                c.details.certificate_number,
                day(c.details.issued_on),
                yes_no(c.details.update_service),
                _decision(c.details.decision, c.details.decided_on),
            )
            for c in inputs.dbs
        ],
        widths=[3, 2, 2, 2, 3],
    )
    if any(c.details.disclosure for c in inputs.dbs):
        note(story, "A record was disclosed: disclosure notes are not printed.")
    subheading(story, "Occupational health")
    table(
        story,
        ["Referred", "Outcome", "Outcome date"],
        [
            (
                day(r.details.referred_on),
                r.details.outcome.label if r.details.outcome else "Awaited",
                day(r.details.outcome_on),
            )
            for r in inputs.health
        ],
        widths=[2, 3, 2],
    )
    _induction(story, inputs)
    subheading(story, "Training")
    table(
        story,
        ["Course", "Topic", "Done", "Expires"],
        [(t.course, t.topic, day(t.done_on), day(t.expires_on)) for t in inputs.training],
        widths=[3, 3, 2, 2],
    )
    subheading(story, "Training needs")
    table(
        story,
        ["Topic", "From", "Status"],
        [(n.topic, n.source, n.status.label) for n in inputs.training_needs],
        widths=[3, 3, 2],
    )


def _induction(story: Story, inputs: PswRecordInputs) -> None:
    subheading(story, "Induction")
    induction = inputs.induction
    if induction is None or (not induction.items and not induction.mentor):
        note(story, "Not started.")
        return
    if induction.mentor:
        story.paragraph(f"Mentor or buddy: {induction.mentor}")
    table(
        story,
        ["Activity", "Due", "Done", "Confirmed by"],
        [(i.name, day(i.due_on), day(i.done_on), i.confirmed_by) for i in induction.items],
        widths=[4, 2, 2, 2],
    )


def adjustments_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Reasonable adjustments")
    rows = []
    for a in inputs.adjustments:
        d = a.details
        agreed = f", agreed {day(d.agreed_on)}" if d.agreed_on else ""
        by = f" by {d.agreed_by}" if d.agreed_by else ""
        review = f"; review by {day(d.review_on)}" if d.review_on else ""
        rows.append((d.category, f"{d.what}\n{d.status.label}{agreed}{by}{review}."))
    if not rows:
        note(story, "None recorded.")
    facts(story, rows)


def consents_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Consents")
    table(
        story,
        ["What for", "Entry", "Given", "Withdrawn", "Wording"],
        [
            (
                _purpose(inputs, c.purpose),
                c.kind.value.capitalize() if c.kind is not EntryKind.CORRECTION else "Correction",
                day(c.given_on),
                day(c.withdrawn_on),
                f"version {c.wording_version}" if c.wording_version else "\u2014",
            )
            for c in inputs.consents
        ],
        widths=[4, 2, 2, 2, 2],
    )


def matches_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Matches")
    note(story, "People supported are shown by reference only.")
    table(
        story,
        ["Match", "Person", "Stage", "Since", "Began"],
        [
            (
                f"M-{int(m.id):04d}",
                f"P-{int(m.person_id):04d}",
                m.stage.label if m.stage else "\u2014",
                day(m.history[-1].on if m.history else None),
                day(m.history[0].on if m.history else None),
            )
            for m in inputs.matches
        ],
        widths=[2, 2, 2, 2, 2],
    )


def supervision_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Supervision")
    table(
        story,
        ["Date", "Kind", "Supervisor", "Minutes"],
        [
            (
                day(r.held_on),
                r.kind.label + (" (group)" if r.is_group else ""),
                r.supervisor,
                str(r.minutes),
            )
            for r in inputs.supervision
        ],
        widths=[2, 3, 3, 1],
    )


def reviews_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Annual reviews")
    table(
        story,
        ["Date", "Form", "Reviewer", "Next review"],
        [(day(r.held_on), r.form.label, r.reviewer, day(r.next_on)) for r in inputs.reviews],
        widths=[2, 3, 3, 2],
    )


def dated_notes_section(story: Story, inputs: PswRecordInputs) -> None:
    heading(story, "Plans and concerns (by date only)")
    table(
        story,
        ["Date", "What", "Level"],
        [(day(n.on), n.what, n.level.label) for n in inputs.dated_notes],
        widths=[2, 4, 2],
    )


RECORD_SECTIONS = (
    header_section,
    details_section,
    journey_section,
    checks_section,
    adjustments_section,
    consents_section,
    matches_section,
    supervision_section,
    reviews_section,
    dated_notes_section,
)
"""The record's parts in print order: each a ``(story, inputs)`` builder."""


def add_psw_record(story: Story, inputs: PswRecordInputs) -> None:
    for section in RECORD_SECTIONS:
        section(story, inputs)


def psw_record_pdf(
    inputs: PswRecordInputs, *, organisation: str, printed_at: dt.datetime
) -> BuiltPdf:
    """The full record; "CONFIDENTIAL" on every page; the metadata carries the reference."""
    story = Story()
    add_psw_record(story, inputs)
    return build_pdf(
        story,
        title_ref=f"{inputs.reference} record",
        organisation=organisation,
        printed_at=printed_at,
        confidential=True,
        subject=RECORD_SUBJECT,
    )


def _names(inputs: PswRecordInputs, ids: tuple[TaxonomyItemId, ...]) -> str:
    return ", ".join(inputs.item(i) for i in ids)


def _decision(decision: DbsDecision | None, on: dt.date | None) -> str:
    if decision is None:
        return "Pending"
    return f"{decision.label} ({day(on)})" if on else decision.label


def _purpose(inputs: PswRecordInputs, key: str) -> str:
    parsed = parse_lived_experience(key)
    if parsed is not None:
        item, use = parsed
        what = "matching" if use == "matching" else "sharing with people supported"
        return f"Lived experience ({inputs.item(item)}): {what}"
    return next((p.label for p in OTHER_PURPOSES if p.key == key), key)
