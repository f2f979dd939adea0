"""The induction template and each PSW's induction checklist and mentor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.induction import (
    Induction,
    InductionItem,
    InductionItemId,
    TemplateItem,
    TemplateItemId,
)
from peerdesk.storage.check_models import InductionItemRow, InductionRow, InductionTemplateRow
from peerdesk.storage.lookup import require

WHAT = "induction item"


def template(s: Session) -> list[TemplateItem]:
    rows = s.scalars(
        select(InductionTemplateRow).order_by(
            InductionTemplateRow.position, InductionTemplateRow.id
        )
    )
    return [TemplateItem(TemplateItemId(r.id), r.name, r.position) for r in rows]


def replace_template(s: Session, names: Sequence[str]) -> list[TemplateItem]:
    """The template becomes ``names`` in order. Inductions already started keep their items."""
    s.execute(delete(InductionTemplateRow))
    s.add_all(InductionTemplateRow(name=n, position=i) for i, n in enumerate(names, start=1))
    s.flush()
    return template(s)


def induction(s: Session, psw_id: PswId) -> Induction:
    mentor = s.scalar(select(InductionRow.mentor).where(InductionRow.psw_id == psw_id))
    rows = s.scalars(
        select(InductionItemRow)
        .where(InductionItemRow.psw_id == psw_id)
        .order_by(InductionItemRow.position, InductionItemRow.id)
    )
    return Induction(psw_id, mentor or "", tuple(read_item(r) for r in rows))


def read_item(row: InductionItemRow) -> InductionItem:
    return InductionItem(
        id=InductionItemId(row.id),
        name=row.name,
        position=row.position,
        due_on=row.due_on,
        done_on=row.done_on,
        confirmed_by=row.confirmed_by,
    )


def set_mentor(s: Session, psw_id: PswId, mentor: str) -> None:
    row = s.get(InductionRow, psw_id)
    if row is None:
        s.add(InductionRow(psw_id=psw_id, mentor=mentor))
    else:
        row.mentor = mentor
    s.flush()


def add_item(s: Session, psw_id: PswId, name: str, *, due_on: dt.date | None) -> InductionItem:
    last = s.scalar(
        select(func.max(InductionItemRow.position)).where(InductionItemRow.psw_id == psw_id)
    )
    row = InductionItemRow(
        psw_id=psw_id, name=name, position=(last or 0) + 1, due_on=due_on, confirmed_by=""
    )
    s.add(row)
    s.flush()
    return read_item(row)


def load_item(s: Session, item_id: InductionItemId) -> InductionItemRow:
    return require(s, InductionItemRow, item_id, WHAT)


def update_item(
    s: Session,
    item_id: InductionItemId,
    *,
    due_on: dt.date | None,
    done_on: dt.date | None,
    confirmed_by: str,
) -> PswId:
    row = load_item(s, item_id)
    row.due_on, row.done_on, row.confirmed_by = due_on, done_on, confirmed_by
    s.flush()
    return PswId(row.psw_id)


def delete_item(s: Session, item_id: InductionItemId) -> PswId:
    row = load_item(s, item_id)
    s.delete(row)
    s.flush()
    return PswId(row.psw_id)
