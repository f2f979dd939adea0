"""Reads one match for its printed summary (either copy) and prints it."""

from __future__ import annotations

from dataclasses import replace

from peerdesk.domain.contacts import MatchId, volunteer_hours
from peerdesk.domain.errors import NotFound
from peerdesk.domain.match_summary import (
    CriterionLine,
    MatchSummary,
    SummaryCopy,
    items_for_person,
    story_withheld,
    summary_file_name,
)
from peerdesk.domain.matching.criteria import CRITERIA
from peerdesk.domain.matching.profiles import PersonWishes, PswProfile
from peerdesk.domain.matching.reasons import reasons_for
from peerdesk.domain.matching.score import PswIndex, score_person
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.roles import Action
from peerdesk.domain.viewer import COORDINATOR, Right, Viewer
from peerdesk.export.pdf.match_summary_pdf import match_summary_pdf
from peerdesk.services.clock import Clock
from peerdesk.services.matching_settings import read_related, read_weights
from peerdesk.services.settings_service import SettingsService
from peerdesk.storage import (
    document_access,
    match_store,
    matching_inputs,
    matching_people,
    person_queries,
    plan_store,
    psw_queries,
)
from peerdesk.storage.workspace import Tx, Workspace

NOT_WORKED_OUT = (
    "Closeness is worked out only while the PSW is active or paused; the reasons and numbers "
    "are left out."
)


def unprintable_note(count: int) -> str:
    """The done message's note about characters no shipped font has, or ""."""
    if not count:
        return ""
    return f"{count} character{'' if count == 1 else 's'} could not be printed"


def match_ref(match_id: int) -> str:
    return f"match-{match_id:04d}"


class MatchDocuments:
    """The match summary: the coordinator's copy and the person's copy."""

    def __init__(
        self,
        workspace: Workspace,
        clock: Clock,
        settings: SettingsService,
        viewer: Viewer = COORDINATOR,
    ) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock
        self._settings = settings

    def summary(
        self, match_id: MatchId, copy: SummaryCopy, *, viewer: Viewer | None = None
    ) -> MatchSummary:
        """What the copy says, read in one go through the visibility rule.

        Closeness and reasons are worked out as matching does today. The person's copy scores
        the PSW without the lived experience they do not share with people supported, so no
        number or reason hints at it.
        """
        viewer = viewer or self._viewer
        viewer.require(Action.SEE_PEOPLE)  # the summary is about a supported person
        with self._ws.reading() as s:
            match = match_store.load(s, match_id)
            person = person_queries.load(s, match.person_id)
            psw = psw_queries.load(s, match.psw_id)
            hidden = not document_access.sees_psw(s, match.psw_id, viewer) or (
                person.linked_psw_id is not None and not viewer.may(Right.VIEW_PROTECTED)
            )
            if hidden:
                raise NotFound("This match is with a protected record: show protected first.")
            _, wishes = matching_people.person_wishes(s, match.person_id)
            found = matching_inputs.psw_candidates(s, viewer, self._clock.today())
            profile = next((p for p in found.profiles if p.id == match.psw_id), None)
            if profile is not None and copy is SummaryCopy.PERSON:
                story = plan_store.latest(s, match.psw_id, PlanKind.STORY)
                withheld = story_withheld(story.draft if story else None)
                profile = replace(
                    profile, lived_experience=items_for_person(profile.lived_experience, withheld)
                )
            scored = _scored(s, wishes, profile)
            contacts = match_store.contacts(s, match_id)
            rationale = match_store.rationale(s, match_id)
            person_name, psw_name = person.full_name, psw.full_name
            risk = person.risk_notes
        coordinator = copy is SummaryCopy.COORDINATOR
        steps = (
            match.history if coordinator else tuple(replace(st, note="") for st in match.history)
        )
        score, criteria, reasons = scored
        return MatchSummary(
            copy=copy,
            match_ref=match_ref(match_id),
            person_ref=f"person-{match.person_id:04d}",
            psw_ref=f"psw-{match.psw_id:04d}",
            person_name=person_name,
            psw_name=psw_name,
            steps=steps,
            score=score,
            criteria=criteria,
            reasons=reasons,
            score_note="" if profile is not None else NOT_WORKED_OUT,
            rationale=rationale if coordinator else "",
            risk_notes=risk if coordinator else "",
            contacts=len(contacts),
            attended_hours=sum(volunteer_hours(contacts).values()),
        )

    def make(
        self,
        match_id: MatchId,
        copy: SummaryCopy,
        progress: Progress,
        *,
        viewer: Viewer | None = None,
    ) -> Exported:
        """The summary as a PDF, its file name carrying references only."""
        viewer = viewer or self._viewer
        viewer.require(Action.SEE_PEOPLE)  # the summary is about a supported person
        progress.step(0, 2)
        summary = self.summary(match_id, copy, viewer=viewer)
        progress.step(1, 2)
        built = match_summary_pdf(
            summary,
            organisation=self._settings.organisation().name,
            printed_at=self._clock.now(),
        )
        progress.step(2, 2)
        return Exported(built.data, summary_file_name(summary), unprintable_note(built.unprintable))


def _scored(
    s: Tx, wishes: PersonWishes, profile: PswProfile | None
) -> tuple[float | None, tuple[CriterionLine, ...], tuple[str, ...]]:
    if profile is None:
        return None, (), ()
    weights, related = read_weights(s), read_related(s)
    index = PswIndex.build([profile])
    scores = score_person(wishes, index, weights=weights, related_families=related)
    criteria = tuple(
        CriterionLine(
            c,
            round(float(scores.closeness[0, c.column]), 3),
            weights.of(c),
            bool(scores.not_recorded[0, c.column]),
        )
        for c in CRITERIA
        if scores.wished[c.column]
    )
    reasons = reasons_for(
        wishes,
        profile,
        closeness=[float(v) for v in scores.closeness[0]],
        not_recorded=[bool(v) for v in scores.not_recorded[0]],
        weights=weights,
        related_families=related,
    )
    score = None if scores.scores is None else round(float(scores.scores[0]), 1)
    return score, criteria, tuple(r.sentence for r in reasons)
