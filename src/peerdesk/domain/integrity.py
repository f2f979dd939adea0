"""What an integrity check found, and the words PeerDesk says when it sets a damaged vault aside."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SOUND = "The vault is sound: every check passed."
NO_BACKUP = "No backup was found."
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Finding:
    """One check's outcome: ``line`` is one plain line (no newlines), fit for a terminal."""

    ok: bool
    line: str

    @staticmethod
    def damaged(what: str) -> Finding:
        return Finding(False, one_line(what))


def one_line(text: str, *, limit: int = 300) -> str:
    """``text`` on one line: whitespace runs folded to single spaces, cut at ``limit``."""
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1].rstrip() + "…"


def backup_time(when: dt.datetime) -> str:
    """A backup's time as the coordinator reads it: "Fri 14 Mar, 17:30"."""
    # Spelled out here, not by strftime, so the words do not follow the computer's locale.
    day = _DAYS[when.weekday()]
    return f"{day} {when.day} {_MONTHS[when.month - 1]}, {when:%H:%M}"


def damage_message(newest_backup: dt.datetime | None) -> str:
    """What PeerDesk says once it has set a damaged vault aside."""
    newest = (
        NO_BACKUP
        if newest_backup is None
        else (f"Newest good backup: {backup_time(newest_backup)}.")
    )
    return f"PeerDesk found damage and set the vault aside unchanged. {newest}"
