"""Leaving before becoming active: the outcome, and other routes offered with the answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from peerdesk.domain.errors import Problem
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line

SUGGESTED_ROUTES = (
    "Recovery college course",
    "Volunteering elsewhere",
    "Peer support group",
    "Apply again later",
)
"""Offered in the dialog's list; any other text is fine."""


class RouteAnswer(Enum):
    """What the person said to a route offered."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    THINKING = "thinking"

    @property
    def label(self) -> str:
        return "Thinking about it" if self is RouteAnswer.THINKING else self.value.capitalize()


@dataclass(frozen=True)
class RouteOffered:
    route: str
    offered_on: dt.date
    answer: RouteAnswer = RouteAnswer.THINKING


@dataclass(frozen=True)
class LeavingOutcome:
    """Recorded with a move to "left" from a stage before active."""

    outcome: str
    routes: tuple[RouteOffered, ...] = ()


@dataclass(frozen=True)
class LeavingRecord:
    """A stored outcome, tied to the status change it explains."""

    status_change_on: dt.date
    outcome: LeavingOutcome


def tidied_leaving(leaving: LeavingOutcome) -> LeavingOutcome:
    return replace(
        leaving,
        outcome=tidy(leaving.outcome),
        routes=tuple(replace(r, route=tidy_line(r.route)) for r in leaving.routes),
    )


def leaving_problems(leaving: LeavingOutcome, *, today: dt.date) -> list[Problem]:
    """Blocking problems, each naming its field ("leaving_outcome" or "routes")."""
    problems = []
    if not leaving.outcome:
        problems.append(
            Problem("leaving_outcome", "Say what the outcome was for them as they leave.")
        )
    elif len(leaving.outcome) > LONG_TEXT_MAX:
        problems.append(
            Problem("leaving_outcome", f"The outcome can be at most {LONG_TEXT_MAX:,} characters.")
        )
    for n, route in enumerate(leaving.routes, start=1):
        if not route.route:
            problems.append(Problem("routes", f"Route {n} has no name: say what was offered."))
        elif len(route.route) > SHORT_TEXT_MAX:
            problems.append(
                Problem("routes", f"Route {n} can be at most {SHORT_TEXT_MAX} characters.")
            )
        if route.offered_on > today:
            problems.append(Problem("routes", f"Route {n} was offered on a date in the future."))
    return problems
