"""The PSW fields an imported column can fill, guessed from its header, and saved mappings."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.text import fold

IGNORE = "ignore"
"""The field key of a column left out of the import."""


@dataclass(frozen=True)
class ImportField:
    """One field a column can fill: its key, its label, the headers that suggest it."""

    key: str
    label: str
    headers: tuple[str, ...] = ()
    list_kind: ListKind | None = None
    """Cells name items of this editable list (matched ignoring case and accents)."""
    multi: bool = False
    """The cell may hold several items, separated by ; , | or new lines."""
    date: bool = False


FIELDS: tuple[ImportField, ...] = (
    ImportField(IGNORE, "Ignore (do not import)"),
    ImportField("full_name", "Full name", ("name", "full name", "fullname", "volunteer name")),
    ImportField("forename", "First name", ("forename", "first name", "given name", "firstname")),
    ImportField("surname", "Surname", ("surname", "last name", "family name", "lastname")),
    ImportField("known_as", "Known as", ("known as", "preferred name", "nickname")),
    ImportField("pronouns", "Pronouns", ("pronouns",)),
    ImportField(
        "date_of_birth", "Date of birth", ("dob", "date of birth", "birth date"), date=True
    ),
    ImportField("email", "Email", ("email", "e mail", "email address", "e mail address")),
    ImportField("phone", "Phone", ("phone", "telephone", "mobile", "tel", "phone number")),
    ImportField("address", "Address", ("address", "home address")),
    ImportField("postcode", "Postcode", ("postcode", "post code", "postal code")),
    ImportField(
        "role", "Role (paid or volunteer)", ("role", "paid volunteer", "paid or volunteer")
    ),
    ImportField("status", "Status", ("status", "stage", "journey status")),
    ImportField("status_since", "Status since", ("status since", "since", "start date"), date=True),
    ImportField(
        "languages",
        "Languages",
        ("languages", "language", "languages spoken"),
        ListKind.LANGUAGE,
        multi=True,
    ),
    ImportField("area", "Area", ("area", "areas", "locality", "borough"), ListKind.AREA),
    ImportField("skills", "Skills", ("skills", "skill"), ListKind.SKILL, multi=True),
    ImportField(
        "interests",
        "Interests",
        ("interests", "interest", "hobbies"),
        ListKind.INTEREST,
        multi=True,
    ),
    ImportField("hours_per_week", "Hours per week", ("hours", "hours per week", "hours a week")),
    ImportField("travel_miles", "Travel (miles)", ("travel", "travel miles", "miles")),
    ImportField("capacity", "Capacity (people at once)", ("capacity", "places")),
    ImportField(
        "emergency_name", "Emergency contact name", ("emergency contact", "emergency name")
    ),
    ImportField(
        "emergency_relationship",
        "Emergency contact relationship",
        ("emergency relationship", "emergency contact relationship"),
    ),
    ImportField(
        "emergency_phone",
        "Emergency contact phone",
        ("emergency phone", "emergency contact phone", "emergency number"),
    ),
    ImportField("notes", "Notes", ("notes", "note", "comments")),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def header_key(header: str) -> str:
    """``header`` folded to plain words: "E-mail Address:" -> "e mail address"."""
    return _NOT_WORD.sub(" ", fold(header)).strip()


_GUESSES = {h: f.key for f in FIELDS for h in f.headers}


def guess_field(header: str) -> str:
    """The field ``header`` most likely names, or IGNORE when nothing fits."""
    key = header_key(header)
    if key in _GUESSES:
        return _GUESSES[key]
    squeezed = key.replace(" ", "")
    for known, field in _GUESSES.items():
        if known.replace(" ", "") == squeezed:
            return field
    return IGNORE


def guess_mapping(
    headers: Sequence[str], preset: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """A field for each header: from ``preset`` (folded header -> field) first, else guessed.

    A field chosen for an earlier column is not guessed again for a later one.
    """
    chosen: list[str] = []
    for header in headers:
        field = (preset or {}).get(header_key(header))
        if field not in FIELD_BY_KEY:
            field = guess_field(header)
            if field != IGNORE and field in chosen:
                field = IGNORE
        chosen.append(field)
    return tuple(chosen)


def mapping_problems(fields: Sequence[str]) -> list[str]:
    """Why a mapping cannot be used as it stands (an empty list when it can)."""
    problems = []
    counted = [f for f in fields if f != IGNORE]
    for key in sorted({f for f in counted if counted.count(f) > 1}):
        problems.append(f"“{FIELD_BY_KEY[key].label}” is chosen for more than one column.")
    if "full_name" not in counted and not {"forename", "surname"} & set(counted):
        problems.append("Choose a column for the full name, or for first name and surname.")
    return problems


def preset_from(headers: Sequence[str], fields: Sequence[str]) -> dict[str, str]:
    """A saved mapping: folded header -> field, for every column (Ignore included)."""
    return {header_key(h): f for h, f in zip(headers, fields, strict=True)}


def presets_from_json(text: str) -> dict[str, dict[str, str]]:
    """Saved mappings by name; anything unreadable is dropped rather than fatal."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    found: dict[str, dict[str, str]] = {}
    for name, preset in data.items():
        if isinstance(name, str) and isinstance(preset, dict):
            found[name] = {str(h): str(f) for h, f in preset.items() if str(f) in FIELD_BY_KEY}
    return found


def presets_to_json(presets: Mapping[str, Mapping[str, str]]) -> str:
    return json.dumps({n: dict(p) for n, p in sorted(presets.items())}, ensure_ascii=False)
