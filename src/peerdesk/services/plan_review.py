"""Applying a reviewed caseload plan inside one transaction: proposals and remembered rejections."""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.domain.contacts import MatchId
from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import MatchStage, MatchStep
from peerdesk.domain.person import PersonStatus
from peerdesk.domain.text import tidy, tidy_line
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.storage import (
    match_store,
    matching_people,
    person_queries,
    psw_queries,
    settings_store,
)
from peerdesk.storage.workspace import Tx

PLAN_RATIONALE = "Accepted from the caseload plan of {day}."


def apply_review(
    s: Tx,
    accepted: Sequence[tuple[PersonId, PswId]],
    rejected: Sequence[tuple[PersonId, PswId, str]],
    *,
    by: str,
    clock: Clock,
) -> list[MatchId]:
    """Propose every accepted pair and record every rejection; refuses the lot on any problem."""
    who = tidy_line(by) or recorder_from(settings_store.read_all(s))
    today = clock.today()
    busy = match_store.people_with_live_match(s)
    made: list[MatchId] = []
    seen: set[PersonId] = set()
    for person_id, psw_id in accepted:
        person = person_queries.load(s, person_id)  # NotFound if gone
        psw_queries.load(s, psw_id)
        name = person.known_as or person.full_name
        if person_id in seen or person_id in busy:
            raise ValidationFailed(
                [Problem("accepted", f"{name} already has a proposed or current match.")]
            )
        if person.status != PersonStatus.WAITING.value:
            raise ValidationFailed([Problem("accepted", f"{name} is no longer waiting.")])
        seen.add(person_id)
        step = MatchStep(MatchStage.PROPOSED, today, who)
        rationale = PLAN_RATIONALE.format(day=today.strftime("%-d %B %Y"))
        match = match_store.insert(
            s, person_id, psw_id, rationale=rationale, proposed=step, now=clock.now()
        )
        made.append(match.id)
    for person_id, psw_id, reason in rejected:
        matching_people.reject(s, person_id, psw_id, tidy(reason), by=who, now=clock.now())
    return made
