"""Settings › Matching: criterion weights, "related" lived-experience families, the plan's floor.

Stored in the ``setting`` table as text. Anything unreadable there falls back to the defaults,
so a damaged value never stops matching.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import asdict, fields

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.matching.criteria import DEFAULT_WEIGHTS, Weights, weights_problems
from peerdesk.domain.text import SHORT_TEXT_MAX, fold, tidy_line
from peerdesk.services.changes import Changes
from peerdesk.storage import settings_store
from peerdesk.storage.workspace import Tx, Workspace

WEIGHTS_KEY = "matching.weights"
RELATED_KEY = "matching.related_families"
MINIMUM_SCORE_KEY = "matching.plan_minimum_score"
DEFAULT_MINIMUM_SCORE = 30


def weights_from(values: Mapping[str, str]) -> Weights:
    try:
        stored = json.loads(values.get(WEIGHTS_KEY, "{}"))
        names = {f.name for f in fields(Weights)}
        weights = Weights(**{k: v for k, v in stored.items() if k in names})
    except (ValueError, TypeError, AttributeError):
        return DEFAULT_WEIGHTS
    return DEFAULT_WEIGHTS if weights_problems(weights) else weights


def related_from(values: Mapping[str, str]) -> dict[str, set[str]]:
    """Family → the families marked related to it, as typed (both directions listed)."""
    try:
        pairs = json.loads(values.get(RELATED_KEY, "[]"))
        related: dict[str, set[str]] = {}
        for a, b in pairs:
            if isinstance(a, str) and isinstance(b, str) and fold(a) != fold(b):
                related.setdefault(a, set()).add(b)
                related.setdefault(b, set()).add(a)
    except (ValueError, TypeError):
        return {}
    return related


def minimum_score_from(values: Mapping[str, str]) -> int:
    stored = values.get(MINIMUM_SCORE_KEY, "")
    return int(stored) if stored.isdigit() and int(stored) <= 100 else DEFAULT_MINIMUM_SCORE


def read_weights(s: Tx) -> Weights:
    return weights_from(settings_store.read_all(s))


def read_related(s: Tx) -> dict[str, set[str]]:
    return related_from(settings_store.read_all(s))


def read_minimum_score(s: Tx) -> int:
    return minimum_score_from(settings_store.read_all(s))


class MatchingSettings:
    """Reads and saves the matching settings, each save one transaction."""

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace

    def weights(self) -> Weights:
        with self._ws.reading() as s:
            return read_weights(s)

    def set_weights(self, weights: Weights) -> Changes:
        """Save weights (each 0–10, not all zero); refused with the reasons otherwise."""
        problems = weights_problems(weights)
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            settings_store.write(s, WEIGHTS_KEY, json.dumps(asdict(weights)))
        return Changes(settings=True)

    def reset_weights(self) -> Changes:
        return self.set_weights(DEFAULT_WEIGHTS)

    def related_families(self) -> dict[str, set[str]]:
        with self._ws.reading() as s:
            return read_related(s)

    def set_related_families(self, related: Mapping[str, Collection[str]]) -> Changes:
        """Replace the "related" lists; A related to B means B is related to A as well."""
        pairs: set[tuple[str, str]] = set()
        for family, others in related.items():
            for other in others:
                a, b = tidy_line(family), tidy_line(other)
                if not a or not b or fold(a) == fold(b):
                    continue
                if len(a) > SHORT_TEXT_MAX or len(b) > SHORT_TEXT_MAX:
                    raise ValidationFailed(
                        [
                            Problem(
                                "related", f"Family names are at most {SHORT_TEXT_MAX} characters."
                            )
                        ]
                    )
                pairs.add((a, b) if fold(a) <= fold(b) else (b, a))
        with self._ws.transaction() as s:
            settings_store.write(s, RELATED_KEY, json.dumps(sorted(pairs), ensure_ascii=False))
        return Changes(settings=True)

    def minimum_score(self) -> int:
        with self._ws.reading() as s:
            return read_minimum_score(s)

    def set_minimum_score(self, score: int) -> Changes:
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
            raise ValidationFailed(
                [Problem("minimum_score", "The plan's minimum score must be 0 to 100.")]
            )
        with self._ws.transaction() as s:
            settings_store.write(s, MINIMUM_SCORE_KEY, str(score))
        return Changes(settings=True)
