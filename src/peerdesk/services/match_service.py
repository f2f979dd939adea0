"""Matches: propose, take dated steps, log contacts, and count places and volunteer hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from peerdesk.domain.contacts import (
    Contact,
    ContactDetails,
    HoursKey,
    MatchId,
    contact_problems,
    tidied_contact,
    volunteer_hours,
)
from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import (
    EndReason,
    Match,
    MatchStage,
    MatchStep,
    step_problems,
)
from peerdesk.domain.person import PersonStatus
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import (
    match_store,
    person_consent_store,
    person_queries,
    person_store,
    psw_queries,
    settings_store,
)
from peerdesk.storage.workspace import Tx, Workspace

RATIONALE_MIN = 15
"""A rationale, when given (for a pick below the top suggestion), has at least this many
characters (issue 5 part 5)."""

_MET = frozenset({MatchStage.INTRODUCED, MatchStage.ACTIVE})
"""Stages at which the person has a PSW: while any match is here they are not waiting."""


def rationale_problems(rationale: str) -> list[Problem]:
    if rationale and len(rationale) < RATIONALE_MIN:
        return [
            Problem(
                "rationale",
                f"Say why this PSW in at least {RATIONALE_MIN} characters, or leave it empty.",
            )
        ]
    if len(rationale) > LONG_TEXT_MAX:
        return [Problem("rationale", f"Use at most {LONG_TEXT_MAX:,} characters.")]
    return []


class MatchService:
    """Each method that writes is one transaction and returns the record and what changed."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def get(self, match_id: MatchId) -> Match:
        require_sees_record(self._ws, self._viewer, Owned.MATCH, match_id)
        with self._ws.reading() as s:
            return match_store.load(s, match_id)

    def rationale(self, match_id: MatchId) -> str:
        require_sees_record(self._ws, self._viewer, Owned.MATCH, match_id)
        with self._ws.reading() as s:
            return match_store.rationale(s, match_id)

    def for_person(self, person_id: PersonId) -> list[Match]:
        with self._ws.reading() as s:
            return match_store.for_person(s, person_id)

    def for_psw(self, psw_id: PswId) -> list[Match]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return match_store.for_psw(s, psw_id)

    def propose(
        self,
        person_id: PersonId,
        psw_id: PswId,
        rationale: str = "",
        *,
        on: dt.date | None = None,
        by: str = "",
    ) -> tuple[Match, Changes]:
        """Propose ``psw_id`` for the person; the match starts as proposed (today by default)."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        rationale = tidy(rationale)
        with self._ws.transaction() as s:
            person_queries.load(s, person_id)  # NotFound if gone
            psw_queries.load(s, psw_id)
            step = MatchStep(MatchStage.PROPOSED, on or self._clock.today(), self._by(s, by))
            problems = rationale_problems(rationale) + self._step_problems((), step, False)
            if any(
                m.psw_id == psw_id and m.stage is not None and m.stage.uses_place
                for m in match_store.for_person(s, person_id)
            ):
                problems.append(Problem("psw_id", "This PSW is already matched with them."))
            if problems:
                raise ValidationFailed(problems)
            match = match_store.insert(
                s, person_id, psw_id, rationale=rationale, proposed=step, now=self._clock.now()
            )
        return match, Changes(matches=frozenset({match.id}))

    def step(
        self,
        match_id: MatchId,
        stage: MatchStage,
        *,
        on: dt.date,
        by: str = "",
        note: str = "",
        end_reason: EndReason | None = None,
        return_to_list: bool = True,
    ) -> tuple[Match, Changes]:
        """Record the match's next dated step.

        Only an introduction needs the person's consent to share their details with the PSW:
        the consent ledger must show it given on or before the step's date and not withdrawn
        by then. An introduction marks a waiting person matched; ending a match returns them to
        the waiting list (unless ``return_to_list`` is False) when they have no other introduced
        or active match, keeping their first referral date so their wait still counts from it.
        """
        require_sees_record(self._ws, self._viewer, Owned.MATCH, match_id)
        with self._ws.transaction() as s:
            match = match_store.load(s, match_id)
            new = MatchStep(stage, on, self._by(s, by), tidy(note), end_reason)
            consent = person_consent_store.consent_on(s, match.person_id, on)
            problems = self._step_problems(match.history, new, consent)
            if problems:
                raise ValidationFailed(problems)
            match = match_store.append_step(s, match_id, new)
            moved = self._move_person(s, match, new, return_to_list=return_to_list)
        people = frozenset({match.person_id}) if moved else frozenset[PersonId]()
        return match, Changes(matches=frozenset({match_id}), people=people)

    def contacts(self, match_id: MatchId) -> list[Contact]:
        require_sees_record(self._ws, self._viewer, Owned.MATCH, match_id)
        with self._ws.reading() as s:
            return match_store.contacts(s, match_id)

    def add_contact(self, match_id: MatchId, details: ContactDetails) -> tuple[Contact, Changes]:
        """Log one contact; it may not be before the introduction, nor in the future."""
        require_sees_record(self._ws, self._viewer, Owned.MATCH, match_id)
        clean = tidied_contact(details)
        with self._ws.transaction() as s:
            match = match_store.load(s, match_id)
            introduced = [st.on for st in match.history if st.stage is MatchStage.INTRODUCED]
            problems = contact_problems(
                clean,
                introduced_on=introduced[0] if introduced else None,
                today=self._clock.today(),
            )
            if problems:
                raise ValidationFailed(problems)
            contact = match_store.add_contact(s, match, clean)
        return contact, Changes(matches=frozenset({match_id}))

    def volunteer_hours(
        self, psw_id: PswId | None, start: dt.date, end: dt.date
    ) -> dict[HoursKey, float]:
        """Attended hours by PSW, match and month for contacts from ``start`` to ``end``
        inclusive, for one PSW or (None) everyone."""
        if psw_id is not None:
            require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return volunteer_hours(match_store.attended_contacts(s, psw_id, start, end))

    def places_used(self, psw_ids: Iterable[PswId]) -> dict[PswId, int]:
        """Places each PSW's proposed, introduced and active matches take (0 for none)."""
        with self._ws.reading() as s:
            return match_store.places_used(s, psw_ids)

    def places_left(self, psw_ids: Iterable[PswId]) -> dict[PswId, int]:
        """Each PSW's capacity less places used (below 0 when over capacity)."""
        with self._ws.reading() as s:
            return match_store.places_left(s, psw_ids)

    def _by(self, s: Tx, by: str) -> str:
        return tidy_line(by) or recorder_from(settings_store.read_all(s))

    def _step_problems(
        self, history: tuple[MatchStep, ...], new: MatchStep, consent: bool
    ) -> list[Problem]:
        problems = step_problems(history, new, today=self._clock.today(), consent_to_share=consent)
        if len(new.by) > SHORT_TEXT_MAX:
            problems.append(Problem("by", f"Use at most {SHORT_TEXT_MAX} characters."))
        return problems

    def _move_person(self, s: Tx, match: Match, step: MatchStep, *, return_to_list: bool) -> bool:
        """Keep the person's status in step with the match; True when it changed."""
        row = person_queries.load(s, match.person_id)
        status = PersonStatus(row.status)
        if step.stage is MatchStage.INTRODUCED and status is PersonStatus.WAITING:
            new, reason = PersonStatus.MATCHED, "Introduced to their PSW."
        elif (
            step.stage is MatchStage.ENDED
            and return_to_list
            and status is PersonStatus.MATCHED
            and not any(
                m.id != match.id and m.stage in _MET
                for m in match_store.for_person(s, match.person_id)
            )
        ):
            assert step.end_reason is not None  # step_problems insists on one
            new, reason = PersonStatus.WAITING, f"Match ended: {step.end_reason.label}."
        else:
            return False
        person_store.set_status(
            s,
            match.person_id,
            new,
            on=max(step.on, row.status_since),
            reason=reason,
            version=row.version,
            now=self._clock.now(),
            recorded_by=step.by,
        )
        return True

    def add_contacts(
        self, pairs: Iterable[tuple[MatchId, ContactDetails]]
    ) -> tuple[list[Contact], Changes]:
        """Log several contacts (a typed-up paper sheet) in one transaction: all or none.

        A refusal names each line by number and field ("2.minutes": line 2's minutes).
        """
        clean = [(match_id, tidied_contact(d)) for match_id, d in pairs]
        today = self._clock.today()
        with self._ws.transaction() as s:
            matches = {m: match_store.load(s, m) for m in dict.fromkeys(m for m, _ in clean)}
            problems: list[Problem] = []
            for line, (match_id, details) in enumerate(clean, start=1):
                introduced = [
                    st.on for st in matches[match_id].history if st.stage is MatchStage.INTRODUCED
                ]
                for p in contact_problems(
                    details, introduced_on=introduced[0] if introduced else None, today=today
                ):
                    problems.append(Problem(f"{line}.{p.field}", f"Line {line}: {p.message}"))
            if problems:
                raise ValidationFailed(problems)
            added = [match_store.add_contact(s, matches[m], d) for m, d in clean]
        return added, Changes(matches=frozenset(matches))
