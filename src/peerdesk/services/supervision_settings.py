"""The supervision frequency policy as settings JSON; anything unreadable means the defaults."""

from __future__ import annotations

import json
from collections.abc import Mapping

from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import (
    DEFAULT_POLICY,
    Frequency,
    FrequencyRule,
    Interval,
    IntervalUnit,
    SupervisionKind,
    SupervisionPolicy,
    policy_problems,
)

POLICY_KEY = "supervision.policy"


def _interval_json(interval: Interval | None) -> object:
    return None if interval is None else [interval.count, interval.unit.value]


def policy_json(policy: SupervisionPolicy) -> str:
    return json.dumps(
        [
            {
                "kind": r.kind.value,
                "role": r.role.value,
                "standard": _interval_json(r.frequency.standard),
                "closer": _interval_json(r.frequency.closer),
                "closer_weeks": r.frequency.closer_weeks,
            }
            for r in policy.rules
        ]
    )


def _interval(value: object) -> Interval | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        raise ValueError("not an interval")
    count, unit = value
    if not isinstance(count, int) or isinstance(count, bool):
        raise ValueError("not a count")
    return Interval(count, IntervalUnit(unit))


def _rule(value: object) -> FrequencyRule:
    if not isinstance(value, dict):
        raise ValueError("not a rule")
    weeks = value.get("closer_weeks", 0)
    if not isinstance(weeks, int) or isinstance(weeks, bool):
        raise ValueError("not a number of weeks")
    frequency = Frequency(
        standard=_interval(value.get("standard")),
        closer=_interval(value.get("closer")),
        closer_weeks=weeks,
    )
    return FrequencyRule(SupervisionKind(value.get("kind")), Role(value.get("role")), frequency)


def policy_from(values: Mapping[str, str]) -> SupervisionPolicy:
    """The saved policy, or the defaults when none is saved or it cannot be read or used."""
    text = values.get(POLICY_KEY)
    if text is None:
        return DEFAULT_POLICY
    try:
        stored = json.loads(text)
        if not isinstance(stored, list):
            return DEFAULT_POLICY
        policy = SupervisionPolicy(tuple(_rule(r) for r in stored))
    except (ValueError, TypeError, RecursionError):
        return DEFAULT_POLICY
    if any(p.blocking for p in policy_problems(policy)):
        return DEFAULT_POLICY
    return policy
