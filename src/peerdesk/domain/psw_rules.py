"""Validation of PSW details: blocking problems explain themselves; messy real life only warns."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.contact import email_warning, phone_warning
from peerdesk.domain.demographics import QUESTION_BY_KEY
from peerdesk.domain.errors import Problem
from peerdesk.domain.psw import EmergencyContact, PswDetails
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line

MAX_CAPACITY = 50
MAX_TRAVEL_MILES = 500
MAX_HOURS_PER_WEEK = 80

_SHORT_FIELDS = {
    "full_name": "Full name",
    "known_as": "Known as",
    "pronouns": "Pronouns",
    "email": "Email",
    "phone": "Phone",
    "postcode": "Postcode",
}


def check_psw(details: PswDetails, *, today: dt.date) -> list[Problem]:
    """Every problem with ``details``; a save goes ahead only when none is blocking."""
    problems: list[Problem] = []
    if not details.full_name.strip():
        problems.append(Problem("full_name", "Enter their full name."))
    for name, label in _SHORT_FIELDS.items():
        problems += too_long(name, label, getattr(details, name), SHORT_TEXT_MAX)
    problems += too_long("address", "Address", details.address, 1000)
    problems += too_long("notes", "Notes", details.notes, LONG_TEXT_MAX)
    ec = details.emergency_contact
    problems += too_long("emergency_contact", "Emergency contact name", ec.name, SHORT_TEXT_MAX)
    problems += too_long(
        "emergency_contact", "Emergency contact relationship", ec.relationship, SHORT_TEXT_MAX
    )
    for item in details.lived_experience:
        problems += too_long("lived_experience", "A lived-experience note", item.note, 2000)
    for text, field in ((details.email, "email"), (details.phone, "phone")):
        warning = email_warning(text) if field == "email" else phone_warning(text)
        if warning:
            problems.append(Problem(field, warning, blocking=False))
    if ec.phone and (warning := phone_warning(ec.phone)):
        problems.append(Problem("emergency_contact", "Emergency contact: " + warning, False))
    problems += _dob_problems(details.date_of_birth, today)
    problems += _number_problems(details)
    problems += _list_problems(details)
    return problems


def too_long(field: str, label: str, text: str, limit: int) -> list[Problem]:
    """A blocking problem when ``text`` is over ``limit``: the limit is said, nothing is cut."""
    if len(text) <= limit:
        return []
    return [
        Problem(
            field,
            f"{label} is {len(text):,} characters long; the most it can hold is {limit:,}. "
            "Shorten it: nothing has been cut.",
        )
    ]


def _dob_problems(dob: dt.date | None, today: dt.date) -> list[Problem]:
    if dob is None:
        return []
    if dob > today:
        return [Problem("date_of_birth", "Date of birth cannot be in the future.")]
    age = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
    if age > 110:
        return [Problem("date_of_birth", f"A date of birth of {dob:%d %B %Y} makes them {age}.")]
    if age < 16:
        return [
            Problem(
                "date_of_birth",
                f"They would be {age}: peer support workers are usually 16 or over.",
                blocking=False,
            )
        ]
    return []


def _number_problems(d: PswDetails) -> list[Problem]:
    problems = []
    if not 0 <= d.capacity <= MAX_CAPACITY:
        problems.append(
            Problem("capacity", f"Capacity is how many people at once: 0 to {MAX_CAPACITY}.")
        )
    if d.travel_miles is not None and not 0 <= d.travel_miles <= MAX_TRAVEL_MILES:
        problems.append(
            Problem("travel_miles", f"Travel distance must be 0 to {MAX_TRAVEL_MILES} miles.")
        )
    if d.hours_per_week is not None and not 0 <= d.hours_per_week <= MAX_HOURS_PER_WEEK:
        problems.append(
            Problem("hours_per_week", f"Hours per week must be 0 to {MAX_HOURS_PER_WEEK}.")
        )
    return problems


def _list_problems(d: PswDetails) -> list[Problem]:
    problems = []
    if sum(1 for lang in d.languages if lang.first) > 1:
        problems.append(Problem("languages", "Mark only one language as their first language."))
    if len({le.item_id for le in d.lived_experience}) != len(d.lived_experience):
        problems.append(Problem("lived_experience", "A lived-experience item is listed twice."))
    if len(set(d.contact_modes)) != len(d.contact_modes):
        problems.append(Problem("contact_modes", "A contact mode is listed twice."))
    for answer in d.demographics:
        if answer.question not in QUESTION_BY_KEY:
            problems.append(Problem("demographics", f"Unknown question {answer.question!r}."))
        problems += too_long("demographics", "An equality answer", answer.answer, SHORT_TEXT_MAX)
    return problems


def tidied(d: PswDetails) -> PswDetails:
    """``d`` with text normalised as it will be stored (NFC, trimmed, no control characters)."""
    return replace(
        d,
        full_name=tidy_line(d.full_name),
        known_as=tidy_line(d.known_as),
        pronouns=tidy_line(d.pronouns),
        email=tidy_line(d.email),
        phone=tidy_line(d.phone),
        address=tidy(d.address),
        postcode=tidy_line(d.postcode).upper(),
        notes=tidy(d.notes),
        emergency_contact=EmergencyContact(
            tidy_line(d.emergency_contact.name),
            tidy_line(d.emergency_contact.relationship),
            tidy_line(d.emergency_contact.phone),
        ),
        lived_experience=tuple(replace(le, note=tidy(le.note)) for le in d.lived_experience),
        demographics=tuple(replace(a, answer=tidy_line(a.answer)) for a in d.demographics),
    )
