"""Users of a vault with users turned on: their records and the rule for their names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.roles import Role
from peerdesk.domain.text import tidy_line

NAME_MAX = 200


@dataclass(frozen=True)
class User:
    """One user: ``name`` is as written on supervision records (the audit log's user too)."""

    id: int
    name: str
    role: Role
    active: bool
    slot: str
    created_at: dt.datetime
    supervisees: frozenset[int]
    """PSW ids this user supervises (they matter for supervisors)."""
    named: frozenset[int]
    """Protected PSW ids this user is named on."""


def clean_name(text: str) -> str:
    """The name as stored: one line, trimmed, 1 to 200 characters; ``ValidationFailed`` else."""
    name = tidy_line(text)
    if not name:
        raise ValidationFailed([Problem("name", "Enter the person's name.")])
    if len(name) > NAME_MAX:
        raise ValidationFailed(
            [Problem("name", f"A name can be at most {NAME_MAX} characters; this has {len(name)}.")]
        )
    return name


def same_name(a: str, b: str) -> bool:
    """Names are unique ignoring case (and the way the name was spaced)."""
    return tidy_line(a).casefold() == tidy_line(b).casefold()
