"""Validation of a supported person's details and status changes, each problem naming its field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.contact import email_warning, phone_warning
from peerdesk.domain.demographics import QUESTION_BY_KEY
from peerdesk.domain.errors import Problem
from peerdesk.domain.person import PersonDetails, PersonStatus
from peerdesk.domain.psw_rules import too_long
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line

MAX_AGE = 110

_SHORT_FIELDS = {
    "full_name": "Full name",
    "known_as": "Known as",
    "pronouns": "Pronouns",
    "email": "Email",
    "phone": "Phone",
    "postcode": "Postcode",
    "referral_source": "Referral source",
    "team": "Team",
}
_LONG_FIELDS = {
    "address": ("Address", 1000),
    "wants": ("What they want from a peer", LONG_TEXT_MAX),
    "risk_notes": ("Risk notes", LONG_TEXT_MAX),
}


def check_person(details: PersonDetails, *, today: dt.date) -> list[Problem]:
    """Every problem with ``details``; a save goes ahead only when none is blocking."""
    problems: list[Problem] = []
    if not details.full_name.strip():
        problems.append(Problem("full_name", "Enter their full name."))
    for name, label in _SHORT_FIELDS.items():
        problems += too_long(name, label, getattr(details, name), SHORT_TEXT_MAX)
    for name, (label, limit) in _LONG_FIELDS.items():
        problems += too_long(name, label, getattr(details, name), limit)
    if details.email and (warning := email_warning(details.email)):
        problems.append(Problem("email", warning, blocking=False))
    if details.phone and (warning := phone_warning(details.phone)):
        problems.append(Problem("phone", warning, blocking=False))
    problems += _date_problems(details, today)
    problems += _list_problems(details)
    return problems


def _date_problems(d: PersonDetails, today: dt.date) -> list[Problem]:
    problems = []
    dob = d.date_of_birth
    if dob is not None:
        age = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
        if dob > today:
            problems.append(Problem("date_of_birth", "Date of birth cannot be in the future."))
        elif age > MAX_AGE:
            problems.append(
                Problem("date_of_birth", f"A date of birth of {dob:%d %B %Y} makes them {age}.")
            )
    if d.referred_on > today:
        problems.append(Problem("referred_on", "The date referred cannot be in the future."))
    if dob is not None and d.referred_on < dob:
        problems.append(Problem("referred_on", "The date referred is before their date of birth."))
    return problems


def _list_problems(d: PersonDetails) -> list[Problem]:
    problems = []
    if sum(1 for lang in d.languages if lang.first) > 1:
        problems.append(Problem("languages", "Mark only one language as their first language."))
    if len({lang.item_id for lang in d.languages}) != len(d.languages):
        problems.append(Problem("languages", "A language is listed twice."))
    if len({le.item_id for le in d.lived_experience}) != len(d.lived_experience):
        problems.append(Problem("lived_experience", "A lived-experience item is listed twice."))
    if len(set(d.contact_modes)) != len(d.contact_modes):
        problems.append(Problem("contact_modes", "A contact mode is listed twice."))
    if len({p.question for p in d.identity}) != len(d.identity):
        problems.append(Problem("identity", "Give one preference per question."))
    for pref in d.identity:
        if pref.question not in QUESTION_BY_KEY:
            problems.append(Problem("identity", f"Unknown question {pref.question!r}."))
        elif not pref.answer.strip():
            label = QUESTION_BY_KEY[pref.question].label
            problems.append(Problem("identity", f"Say what they would like for {label!r}."))
        problems += too_long("identity", "An identity preference", pref.answer, SHORT_TEXT_MAX)
    return problems


def status_problems(
    current: PersonStatus,
    new: PersonStatus,
    on: dt.date,
    reason: str,
    *,
    last_change: dt.date,
    today: dt.date,
) -> list[Problem]:
    """Why a status change cannot be recorded as given (empty when it can)."""
    problems = []
    if new is current:
        problems.append(Problem("status", f"They are already {current.label.lower()}."))
    if new.needs_reason and not reason.strip():
        problems.append(
            Problem("reason", f"Say why they are {new.label.lower()}: it is kept in their history.")
        )
    if len(reason) > LONG_TEXT_MAX:
        problems += too_long("reason", "The reason", reason, LONG_TEXT_MAX)
    if on > today:
        problems.append(Problem("on", "The date of a change cannot be in the future."))
    elif on < last_change:
        problems.append(
            Problem("on", f"The date cannot be before their last change ({last_change:%d %B %Y}).")
        )
    return problems


def tidied_person(d: PersonDetails) -> PersonDetails:
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
        referral_source=tidy_line(d.referral_source),
        wants=tidy(d.wants),
        risk_notes=tidy(d.risk_notes),
        team=tidy_line(d.team),
        identity=tuple(replace(p, answer=tidy_line(p.answer)) for p in d.identity),
    )
