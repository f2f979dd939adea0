"""The competence framework's rows: read, add, rename, retire, seed; in-use checks for reviews."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.framework import FrameworkItem, FrameworkItemId, FrameworkKind, in_order
from peerdesk.storage.lookup import require
from peerdesk.storage.review_models import FrameworkItemRow


def _item(row: FrameworkItemRow) -> FrameworkItem:
    return FrameworkItem(
        id=FrameworkItemId(row.id),
        kind=FrameworkKind(row.kind),
        name=row.name,
        parent_id=None if row.parent_id is None else FrameworkItemId(row.parent_id),
        position=row.position,
        retired=row.retired,
    )


def items(s: Session) -> list[FrameworkItem]:
    """Every entry, retired ones too, by position."""
    return in_order([_item(r) for r in s.scalars(select(FrameworkItemRow))])


def is_empty(s: Session) -> bool:
    return s.scalar(select(func.count()).select_from(FrameworkItemRow)) == 0


def add(
    s: Session, kind: FrameworkKind, name: str, parent_id: FrameworkItemId | None = None
) -> FrameworkItem:
    last = s.scalar(select(func.max(FrameworkItemRow.position)))
    row = FrameworkItemRow(
        kind=kind.value,
        name=name,
        parent_id=parent_id,
        position=(last or 0) + 1,
        retired=False,
    )
    s.add(row)
    s.flush()
    return _item(row)


def require_item(s: Session, item_id: FrameworkItemId) -> FrameworkItem:
    return _item(require(s, FrameworkItemRow, item_id, "framework entry"))


def set_item(s: Session, item_id: FrameworkItemId, *, name: str, retired: bool) -> FrameworkItem:
    row = require(s, FrameworkItemRow, item_id, "framework entry")
    row.name, row.retired = name, retired
    s.flush()
    return _item(row)
