"""Plan versions: insert and read only (a saved version is never changed), and review dates due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.consent import SHARING, lived_experience_purpose
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.plans import (
    PlanDraft,
    PlanKind,
    PlanVersion,
    sections_from_json,
    sections_to_json,
)
from peerdesk.domain.viewer import Viewer
from peerdesk.storage import consent_store
from peerdesk.storage.models import ListItemRow, PswRowModel, psw_display_name
from peerdesk.storage.plan_version_models import PlanVersionRow
from peerdesk.storage.search_documents import index_plan
from peerdesk.storage.visibility import visible_psws


@dataclass(frozen=True)
class PlanReview:
    """The latest version of a plan has a review date: whose, which plan, when."""

    psw_id: PswId
    name: str
    kind: PlanKind
    review_on: dt.date


def _of(psw_id: PswId, kind: PlanKind) -> ColumnElement[bool]:
    return and_(PlanVersionRow.psw_id == psw_id, PlanVersionRow.kind == kind.value)


def versions(s: Session, psw_id: PswId, kind: PlanKind) -> list[PlanVersion]:
    """Every version of one PSW's plan, newest first."""
    rows = s.scalars(
        select(PlanVersionRow).where(_of(psw_id, kind)).order_by(PlanVersionRow.number.desc())
    )
    return [_version(r) for r in rows]


def latest(s: Session, psw_id: PswId, kind: PlanKind) -> PlanVersion | None:
    row = s.scalars(
        select(PlanVersionRow)
        .where(_of(psw_id, kind))
        .order_by(PlanVersionRow.number.desc())
        .limit(1)
    ).first()
    return None if row is None else _version(row)


def version(s: Session, psw_id: PswId, kind: PlanKind, number: int) -> PlanVersion | None:
    row = s.scalars(
        select(PlanVersionRow).where(_of(psw_id, kind), PlanVersionRow.number == number)
    ).first()
    return None if row is None else _version(row)


def insert(
    s: Session,
    psw_id: PswId,
    draft: PlanDraft,
    *,
    number: int,
    recorded_at: dt.datetime,
    recorded_by: str,
) -> PlanVersion:
    row = PlanVersionRow(
        psw_id=psw_id,
        kind=draft.kind.value,
        number=number,
        sections=sections_to_json(draft.sections),
        confidentiality=draft.confidentiality.value,
        review_on=draft.review_on,
        agreed_by_psw_on=draft.agreed_by_psw_on,
        recorded_at=recorded_at,
        recorded_by=recorded_by,
    )
    s.add(row)
    s.flush()
    index_plan(s, psw_id, draft.kind)  # the index holds the current version only
    return _version(row)


def reviews_due(s: Session, until: dt.date, viewer: Viewer) -> list[PlanReview]:
    """Current PSWs' plans whose latest version is to be reviewed by ``until``, as ``viewer``
    may see them (the one visibility rule)."""
    newest = (
        select(
            PlanVersionRow.psw_id,
            PlanVersionRow.kind,
            func.max(PlanVersionRow.number).label("number"),
        )
        .group_by(PlanVersionRow.psw_id, PlanVersionRow.kind)
        .subquery()
    )
    name = psw_display_name()
    stmt = (
        select(PlanVersionRow.psw_id, name, PlanVersionRow.kind, PlanVersionRow.review_on)
        .join(
            newest,
            (newest.c.psw_id == PlanVersionRow.psw_id)
            & (newest.c.kind == PlanVersionRow.kind)
            & (newest.c.number == PlanVersionRow.number),
        )
        .join(PswRowModel, PswRowModel.id == PlanVersionRow.psw_id)
        .where(
            PlanVersionRow.review_on.is_not(None),
            PlanVersionRow.review_on <= until,
            PswRowModel.archived.is_(False),
            PswRowModel.status != JourneyStatus.LEFT.value,
            visible_psws(viewer),
        )
    )
    return [
        PlanReview(PswId(psw_id), shown, PlanKind(kind), review_on)
        for psw_id, shown, kind, review_on in s.execute(stmt)
    ]


def sharing_consents(
    s: Session, psw_id: PswId, items: Sequence[TaxonomyItemId]
) -> dict[TaxonomyItemId, bool]:
    """Per lived-experience item, whether the ledger holds current consent to share it with
    people supported."""
    ledger = consent_store.consents_for(s, [psw_id])[psw_id]
    return {i: ledger.get(lived_experience_purpose(i, SHARING), False) for i in items}


def item_names(s: Session, items: Sequence[TaxonomyItemId]) -> dict[TaxonomyItemId, str]:
    if not items:
        return {}
    rows = s.execute(select(ListItemRow.id, ListItemRow.name).where(ListItemRow.id.in_(items)))
    return {TaxonomyItemId(i): n for i, n in rows}


def _version(row: PlanVersionRow) -> PlanVersion:
    return PlanVersion(
        psw_id=PswId(row.psw_id),
        number=row.number,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        draft=PlanDraft(
            kind=PlanKind(row.kind),
            sections=sections_from_json(row.sections),
            review_on=row.review_on,
            agreed_by_psw_on=row.agreed_by_psw_on,
            confidentiality=Confidentiality(row.confidentiality),
        ),
    )
