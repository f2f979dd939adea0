"""Find in notes as a supervisor with "Include confidential": their own sessions' confidential
text (notes, check-ins, actions, learning needs, a group's notes), never another supervisor's,
never private text, plans or PSWs they may not see; the owner decided by ``same_name``."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass, replace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.roles import Role
from peerdesk.domain.search_results import SearchKind
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.domain.text import tidy_line
from peerdesk.domain.users import same_name
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services, build
from peerdesk.services.login import as_viewer
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_attention_visibility import protect

D = dt.date
SAM, JO = "Sam Okafor", "Jo Reid"
TAGS = {SAM: "samword", JO: "joword"}
WRITTEN = {SAM: "  sam   OKAFOR ", JO: "JO REID"}
"""How each supervisor's name was typed on their sessions: same_name ignores case and spacing."""
C, S, P = Confidentiality.CONFIDENTIAL, Confidentiality.SHARED, Confidentiality.PRIVATE
SESSION_KINDS = (SearchKind.NOTE, SearchKind.CHECKIN, SearchKind.ACTION, SearchKind.LEARNING_NEED)


@dataclass(frozen=True)
class World:
    ann: PswId  # supervised by both
    ben: PswId  # supervised by both
    hid: PswId  # supervised by both, but protected: hidden from supervisors
    dan: PswId  # supervised by neither
    viewers: dict[str, Viewer]


def record(
    services: Services,
    supervisor: str,
    level: Confidentiality,
    *psws: PswId,
    tag: str | None = None,
) -> int:
    """A session at ``level`` whose notes, check-ins, actions and needs read "<tag> <level> …"."""
    tag = tag or TAGS[supervisor]
    parts = tuple(
        AttendeeDraft(
            p,
            checkin_note=f"{tag} {level.value} checkin",
            learning_needs=(f"{tag} {level.value} need",),
            actions=(ActionDraft(f"{tag} {level.value} action"),),
        )
        for p in psws
    )
    draft = SessionDraft(
        kind=SupervisionKind.REFLECTIVE,
        supervisor=WRITTEN.get(supervisor, supervisor),
        held_on=D(2026, 11, 2),
        minutes=50,
        attendees=parts,
        is_group=len(psws) > 1,
        notes=f"{tag} {level.value} notes",
        confidentiality=level,
    )
    return services.supervision.record(draft)[0]


def confidential_plan(services: Services, psw: PswId, text: str) -> None:
    draft = services.plans.draft(psw, PlanKind.WELLBEING)
    sections = tuple(
        replace(s, text=text) if s.key == "keeps_me_well" else s for s in draft.sections
    )
    services.plans.save(psw, replace(draft, sections=sections, confidentiality=C))


@pytest.fixture
def world(services: Services) -> World:
    ann, ben, hid, dan = (new_psw(services, n, known_as="") for n in ("Ann", "Ben", "Hid", "Dan"))
    protect(services, hid)
    for supervisor in (SAM, JO):
        for psw in (ann, ben, hid, dan):
            for level in Confidentiality:
                record(services, supervisor, level, psw)
        record(services, supervisor, C, ann, ben)  # a group's notes and each one's check-in
        confidential_plan(services, ann, f"{TAGS[supervisor]} plan")
    confidential_plan(services, dan, "outside plan")  # Dan is nobody's supervisee
    services.users.turn_on("Priya Shah")
    viewers = {}
    for name, passphrase in ((SAM, "purple elephant kettle drum"), (JO, "seven quiet lanterns")):
        user, _ = services.users.add_user(name, Role.SUPERVISOR, passphrase)
        user, _ = services.users.set_supervisees(user.id, [ann, ben, hid])
        viewers[name] = as_viewer(user)
    return World(ann, ben, hid, dan, viewers)


Found = Counter[tuple[PswId, SearchKind, Confidentiality, str]]


def found(services: Services, viewer: Viewer, typed: str, *, ticked: bool) -> Found:
    """Every result, page by page, as (PSW opened, kind, level, snippet)."""
    mine = build(services.workspace, services.clock, viewer)
    shown: Found = Counter()
    for number in itertools.count():
        page = mine.search.search(typed, include_confidential=ticked, page=number)
        shown.update(
            (r.psw_id, r.kind, Confidentiality(r.confidentiality), r.snippet_text)
            for r in page.results
        )
        if not page.has_more:
            break
    return shown


def expected(world: World, tag: str, levels: set[Confidentiality], *, group: bool) -> Found:
    want = Counter(
        (psw, kind, level, f"{tag} {level.value} {kind_word(kind)}")
        for psw in (world.ann, world.ben)
        for kind in SESSION_KINDS
        for level in levels
    )
    if group and C in levels:  # the group's notes open its first attendee by name: Ann
        want[(world.ann, SearchKind.NOTE, C, f"{tag} confidential notes")] += 1
        for psw in (world.ann, world.ben):
            for kind in SESSION_KINDS[1:]:
                want[(psw, kind, C, f"{tag} confidential {kind_word(kind)}")] += 1
    return want


def sessions(shown: Found) -> Found:
    """Only the hits from supervision sessions (plans are checked on their own)."""
    return Counter({hit: n for hit, n in shown.items() if not hit[1].is_plan})


def kind_word(kind: SearchKind) -> str:
    return {
        SearchKind.NOTE: "notes",
        SearchKind.CHECKIN: "checkin",
        SearchKind.ACTION: "action",
        SearchKind.LEARNING_NEED: "need",
    }[kind]


@pytest.mark.parametrize(("me", "other"), [(SAM, JO), (JO, SAM)])
def test_a_supervisor_finds_their_own_confidential_text_and_never_another_supervisors(
    services: Services, world: World, me: str, other: str
) -> None:
    viewer = world.viewers[me]
    mine, theirs = TAGS[me], TAGS[other]
    want = expected(world, mine, {S, C}, group=True)
    assert sessions(found(services, viewer, mine, ticked=True)) == want
    want = expected(world, theirs, {S}, group=False)
    assert sessions(found(services, viewer, theirs, ticked=True)) == want
    assert found(services, viewer, mine, ticked=False) == expected(world, mine, {S}, group=False)
    assert not found(services, viewer, "private", ticked=True)
    # A supervisee's plan, as opening it shows (its latest version is Jo's text); never Dan's.
    assert found(services, viewer, "plan", ticked=True) == Counter(
        {(world.ann, SearchKind.WELLBEING_PLAN, C, "joword plan"): 1}
    )
    assert not found(services, viewer, "plan", ticked=False)
    every: Found = Counter()
    for word in (mine, theirs, "notes", "checkin", "action", "need", "shared", "confidential"):
        every += found(services, viewer, word, ticked=True)
    assert {psw for psw, *_ in every} == {world.ann, world.ben}  # never Hid or Dan
    assert all(level is not P for _, _, level, _ in every)
    assert not any(text.startswith(f"{theirs} confidential") for *_, text in every)


def test_a_coordinator_still_finds_every_confidential_note_and_plan(
    services: Services, world: World
) -> None:
    shown = found(services, COORDINATOR, "samword", ticked=True)
    assert {psw for psw, *_ in shown} == {world.ann, world.ben, world.dan}
    assert (world.ann, SearchKind.WELLBEING_PLAN, C, "samword plan") not in shown  # replaced
    assert (world.ann, SearchKind.WELLBEING_PLAN, C, "joword plan") in found(
        services, COORDINATOR, "joword", ticked=True
    )
    assert {level for _, _, level, _ in shown} == {S, C}


def test_a_trustee_finds_nothing(services: Services, world: World) -> None:
    trustee = Viewer("Tess Trustee", role=Role.TRUSTEE, user_id=9)
    assert not found(services, trustee, "samword", ticked=True)


def test_a_supervisor_with_no_confidential_session_of_their_own_finds_shared_only(
    services: Services, world: World
) -> None:
    stranger = replace(world.viewers[SAM], id="Kim Other")
    shown = found(services, stranger, "samword", ticked=True)
    assert shown == expected(world, "samword", {S}, group=False)


LETTERS = "abksßẞKıIİiσΣςéÉøØ"
SPACES = [" ", "  ", "\t", "\u00a0", "\u2003"]


@st.composite
def spelled(draw: st.DrawFn, words: list[str]) -> str:
    """``words`` with each letter's case and the spacing between and around them redrawn."""
    cased = [
        "".join(draw(st.sampled_from([c, c.upper(), c.lower(), c.casefold()])) for c in word)
        for word in words
    ]
    gaps = draw(st.lists(st.sampled_from(SPACES), min_size=len(words) + 1, max_size=len(words) + 1))
    ends = draw(st.sampled_from(["", " ", "\t "]))
    return ends + "".join(g + w for g, w in zip(gaps, cased, strict=False)) + ends


NAME_WORDS = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=6), min_size=1, max_size=3)


@st.composite
def names(draw: st.DrawFn) -> tuple[str, str]:
    """(the viewer's name, a supervisor's name as written on a session): often the same name
    spelled differently, sometimes another name."""
    words = draw(NAME_WORDS)
    viewer = draw(spelled(words))
    other = draw(st.one_of(spelled(words), NAME_WORDS.flatmap(spelled)))
    return viewer, other


_markers = itertools.count()


def marker() -> str:
    n, word = next(_markers), ""
    while True:
        n, digit = divmod(n, 26)
        word += chr(ord("a") + digit)
        if n == 0:
            return f"qvx{word}"


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pair=names())
@example(pair=("Sam Okafor", "  sam   OKAFOR "))
@example(pair=("Strauß", "STRAUSS"))
@example(pair=("Sam Okafor", "Sam Okafor-Smith"))
def test_a_supervisors_own_sessions_are_those_same_name_says(
    services: Services, pair: tuple[str, str]
) -> None:
    viewer_name, written = pair
    if not tidy_line(viewer_name) or not tidy_line(written):
        return
    psw = new_psw(services, "Ann Smith", known_as="")
    word = marker()  # each example finds only its own session
    record(services, written, C, psw, tag=word)
    viewer = Viewer(viewer_name, role=Role.SUPERVISOR, user_id=2, supervisees=frozenset({psw}))
    shown = found(services, viewer, word, ticked=True)
    kinds = {kind for _, kind, _, _ in shown}
    assert kinds == (set(SESSION_KINDS) if same_name(written, viewer_name) else set())
    assert not found(services, viewer, word, ticked=False)
