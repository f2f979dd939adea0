"""Fetch one row by primary key or raise ``NotFound`` with a sentence naming what is gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId
from peerdesk.storage.models import Base, PswRowModel

M = TypeVar("M", bound=Base)


def require(s: Session, model: type[M], row_id: int, what: str) -> M:
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(f"That {what} is no longer in the vault (perhaps removed by an undo).")
    return row


def require_psw(s: Session, psw_id: PswId) -> tuple[str, str]:
    """The PSW's (role, display name); NotFound if they are gone."""
    row = s.execute(
        select(PswRowModel.role, PswRowModel.known_as, PswRowModel.full_name).where(
            PswRowModel.id == psw_id
        )
    ).first()
    if row is None:
        raise NotFound("That peer support worker is no longer in the vault.")
    return row[0], row[1] or row[2]
