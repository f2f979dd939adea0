"""Data subjects' requests of every kind: log, date steps, extend, mark sent or done, restrict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from peerdesk.domain.errors import Problem, StaleEdit, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.retention import Hold, RecordKind
from peerdesk.domain.rights_due import (
    ACCESS,
    DEFAULT_NATION,
    KIND_LABELS,
    MAX_EXTENSION_MONTHS,
    NATIONS,
    RESTRICTION,
    Due,
    step_problems,
)
from peerdesk.domain.rights_request import (
    BankHoliday,
    RequestId,
    RightsRequest,
    restriction_reason,
)
from peerdesk.domain.roles import Action
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.storage import retention_store, rights_store, settings_store
from peerdesk.storage.rights_models import RightsRequestRow
from peerdesk.storage.workspace import Tx, Workspace

NATION_KEY = "rights.nation"


def nation_from(values: Mapping[str, str]) -> str:
    """The organisation's nation for bank holidays (England and Wales unless set)."""
    found = values.get(NATION_KEY, "")
    return found if found in NATIONS else DEFAULT_NATION


class Step(Enum):
    """A dated step of a request; each sets one date."""

    IDENTITY_ASKED = ("identity_asked_on", "Identity asked for")
    IDENTITY_RECEIVED = ("identity_received_on", "Identity received")
    CLARIFICATION_ASKED = ("clarification_asked_on", "Clarification asked for")
    CLARIFICATION_RECEIVED = ("clarification_received_on", "Clarification received")

    @property
    def column(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]


@dataclass(frozen=True)
class RequestLine:
    """A request with its due date worked out by the one rule."""

    request: RightsRequest
    due: Due


class RightsService:
    """Every write is one transaction and returns what changed (the subject's record)."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._ws = workspace
        self._clock = clock
        self._viewer = viewer

    # --- settings ---------------------------------------------------------------------------

    def nation(self) -> str:
        with self._ws.reading() as s:
            return nation_from(settings_store.read_all(s))

    def set_nation(self, nation: str) -> Changes:
        self._viewer.require(Action.SETTINGS)
        if nation not in NATIONS:
            raise ValidationFailed(
                [Problem("nation", "Choose England and Wales, Scotland or Northern Ireland.")]
            )
        with self._ws.transaction() as s:
            settings_store.write(s, NATION_KEY, nation)
        return Changes(settings=True)

    def holidays(self, nation: str | None = None) -> list[BankHoliday]:
        with self._ws.reading() as s:
            return rights_store.holidays(s, nation)

    def add_holiday(self, nation: str, day: dt.date, name: str) -> Changes:
        self._viewer.require(Action.SETTINGS)
        clean = tidy_line(name)
        problems = []
        if nation not in NATIONS:
            problems.append(Problem("nation", "Choose a nation."))
        if not clean or len(clean) > SHORT_TEXT_MAX:
            problems.append(Problem("name", f"Name the day in 1 to {SHORT_TEXT_MAX} characters."))
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            if not rights_store.add_holiday(s, BankHoliday(nation, day, clean)):
                raise ValidationFailed(
                    [Problem("day", f"{NATIONS[nation]} already has a bank holiday that day.")]
                )
        return Changes(settings=True)

    def remove_holiday(self, nation: str, day: dt.date) -> Changes:
        self._viewer.require(Action.SETTINGS)
        with self._ws.transaction() as s:
            rights_store.remove_holiday(s, nation, day)
        return Changes(settings=True)

    # --- reading ----------------------------------------------------------------------------

    def request(self, request_id: RequestId) -> RequestLine:
        self._viewer.require(Action.RIGHTS_REQUESTS)
        with self._ws.reading() as s:
            found = rights_store.read(s, request_id)
            return RequestLine(found, found.due(rights_store.holiday_days(s, found.nation)))

    def requests(
        self,
        *,
        psw_id: PswId | None = None,
        person_id: PersonId | None = None,
        open_only: bool = False,
    ) -> list[RequestLine]:
        """A subject's (or everyone's) requests the viewer may see, oldest first."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        with self._ws.reading() as s:
            return lines(s, self._viewer, psw_id=psw_id, person_id=person_id, open_only=open_only)

    # --- writing ----------------------------------------------------------------------------

    def log(
        self,
        *,
        psw_id: PswId | None = None,
        person_id: PersonId | None = None,
        received_on: dt.date,
        note: str = "",
        kind: str = ACCESS,
    ) -> tuple[RequestLine, Changes]:
        """Log a request from a PSW or a supported person (exactly one), received on a day."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        problems = []
        if (psw_id is None) == (person_id is None):
            problems.append(Problem("subject", "Choose one PSW or one supported person."))
        if kind not in KIND_LABELS:
            problems.append(Problem("kind", f"Unknown kind of request: {kind}."))
        if received_on > self._clock.today():
            problems.append(Problem("received_on", "The day received is in the future."))
        clean = tidy(note)
        if len(clean) > LONG_TEXT_MAX:
            problems.append(Problem("note", f"Use at most {LONG_TEXT_MAX:,} characters."))
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            values = settings_store.read_all(s)
            new = rights_store.NewRequest(
                kind=kind,
                psw_id=psw_id,
                person_id=person_id,
                nation=nation_from(values),
                received_on=received_on,
                note=clean,
                recorded_at=self._clock.now(),
                recorded_by=recorder_from(values),
            )
            request_id = rights_store.add(s, new)
            line = _line(s, request_id)
        return line, _changes(line.request)

    def record_step(
        self, request_id: RequestId, step: Step, *, on: dt.date, version: int
    ) -> tuple[RequestLine, Changes]:
        """Date one step (identity or clarification asked for or received)."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        return self._write(request_id, version, {step.column: on})

    def extend(
        self, request_id: RequestId, *, months: int, reason: str, version: int
    ) -> tuple[RequestLine, Changes]:
        """Extend by 1 or 2 further months (a reason is required)."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        clean = tidy(reason)
        problems = []
        if not 1 <= months <= MAX_EXTENSION_MONTHS:
            problems.append(Problem("months", "Extend by 1 or 2 months."))
        if not clean:
            problems.append(Problem("reason", "Say why the request needs longer."))
        elif len(clean) > LONG_TEXT_MAX:
            problems.append(Problem("reason", f"Use at most {LONG_TEXT_MAX:,} characters."))
        if problems:
            raise ValidationFailed(problems)
        return self._write(
            request_id, version, {"extension_months": months, "extension_reason": clean}
        )

    def mark_sent(
        self, request_id: RequestId, *, on: dt.date, version: int
    ) -> tuple[RequestLine, Changes]:
        """The reply went on ``on``: the request closes and leaves Needs attention."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        return self._write(request_id, version, {"sent_on": on})

    def mark_done(
        self, request_id: RequestId, *, on: dt.date, note: str = "", version: int
    ) -> tuple[RequestLine, Changes]:
        """Any kind: the request was dealt with on ``on``; a note (what was done) is kept."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        clean = tidy(note)
        if len(clean) > LONG_TEXT_MAX:
            raise ValidationFailed([Problem("note", f"Use at most {LONG_TEXT_MAX:,} characters.")])
        with self._ws.reading() as s:
            before = rights_store.read(s, request_id).note
        values: dict[str, Any] = {"sent_on": on}
        if clean:
            values["note"] = f"{before}\n\nDone: {clean}" if before else f"Done: {clean}"
        return self._write(request_id, version, values)

    def restriction_holds(self, request_id: RequestId) -> list[Hold]:
        """The holds in force that this restriction request placed (none once lifted)."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        with self._ws.reading() as s:
            return _restriction_holds(s, rights_store.read(s, request_id))

    def restrict(self, request_id: RequestId, *, version: int) -> tuple[RequestLine, Changes]:
        """Restriction of processing: the record is kept, not used (a retention hold that
        matching and the caseload plan respect), and the request is done today."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        today = self._clock.today()
        with self._ws.transaction() as s:
            row = rights_store.row_for_update(s, request_id)
            if row.version != version:
                raise StaleEdit("This request changed since it was opened. Open it again.")
            request = rights_store.read(s, request_id)
            kind, record_id = _subject(request)
            if _restriction_holds(s, request):
                raise ValidationFailed([Problem("request", "The record is restricted already.")])
            reason = restriction_reason(request.reference)
            retention_store.place_hold(s, kind, record_id, reason, today)
            if row.sent_on is None:
                _apply(row, {"sent_on": today})
            s.flush()
            line = _line(s, request_id)
        return line, _changes(line.request)

    def lift_restriction(self, request_id: RequestId) -> Changes:
        """Lift the hold this request placed: the record is used again (matching too)."""
        self._viewer.require(Action.RIGHTS_REQUESTS)
        with self._ws.transaction() as s:
            request = rights_store.read(s, request_id)
            held = _restriction_holds(s, request)
            if not held:
                raise ValidationFailed([Problem("request", "The record is not restricted.")])
            for hold in held:
                retention_store.lift_hold(s, hold.id, self._clock.today())
        return _changes(request) | Changes(psw_membership=request.psw_id is not None)

    def _write(
        self, request_id: RequestId, version: int, values: dict[str, Any]
    ) -> tuple[RequestLine, Changes]:
        with self._ws.transaction() as s:
            row = rights_store.row_for_update(s, request_id)
            if row.version != version:
                raise StaleEdit("This request changed since it was opened. Open it again.")
            before = rights_store.read(s, request_id)
            after_dates = replace(
                before.dates, **{k: v for k, v in values.items() if hasattr(before.dates, k)}
            )
            sent: dt.date | None = values.get("sent_on", before.sent_on)
            problems = step_problems(after_dates, sent_on=sent, today=self._clock.today())
            if problems:
                raise ValidationFailed([Problem("date", p) for p in problems])
            _apply(row, values)
            s.flush()
            line = _line(s, request_id)
        return line, _changes(line.request)


def _subject(request: RightsRequest) -> tuple[RecordKind, int]:
    if request.kind != RESTRICTION:
        raise ValidationFailed([Problem("kind", "Only a restriction request restricts a record.")])
    if request.psw_id is not None:
        return RecordKind.PSW, int(request.psw_id)
    if request.person_id is not None:
        return RecordKind.PERSON, int(request.person_id)
    raise ValidationFailed([Problem("request", "The record has been erased.")])


def _restriction_holds(s: Tx, request: RightsRequest) -> list[Hold]:
    if request.psw_id is not None:
        kind, record_id = RecordKind.PSW, int(request.psw_id)
    elif request.person_id is not None:
        kind, record_id = RecordKind.PERSON, int(request.person_id)
    else:
        return []
    reason = restriction_reason(request.reference)
    return [h for h in retention_store.holds(s, kind, record_id) if h.reason == reason]


def _apply(row: RightsRequestRow, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(row, key, value)
    row.version += 1


def _line(s: Tx, request_id: RequestId) -> RequestLine:
    found = rights_store.read(s, request_id)
    return RequestLine(found, found.due(rights_store.holiday_days(s, found.nation)))


def lines(
    s: Tx,
    viewer: Viewer,
    *,
    psw_id: PswId | None = None,
    person_id: PersonId | None = None,
    open_only: bool = False,
) -> list[RequestLine]:
    """Requests with due dates, each against its own nation's bank holidays."""
    found = rights_store.listed(s, viewer, psw_id=psw_id, person_id=person_id, open_only=open_only)
    days = {n: rights_store.holiday_days(s, n) for n in {r.nation for r in found}}
    return [RequestLine(r, r.due(days[r.nation])) for r in found]


def _changes(request: RightsRequest) -> Changes:
    psws = frozenset() if request.psw_id is None else frozenset({request.psw_id})
    people = frozenset() if request.person_id is None else frozenset({request.person_id})
    return Changes(psws=psws, people=people)
