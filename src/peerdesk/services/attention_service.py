"""Needs attention: every dated item overdue or due soon, gathered from a registry of sources.

Each source selects its candidates in SQL (indexed due dates, review dates, stage dates) and
judges only those, so the dashboard stays fast however many PSWs the vault holds. Later issues add
sections by appending a source to :data:`SOURCES` (or passing ``sources=``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from peerdesk.domain.attention import AttentionItem, sort_key
from peerdesk.domain.calendar import format_date
from peerdesk.domain.check_records import AdjustmentStatus, ReferenceKind
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import QUIET_MATCH_DAYS, STALE_PROPOSAL_DAYS, MatchStage
from peerdesk.domain.matching_attention import (
    PERSON,
    long_wait_line,
    quiet_match_line,
    stale_proposal_line,
)
from peerdesk.domain.pipeline import stalled_since
from peerdesk.domain.requirement_policy import Policy
from peerdesk.domain.requirements import (
    REFERENCE_CHASE_DAYS,
    RequirementStatus,
    evaluate,
    readiness,
)
from peerdesk.domain.safeguarding import open_concern_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.domain.waiting import FLAG_AFTER_DAYS, wait_on
from peerdesk.services import supervision_due_refresh
from peerdesk.services.attention_roles import role_sources
from peerdesk.services.audit_attention import audit_chain_lines
from peerdesk.services.backup_attention import off_laptop_lines
from peerdesk.services.clock import Clock
from peerdesk.services.collector import collector_paused
from peerdesk.services.pipeline_settings import targets_from
from peerdesk.services.retention_attention import retention_lines
from peerdesk.services.review_attention import review_lines
from peerdesk.services.rights_attention import rights_request_lines
from peerdesk.services.supervision_attention import supervision_action_lines, supervision_lines
from peerdesk.storage import (
    attention_queries,
    concern_store,
    evidence_queries,
    matching_attention_queries,
    plan_store,
    psw_queries,
    settings_store,
)
from peerdesk.storage.workspace import Tx, Workspace

PSW = "psw"
MAX_WITHIN_DAYS = 3650
DEFAULT_WITHIN_DAYS = 30

_DATED = (
    RequirementStatus.VALID,
    RequirementStatus.DUE_SOON,
    RequirementStatus.IN_GRACE,
    RequirementStatus.EXPIRED,
)
"""Results dated by an expiry. In-progress references are dated too, but the references source
lists them one by one, so they are not repeated here."""


@dataclass(frozen=True)
class Window:
    """The day the dashboard is drawn, the last due date it shows, and who is looking."""

    today: dt.date
    until: dt.date
    targets: Mapping[JourneyStatus, int]
    viewer: Viewer = COORDINATOR


class AttentionSource(Protocol):
    """One section of Needs attention: its lines due on or before ``window.until``."""

    def __call__(self, s: Tx, window: Window) -> list[AttentionItem]: ...


def requirement_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Checks and training expired, in grace or due by ``until``; active PSWs not cleared.

    Only the (PSW, policy) pairs SQL selects are evaluated, on batch-loaded evidence.
    """
    candidates = attention_queries.requirement_candidates(s, window.until, window.today)
    if not candidates:
        return []
    policies = {p.id: p for p in evidence_queries.policies(s)}
    order = {policy_id: n for n, policy_id in enumerate(policies)}  # as refusals list them
    wanted: dict[PswId, list[Policy]] = defaultdict(list)
    headings = {}
    for c in candidates:
        if c.policy_id in policies:
            wanted[c.psw.id].append(policies[c.policy_id])
            headings[c.psw.id] = c.psw
    # Only the evidence the candidates' policies read: their kinds, training on their topics.
    needed = {p.id: p for chosen in wanted.values() for p in chosen}
    evidence = evidence_queries.evidence_for_many(s, list(wanted), only=needed.values())
    lines: list[AttentionItem] = []
    for psw_id, chosen in wanted.items():
        heading = headings[psw_id]
        chosen.sort(key=lambda p: order[p.id])
        results = evaluate(chosen, evidence[psw_id], window.today)
        lines += [
            AttentionItem(PSW, psw_id, heading.name, r.name, r.status.label, r.due_on)
            for r in results
            if r.due_on is not None and r.due_on <= window.until and r.status in _DATED
        ]
        if heading.status == JourneyStatus.ACTIVE.value:
            blocking = readiness(results).blocking
            if blocking:
                what = ", ".join(r.name for r in blocking)
                lines.append(
                    AttentionItem(
                        PSW,
                        psw_id,
                        heading.name,
                        f"Active, not cleared ({what})",
                        "Not cleared",
                        window.today,
                    )
                )
    return lines


def reference_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """References requested over 14 days ago (by ``until``) and not yet received."""
    chase = dt.timedelta(days=REFERENCE_CHASE_DAYS)
    lines = []
    for ref in attention_queries.awaited_references(s, window.until - chase):
        who = ref.referee or f"{ReferenceKind(ref.kind).label.lower()} referee"
        lines.append(
            AttentionItem(
                PSW,
                ref.psw.id,
                ref.psw.name,
                f"Reference {ref.position} from {who}, not received",
                "Awaited",
                ref.requested_on + chase,
            )
        )
    return lines


def stalled_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Applicants past (or within ``until`` of passing) their stage's target days."""
    latest: dict[str, dt.date] = {}
    for status, days in window.targets.items():
        # stalled_since = since + days + 1 <= until  <=>  since <= until - days - 1
        latest[status.value] = window.until - dt.timedelta(days=days + 1)
    targets = dict(window.targets)
    statuses = {status.value: status for status in JourneyStatus}
    at = {status: f"At {status.label.lower()} since " for status in JourneyStatus}
    target = {status: f" (target {days:,} days)" for status, days in targets.items()}
    lines = []
    for psw in attention_queries.stalled_candidates(s, latest):
        status = statuses[psw.status]
        since = stalled_since(status, psw.since, targets)
        if since is None:
            continue
        lines.append(
            AttentionItem(
                PSW,
                psw.id,
                psw.name,
                at[status] + format_date(psw.since) + target[status],
                "Stalled" if since <= window.today else "Near stage target",
                since,
            )
        )
    return lines


def adjustment_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Reasonable adjustments (not ended) whose review date falls by ``until``."""
    return [
        AttentionItem(
            PSW,
            adj.psw.id,
            adj.psw.name,
            f"Adjustment review: {adj.category}",
            AdjustmentStatus(adj.status).label,
            adj.review_on,
        )
        for adj in attention_queries.adjustment_reviews(s, window.until)
    ]


def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days)


def long_wait_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """People waiting over six weeks today, time on hold not counted (never a forecast)."""
    # Over six weeks waited means referred at least FLAG_AFTER_DAYS + 1 days ago.
    referred_by = _days_before(window.today, FLAG_AFTER_DAYS + 1)
    lines = []
    for p in matching_attention_queries.long_waits(s, referred_by, window.viewer):
        wait = wait_on(p.referred_on, p.moves, window.today)
        line = long_wait_line(p.id, p.name, p.referred_on, wait, window.today)
        if line is not None:
            lines.append(line)
    return lines


def stale_proposal_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Matches still proposed over 14 days after the proposal."""
    by = _days_before(window.today, STALE_PROPOSAL_DAYS + 1)
    found = matching_attention_queries.matches_at(
        s, MatchStage.PROPOSED, by, window.viewer, quiet_since=False
    )
    lines = (
        stale_proposal_line(m.person_id, m.person_name, m.psw_name, m.on, window.today)
        for m in found
    )
    return [line for line in lines if line is not None]


def quiet_match_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Active matches with no contact logged in the last 30 days (nor since becoming active)."""
    by = _days_before(window.today, QUIET_MATCH_DAYS)
    found = matching_attention_queries.matches_at(
        s, MatchStage.ACTIVE, by, window.viewer, quiet_since=True
    )
    today = window.today
    lines = (
        quiet_match_line(m.person_id, m.person_name, m.psw_name, m.on, m.last_contact_on, today)
        for m in found
    )
    return [line for line in lines if line is not None]


def concern_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Each open safeguarding concern, until it is closed: about the person it names if any,
    else the PSW; never its summary. Concerns naming a record the viewer may not see are left out.
    """
    return [
        open_concern_line(
            subject_kind=PERSON if c.person_id is not None else PSW,
            subject_id=c.person_id if c.person_id is not None else c.psw_id or 0,
            name=c.person_name if c.person_id is not None else c.psw_name,
            raised_on=c.raised_on,
        )
        for c in concern_store.open_concerns(s, window.viewer)
        if c.person_id is not None or c.psw_id is not None  # both records erased: nothing to open
    ]


def plan_review_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """Wellbeing and story plans whose latest version is to be reviewed by ``until``."""
    return [
        AttentionItem(
            PSW,
            r.psw_id,
            r.name,
            f"{r.kind.label} review due {format_date(r.review_on)}",
            "Review overdue" if r.review_on < window.today else "Review due",
            r.review_on,
        )
        for r in plan_store.reviews_due(s, window.until, window.viewer)
    ]


def _visible_only(s: Tx, lines: list[AttentionItem], viewer: Viewer) -> list[AttentionItem]:
    """Drop lines about PSWs ``viewer`` may not see (the one visibility rule, storage/visibility).

    Person lines are filtered in their own queries; PSW sources select by due dates and are
    filtered here against the (few) PSWs the viewer may not see.
    """
    hidden = psw_queries.hidden_ids(s, viewer)
    if not hidden:
        return lines
    return [line for line in lines if line.subject_kind != PSW or line.subject_id not in hidden]


SOURCES: tuple[AttentionSource, ...] = (
    requirement_lines,
    reference_lines,
    stalled_lines,
    adjustment_lines,
    long_wait_lines,
    stale_proposal_lines,
    quiet_match_lines,
    supervision_lines,
    supervision_action_lines,
    concern_lines,
    plan_review_lines,
    review_lines,
    rights_request_lines,
    retention_lines,
    audit_chain_lines,
    off_laptop_lines,
)
"""The registry: each section of Needs attention, in no particular order (lines are sorted)."""


class AttentionService:
    """Needs attention and ``peerdesk due``: one read, lines sorted most pressing first."""

    def __init__(
        self,
        workspace: Workspace,
        clock: Clock,
        *,
        targets: Mapping[JourneyStatus, int] | None = None,
        sources: Sequence[AttentionSource] = SOURCES,
        viewer: Viewer = COORDINATOR,
    ) -> None:
        self._ws = workspace
        self._viewer = viewer
        self._clock = clock
        self._targets = dict(targets) if targets is not None else None
        self._sources = tuple(sources)
        self._due_stored = False

    def today(self) -> dt.date:
        """The day the lines are judged on (the service's clock)."""
        return self._clock.today()

    def items(
        self,
        within_days: int = DEFAULT_WITHIN_DAYS,
        *,
        targets: Mapping[JourneyStatus, int] | None = None,
        viewer: Viewer | None = None,
    ) -> list[AttentionItem]:
        """Lines overdue or due within ``within_days`` (0 to 3,650) of today, sorted.

        ``targets`` (days per pipeline stage) overrides the service's for this call; without
        either, the stage targets saved in Settings apply. ``viewer`` (the service's own by
        default) decides which lines are listed: none about a record it may not see.
        """
        if not 0 <= within_days <= MAX_WITHIN_DAYS:
            raise ValueError(f"within_days must be 0 to {MAX_WITHIN_DAYS:,}, not {within_days}")
        today = self._clock.today()
        lines: list[AttentionItem] = []
        if not self._due_stored:  # once per vault opened: later writes keep the dates in step
            supervision_due_refresh.ensure_stored(self._ws)
            self._due_stored = True
        with collector_paused(), self._ws.reading() as s:  # ~10,000 small records, no cycles
            chosen = targets if targets is not None else self._targets
            window = Window(
                today=today,
                until=today + dt.timedelta(days=within_days),
                targets=dict(chosen)
                if chosen is not None
                else targets_from(settings_store.read_all(s)),
                viewer=self._viewer if viewer is None else viewer,
            )
            for source in role_sources(self._sources, window.viewer):
                lines += source(s, window)
            lines = _visible_only(s, lines, window.viewer)
            # Most pressing first, then by subject, so lines the sort key ties on (two PSWs of one
            # name due the same day for the same thing) keep one order whatever SQL returned.
            lines.sort(key=_order)
        return lines


def _order(item: AttentionItem) -> tuple[dt.date, str, str, str, int]:
    return (*sort_key(item), item.subject_kind, item.subject_id)
