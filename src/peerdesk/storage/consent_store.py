"""The consent ledger's store: insert and read only (there is no update or delete here).

``matching_consents`` is the one query matching uses to learn what it may use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from peerdesk.domain.consent import (
    LIVED_EXPERIENCE_PREFIX,
    MATCHING,
    ConsentEntry,
    ConsentEntryId,
    ConsentHow,
    EntryKind,
    UseKind,
    current_consent,
    parse_lived_experience,
    wording_for,
)
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.storage.consent_models import ConsentEntryRow
from peerdesk.storage.models import PswLivedExperience

_CHUNK = 900  # keeps each IN (...) well under SQLite's bound-parameter limit


def append(
    s: Session,
    *,
    psw_id: PswId,
    purpose: str,
    kind: EntryKind,
    recorded_by: str,
    recorded_at: dt.datetime,
    given_on: dt.date | None = None,
    how: ConsentHow | None = None,
    told: str = "",
    wording_version: int | None = None,
    withdrawn_on: dt.date | None = None,
    withdrawn_how: ConsentHow | None = None,
    note: str = "",
    corrects: ConsentEntryId | None = None,
) -> ConsentEntry:
    """Add one entry to the end of the ledger."""
    row = ConsentEntryRow(
        psw_id=psw_id,
        purpose=purpose,
        kind=kind.value,
        given_on=given_on,
        how=None if how is None else how.value,
        told=told,
        wording_version=wording_version,
        recorded_by=recorded_by,
        recorded_at=recorded_at,
        withdrawn_on=withdrawn_on,
        withdrawn_how=None if withdrawn_how is None else withdrawn_how.value,
        note=note,
        before_ledger=False,
        corrects_id=corrects,
    )
    s.add(row)
    s.flush()
    return _entry(row)


def give_many(
    s: Session,
    gifts: Sequence[tuple[PswId, str, dt.date]],
    *,
    how: ConsentHow,
    recorded_by: str,
    recorded_at: dt.datetime,
    note: str,
) -> None:
    """Append many "given" entries at once (demo vaults), each with its purpose's wording."""
    rows = []
    for psw_id, purpose, given_on in gifts:
        wording = wording_for(purpose)
        rows.append(
            {
                "psw_id": psw_id,
                "purpose": purpose,
                "kind": EntryKind.GIVEN.value,
                "given_on": given_on,
                "how": how.value,
                "told": wording.text,
                "wording_version": wording.version,
                "recorded_by": recorded_by,
                "recorded_at": recorded_at,
                "withdrawn_on": None,
                "withdrawn_how": None,
                "note": note,
                "before_ledger": False,
                "corrects_id": None,
            }
        )
    if rows:
        s.execute(insert(ConsentEntryRow), rows)


def entry(s: Session, entry_id: ConsentEntryId) -> ConsentEntry | None:
    row = s.get(ConsentEntryRow, entry_id)
    return None if row is None else _entry(row)


def entries_for(s: Session, psw_id: PswId, purpose: str | None = None) -> list[ConsentEntry]:
    """One PSW's ledger in recording order (optionally one purpose only)."""
    query = select(ConsentEntryRow).where(ConsentEntryRow.psw_id == psw_id)
    if purpose is not None:
        query = query.where(ConsentEntryRow.purpose == purpose)
    return [_entry(r) for r in s.scalars(query.order_by(ConsentEntryRow.id))]


def consents_for(s: Session, psw_ids: Sequence[PswId]) -> dict[PswId, dict[str, bool]]:
    """For each PSW asked about, every purpose in its ledger and whether consent is current."""
    result: dict[PswId, dict[str, bool]] = {p: {} for p in psw_ids}
    by_psw: dict[PswId, list[ConsentEntry]] = {}
    for e in _entries_of(s, psw_ids, like=None):
        by_psw.setdefault(e.psw_id, []).append(e)
    for psw_id, entries in by_psw.items():
        purposes = {e.purpose for e in entries}
        result[psw_id] = {p: current_consent(entries, p) for p in sorted(purposes)}
    return result


def matching_consents(s: Session, psw_ids: Sequence[PswId]) -> set[tuple[PswId, TaxonomyItemId]]:
    """(PSW, lived-experience item) pairs matching may use: consent current, item still held."""
    by_key: dict[tuple[PswId, str], list[ConsentEntry]] = {}
    for e in _entries_of(s, psw_ids, like=f"{LIVED_EXPERIENCE_PREFIX}:%:{MATCHING}"):
        by_key.setdefault((e.psw_id, e.purpose), []).append(e)
    consented: set[tuple[PswId, TaxonomyItemId]] = set()
    for (psw_id, purpose), entries in by_key.items():
        parsed = parse_lived_experience(purpose)
        if parsed is not None and current_consent(entries, purpose):
            consented.add((psw_id, parsed[0]))
    held: set[tuple[PswId, TaxonomyItemId]] = set()
    for chunk in _chunks(sorted({p for p, _ in consented})):
        rows = s.execute(
            select(PswLivedExperience.psw_id, PswLivedExperience.item_id).where(
                PswLivedExperience.psw_id.in_(chunk)
            )
        )
        held |= {(PswId(p), TaxonomyItemId(i)) for p, i in rows}
    return consented & held


def cache_flag(
    s: Session, psw_id: PswId, item_id: TaxonomyItemId, use: UseKind, value: bool
) -> None:
    """Keep the lived-experience boxes' booleans (a cache of the ledger) in step."""
    column = "use_for_matching" if use == MATCHING else "share_with_supported"
    s.execute(
        update(PswLivedExperience)
        .where(PswLivedExperience.psw_id == psw_id, PswLivedExperience.item_id == item_id)
        .values({column: value})
    )


def _entries_of(s: Session, psw_ids: Sequence[PswId], like: str | None) -> Iterator[ConsentEntry]:
    for chunk in _chunks(sorted(set(psw_ids))):
        query = select(ConsentEntryRow).where(ConsentEntryRow.psw_id.in_(chunk))
        if like is not None:
            query = query.where(ConsentEntryRow.purpose.like(like))
        for row in s.scalars(query.order_by(ConsentEntryRow.id)):
            yield _entry(row)


def _chunks(ids: list[PswId]) -> Iterator[list[PswId]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _entry(row: ConsentEntryRow) -> ConsentEntry:
    return ConsentEntry(
        id=ConsentEntryId(row.id),
        psw_id=PswId(row.psw_id),
        purpose=row.purpose,
        kind=EntryKind(row.kind),
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        given_on=row.given_on,
        how=None if row.how is None else ConsentHow(row.how),
        told=row.told,
        wording_version=row.wording_version,
        withdrawn_on=row.withdrawn_on,
        withdrawn_how=None if row.withdrawn_how is None else ConsentHow(row.withdrawn_how),
        note=row.note,
        before_ledger=row.before_ledger,
        corrects=None if row.corrects_id is None else ConsentEntryId(row.corrects_id),
    )
