"""Reason wording from closeness values."""

from __future__ import annotations

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.matching.criteria import DEFAULT_WEIGHTS, Criterion, Weights
from peerdesk.domain.matching.profiles import IdentityPair, PersonWishes, PswProfile
from peerdesk.domain.matching.reasons import Reason, join_reasons, reasons_at
from peerdesk.domain.matching.score import PswIndex, score_person

from .conftest import ANXIETY, BIRTH_TRAUMA, PND, pnd_item, psw

RELATED = {"Perinatal": ["Anxiety"]}


def reasons(
    person: PersonWishes, profile: PswProfile, weights: Weights = DEFAULT_WEIGHTS
) -> list[Reason]:
    index = PswIndex.build([profile])
    s = score_person(person, index, weights=weights, related_families=RELATED)
    return reasons_at(s, index, 0, person, weights=weights, related_families=RELATED)


def test_the_issue_example() -> None:
    person = PersonWishes(
        lived_experience=(PND,),
        languages=("Polish",),
        availability=Availability.of([TimeRange(0, 18, 30)]),
    )
    profile = psw(
        lived_experience=(pnd_item(),),
        languages=("Polish", "English"),
        availability=Availability.of([TimeRange(0, 12, 30)]),
    )
    assert join_reasons(reasons(person, profile)) == (
        "Both have experience of postnatal depression; both speak Polish; "
        "6 hours of overlapping availability a week"
    )


def test_coordinator_only_and_family_wording() -> None:
    person = PersonWishes(lived_experience=(PND,))
    [r] = reasons(person, psw(lived_experience=(pnd_item(shareable=False),)))
    assert r.sentence == "Both have experience of postnatal depression (coordinator only)"
    [r] = reasons(person, psw(lived_experience=(BIRTH_TRAUMA,)))
    assert r.sentence == "Experience of birth trauma, close to postnatal depression (Perinatal)"
    [r] = reasons(person, psw(lived_experience=(ANXIETY,)))
    assert r.sentence == "Experience of anxiety, related to postnatal depression"


def test_not_recorded_said() -> None:
    person = PersonWishes(
        languages=("Polish",),
        availability=Availability.of([TimeRange(0, 18, 30)]),
        face_to_face=True,
        position=(51.0, 0.0),
    )
    got = reasons(person, psw(languages=(), availability=None, position=None))
    assert [(r.criterion, r.sentence, r.not_recorded) for r in got] == [
        (Criterion.LANGUAGE, "Languages not recorded", True),
        (Criterion.AVAILABILITY, "Availability not recorded", True),
        (Criterion.TRAVEL, "Area or travel distance not recorded", True),
    ]
    [r] = reasons(PersonWishes(face_to_face=True), psw())
    assert r.sentence == "Travel distance not known: the person's area is not recorded"


def test_each_criterion_wording_and_zero_weight_silent() -> None:
    person = PersonWishes(
        would_like=(IdentityPair("Gender", "woman"), IdentityPair("Language", "Urdu")),
        languages=("Polish", "English"),
        position=(51.5, -0.1),
        face_to_face=True,
        contact_modes=("video", "phone"),
        interests=("Chess", "art", "gardening"),
    )
    profile = psw(
        equality=(IdentityPair("gender", "Woman"),),
        languages=("English",),
        contact_modes=("phone",),
        interests=("chess", "gardening"),
    )
    got = {r.criterion: r.sentence for r in reasons(person, profile)}
    assert got == {
        Criterion.IDENTITY: "Meets the wish for Gender “woman”",
        Criterion.LANGUAGE: "Both speak English (not Polish, the first choice)",
        Criterion.TRAVEL: "About 0.0 miles apart (travels up to 10 miles)",
        Criterion.CONTACT_MODE: "Offers phone",
        Criterion.INTERESTS: "Shared interests: Chess and gardening",
    }
    quiet = reasons(person, profile, Weights(identity=0, language=0, travel=0, interests=0))
    assert [r.criterion for r in quiet] == [Criterion.CONTACT_MODE]


def test_no_reason_for_zero_closeness() -> None:
    person = PersonWishes(languages=("Polish",), interests=("chess",))
    assert reasons(person, psw(languages=("Urdu",), interests=("art",))) == []


def test_names_in_any_script() -> None:
    person = PersonWishes(languages=("العربية",), interests=("书法",), contact_modes=("Łączność",))
    profile = psw(languages=("العربية",), interests=("书法",), contact_modes=("łączność",))
    assert join_reasons(reasons(person, profile)) == (
        "Both speak العربية; offers Łączność, the first choice; shared interests: 书法"
    )
