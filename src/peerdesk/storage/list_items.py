"""Queries on the editable lists (lived experience, skills, interests, languages, areas)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.taxonomy import ListItem, ListItemDraft, ListKind
from peerdesk.storage.models import (
    ListItemRow,
    PswInterest,
    PswLanguage,
    PswLivedExperience,
    PswRowModel,
    PswSkill,
)


def _record(row: ListItemRow) -> ListItem:
    return ListItem(
        id=TaxonomyItemId(row.id),
        kind=ListKind(row.kind),
        name=row.name,
        family=row.family,
        latitude=row.latitude,
        longitude=row.longitude,
        retired=row.retired,
    )


def all_items(s: Session) -> list[ListItem]:
    rows = s.scalars(select(ListItemRow).order_by(ListItemRow.kind, ListItemRow.position))
    return [_record(r) for r in rows]


def add_items(s: Session, drafts: Iterable[ListItemDraft]) -> list[ListItem]:
    last = dict(
        s.execute(
            select(ListItemRow.kind, func.max(ListItemRow.position)).group_by(ListItemRow.kind)
        )
        .tuples()
        .all()
    )
    rows = []
    for d in drafts:
        position = last.get(d.kind.value, 0) + 1
        last[d.kind.value] = position
        row = ListItemRow(
            kind=d.kind.value,
            name=d.name,
            family=d.family,
            latitude=d.latitude,
            longitude=d.longitude,
            retired=False,
            position=position,
        )
        s.add(row)
        rows.append(row)
    s.flush()
    return [_record(r) for r in rows]


def get_row(s: Session, item_id: TaxonomyItemId) -> ListItemRow:
    row = s.get(ListItemRow, item_id)
    if row is None:
        raise NotFound("That list entry is no longer in the vault.")
    return row


def update_item(s: Session, item_id: TaxonomyItemId, draft: ListItemDraft) -> ListItem:
    row = get_row(s, item_id)
    row.name, row.family = draft.name, draft.family
    row.latitude, row.longitude = draft.latitude, draft.longitude
    s.flush()
    return _record(row)


def set_retired(s: Session, item_id: TaxonomyItemId, retired: bool) -> ListItem:
    row = get_row(s, item_id)
    row.retired = retired
    s.flush()
    return _record(row)


def usage_count(s: Session, item_id: TaxonomyItemId) -> int:
    """How many PSW records use the item (an item in use is retired, never deleted)."""
    total = 0
    for model in (PswLivedExperience, PswSkill, PswInterest, PswLanguage):
        total += s.scalar(select(func.count()).where(model.item_id == item_id)) or 0
    total += s.scalar(select(func.count()).where(PswRowModel.area_id == item_id)) or 0
    return total


def delete_item(s: Session, item_id: TaxonomyItemId) -> None:
    s.delete(get_row(s, item_id))
    s.flush()


def name_taken(s: Session, draft: ListItemDraft, *, except_id: TaxonomyItemId | None) -> bool:
    stmt = select(ListItemRow.id, ListItemRow.name).where(
        ListItemRow.kind == draft.kind.value, ListItemRow.family == draft.family
    )
    wanted = draft.name.casefold()
    return any(name.casefold() == wanted and i != except_id for i, name in s.execute(stmt))
