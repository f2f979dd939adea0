"""Which automatic backups to thin: all of 2 days, daily to 14 days, weekly to 13 weeks, monthly
to 12 months, none older (so erased records age out of old backups)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

KEEP_ALL = dt.timedelta(days=2)
DAILY = dt.timedelta(days=14)
WEEKLY = dt.timedelta(weeks=13)
MONTHLY = dt.timedelta(days=365)


@dataclass(frozen=True)
class Candidate:
    """One backup as thinning sees it: ``key`` identifies it to the caller (its folder)."""

    key: Hashable
    made_at: dt.datetime
    vault_id: str
    automatic: bool
    verified: bool


def to_remove(backups: Sequence[Candidate], *, vault_id: str, now: dt.datetime) -> set[Hashable]:
    """The keys of the backups to delete from one folder.

    Only automatic backups of ``vault_id`` are ever chosen; the newest verified backup of that
    vault is always kept, and so is anything dated in the future (a clock that jumped back).
    In each day, ISO week or month the newest backup is the one kept.
    """
    mine = [b for b in backups if b.automatic and b.vault_id == vault_id]
    verified = [b for b in backups if b.verified and b.vault_id == vault_id]
    protected = {max(verified, key=_order).key} if verified else set()
    kept_periods: set[tuple[str, tuple[int, ...]]] = set()
    remove: set[Hashable] = set()
    for backup in sorted(mine, key=_order, reverse=True):  # newest first: it claims its period
        period = _period(now - backup.made_at, backup.made_at)
        if period is None:
            if backup.key not in protected:
                remove.add(backup.key)
            continue
        if period[0] == "all":
            continue
        if period in kept_periods and backup.key not in protected:
            remove.add(backup.key)
        kept_periods.add(period)
    return remove


def _order(backup: Candidate) -> tuple[dt.datetime, str]:
    return backup.made_at, repr(backup.key)


def _period(age: dt.timedelta, made_at: dt.datetime) -> tuple[str, tuple[int, ...]] | None:
    if age < KEEP_ALL:
        return "all", ()
    if age < DAILY:
        return "day", (made_at.year, made_at.month, made_at.day)
    if age < WEEKLY:
        iso = made_at.isocalendar()
        return "week", (iso.year, iso.week)
    if age < MONTHLY:
        return "month", (made_at.year, made_at.month)
    return None
