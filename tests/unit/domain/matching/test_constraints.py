"""Why-not wording, one table row per hard constraint, and the "everyone excluded" summary."""

from __future__ import annotations

import numpy as np
import pytest

from peerdesk.domain.ids import PswId
from peerdesk.domain.matching.constraints import eligible, exclusions, top_reasons, why_not
from peerdesk.domain.matching.profiles import IdentityPair, PersonWishes, PswProfile
from peerdesk.domain.matching.score import PswIndex

from .conftest import psw

PERSON = PersonWishes(contact_modes=("phone",))


@pytest.mark.parametrize(
    ("profile", "person", "expected"),
    [
        (psw(places=3, places_used=3), PERSON, ["Excluded: no places left (3 of 3 in use)"]),
        (psw(contact_modes=("video",)), PERSON, ["Excluded: no shared contact mode"]),
        (psw(active=False), PERSON, ["Excluded: not active"]),
        (psw(inducted=False), PERSON, ["Excluded: induction not complete"]),
        (
            psw(blocked=("DBS renewal overdue since 3 March 2026",)),
            PERSON,
            ["Excluded: DBS renewal overdue since 3 March 2026"],
        ),
        (
            psw(),
            PersonWishes(must=(IdentityPair("Gender", "woman"),)),
            ["Excluded: Gender “woman” not met"],
        ),
        (
            psw(languages=("English",)),
            PersonWishes(must=(IdentityPair("Language", "Polish"),)),
            ["Excluded: Language “Polish” not met"],
        ),
        (psw(), PERSON, []),
        (psw(contact_modes=()), PersonWishes(), []),
        (
            psw(equality=(IdentityPair("gender", "Woman"),)),
            PersonWishes(must=(IdentityPair("Gender", "woman"),)),
            [],
        ),
    ],
)
def test_why_not_wording(profile: PswProfile, person: PersonWishes, expected: list[str]) -> None:
    assert why_not(person, profile) == expected
    index = PswIndex.build([profile])
    assert bool(eligible(person, index)[0]) == (expected == [])


def test_conflict_and_all_reasons_in_order() -> None:
    profile = psw(
        7,
        active=False,
        inducted=False,
        blocked=("DBS renewal overdue since 3 March 2026",),
        places=1,
        places_used=1,
        contact_modes=(),
    )
    person = PersonWishes(contact_modes=("phone",), must=(IdentityPair("Faith", "Sikh"),))
    got = exclusions(person, [profile, psw(8)], conflicts=[PswId(7), PswId(8)])
    assert got == {
        PswId(7): [
            "Excluded: not active",
            "Excluded: induction not complete",
            "Excluded: DBS renewal overdue since 3 March 2026",
            "Excluded: no places left (1 of 1 in use)",
            "Excluded: a declared conflict with this person",
            "Excluded: no shared contact mode",
            "Excluded: Faith “Sikh” not met",
        ],
        PswId(8): [
            "Excluded: a declared conflict with this person",
            "Excluded: Faith “Sikh” not met",
        ],
    }
    index = PswIndex.build([profile, psw(8), psw(9)])
    mask = eligible(PersonWishes(), index, conflicts=[PswId(8), PswId(99)])
    assert list(mask) == [False, False, True]


def test_top_reasons_groups_detail() -> None:
    excluded = {
        PswId(1): ["Excluded: no places left (3 of 3 in use)", "Excluded: not active"],
        PswId(2): ["Excluded: no places left (2 of 2 in use)"],
        PswId(3): ["Excluded: DBS renewal overdue since 3 March 2026"],
        PswId(4): ["Excluded: DBS renewal overdue since 9 May 2026", "Excluded: not active"],
        PswId(5): ["Excluded: no shared contact mode"],
    }
    assert top_reasons(excluded, 3) == [
        ("Excluded: DBS renewal overdue", 2),
        ("Excluded: no places left", 2),
        ("Excluded: not active", 2),
    ]
    assert top_reasons({}, 3) == []


def test_names_in_any_script_in_must() -> None:
    person = PersonWishes(must=(IdentityPair("信仰", "佛教"),))
    assert why_not(person, psw()) == ["Excluded: 信仰 “佛教” not met"]
    ok = psw(equality=(IdentityPair("信仰", "佛教"),))
    assert why_not(person, ok) == []
    assert bool(np.all(eligible(person, PswIndex.build([ok]))))
