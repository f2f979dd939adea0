"""Thinning automatic backups: the table, and properties over random histories."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.backup_thinning import Candidate, to_remove

NOW = dt.datetime(2026, 11, 23, 14, 5)
ME = "vault-a"


def _b(key: str, ago: dt.timedelta, *, vault: str = ME, auto: bool = True) -> Candidate:
    return Candidate(key, NOW - ago, vault, auto, True)


def test_the_table() -> None:
    h, d = dt.timedelta(hours=1), dt.timedelta(days=1)
    history = [
        _b("now-1h", h),
        _b("now-30h", 30 * h),  # within 2 days: all kept
        _b("3d-morning", 3 * d + 5 * h),
        _b("3d-evening", 3 * d + h),  # same day as the morning one, newer: kept
        _b("20d-a", 20 * d),
        _b("20d-b", 20 * d + h),  # same week: one kept
        _b("200d", 200 * d),
        _b("201d", 201 * d),  # same month (June 2026): one kept
        _b("400d", 400 * d),  # beyond 12 months: goes
        _b("other-vault-400d", 400 * d, vault="vault-b"),
        _b("on-demand-400d", 400 * d, auto=False),
    ]
    assert to_remove(history, vault_id=ME, now=NOW) == {"3d-morning", "20d-b", "201d", "400d"}


def test_the_newest_verified_is_kept_however_old() -> None:
    only = [_b("old", dt.timedelta(days=900)), _b("older", dt.timedelta(days=1000))]
    assert to_remove(only, vault_id=ME, now=NOW) == {"older"}


def test_a_future_dated_backup_is_kept() -> None:
    assert to_remove([_b("future", -dt.timedelta(days=3))], vault_id=ME, now=NOW) == set()


candidates = st.lists(
    st.builds(
        Candidate,
        key=st.uuids().map(str),
        made_at=st.datetimes(NOW - dt.timedelta(days=800), NOW + dt.timedelta(days=2)),
        vault_id=st.sampled_from([ME, "vault-b"]),
        automatic=st.booleans(),
        verified=st.booleans(),
    ),
    max_size=80,
)


@given(candidates)
def test_properties(backups: list[Candidate]) -> None:
    gone = to_remove(backups, vault_id=ME, now=NOW)
    by_key = {b.key: b for b in backups}
    for key in gone:
        b = by_key[key]
        assert b.automatic and b.vault_id == ME
        assert NOW - b.made_at >= dt.timedelta(days=2)
    verified = [b for b in backups if b.verified and b.vault_id == ME]
    if verified:
        newest = max(verified, key=lambda b: (b.made_at, repr(b.key)))
        assert newest.key not in gone
    kept = [b for b in backups if b.key not in gone]
    assert to_remove(kept, vault_id=ME, now=NOW) == set()  # thinning again removes nothing more
    for b in backups:  # every day within 14 days that had a backup still has one
        if b.automatic and b.vault_id == ME and NOW - b.made_at < dt.timedelta(days=14):
            assert any(
                k.made_at.date() == b.made_at.date() and k.vault_id == ME and k.automatic
                for k in kept
            )
    mine_kept = [b for b in kept if b.automatic and b.vault_id == ME]
    recent = [b for b in mine_kept if NOW - b.made_at < dt.timedelta(days=2)]
    assert len(mine_kept) - len(recent) <= 14 + 15 + 13 + 1
