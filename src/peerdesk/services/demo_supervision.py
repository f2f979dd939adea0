"""Made-up supervision histories for active demo PSWs: the policy's rhythm, some overdue, groups."""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import SupervisionKind, SupervisionPolicy
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.storage.supervision_bulk import PastSession

HISTORY_DAYS = 183
"""How far back the made-up histories go (half a year keeps a 10,000-PSW demo quick)."""
OVERDUE_SHARE = 0.15
GROUP_EVERY = 40
"""One group reflective session a month for each this many active PSWs."""
SUPERVISORS = ("Sam Lee", "Priya Shah", "Morgan Ellis", "Chris Doyle")
NOTES = (
    "Talked through the week's contacts and what went well.",
    "Reflected on using lived experience with a new person; agreed what to hold back.",
    "Caseload review: two matches settling, one ending well.",
    "Boundaries after a contact ran over time; plan for next time agreed.",
    "Checked travel and lone-working arrangements.",
    "Wellbeing check: sleep better since changing shifts.",
)
CHECKIN_NOTES = ("Busy week", "Feeling settled", "Tired after a hard contact", "Enjoying it")
ACTIONS = (
    "Read the lone-working policy",
    "Book a shadow shift",
    "Write up the group session notes",
    "Ask about the boundaries course",
    "Plan an ending with a supported person",
)
LEARNING_NEEDS = ("Boundaries refresher", "Ending a match well", "Lone working", "Self-care")


@dataclass(frozen=True)
class ActivePsw:
    """An active demo PSW: who, paid or volunteer, and since when they have been active."""

    psw_id: PswId
    role: Role
    active_since: dt.date


def _level(rng: random.Random) -> Confidentiality:
    roll = rng.random()
    if roll < 0.12:
        return Confidentiality.SHARED
    return Confidentiality.PRIVATE if roll < 0.2 else Confidentiality.CONFIDENTIAL


def _part(rng: random.Random, psw: PswId, held_on: dt.date, *, actions: bool) -> AttendeeDraft:
    asked = rng.random() < 0.85
    return AttendeeDraft(
        psw,
        checkin=rng.choices((1, 2, 3, 4, 5), (1, 3, 8, 10, 4))[0] if asked else None,
        checkin_note=rng.choice(CHECKIN_NOTES) if asked and rng.random() < 0.3 else "",
        learning_needs=(rng.choice(LEARNING_NEEDS),) if rng.random() < 0.08 else (),
        actions=tuple(
            ActionDraft(
                rng.choice(ACTIONS),
                rng.choice(("", "PSW", "Supervisor")),
                held_on + dt.timedelta(days=rng.randrange(7, 35)) if rng.random() < 0.6 else None,
            )
            for _ in range(rng.choice((0, 0, 1, 1, 2)) if actions else 0)
        ),
    )


def _session(
    rng: random.Random,
    kind: SupervisionKind,
    held_on: dt.date,
    parts: tuple[AttendeeDraft, ...],
    topics: Sequence[TaxonomyItemId],
    next_on: dt.date | None,
    today: dt.date,
) -> PastSession:
    draft = SessionDraft(
        kind=kind,
        supervisor=rng.choice(SUPERVISORS),
        held_on=held_on,
        minutes=rng.choice((30, 45, 60, 60, 90)),
        attendees=parts,
        is_group=len(parts) > 1,
        starts_at=f"{rng.randrange(9, 17):02d}:{rng.choice((0, 15, 30, 45)):02d}",
        mode=rng.choice((ContactMode.FACE_TO_FACE, ContactMode.FACE_TO_FACE, ContactMode.VIDEO)),
        topics=tuple(rng.sample(list(topics), min(len(topics), rng.randint(1, 2)))),
        notes=rng.choice(NOTES),
        next_on=next_on,
        confidentiality=_level(rng),
    )
    old = (today - held_on).days > 14
    agreed = (
        held_on + dt.timedelta(days=rng.randrange(0, 8)) if old and rng.random() < 0.85 else None
    )
    recorded = dt.datetime.combine(held_on, dt.time(17, 0))
    return PastSession(draft, recorded, agreed)


def _individual(
    rng: random.Random,
    psw: ActivePsw,
    policy: SupervisionPolicy,
    topics: Sequence[TaxonomyItemId],
    today: dt.date,
) -> Iterator[PastSession]:
    overdue = rng.random() < OVERDUE_SHARE
    late_kind = rng.choice((SupervisionKind.MANAGERIAL, SupervisionKind.REFLECTIVE))
    for kind in (SupervisionKind.MANAGERIAL, SupervisionKind.REFLECTIVE):
        frequency = policy.frequency(kind, psw.role)
        if not frequency.required:
            continue
        stop = today - dt.timedelta(days=rng.randrange(50, 120)) if overdue and (
            kind is late_kind) else today  # fmt: skip
        day = max(psw.active_since, today - dt.timedelta(days=HISTORY_DAYS))
        day += dt.timedelta(days=rng.randrange(0, 10))
        while day <= stop:
            interval = frequency.interval_on(day, psw.active_since)
            if interval is None:
                break
            planned = interval.after(day)
            parts = (_part(rng, psw.psw_id, day, actions=kind is SupervisionKind.MANAGERIAL),)
            yield _session(rng, kind, day, parts, topics, planned, today)
            day = planned + dt.timedelta(days=rng.randrange(-3, 6))  # a week apart at least


def _groups(
    rng: random.Random,
    active: Sequence[ActivePsw],
    topics: Sequence[TaxonomyItemId],
    today: dt.date,
) -> Iterator[PastSession]:
    """Monthly group reflective sessions among PSWs already active on the day."""
    per_month = len(active) // GROUP_EVERY
    by_start = sorted(active, key=lambda p: (p.active_since, p.psw_id))
    starts = [p.active_since for p in by_start]
    for months_ago in range(HISTORY_DAYS // 30, 0, -1):
        for _ in range(per_month):
            held_on = today - dt.timedelta(days=30 * months_ago - rng.randrange(0, 25))
            there = bisect.bisect_right(starts, held_on)  # the first ``there`` were active
            if there < 3:
                continue
            chosen = [by_start[i] for i in rng.sample(range(there), rng.randint(3, min(6, there)))]
            parts = tuple(
                _part(rng, p.psw_id, held_on, actions=False)
                for p in sorted(chosen, key=lambda p: p.psw_id)
            )
            yield _session(rng, SupervisionKind.REFLECTIVE, held_on, parts, topics, None, today)


def demo_sessions(
    active: Sequence[ActivePsw],
    *,
    policy: SupervisionPolicy,
    topics: Sequence[TaxonomyItemId],
    seed: int,
    today: dt.date,
) -> list[PastSession]:
    """Every made-up session, oldest first; actions are done by the PSW's next session, except
    those from their latest one, which stay open."""
    rng = random.Random(seed * 17 + 3)
    sessions = [s for psw in active for s in _individual(rng, psw, policy, topics, today)]
    sessions += _groups(rng, active, topics, today)
    sessions.sort(key=lambda s: (s.draft.held_on, s.draft.attendees[0].psw_id))
    return _close_earlier_actions(sessions)


def _close_earlier_actions(sessions: list[PastSession]) -> list[PastSession]:
    later: dict[PswId, dt.date] = {}
    done: list[PastSession] = []
    for past in reversed(sessions):
        closed = tuple(
            later.get(part.psw_id) for part in past.draft.attendees for _ in part.actions
        )
        done.append(PastSession(past.draft, past.recorded_at, past.agreed_on, closed))
        for part in past.draft.attendees:
            later[part.psw_id] = past.draft.held_on
    done.reverse()
    return done
