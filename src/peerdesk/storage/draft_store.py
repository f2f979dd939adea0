"""Rows of ``form_draft``: one unsaved form per form kind and record, kept in the vault."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from peerdesk.storage.audit_models import FormDraftRow


@dataclass(frozen=True)
class StoredDraft:
    form: str
    record_id: int | None
    payload: str
    saved_at: dt.datetime


def _matching(form: str, record_id: int | None) -> object:
    if record_id is None:  # NULLs are never equal in the unique constraint: match them here
        return (FormDraftRow.form == form) & FormDraftRow.record_id.is_(None)
    return (FormDraftRow.form == form) & (FormDraftRow.record_id == record_id)


def put(s: Session, form: str, record_id: int | None, payload: str, at: dt.datetime) -> None:
    """Keep ``payload`` as the one draft of ``form`` for ``record_id`` (replacing any)."""
    s.execute(delete(FormDraftRow).where(_matching(form, record_id)))  # type: ignore[arg-type]
    s.add(FormDraftRow(form=form, record_id=record_id, payload=payload, saved_at=at))
    s.flush()


def pop_newest(s: Session, form: str) -> StoredDraft | None:
    """The newest draft of ``form``, deleted with every older draft of that form."""
    rows = s.scalars(
        select(FormDraftRow)
        .where(FormDraftRow.form == form)
        .order_by(FormDraftRow.saved_at.desc(), FormDraftRow.id.desc())
    ).all()
    if not rows:
        return None
    newest = rows[0]
    found = StoredDraft(newest.form, newest.record_id, newest.payload, newest.saved_at)
    s.execute(delete(FormDraftRow).where(FormDraftRow.form == form))
    return found


def forms_waiting(s: Session) -> set[str]:
    """The form kinds that have a draft."""
    return set(s.scalars(select(FormDraftRow.form).distinct()).all())
