"""The four blank forms, field by field in their typing-in screens' order, from the lists given.

Each screen's order is copied here once; tests/gui/test_blank_form_order.py reads the live
screens and fails if either side moves, so paper and screen cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.domain.blank_form import BlankForm, FieldKind, FormField, FormSection
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.consent import MATCHING_WORDING, OTHER_PURPOSES, SHARING_WORDING
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactOutcome
from peerdesk.domain.person import REFERRAL_SOURCE_SUGGESTIONS
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import CHECKIN_WORDS

T = FieldKind
MODES = tuple(m.label for m in ContactMode)
RANKED = "Number them 1, 2, 3 in order of preference."
CONTACT_LINES = 10

CONTACT_SHEET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("match", "Match with"),
    ("on", "Date (dd/mm/yyyy)"),
    ("minutes", "Minutes"),
    ("mode", "How"),
    ("outcome", "Took place"),
    ("note", "Note"),
)
"""The contact sheet grid's columns ("Type up a contact sheet…"), less its Problem column."""


def contact_log_sheet() -> BlankForm:
    return BlankForm(
        code="PD-CL",
        version=1,
        title="Contact log sheet",
        intro="One line a contact. Type it up later with \u201cType up a contact sheet\u2026\u201d "
        "on the peer worker's Matches tab, line by line in this order.",
        sections=(
            FormSection("", (FormField("psw", "Peer worker"), FormField("venue", "Venue"))),
            FormSection(
                "Contacts",
                (
                    FormField(
                        "contacts",
                        "Contacts",
                        T.TABLE,
                        lines=CONTACT_LINES,
                        columns=CONTACT_SHEET_COLUMNS,
                        cell_ticks=(
                            ("mode", MODES),
                            ("outcome", tuple(o.label for o in ContactOutcome)),
                        ),
                        hint="Tick one \u201cHow\u201d and one \u201cTook place\u201d a line.",
                    ),
                ),
            ),
        ),
        slug="contact-log-sheet",
    )


def _person_fields(prefix: str) -> tuple[FormField, ...]:
    return (
        FormField("email", "Email"),
        FormField("phone", "Phone"),
        FormField("address", "Address", T.BOX, lines=3),
        FormField("postcode", "Postcode"),
        FormField("contact_modes", f"{prefix}contact modes", T.TICKS, choices=MODES, hint=RANKED),
    )


def psw_sign_up(
    lived_experience: Sequence[str], languages: Sequence[str], interests: Sequence[str]
) -> BlankForm:
    """The PSW record's Contact tab, then lived experience with the ledger's consent wording."""
    consent_text = (
        f"Use for matching (wording v{MATCHING_WORDING.version}): {MATCHING_WORDING.text}\n"
        f"Share with people I support (wording v{SHARING_WORDING.version}): "
        f"{SHARING_WORDING.text}"
    )
    purposes = tuple(
        FormField(p.key, f"{p.label} (wording v{p.wording.version}): {p.wording.text}", T.TICK)
        for p in OTHER_PURPOSES
    )
    return BlankForm(
        code="PD-SU",
        version=1,
        title="Peer support worker sign-up",
        intro="Write in capitals where you can. Everything you tell us is kept in an encrypted "
        "record that only the coordinator can open.",
        sections=(
            FormSection(
                "Name and role",
                (
                    FormField("full_name", "Full name"),
                    FormField("known_as", "Known as"),
                    FormField("pronouns", "Pronouns"),
                    FormField("date_of_birth", "Date of birth"),
                    FormField("role", "Role", T.TICKS, choices=tuple(r.label for r in Role)),
                ),
            ),
            FormSection("How to reach them", _person_fields("Preferred ")),
            FormSection(
                "Emergency contact",
                (
                    FormField("emergency_name", "Name"),
                    FormField("emergency_relationship", "Relationship"),
                    FormField("emergency_contact", "Phone"),
                ),
            ),
            FormSection("Notes", (FormField("notes", "Notes", T.BOX, lines=3),)),
            FormSection(
                "Lived experience",
                (
                    FormField(
                        "lived_experience",
                        "Lived experience",
                        T.TABLE,
                        lines=0,
                        columns=(
                            ("item", "Experience"),
                            ("has", "I have this"),
                            ("use_for_matching", "Use for matching"),
                            ("share_with_supported", "Share with people I support"),
                        ),
                        choices=tuple(lived_experience),
                    ),
                ),
                text=consent_text,
            ),
            FormSection(
                "Languages and interests",
                (
                    FormField("languages", "Languages", T.TICKS, choices=tuple(languages)),
                    FormField("interests", "Interests", T.TICKS, choices=tuple(interests)),
                ),
            ),
            FormSection(
                "Other consents",
                (*purposes, FormField("signed", "Signed"), FormField("signed_on", "Date")),
                text="Tick each one you agree to. You can withdraw any of them at any time.",
            ),
        ),
        slug="psw-sign-up",
    )


def referral(areas: Sequence[str], lived_experience: Sequence[str]) -> BlankForm:
    """The supported person's Referral tab, then the lived experience they would like."""
    return BlankForm(
        code="PD-RF",
        version=1,
        title="Referral for peer support",
        intro="For the person referred, or whoever refers them with their agreement.",
        sections=(
            FormSection(
                "Who they are",
                (
                    FormField("full_name", "Full name"),
                    FormField("known_as", "Known as"),
                    FormField("pronouns", "Pronouns"),
                    FormField("date_of_birth", "Date of birth"),
                ),
            ),
            FormSection("Contact", _person_fields("Preferred ")),
            FormSection(
                "Referral",
                (
                    FormField(
                        "referral_source",
                        "Referral source",
                        T.TICKS,
                        choices=tuple(s for s in REFERRAL_SOURCE_SUGGESTIONS if s != "Other"),
                        other=True,
                    ),
                    FormField("referred_on", "Referred on"),
                    FormField("wants", "What they want from a peer", T.BOX, lines=4),
                    FormField("area_id", "Area", T.TICKS, choices=tuple(areas)),
                    FormField("team", "Team"),
                    FormField("risk_notes", "Risk notes (coordinator only)", T.BOX, lines=3),
                ),
            ),
            FormSection(
                "Wishes",
                (
                    FormField(
                        "lived_experience",
                        "Lived experience they would like their peer to share",
                        T.TICKS,
                        choices=tuple(lived_experience),
                    ),
                ),
            ),
        ),
        slug="referral",
    )


def supervision_note(topics: Sequence[str]) -> BlankForm:
    """The supervision session dialog's fields, in its order."""
    return BlankForm(
        code="PD-SN",
        version=1,
        title="Supervision note",
        intro="One note a session. In a group, each attendee's check-in and actions are their "
        "own part: use one sheet for each attendee's part.",
        sections=(
            FormSection(
                "Session",
                (
                    FormField(
                        "kind", "Kind", T.TICKS, choices=tuple(k.label for k in SupervisionKind)
                    ),
                    FormField("is_group", "Group session", T.TICK),
                    FormField("attendees", "Other attendees", T.BOX, lines=2),
                    FormField("supervisor", "Supervisor"),
                    FormField("held_on", "Date"),
                    FormField("starts_at", "Start time"),
                    FormField("minutes", "Minutes"),
                    FormField("mode", "Mode", T.TICKS, choices=MODES),
                    FormField("topics", "Topics", T.TICKS, choices=tuple(topics)),
                    FormField("notes", "Notes (shared with a group)", T.BOX, lines=6),
                ),
            ),
            FormSection(
                "Own part",
                (
                    FormField("whose", "Own part being recorded for"),
                    FormField(
                        "checkin", "Check-in", T.TICKS, choices=("Not asked", *CHECKIN_WORDS)
                    ),
                    FormField("checkin_note", "Check-in note"),
                    FormField(
                        "learning_needs", "Learning needs", T.BOX, lines=3, hint="One a line."
                    ),
                    FormField(
                        "actions",
                        "Actions agreed",
                        T.TABLE,
                        lines=4,
                        columns=(
                            ("actions", "What to do"),
                            ("action_owner", "Owner"),
                            ("action_due", "Due by"),
                        ),
                    ),
                ),
            ),
            FormSection(
                "Next",
                (
                    FormField("next_on", "Next date"),
                    FormField(
                        "confidentiality",
                        "Confidentiality",
                        T.TICKS,
                        choices=tuple(c.label for c in Confidentiality),
                        hint="Tick one.",
                    ),
                ),
            ),
        ),
        slug="supervision-note",
    )
