"""Induction: the editable template, each PSW's checklist from it, and their mentor or buddy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.induction import Induction, InductionItemId, TemplateItem
from peerdesk.domain.text import SHORT_TEXT_MAX, fold, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import recomputed, refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import induction_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Workspace


def _name_problems(field: str, name: str, what: str) -> list[Problem]:
    if not name:
        return [Problem(field, f"Enter the {what}.")]
    if len(name) > SHORT_TEXT_MAX:
        return [Problem(field, f"The {what} can be at most {SHORT_TEXT_MAX} characters.")]
    return []


class InductionService:
    """Each write is one transaction that also recomputes the PSW's due dates."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def template(self) -> list[TemplateItem]:
        with self._ws.reading() as s:
            return induction_store.template(s)

    def set_template(self, names: Sequence[str]) -> tuple[list[TemplateItem], Changes]:
        """Replace the template with ``names`` in order; started inductions keep their items."""
        clean = [tidy_line(n) for n in names]
        problems = [p for n in clean for p in _name_problems("name", n, "item name")]
        if len({fold(n) for n in clean}) != len(clean):
            problems.append(Problem("name", "Each item can appear in the template only once."))
        refuse(problems)
        with self._ws.transaction() as s:
            items = induction_store.replace_template(s, clean)
        return items, Changes(policies=True)

    def induction(self, psw_id: PswId) -> Induction:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            require_psw(s, psw_id)
            return induction_store.induction(s, psw_id)

    def start(
        self, psw_id: PswId, *, mentor: str = "", due_on: dt.date | None = None
    ) -> tuple[Induction, Changes]:
        """Copy the template into the PSW's checklist (each item due ``due_on``)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        mentor = tidy_line(mentor)
        refuse([p for p in _name_problems("mentor", mentor, "mentor") if mentor])
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            if induction_store.induction(s, psw_id).items:
                refuse([Problem("items", "Their induction has already started.")])
            for item in induction_store.template(s):
                induction_store.add_item(s, psw_id, item.name, due_on=due_on)
            if mentor:
                induction_store.set_mentor(s, psw_id, mentor)
            changes = recomputed(s, [psw_id], self._clock)
            return induction_store.induction(s, psw_id), changes

    def set_mentor(self, psw_id: PswId, mentor: str) -> tuple[Induction, Changes]:
        """Name the mentor or buddy (blank to clear)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        mentor = tidy_line(mentor)
        refuse([p for p in _name_problems("mentor", mentor, "mentor") if mentor])
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            induction_store.set_mentor(s, psw_id, mentor)
            changes = recomputed(s, [psw_id], self._clock)
            return induction_store.induction(s, psw_id), changes

    def add_item(
        self, psw_id: PswId, name: str, *, due_on: dt.date | None = None
    ) -> tuple[Induction, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        name = tidy_line(name)
        refuse(_name_problems("name", name, "item name"))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            induction_store.add_item(s, psw_id, name, due_on=due_on)
            changes = recomputed(s, [psw_id], self._clock)
            return induction_store.induction(s, psw_id), changes

    def update_item(
        self,
        item_id: InductionItemId,
        *,
        due_on: dt.date | None,
        done_on: dt.date | None,
        confirmed_by: str = "",
    ) -> tuple[Induction, Changes]:
        """Set an item's due and done dates and who confirmed it was done."""
        require_sees_record(self._ws, self._viewer, Owned.INDUCTION_ITEM, item_id)
        confirmed_by = tidy_line(confirmed_by)
        problems = []
        if done_on is not None and done_on > self._clock.today():
            problems.append(Problem("done_on", "The done date cannot be in the future."))
        if len(confirmed_by) > SHORT_TEXT_MAX:
            problems += _name_problems("confirmed_by", confirmed_by, "name")
        refuse(problems)
        with self._ws.transaction() as s:
            psw_id = induction_store.update_item(
                s, item_id, due_on=due_on, done_on=done_on, confirmed_by=confirmed_by
            )
            changes = recomputed(s, [psw_id], self._clock)
            return induction_store.induction(s, psw_id), changes

    def remove_item(self, item_id: InductionItemId) -> tuple[Induction, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.INDUCTION_ITEM, item_id)
        with self._ws.transaction() as s:
            psw_id = induction_store.delete_item(s, item_id)
            changes = recomputed(s, [psw_id], self._clock)
            return induction_store.induction(s, psw_id), changes
