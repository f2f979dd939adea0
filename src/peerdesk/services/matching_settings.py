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
from peerdesk.domain.roles import Action
from peerdesk.domain.text import SHORT_TEXT_MAX, fold, tidy_line
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.storage import settings_store
from peerdesk.storage.workspace import Tx, Workspace

WEIGHTS_KEY = "matching.weights"
RELATED_KEY = "matching.related_families"
MINIMUM_SCORE_KEY = "matching.plan_minimum_score"
DEFAULT_MINIMUM_SCORE = 30


def _json(text: str) -> object:
    """``text`` parsed, or None when it is not JSON (or nested too deeply to read)."""
    try:
        parsed: object = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return parsed


def weights_from(values: Mapping[str, str]) -> Weights:
    stored = _json(values.get(WEIGHTS_KEY, "{}"))
    if not isinstance(stored, dict):
        return DEFAULT_WEIGHTS
    names = {f.name for f in fields(Weights)}
    weights = Weights(**{k: v for k, v in stored.items() if k in names})
    return DEFAULT_WEIGHTS if weights_problems(weights) else weights


def related_from(values: Mapping[str, str]) -> dict[str, set[str]]:
    """Family → the families marked related to it, as typed (both directions listed).

    Stored as a list of ``[a, b]`` pairs; anything else there is ignored, pair by pair.
    """
    pairs = _json(values.get(RELATED_KEY, "[]"))
    related: dict[str, set[str]] = {}
    if not isinstance(pairs, list):
        return related
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2):
            continue
        a, b = pair
        if isinstance(a, str) and isinstance(b, str) and a and b and fold(a) != fold(b):
            related.setdefault(a, set()).add(b)
            related.setdefault(b, set()).add(a)
    return related


def minimum_score_from(values: Mapping[str, str]) -> int:
    stored = values.get(MINIMUM_SCORE_KEY, "")
    # ASCII digits only: "²".isdigit() is true but int("²") fails
    if stored.isascii() and stored.isdigit() and int(stored) <= 100:
        return int(stored)
    return DEFAULT_MINIMUM_SCORE


def minimum_score_problems(score: int) -> list[Problem]:
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        return [Problem("minimum_score", "The plan's minimum score must be 0 to 100.")]
    return []


def related_pairs(related: Mapping[str, Collection[str]]) -> list[tuple[str, str]]:
    """Each related pair once, tidied, self-relations and case or accent repeats dropped."""
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for family, others in related.items():
        for other in [others] if isinstance(others, str) else others:
            a, b = tidy_line(family), tidy_line(other)
            if not a or not b or fold(a) == fold(b):
                continue
            if len(a) > SHORT_TEXT_MAX or len(b) > SHORT_TEXT_MAX:
                message = f"Family names are at most {SHORT_TEXT_MAX} characters."
                raise ValidationFailed([Problem("related", message)])
            if fold(a) > fold(b):
                a, b = b, a
            pairs.setdefault((fold(a), fold(b)), (a, b))
    return sorted(pairs.values())


def read_weights(s: Tx) -> Weights:
    return weights_from(settings_store.read_all(s))


def read_related(s: Tx) -> dict[str, set[str]]:
    return related_from(settings_store.read_all(s))


def read_minimum_score(s: Tx) -> int:
    return minimum_score_from(settings_store.read_all(s))


class MatchingSettings:
    """Reads and saves the matching settings, each save one transaction."""

    def __init__(self, workspace: Workspace, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace

    def weights(self) -> Weights:
        with self._ws.reading() as s:
            return read_weights(s)

    def set_weights(self, weights: Weights) -> Changes:
        """Save weights (each 0–10, not all zero); refused with the reasons otherwise."""
        self._viewer.require(Action.SETTINGS)
        problems = weights_problems(weights)
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            settings_store.write(s, WEIGHTS_KEY, json.dumps(asdict(weights)))
        return Changes(settings=True)

    def reset_weights(self) -> Changes:
        self._viewer.require(Action.SETTINGS)
        return self.set_weights(DEFAULT_WEIGHTS)

    def save(self, weights: Weights, minimum_score: int) -> Changes:
        """Save the weights and the plan's minimum score together, or neither."""
        self._viewer.require(Action.SETTINGS)
        problems = weights_problems(weights) + minimum_score_problems(minimum_score)
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            settings_store.write(s, WEIGHTS_KEY, json.dumps(asdict(weights)))
            settings_store.write(s, MINIMUM_SCORE_KEY, str(minimum_score))
        return Changes(settings=True)

    def reset(self) -> Changes:
        """The default weights and minimum score (the related families are kept)."""
        self._viewer.require(Action.SETTINGS)
        return self.save(DEFAULT_WEIGHTS, DEFAULT_MINIMUM_SCORE)

    def related_families(self) -> dict[str, set[str]]:
        with self._ws.reading() as s:
            return read_related(s)

    def set_related_families(self, related: Mapping[str, Collection[str]]) -> Changes:
        """Replace the "related" lists; A related to B means B is related to A as well."""
        self._viewer.require(Action.SETTINGS)
        pairs = related_pairs(related)
        with self._ws.transaction() as s:
            settings_store.write(s, RELATED_KEY, json.dumps(pairs, ensure_ascii=False))
        return Changes(settings=True)

    def minimum_score(self) -> int:
        with self._ws.reading() as s:
            return read_minimum_score(s)

    def set_minimum_score(self, score: int) -> Changes:
        self._viewer.require(Action.SETTINGS)
        problems = minimum_score_problems(score)
        if problems:
            raise ValidationFailed(problems)
        with self._ws.transaction() as s:
            settings_store.write(s, MINIMUM_SCORE_KEY, str(score))
        return Changes(settings=True)
