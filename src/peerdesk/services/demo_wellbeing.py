"""Fill a demo vault's supervision: sessions, wellbeing and story plans, and a few concerns."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import replace

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.plans import ADJUSTMENTS, NO_ADJUSTMENTS, PlanKind, PlanSection, blank_draft
from peerdesk.domain.safeguarding import Closing, SourceKind
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_supervision import ActivePsw, demo_sessions
from peerdesk.services.supervision_service import SupervisionService
from peerdesk.storage import concern_store, supervision_bulk
from peerdesk.storage.supervision_bulk import PastPlanVersion
from peerdesk.storage.workspace import Tx, Workspace

PLAN_TEXT = {
    "keeps_me_well": ("Regular walks and a proper lunch break.", "Keeping Fridays light."),
    "warning_signs": ("Not sleeping, skipping meals.", "Going quiet in team meetings."),
    "triggers": ("Contacts that remind me of my own crisis.", "Last-minute changes."),
    "effect_on_work": ("I may cancel contacts or run late.", "I may take on too much."),
    "support": ("A quick call after a hard contact.", "Check in by text on Mondays."),
    "if_struggling": ("Pause new matches and talk it through.", "Use the wellbeing plan first."),
    "comfortable": ("That I have used services myself.", "How peer support helped me."),
    "rather_not": ("Details of my diagnosis.", "Family matters."),
    "if_asked": ("That is private, but I can say what helped.", "I keep that part to myself."),
}
CONCERN_SUMMARIES = (
    "A supported person mentioned a risk at home during a contact.",
    "Worried about a supported person's self-neglect.",
    "A peer worker disclosed a concern about a neighbour's child.",
)
CONCERNS_EVERY = 250
"""One concern for each this many active PSWs (at least one)."""


def _plan(rng: random.Random, kind: PlanKind, version: int) -> tuple[PlanSection, ...]:
    sections = []
    for section in blank_draft(kind).sections:
        if section.key == ADJUSTMENTS:
            sections.append(replace(section, text=NO_ADJUSTMENTS))
            continue
        options = PLAN_TEXT.get(section.key, ("",))
        text = options[(version + rng.randrange(2)) % len(options)] if version > 1 else options[0]
        sections.append(replace(section, text=text))
    return tuple(sections)


def demo_plans(active: Sequence[ActivePsw], *, seed: int, today: dt.date) -> list[PastPlanVersion]:
    """Wellbeing plans for about half the active PSWs and story plans for about a third, with
    1 to 3 versions each, dated since they became active; reviews due over the next months."""
    rng = random.Random(seed * 23 + 5)
    versions = []
    for psw in active:
        for kind, share in ((PlanKind.WELLBEING, 0.5), (PlanKind.STORY, 0.3)):
            if rng.random() >= share or psw.active_since >= today:
                continue
            span = (today - psw.active_since).days
            count = min(rng.choice((1, 1, 2, 3)), span)
            days = sorted(rng.sample(range(span), count))
            for number, ago in enumerate(days, 1):
                on = psw.active_since + dt.timedelta(days=ago)
                latest = number == count
                draft = replace(
                    blank_draft(kind),
                    sections=_plan(rng, kind, number),
                    review_on=today + dt.timedelta(days=rng.randrange(-20, 180))
                    if latest
                    else None,
                    agreed_by_psw_on=on,
                    confidentiality=Confidentiality.PRIVATE
                    if rng.random() < 0.2
                    else Confidentiality.CONFIDENTIAL,
                )
                recorded = dt.datetime.combine(on, dt.time(16, 30))
                versions.append(PastPlanVersion(psw.psw_id, number, draft, recorded))
    return versions


def add_demo_supervision(
    workspace: Workspace, active: Sequence[ActivePsw], *, seed: int, now: dt.datetime
) -> int:
    """Add the made-up sessions, plans and concerns in one transaction; the session count."""
    today = now.date()
    supervision = SupervisionService(workspace, FixedClock(now))
    topics = [t.id for t in supervision.topics()]  # seeds the topic list on a new vault
    sessions = demo_sessions(
        active, policy=supervision.policy(), topics=topics, seed=seed, today=today
    )
    plans = demo_plans(active, seed=seed, today=today)
    with workspace.transaction() as s:
        supervision_bulk.insert_sessions(s, sessions, recorded_by=DEFAULT_RECORDER)
        supervision_bulk.insert_plan_versions(s, plans, recorded_by=DEFAULT_RECORDER)
        _concerns(s, active, seed=seed, now=now)
    return len(sessions)


def _concerns(s: Tx, active: Sequence[ActivePsw], *, seed: int, now: dt.datetime) -> None:
    """A few concerns raised from PSWs' records; most followed up and closed."""
    rng = random.Random(seed * 29 + 11)
    today = now.date()
    count = min(len(active), max(1, len(active) // CONCERNS_EVERY))
    for psw in rng.sample(list(active), count):
        raised = today - dt.timedelta(days=rng.randrange(3, 200))
        raised = max(raised, psw.active_since)
        made = concern_store.insert(
            s,
            source=SourceKind.PSW,
            source_id=None,
            psw_id=psw.psw_id,
            person_id=None,
            raised_on=raised,
            summary=rng.choice(CONCERN_SUMMARIES),
            who_told="Designated safeguarding lead, by phone",
            referral="Local authority adult safeguarding team" if rng.random() < 0.4 else "",
            now=now,
            recorded_by=DEFAULT_RECORDER,
        )
        step_on = min(today, raised + dt.timedelta(days=rng.randrange(1, 5)))
        concern_store.add_step(
            s, made.id, on=step_on, text="Talked it through with the lead.", now=now,
            by=DEFAULT_RECORDER,
        )  # fmt: skip
        if rng.random() < 0.8 and step_on < today:
            closed_on = min(today, step_on + dt.timedelta(days=rng.randrange(1, 30)))
            concern_store.close(
                s,
                made.id,
                Closing(closed_on, "Followed up; no further action needed.", rng.random() < 0.3),
            )
