"""The person's consent to share their details with a PSW: give, withdraw, history, and the rule."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.consent import CHOOSABLE_HOWS, ConsentHow
from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person_consent import (
    ShareConsent,
    give_problems,
    withdraw_problems,
)
from peerdesk.domain.roles import Action
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.storage import person_consent_store, person_queries, settings_store
from peerdesk.storage.workspace import Workspace


class PersonConsentService:
    """Each entry is given once and may be withdrawn once; history is never edited."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        """Every method needs ``Action.SEE_PEOPLE`` (supported people are coordinators')."""
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def history(self, person_id: PersonId) -> list[ShareConsent]:
        """Every entry, oldest first."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            return person_consent_store.history(s, person_id)

    def has_consent_on(self, person_id: PersonId, on: dt.date) -> bool:
        """Consent given on or before ``on`` and not withdrawn by then."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            return person_consent_store.consent_on(s, person_id, on)

    def check_give(self, person_id: PersonId, on: dt.date, note: str = "") -> list[Problem]:
        return give_problems(self.history(person_id), on, tidy(note), today=self._clock.today())

    def check_withdraw(self, person_id: PersonId, on: dt.date) -> list[Problem]:
        return withdraw_problems(self.history(person_id), on, today=self._clock.today())

    def give(
        self,
        person_id: PersonId,
        *,
        on: dt.date,
        how: ConsentHow,
        note: str = "",
        by: str = "",
    ) -> tuple[ShareConsent, Changes]:
        """Record that the person agreed, on ``on`` and ``how``, to their details going to a PSW."""
        self._viewer.require(Action.SEE_PEOPLE)
        note = tidy(note)
        with self._ws.transaction() as s:
            person_queries.load(s, person_id)  # NotFound if gone
            history = person_consent_store.history(s, person_id)
            problems = give_problems(history, on, note, today=self._clock.today())
            if how not in CHOOSABLE_HOWS:
                problems.append(Problem("how", "Choose how consent was given."))
            if problems:
                raise ValidationFailed(problems)
            entry = person_consent_store.give(
                s,
                person_id,
                given_on=on,
                how=how,
                note=note,
                now=self._clock.now(),
                recorded_by=tidy_line(by) or recorder_from(settings_store.read_all(s)),
            )
        return entry, Changes(people=frozenset({person_id}))

    def withdraw(self, person_id: PersonId, *, on: dt.date) -> tuple[ShareConsent, Changes]:
        """Record that consent in force was withdrawn on ``on``."""
        self._viewer.require(Action.SEE_PEOPLE)
        with self._ws.transaction() as s:
            history = person_consent_store.history(s, person_id)
            problems = withdraw_problems(history, on, today=self._clock.today())
            if problems:
                raise ValidationFailed(problems)
            open_entry = next(e for e in history if e.withdrawn_on is None)
            entry = person_consent_store.withdraw(s, open_entry.id, on)
        return entry, Changes(people=frozenset({person_id}))
