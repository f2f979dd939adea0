"""Hard constraints: who cannot be suggested for a person, each with a plain why-not sentence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np

from peerdesk.domain.ids import PswId
from peerdesk.domain.matching.profiles import (
    LANGUAGE_QUESTION,
    IdentityPair,
    PersonWishes,
    PswProfile,
)
from peerdesk.domain.matching.score import EMPTY_ROWS, Bools, PswIndex
from peerdesk.domain.text import fold

NOT_ACTIVE = "Excluded: not active"
NOT_INDUCTED = "Excluded: induction not complete"
CONFLICT = "Excluded: a declared conflict with this person"
NO_CONTACT_MODE = "Excluded: no shared contact mode"
ALREADY_MATCHED = "Excluded: already proposed for or matched with this person"
"""For a PSW with a proposed, introduced or active match with the person (the service knows)."""


def no_places(profile: PswProfile) -> str:
    return f"Excluded: no places left ({profile.places_used} of {profile.places} in use)"


def must_not_met(wish: IdentityPair) -> str:
    return f"Excluded: {wish.label} not met"


def blocked(reason: str) -> str:
    """A ``readiness()`` reason, already dated: "DBS renewal overdue since 3 March 2026"."""
    return f"Excluded: {reason}"


def must_met(wish: IdentityPair, profile: PswProfile) -> bool:
    """A "must" identity wish, met by a usable equality answer (or, for language, a language)."""
    question, answer = wish.key()
    if question == LANGUAGE_QUESTION:
        return answer in {fold(lang) for lang in profile.languages}
    return (question, answer) in {a.key() for a in profile.equality}


def why_not(person: PersonWishes, profile: PswProfile, *, conflict: bool = False) -> list[str]:
    """Every hard constraint ``profile`` breaks for ``person``; empty means they may be suggested.

    A person with no contact modes recorded has no contact-mode constraint to break.
    """
    reasons = _independent(profile)
    if conflict:
        reasons.append(CONFLICT)
    if person.contact_modes:
        offered = {fold(m) for m in profile.contact_modes}
        if not any(fold(m) in offered for m in person.contact_modes):
            reasons.append(NO_CONTACT_MODE)
    reasons.extend(must_not_met(wish) for wish in person.must if not must_met(wish, profile))
    return reasons


def exclusions(
    person: PersonWishes,
    profiles: Sequence[PswProfile],
    *,
    conflicts: Collection[PswId] = (),
) -> dict[PswId, list[str]]:
    """Why-nots for every excluded PSW (those free to suggest are left out of the result).

    ``conflicts`` holds the PSWs with a declared conflict with this person.
    """
    conflicted = set(conflicts)
    result: dict[PswId, list[str]] = {}
    for profile in profiles:
        reasons = why_not(person, profile, conflict=profile.id in conflicted)
        if reasons:
            result[profile.id] = reasons
    return result


def eligible(person: PersonWishes, index: PswIndex, *, conflicts: Collection[PswId] = ()) -> Bools:
    """Per row of ``index``: True where :func:`why_not` would be empty (vectorised, for ranking)."""
    masks = _Masks.of(person, index, conflicts)
    ok = index.ready & ~masks.conflicted & masks.shared_mode
    for met in masks.must_met:
        ok &= met
    return ok


def why_not_rows(
    person: PersonWishes, index: PswIndex, rows: Sequence[int], *, conflicts: Collection[PswId] = ()
) -> list[list[str]]:
    """:func:`why_not` for each of ``rows`` of ``index``, the same sentences in the same order,
    from masks rather than profile by profile (thousands of exclusions take milliseconds)."""
    masks = _Masks.of(person, index, conflicts)
    result = []
    for row in rows:
        profile = index.profiles[row]
        reasons = _independent(profile)
        if masks.conflicted[row]:
            reasons.append(CONFLICT)
        if not masks.shared_mode[row]:
            reasons.append(NO_CONTACT_MODE)
        reasons.extend(
            must_not_met(wish)
            for wish, met in zip(person.must, masks.must_met, strict=True)
            if not met[row]
        )
        result.append(reasons)
    return result


def _independent(profile: PswProfile) -> list[str]:
    """The why-nots that do not depend on the person, in :func:`why_not`'s order."""
    reasons: list[str] = []
    if not profile.active:
        reasons.append(NOT_ACTIVE)
    if not profile.inducted:
        reasons.append(NOT_INDUCTED)
    reasons.extend(blocked(reason) for reason in profile.blocked)
    if profile.places_used >= profile.places:
        reasons.append(no_places(profile))
    return reasons


class _Masks:
    """Per row: a declared conflict; a contact mode shared; each "must" met (in wish order)."""

    def __init__(self, conflicted: Bools, shared_mode: Bools, must_met: list[Bools]) -> None:
        self.conflicted = conflicted
        self.shared_mode = shared_mode
        self.must_met = must_met

    @classmethod
    def of(cls, person: PersonWishes, index: PswIndex, conflicts: Collection[PswId]) -> _Masks:
        n = len(index)
        conflicted = np.zeros(n, dtype=np.bool_)
        conflicted[[index.row_of[psw] for psw in conflicts if psw in index.row_of]] = True
        shared = np.ones(n, dtype=np.bool_)
        if person.contact_modes:
            shared[:] = False
            for mode in person.contact_modes:
                shared[index.contact_modes.get(fold(mode), EMPTY_ROWS)] = True
        met_each = []
        for wish in person.must:
            question, answer = wish.key()
            met = np.zeros(n, dtype=np.bool_)
            if question == LANGUAGE_QUESTION:
                met[index.languages.get(answer, EMPTY_ROWS)] = True
            else:
                met[index.answers.get((question, answer), EMPTY_ROWS)] = True
            met_each.append(met)
        return cls(conflicted, shared, met_each)


_DETAIL = re.compile(r" \([^()]*\)$| (?:since|on) \d{1,2} [A-Z][a-z]+ \d{4}$")


def headline(sentence: str) -> str:
    """A why-not without its per-PSW detail, for grouping: "Excluded: no places left"."""
    return _DETAIL.sub("", sentence)


def top_reasons(excluded: Mapping[PswId, Sequence[str]], count: int = 3) -> list[tuple[str, int]]:
    """The ``count`` commonest why-nots with how many PSWs each excludes, commonest first.

    For "everyone is excluded": sentences differing only in detail (places in use, a date) are
    counted together under their headline. Ties go alphabetically so the list is repeatable.
    """
    counts = Counter(h for reasons in excluded.values() for h in {headline(s) for s in reasons})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:count]
