"""The trustees' report: figures for a period and the one before, the threshold, and the PDF.

Counts cover the whole organisation, protected records included (see ``trustees_queries``).
Each PSW active on a period's last day gets a standing for that day: cleared when
``readiness()`` would find nothing blocking on that day, judged from the stored requirement
results (checks and training as recorded now, their expiry and grace dates); in date for
supervision when no kind of supervision is overdue on that day, from their journey and the
sessions they attended up to it (``supervision_due``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from operator import itemgetter

from peerdesk.domain.calendar import format_date
from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.psw import Role
from peerdesk.domain.requirements import RequirementStatus
from peerdesk.domain.roles import Action
from peerdesk.domain.supervision import Frequency, SupervisionKind, SupervisionPolicy
from peerdesk.domain.supervision_due import supervision_due
from peerdesk.domain.trustees import TrusteesFigures, trustees_figures
from peerdesk.domain.trustees_inputs import (
    Period,
    PswFacts,
    PswStanding,
    TrusteesInputs,
    last_full_year,
)
from peerdesk.domain.trustees_suppression import DEFAULT_THRESHOLD
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.collector import collector_paused
from peerdesk.services.supervision_settings import policy_from
from peerdesk.services.vault_service import ORGANISATION
from peerdesk.storage import settings_store, trustees_queries
from peerdesk.storage.workspace import Tx, Workspace

THRESHOLD_KEY = "trustees.suppression_threshold"
THRESHOLD_MAX = 100
_ON = itemgetter(1)
KINDS = tuple(SupervisionKind)
_REQUIREMENT = {status.value: status for status in RequirementStatus}


class NothingToReport(PeerDeskError):
    """The period has no activity at all: no file is made."""


@dataclass(frozen=True)
class TrusteesReport:
    """The figures and what the PDF prints beside them (measure names, organisation)."""

    figures: TrusteesFigures
    measure_names: dict[str, str]
    organisation: str


def period_problems(start: dt.date, end: dt.date) -> list[Problem]:
    """A period must start on or before the day it ends."""
    if start > end:
        return [
            Problem(
                "period",
                f"The period starts on {format_date(start)}, after it ends on "
                f"{format_date(end)}: choose a start on or before the end.",
            )
        ]
    return []


def report_file_name(period: Period) -> str:
    return f"trustees-report-{period.start.isoformat()}-to-{period.end.isoformat()}.pdf"


class TrusteesReportService:
    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def default_period(self) -> Period:
        """The last whole April–March year before today."""
        return last_full_year(self._clock.today())

    def threshold(self) -> int:
        """Counts under this (and the next smallest beside one) print as "<N"; default 5."""
        with self._ws.reading() as s:
            return _threshold_from(settings_store.read_all(s))

    def set_threshold(self, threshold: int) -> Changes:
        self._viewer.require(Action.SETTINGS)
        if not 1 <= threshold <= THRESHOLD_MAX:
            raise ValidationFailed(
                [Problem("threshold", f"Enter a whole number from 1 to {THRESHOLD_MAX}.")]
            )
        with self._ws.transaction() as s:
            settings_store.write(s, THRESHOLD_KEY, str(threshold))
        return Changes(settings=True)

    def report(
        self, start: dt.date, end: dt.date, progress: Progress | None = None
    ) -> TrusteesReport:
        """Figures for ``start``–``end`` and the period before; NothingToReport when empty."""
        problems = period_problems(start, end)
        if problems:
            raise ValidationFailed(problems)
        period = Period(start, end)
        with collector_paused():
            with self._ws.reading() as s:
                values = settings_store.read_all(s)
                inputs = trustees_queries.read_inputs(s, since=period.previous().start)
                if progress is not None:
                    progress.step(1, 4)
                days = (period.end, period.previous().end)
                standings = _standings(s, inputs, days, policy_from(values))
                names = trustees_queries.measure_names(s)
            if progress is not None:
                progress.step(2, 4)
            inputs = TrusteesInputs(
                inputs.psws, inputs.people, inputs.matches, inputs.contacts, standings
            )
            figures = trustees_figures(inputs, start, end, threshold=_threshold_from(values))
        if figures.current.is_empty:
            raise NothingToReport(
                f"There is nothing to report from {format_date(start)} to {format_date(end)}: "
                "no peer support worker was active, no one was referred or waiting, and no "
                "matches, hours or training were recorded. Choose another period."
            )
        return TrusteesReport(figures, names, values.get(ORGANISATION, ""))

    def pdf(self, start: dt.date, end: dt.date, progress: Progress) -> Exported:
        """The report as PDF bytes (no names: not marked confidential) and a file name."""
        # The PDF library loads here, not when Settings shows the threshold at start-up.
        from peerdesk.export.pdf.trustees_report import TrusteesDocument, trustees_pdf

        found = self.report(start, end, progress)
        progress.step(3, 4)
        with collector_paused():
            built = trustees_pdf(
                TrusteesDocument(found.figures, found.measure_names),
                organisation=found.organisation,
                printed_at=self._clock.now(),
            )
        progress.step(4, 4)
        note = ""
        if built.unprintable:
            count = built.unprintable
            note = f"{count} character{'s' if count != 1 else ''} could not be printed."
        return Exported(built.data, report_file_name(found.figures.current.period), note)


def _threshold_from(values: dict[str, str]) -> int:
    try:
        chosen = int(values.get(THRESHOLD_KEY, DEFAULT_THRESHOLD))
    except ValueError:
        return DEFAULT_THRESHOLD
    return chosen if 1 <= chosen <= THRESHOLD_MAX else DEFAULT_THRESHOLD


def _moves_until(moves: list[tuple[JourneyStatus, dt.date]], day: dt.date) -> int:
    """How many of ``moves`` (oldest first) happened on or before ``day``."""
    return bisect_right(moves, day, key=_ON)


def _history(moves: list[tuple[JourneyStatus, dt.date]]) -> list[StatusChange]:
    """Their journey (oldest first) as ``supervision_due`` reads it (statuses and dates only)."""
    history: list[StatusChange] = []
    before: JourneyStatus | None = None
    for status, on in moves:
        history.append(StatusChange(before, status, on, "", dt.datetime.combine(on, dt.time())))
        before = status
    return history


def cleared_on(requirements: list[tuple[str, dt.date | None, int]], day: dt.date) -> bool:
    """``readiness()`` on ``day`` from stored results: nothing missing, in progress or expired.

    Undated statuses do not depend on the day; a dated one (a check or course with an expiry)
    is expired once its grace days after the expiry have passed, as ``requirements`` judges it.
    """
    for status, expiry, grace in requirements:
        state = _REQUIREMENT.get(status) or RequirementStatus(status)
        if state in (RequirementStatus.MISSING, RequirementStatus.IN_PROGRESS):
            return False
        if state is RequirementStatus.NOT_APPLICABLE or expiry is None:
            continue
        if expiry.toordinal() - day.toordinal() + max(0, grace) <= 0:
            return False
    return True


def _standings(
    s: Tx,
    inputs: TrusteesInputs,
    days: tuple[dt.date, ...],
    policy: SupervisionPolicy,
) -> tuple[PswStanding, ...]:
    journeys = [(psw, sorted(psw.statuses, key=_ON)) for psw in inputs.psws]
    active = {
        day: [
            (psw, moves, upto)
            for psw, moves in journeys
            if (upto := _moves_until(moves, day)) and moves[upto - 1][0] is JourneyStatus.ACTIVE
        ]
        for day in days
    }
    if not any(active.values()):
        return ()
    requirements = trustees_queries.requirement_standings(s)
    soonest = {
        (kind, role): _soonest(policy.frequency(kind, role)) for kind in KINDS for role in Role
    }
    standings: list[PswStanding] = []
    for day, held in zip(days, trustees_queries.last_held_by(s, days), strict=True):
        for psw, moves, upto in active[day]:
            cleared = cleared_on(requirements.get(psw.id, []), day)
            in_date = _in_date(psw, day, moves[:upto], held, policy, soonest)
            standings.append(PswStanding(psw.id, day, cleared, in_date))
    return tuple(standings)


def _soonest(frequency: Frequency) -> int | None:
    """The fewest days any due date under ``frequency`` can fall after the session it counts
    from; None when it is never due."""
    spans = [i.shortest_days for i in (frequency.standard, frequency.closer) if i is not None]
    return min(spans, default=None)


def _in_date(
    psw: PswFacts,
    day: dt.date,
    moves: list[tuple[JourneyStatus, dt.date]],
    held: dict[tuple[PswId, SupervisionKind], dt.date],
    policy: SupervisionPolicy,
    soonest: dict[tuple[SupervisionKind, Role], int | None],
) -> bool:
    """No kind of supervision overdue on ``day``, from their journey up to it (``moves``, oldest
    first) and the last session of each kind they attended up to it.

    ``supervision_due`` counts from the last session in the active spell or from becoming
    active, whichever is later, so a due date is never sooner than the shortest interval after
    the last session: a kind held that recently is in date without working out the date.
    """
    history: list[StatusChange] | None = None
    for kind in KINDS:
        last = held.get((psw.id, kind))
        gap = soonest[(kind, psw.role)]
        if gap is None:
            continue  # not required for their role: never due
        if last is not None and last.toordinal() + gap >= day.toordinal():
            continue
        history = _history(moves) if history is None else history
        due = supervision_due(policy, kind, psw.role, history, () if last is None else (last,))
        if due is not None and due.due_on < day:
            return False
    return True
