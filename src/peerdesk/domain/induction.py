"""Induction: a checklist copied from an editable template, and a named mentor or buddy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NewType

from peerdesk.domain.evidence import InductionEvidence
from peerdesk.domain.ids import PswId

TemplateItemId = NewType("TemplateItemId", int)
InductionItemId = NewType("InductionItemId", int)

DEFAULT_TEMPLATE = (
    "Welcome and introductions",
    "E-learning modules",
    "Organisation sessions",
    "Risk assessments",
    "Shadowing",
)
"""What a new vault's induction template starts with (seeded by migration 0002)."""


@dataclass(frozen=True)
class TemplateItem:
    id: TemplateItemId
    name: str
    position: int


@dataclass(frozen=True)
class InductionItem:
    id: InductionItemId
    name: str
    position: int
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    confirmed_by: str = ""


@dataclass(frozen=True)
class Induction:
    """A PSW's induction; not started while it has no items and no mentor."""

    psw_id: PswId
    mentor: str = ""
    items: tuple[InductionItem, ...] = ()

    @property
    def started(self) -> bool:
        return bool(self.items or self.mentor)

    @property
    def completed_on(self) -> dt.date | None:
        """When the last item was done, once every item is done."""
        done = [i.done_on for i in self.items]
        if not done or any(d is None for d in done):
            return None
        return max(d for d in done if d is not None)

    def evidence(self) -> tuple[InductionEvidence, ...]:
        if not self.started:
            return ()
        return (InductionEvidence(started=True, completed_on=self.completed_on),)
