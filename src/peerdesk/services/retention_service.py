"""Retention: the rules, holds, a preview of what is past retention, and acting record by record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.progress import Cancelled, Progress
from peerdesk.domain.retention import (
    Action,
    Decision,
    Hold,
    Outcome,
    RecordFacts,
    RecordKind,
    Rule,
    Subject,
    decide,
    decide_all,
    rule_problems,
)
from peerdesk.domain.roles import Action as Can
from peerdesk.domain.viewer import COORDINATOR, EVERYONE, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.storage import record_erasure, retention_store
from peerdesk.storage.workspace import Tx, Workspace

REQUEST = "request"
"""The ledger's reason for an erasure asked for by the person (a rights request)."""


@dataclass(frozen=True)
class Preview:
    """Every visible record's decision (those to act on first) and how many are hidden."""

    decisions: tuple[Decision, ...]
    hidden: int

    @property
    def due(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.outcome.acts)


@dataclass(frozen=True)
class ActResult:
    done: tuple[Decision, ...]
    skipped: tuple[tuple[Decision, str], ...]
    """Records left alone, and why (a hold placed since the preview, already gone, …)."""
    cancelled: bool
    changes: Changes


class RetentionService:
    """Rules, holds, preview and act. Each record is erased or anonymised in its own transaction."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._ws = workspace
        self._clock = clock
        self._viewer = viewer

    def rules(self) -> list[Rule]:
        with self._ws.reading() as s:
            found = retention_store.rules(s)
        return [found[subject] for subject in Subject if subject in found]

    def set_rule(self, subject: Subject, months: int, action: Action) -> Changes:
        """Change one rule; 1 to 240 months."""
        self._viewer.require(Can.SETTINGS)
        problem = rule_problems(months)
        if problem:
            raise ValidationFailed([Problem("months", problem)])
        with self._ws.transaction() as s:
            retention_store.set_rule(s, Rule(subject, months, action))
        return Changes(settings=True)

    def set_rules(self, rules: Sequence[Rule]) -> Changes:
        """Change several rules at once (one save of Settings › Retention); 1 to 240 months."""
        self._viewer.require(Can.SETTINGS)
        problems = [
            Problem(r.subject.value, f"{r.subject.label}: {problem}")
            for r in rules
            if (problem := rule_problems(r.months))
        ]
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            for rule in rules:
                retention_store.set_rule(s, rule)
        return Changes(settings=True)

    def holds(self, kind: RecordKind | None = None, record_id: int | None = None) -> list[Hold]:
        with self._ws.reading() as s:
            return retention_store.holds(s, kind, record_id)

    def place_hold(self, kind: RecordKind, record_id: int, reason: str) -> Changes:
        """Nothing is erased or anonymised while a hold stands; the reason is required."""
        self._viewer.require(Can.ERASE)
        text = reason.strip()
        if not text:
            raise ValidationFailed(
                [Problem("reason", "Say why the record is held (for example, a legal claim).")]
            )
        if len(text) > 500:
            raise ValidationFailed([Problem("reason", "Keep the reason under 500 characters.")])
        with self._ws.transaction() as s:
            retention_store.place_hold(s, kind, record_id, text, self._clock.today())
        return _changed(kind, record_id)

    def lift_hold(self, hold_id: int) -> Changes:
        """Lift a hold (a restriction's too: the record is used again)."""
        self._viewer.require(Can.ERASE)
        with self._ws.transaction() as s:
            kind, record_id = retention_store.lift_hold(s, hold_id, self._clock.today())
        return _changed(kind, record_id)

    def preview(self, viewer: Viewer | None = None) -> Preview:
        """What is past retention today and what stays, with each decision's reason.

        Records ``viewer`` cannot see (protected, until Show protected) are counted, not listed.
        """
        self._viewer.require(Can.ERASE)
        seen = viewer or self._viewer
        with self._ws.reading() as s:
            rules = retention_store.rules(s)
            facts = _facts(s, seen)
            hidden = retention_store.hidden_count(s, seen)
        return Preview(tuple(decide_all(facts, rules, self._clock.today())), hidden)

    def due_count(self) -> int:
        """How many records (protected ones too) are past retention today: a count, no names."""
        with self._ws.reading() as s:
            return due_count(s, self._clock)

    def erasure_for_request(self, kind: RecordKind, record_id: int, request: int | str) -> Decision:
        """The erasure a rights request asks for, as a decision to preview (held: not erased)."""
        self._viewer.require(Can.ERASE)
        with self._ws.reading() as s:
            found = _one(s, self._viewer, kind, record_id)
        if found is None:
            return Decision(kind, record_id, "", Outcome.KEEP, "Already erased.")
        why = f"Erasure asked for by request {request}"
        if found.holds:
            return Decision(
                kind,
                record_id,
                found.name,
                Outcome.HELD,
                f"{why}. On hold: {'; '.join(found.holds)}",
            )
        return Decision(kind, record_id, found.name, Outcome.ERASE, why + ": erase.")

    def act(
        self, chosen: Sequence[Decision], progress: Progress | None = None, *, reason: str = ""
    ) -> ActResult:
        """Erase or anonymise each chosen record in its own transaction, then compact once.

        Each record is decided again inside its transaction, so a hold placed since the preview
        (or a rule lengthened) keeps it. ``reason`` "request" erases whatever the rule says
        (a rights request); otherwise the ledger records the rule that fell due.
        """
        self._viewer.require(Can.ERASE)
        today, at = self._clock.today(), self._clock.now()
        done: list[Decision] = []
        skipped: list[tuple[Decision, str]] = []
        cancelled = False
        changes = Changes()
        try:
            for index, decision in enumerate(chosen):
                if progress is not None:
                    progress.step(index, len(chosen))
                with self._ws.transaction() as s:
                    current = self._recheck(s, decision, today, reason)
                    if isinstance(current, str):
                        skipped.append((decision, current))
                        continue
                    _apply(s, current, today)
                    ledger = reason or (current.subject.value if current.subject else REQUEST)
                    action = Action.ERASE if current.outcome is Outcome.ERASE else Action.ANONYMISE
                    retention_store.record_erasure(
                        s, current.kind, current.record_id, action, ledger, at
                    )
                done.append(current)
                changes = changes | _changed(current.kind, current.record_id)
            if progress is not None:
                progress.step(len(chosen), len(chosen))
        except Cancelled:
            cancelled = True
        if done:
            bind = self._ws.sessions.kw["bind"]
            record_erasure.compact(bind)
        return ActResult(tuple(done), tuple(skipped), cancelled, changes)

    def _recheck(self, s: Tx, decision: Decision, today: dt.date, reason: str) -> Decision | str:
        found = _one(s, self._viewer, decision.kind, decision.record_id)
        if found is None:
            return "It is no longer in the vault."
        if found.holds:
            return "A hold was placed on it: " + "; ".join(found.holds)
        if reason == REQUEST:
            return replace(decision, outcome=Outcome.ERASE, subject=None)
        now = decide(found, retention_store.rules(s), today)
        if not now.outcome.acts:
            return "It is not past retention any more: " + now.why
        return now


def _apply(s: Tx, decision: Decision, day: dt.date) -> None:
    if decision.kind is RecordKind.PSW:
        if decision.outcome is Outcome.ERASE:
            record_erasure.erase_psw(s, decision.record_id)
        else:
            record_erasure.anonymise_psw(s, decision.record_id, day)
    elif decision.outcome is Outcome.ERASE:
        record_erasure.erase_person(s, decision.record_id)
    else:
        record_erasure.anonymise_person(s, decision.record_id, day)


def _facts(s: Tx, viewer: Viewer) -> list[RecordFacts]:
    return retention_store.psw_facts(s, viewer) + retention_store.person_facts(s, viewer)


def _one(s: Tx, viewer: Viewer, kind: RecordKind, record_id: int) -> RecordFacts | None:
    read = retention_store.psw_facts if kind is RecordKind.PSW else retention_store.person_facts
    found = read(s, viewer, record_id)
    return found[0] if found else None


def due_count(s: Tx, clock: Clock) -> int:
    """Records past retention on ``clock``'s today, protected ones included (a count only)."""
    rules = retention_store.rules(s)
    facts = retention_store.psw_facts(s, EVERYONE, name_of=False)
    facts += retention_store.person_facts(s, EVERYONE, name_of=False)
    return sum(1 for f in facts if decide(f, rules, clock.today()).outcome.acts)


def _changed(kind: RecordKind, record_id: int) -> Changes:
    if kind is RecordKind.PSW:
        return Changes(psws=frozenset({PswId(record_id)}), psw_membership=True)
    return Changes(people=frozenset({PersonId(record_id)}))
