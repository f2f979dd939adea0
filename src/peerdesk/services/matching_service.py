"""Suggestions for one person and the caseload plan for everyone waiting, from the vault.

The PSW index (profiles as arrays) is built once and kept until the vault changes (the
workspace's write generation), the day changes or another viewer asks: suggestions for a second
person then take milliseconds. Consent is applied while the profiles are read (storage), so no
non-consented item reaches scoring, reasons or exclusions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.matching.candidates import Eligible, trimmed
from peerdesk.domain.matching.constraints import (
    ALREADY_MATCHED,
    eligible,
    headline,
    why_not,
    why_not_rows,
)
from peerdesk.domain.matching.criteria import CRITERIA, Weights
from peerdesk.domain.matching.plan import plan_caseload
from peerdesk.domain.matching.profiles import PersonWishes
from peerdesk.domain.matching.reasons import reasons_at
from peerdesk.domain.matching.score import PswIndex, Scores, ranking, score_person
from peerdesk.domain.person import PersonQuery, PersonStatus
from peerdesk.domain.roles import Action
from peerdesk.domain.text import LONG_TEXT_MAX, tidy
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.match_service import RATIONALE_MIN, MatchService, rationale_problems
from peerdesk.services.matching_records import (
    CaseloadLine,
    CaseloadPlan,
    Exclusion,
    ExclusionGroup,
    Suggestion,
    Suggestions,
)
from peerdesk.services.matching_settings import read_minimum_score, read_related, read_weights
from peerdesk.services.plan_review import apply_review
from peerdesk.storage import (
    conflict_store,
    match_store,
    matching_inputs,
    matching_people,
    person_queries,
)
from peerdesk.storage.workspace import Tx, Workspace

PAGE = 20
"""Suggestions are shown 20 at a time."""
NO_WISHES_SCORE = 50.0
"""A plan score for someone with no wishes: every eligible PSW is as good as another."""


@dataclass(frozen=True)
class _Pool:
    index: PswIndex
    warnings: dict[PswId, tuple[str, ...]]
    weights: Weights
    related: dict[str, set[str]]
    minimum_score: int


class MatchingService:
    def __init__(
        self,
        workspace: Workspace,
        clock: Clock,
        matches: MatchService,
        viewer: Viewer = COORDINATOR,
    ) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock
        self._matches = matches
        self._cache: tuple[tuple[int, dt.date, Viewer], _Pool] | None = None
        self._plan_cache: tuple[_Pool, PswIndex] | None = None

    # --- the PSW pool ---------------------------------------------------------------------

    def _pool(self, s: Tx, viewer: Viewer) -> _Pool:
        key = (self._ws.generation, self._clock.today(), viewer)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        found = matching_inputs.psw_candidates(s, viewer, self._clock.today())
        pool = _Pool(
            PswIndex.build(found.profiles),
            found.warnings,
            read_weights(s),
            read_related(s),
            read_minimum_score(s),
        )
        self._cache = (key, pool)
        return pool

    def _ready_index(self, pool: _Pool) -> PswIndex:
        """Only PSWs free to take someone (the plan looks at no one else), built once per pool."""
        if self._plan_cache is None or self._plan_cache[0] is not pool:
            ready = [p for p, ok in zip(pool.index.profiles, pool.index.ready, strict=True) if ok]
            self._plan_cache = (pool, PswIndex.build(ready))
        return self._plan_cache[1]

    def warm(self, viewer: Viewer | None = None) -> int:
        """Build the index now (e.g. in the background); returns how many PSWs it holds."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            return len(self._pool(s, viewer).index)

    # --- one person -------------------------------------------------------------------------

    def suggest(
        self, person_id: PersonId, *, limit: int = PAGE, viewer: Viewer | None = None
    ) -> Suggestions:
        """The first ``limit`` suggestions with reasons, and every exclusion with its why-not."""
        viewer = viewer or self._viewer
        viewer.require(Action.SEE_PEOPLE)
        with self._ws.reading() as s:
            pool = self._pool(s, viewer)
            name, wishes = matching_people.person_wishes(s, person_id)
            conflicts = conflict_store.conflicted_psws(s, person_id)
            taken = _live_partners(s, person_id)
        index = pool.index
        scores = score_person(wishes, index, weights=pool.weights, related_families=pool.related)
        ok = eligible(wishes, index, conflicts=conflicts)
        taken_rows = _rows_of(index, taken)
        ok[taken_rows] = False
        rows = ranking(scores, index, among=ok)
        shown = [
            self._suggestion(pool, scores, wishes, int(r), n) for n, r in enumerate(rows[:limit], 1)
        ]
        left_out = [int(r) for r in np.flatnonzero(~ok)]
        excluded = [
            Exclusion(
                index.profiles[r].id,
                index.profiles[r].name,
                ((ALREADY_MATCHED,) if r in taken_rows else ()) + tuple(reasons),
            )
            for r, reasons in zip(
                left_out,
                why_not_rows(wishes, index, left_out, conflicts=conflicts),
                strict=True,
            )
        ]
        excluded.sort(key=lambda e: (e.name.casefold(), e.psw_id))
        return Suggestions(
            person_id=person_id,
            person_name=name,
            no_wishes=scores.no_wishes,
            suggestions=tuple(shown),
            excluded=tuple(excluded),
            groups=_groups(excluded),
            total=len(rows),
        )

    def _suggestion(
        self, pool: _Pool, scores: Scores, wishes: PersonWishes, row: int, rank: int
    ) -> Suggestion:
        profile = pool.index.profiles[row]
        reasons = reasons_at(
            scores, pool.index, row, wishes, weights=pool.weights, related_families=pool.related
        )
        return Suggestion(
            rank=rank,
            psw_id=profile.id,
            name=profile.name,
            score=None if scores.scores is None else round(float(scores.scores[row]), 1),
            closeness={
                c: round(float(scores.closeness[row, c.column]), 3)
                for c in CRITERIA
                if scores.wished[c.column]
            },
            not_recorded=frozenset(
                c
                for c in CRITERIA
                if scores.wished[c.column] and scores.not_recorded[row, c.column]
            ),
            reasons=tuple(r.sentence for r in reasons),
            warnings=pool.warnings.get(profile.id, ()),
            places_left=profile.places - profile.places_used,
        )

    def propose(
        self,
        person_id: PersonId,
        psw_id: PswId,
        rationale: str = "",
        *,
        viewer: Viewer | None = None,
    ) -> Changes:
        """Propose a suggested PSW. Below the top suggestion a rationale of 15+ characters is
        required (it is kept on the match); an excluded PSW is refused with the why-not."""
        viewer = viewer or self._viewer
        viewer.require(Action.SEE_PEOPLE)
        rationale = tidy(rationale)
        with self._ws.reading() as s:
            pool = self._pool(s, viewer)
            _, wishes = matching_people.person_wishes(s, person_id)
            conflicts = conflict_store.conflicted_psws(s, person_id)
            taken = _live_partners(s, person_id)
        row = pool.index.row_of.get(psw_id)
        if row is None:
            raise ValidationFailed(
                [Problem("psw_id", "This peer worker is not active, so cannot be matched.")]
            )
        reasons = [ALREADY_MATCHED] if psw_id in taken else []
        reasons += why_not(wishes, pool.index.profiles[row], conflict=psw_id in conflicts)
        if reasons:
            raise ValidationFailed([Problem("psw_id", "; ".join(reasons))])
        scores = score_person(
            wishes, pool.index, weights=pool.weights, related_families=pool.related
        )
        ok = eligible(wishes, pool.index, conflicts=conflicts)
        ok[_rows_of(pool.index, taken)] = False
        top = ranking(scores, pool.index, among=ok)
        if len(top) and int(top[0]) != row and len(rationale) < RATIONALE_MIN:
            raise ValidationFailed(
                [
                    Problem(
                        "rationale",
                        "This is not the top suggestion: a pick below the top needs a reason "
                        f"of at least {RATIONALE_MIN} characters saying why you chose them.",
                    )
                ]
            )
        problems = rationale_problems(rationale)
        if problems:
            raise ValidationFailed(problems)
        _, changes = self._matches.propose(person_id, psw_id, rationale)
        return changes

    # --- everyone waiting ---------------------------------------------------------------------

    def plan(
        self, *, viewer: Viewer | None = None, minimum_score: int | None = None
    ) -> CaseloadPlan:
        """The caseload plan beside first come, first served. Saves nothing."""
        viewer = viewer or self._viewer
        viewer.require(Action.SEE_PEOPLE)
        today = self._clock.today()
        with self._ws.reading() as s:
            pool = self._pool(s, viewer)
            people = matching_people.waiting_wishes(s, viewer)
            busy = match_store.people_with_live_match(s)
            waits = person_queries.waits_for(
                s, PersonQuery(statuses=frozenset({PersonStatus.WAITING})), today=today
            )
            conflicts = conflict_store.conflicted_by_person(s)
            rejected = matching_people.rejections(s)
        floor = pool.minimum_score if minimum_score is None else minimum_score
        index = self._ready_index(pool)
        ranked: list[Eligible] = []
        names: dict[int, str] = {}
        for person_id, name, wishes in people:
            if person_id in busy:
                continue

            def everyone(
                wishes: PersonWishes = wishes, person_id: PersonId = person_id
            ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
                rows, values = self._plan_scores(
                    pool,
                    index,
                    wishes,
                    conflicts.get(person_id, set()),
                    rejected.get(person_id, set()),
                    floor,
                )
                return rows, values

            rows, values = everyone()
            wait = waits[person_id][1].days if person_id in waits else 0
            ranked.append(
                Eligible.shortlist(
                    person_id, max(0, wait), rows, values, index.ids, everyone=everyone
                )
            )
            names[person_id] = name
        places = np.array([p.places - p.places_used for p in index.profiles], dtype=np.int64)
        result = plan_caseload(
            trimmed(ranked, index.ids, places),
            {p.id: p.places - p.places_used for p in index.profiles},
        )
        counts = {e.person_id: len(e.rows) for e in ranked}
        psw_name = {p.id: p.name for p in index.profiles}
        lines = tuple(
            CaseloadLine(
                person_id=PersonId(ln.person_id),
                person_name=names[PersonId(ln.person_id)],
                wait_days=ln.wait_days,
                psw_id=ln.psw_id,
                psw_name=psw_name.get(ln.psw_id, "") if ln.psw_id is not None else "",
                score=ln.score,
                greedy_psw_id=ln.greedy_psw_id,
                greedy_psw_name=psw_name.get(ln.greedy_psw_id, "")
                if ln.greedy_psw_id is not None
                else "",
                greedy_score=ln.greedy_score,
                candidates=counts[PersonId(ln.person_id)],
            )
            for ln in result.lines
        )
        c = result.constants
        return CaseloadPlan(
            lines=lines,
            matched=result.matched,
            greedy_matched=result.greedy_matched,
            objective=result.objective,
            greedy_objective=result.greedy_objective,
            total_score=result.total_score,
            greedy_total_score=result.greedy_total_score,
            minimum_score=floor,
            constants=(c.match_value, c.wait_value, c.score_steps),
            already_proposed=sum(1 for person_id, _, _ in people if person_id in busy),
        )

    @staticmethod
    def _plan_scores(
        pool: _Pool,
        index: PswIndex,
        wishes: PersonWishes,
        conflicts: set[PswId],
        rejected: set[PswId],
        floor: int,
    ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """(eligible rows at or above the floor, scores per row rounded as the plan holds them)."""
        scores = score_person(wishes, index, weights=pool.weights, related_families=pool.related)
        values = np.full(len(index), NO_WISHES_SCORE) if scores.scores is None else scores.scores
        ok = eligible(wishes, index, conflicts=conflicts)
        for psw in rejected:
            if psw in index.row_of:
                ok[index.row_of[psw]] = False
        ok &= values >= floor
        # rounded as the plan holds scores, so greedy's ties are the plan's ties
        return np.flatnonzero(ok), np.round(values, 1)

    def review_plan(
        self,
        accepted: Sequence[tuple[PersonId, PswId]],
        rejected: Sequence[tuple[PersonId, PswId, str]],
        *,
        by: str = "",
    ) -> Changes:
        """Accepted lines become proposed matches and rejected ones are remembered (so later
        plans leave the pair out), all in one transaction. A rejection needs a reason."""
        problems = [
            Problem("reason", "Say why this line is rejected.")
            for _, _, reason in rejected
            if not tidy(reason)
        ] + [
            Problem("reason", f"Use at most {LONG_TEXT_MAX:,} characters.")
            for _, _, reason in rejected
            if len(tidy(reason)) > LONG_TEXT_MAX
        ]
        if problems:
            raise ValidationFailed(problems[:1])
        with self._ws.transaction() as s:
            made = apply_review(s, accepted, rejected, by=by, clock=self._clock)
        return Changes(matches=frozenset(made))


def _live_partners(s: Tx, person_id: PersonId) -> set[PswId]:
    """PSWs with a proposed, introduced or active match with the person."""
    return {
        m.psw_id
        for m in match_store.for_person(s, person_id)
        if m.stage is not None and m.stage.uses_place
    }


def _rows_of(index: PswIndex, psw_ids: set[PswId]) -> list[int]:
    return sorted(index.row_of[p] for p in psw_ids if p in index.row_of)


def _groups(excluded: Sequence[Exclusion]) -> tuple[ExclusionGroup, ...]:
    counts: dict[str, int] = {}
    for e in excluded:
        for h in {headline(r) for r in e.why_not}:
            counts[h] = counts.get(h, 0) + 1
    return tuple(
        ExclusionGroup(h, n) for h, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
