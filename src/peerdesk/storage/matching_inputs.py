"""The vault's side of matching: every candidate PSW's profile and one person's wishes.

Consent is applied here, before anything reaches the domain: a profile holds only the
lived-experience items with current matching consent (ledger query) and only the equality
answers whose "may be used for matching" flag is set. Reads are one query per table, so the
profiles of 10,000 PSWs take a handful of queries, not 10,000.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.demographics import PREFER_NOT_TO_SAY, QUESTION_BY_KEY
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.matching.profiles import (
    IdentityPair,
    PswItem,
    PswProfile,
)
from peerdesk.domain.requirements import evaluate, readiness
from peerdesk.domain.viewer import Viewer
from peerdesk.storage import consent_store, evidence_queries, match_store
from peerdesk.storage.models import (
    ListItemRow,
    PswAvailability,
    PswContactMode,
    PswDemographic,
    PswInterest,
    PswLanguage,
    PswLivedExperience,
    PswRowModel,
)
from peerdesk.storage.retention_store import psw_unrestricted
from peerdesk.storage.visibility import visible_psws

_T = TypeVar("_T")

CANDIDATE_STATUSES = (JourneyStatus.ACTIVE.value, JourneyStatus.PAUSED.value)
"""Only these are looked at: everyone else is plainly not a candidate and is not listed."""


@dataclass(frozen=True)
class PswCandidates:
    """Profiles of every PSW a person could be offered, and the readiness warnings beside them."""

    profiles: tuple[PswProfile, ...]
    warnings: dict[PswId, tuple[str, ...]]


def identity_label(question: str) -> str:
    """The question's words ("Gender"), so reasons read well; unknown keys stay as stored."""
    known = QUESTION_BY_KEY.get(question)
    return known.label if known else question


def psw_candidates(s: Session, viewer: Viewer, today: dt.date) -> PswCandidates:
    """Active and paused, unarchived, unrestricted PSWs the viewer may see, as profiles."""
    s.flush()
    conn = s.connection()  # plain Core rows: the ORM's per-row work is not needed here
    base = conn.execute(
        select(
            PswRowModel.id,
            PswRowModel.full_name,
            PswRowModel.status,
            PswRowModel.capacity,
            PswRowModel.travel_miles,
            ListItemRow.latitude,
            ListItemRow.longitude,
        )
        .outerjoin(ListItemRow, ListItemRow.id == PswRowModel.area_id)
        .where(
            PswRowModel.archived.is_(False),
            PswRowModel.status.in_(CANDIDATE_STATUSES),
            visible_psws(viewer),
            psw_unrestricted(),  # restricted by request: kept, not used
        )
        .order_by(PswRowModel.id)
    ).all()
    ids = [PswId(r.id) for r in base]
    wanted = set(ids)
    consented = consent_store.matching_consents(s, ids)
    items = _lived_experience(s, wanted, consented)
    equality = _grouped(
        (p, IdentityPair(identity_label(q), a))
        for p, q, a in conn.execute(
            select(PswDemographic.psw_id, PswDemographic.question, PswDemographic.answer).where(
                PswDemographic.may_use_for_matching.is_(True),
                PswDemographic.answer != PREFER_NOT_TO_SAY,
            )
        ).all()
        if p in wanted
    )
    languages = _grouped(
        (p, name)
        for p, name, _first in conn.execute(
            select(PswLanguage.psw_id, ListItemRow.name, PswLanguage.is_first)
            .join(ListItemRow, ListItemRow.id == PswLanguage.item_id)
            .order_by(PswLanguage.psw_id, PswLanguage.is_first.desc(), ListItemRow.position)
        ).all()
        if p in wanted
    )
    interests = _grouped(
        (p, name)
        for p, name in conn.execute(
            select(PswInterest.psw_id, ListItemRow.name).join(
                ListItemRow, ListItemRow.id == PswInterest.item_id
            )
        ).all()
        if p in wanted
    )
    modes = _grouped(
        (p, mode)
        for p, mode in conn.execute(
            select(PswContactMode.psw_id, PswContactMode.mode).order_by(
                PswContactMode.psw_id, PswContactMode.rank
            )
        ).all()
        if p in wanted
    )
    times: dict[PswId, list[TimeRange]] = defaultdict(list)
    for p, day, start, end in conn.execute(
        select(
            PswAvailability.psw_id,
            PswAvailability.weekday,
            PswAvailability.start_slot,
            PswAvailability.end_slot,
        )
    ).all():
        if p in wanted:
            times[PswId(p)].append(TimeRange(day, start, end))
    used = match_store.places_used(s, ids)
    active = [i for i, r in zip(ids, base, strict=True) if r.status == JourneyStatus.ACTIVE.value]
    blocked, warnings, inducted = _readiness(s, active, today)
    profiles = tuple(
        PswProfile(
            id=psw,
            name=r.full_name,
            lived_experience=items.get(psw, ()),
            equality=equality.get(psw, ()),
            languages=languages.get(psw, ()),
            availability=Availability.of(times[psw]) if psw in times else None,
            position=None if r.latitude is None else (r.latitude, r.longitude),
            travel_miles=r.travel_miles,
            contact_modes=modes.get(psw, ()),
            interests=interests.get(psw, ()),
            places=r.capacity,
            places_used=used.get(psw, 0),
            active=r.status == JourneyStatus.ACTIVE.value,
            inducted=psw in inducted or r.status != JourneyStatus.ACTIVE.value,
            blocked=blocked.get(psw, ()),
        )
        for psw, r in zip(ids, base, strict=True)
    )
    return PswCandidates(profiles, warnings)


def _grouped(pairs: Iterable[tuple[int, _T]]) -> dict[PswId, tuple[_T, ...]]:
    found: dict[PswId, list[_T]] = defaultdict(list)
    for psw, value in pairs:
        found[PswId(psw)].append(value)
    return {psw: tuple(values) for psw, values in found.items()}


def _lived_experience(
    s: Session, wanted: set[PswId], consented: set[tuple[PswId, TaxonomyItemId]]
) -> dict[PswId, tuple[PswItem, ...]]:
    rows = s.connection().execute(
        select(
            PswLivedExperience.psw_id,
            PswLivedExperience.item_id,
            PswLivedExperience.share_with_supported,
            ListItemRow.name,
            ListItemRow.family,
        )
        .join(ListItemRow, ListItemRow.id == PswLivedExperience.item_id)
        .order_by(PswLivedExperience.psw_id, PswLivedExperience.id)
    )
    return _grouped(
        (p, PswItem(TaxonomyItemId(item), name, family, bool(share)))
        for p, item, share, name, family in rows
        if p in wanted and (PswId(p), TaxonomyItemId(item)) in consented
    )


def _readiness(
    s: Session, ids: list[PswId], today: dt.date
) -> tuple[dict[PswId, tuple[str, ...]], dict[PswId, tuple[str, ...]], set[PswId]]:
    """(blocking sentences, warning sentences, inducted) for active PSWs."""
    policies = evidence_queries.policies(s)
    blocked: dict[PswId, tuple[str, ...]] = {}
    warnings: dict[PswId, tuple[str, ...]] = {}
    inducted: set[PswId] = set()
    for psw, evidence in evidence_queries.evidence_for_many(s, ids).items():
        ready = readiness(evaluate(policies, evidence, today))
        if ready.blocking:
            blocked[psw] = tuple(r.sentence for r in ready.blocking)
        if ready.warnings:
            warnings[psw] = tuple(r.sentence for r in ready.warnings)
        if any(e.completed_on is not None for e in evidence.induction):
            inducted.add(psw)
    return blocked, warnings, inducted
