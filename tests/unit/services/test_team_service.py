"""Teams through the service: names, membership dates and the team check in words."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.errors import NotFound, ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.team_records import TeamId
from peerdesk.domain.text import fold
from peerdesk.services.bundle import Services
from peerdesk.services.team_service import PROTECTED_NAME
from peerdesk.storage.person_models import PersonRowModel
from tests.conftest import NOW

TODAY = NOW.date()
D = dt.date
MON_9_TO_12 = Availability.of([TimeRange(0, 18, 24)])
MON_11_TO_1 = Availability.of([TimeRange(0, 22, 26)])  # 1 hour shared with MON_9_TO_12
MON_10_TO_2 = Availability.of([TimeRange(0, 20, 28)])  # 2 hours shared with MON_9_TO_12
TUE = Availability.of([TimeRange(1, 18, 24)])


def peer(
    services: Services,
    name: str,
    week: Availability = MON_9_TO_12,
    status: JourneyStatus = JourneyStatus.ACTIVE,
    *,
    known_as: str = "",
) -> PswId:
    details = PswDetails(full_name=name, known_as=known_as, availability=week)
    return services.psws.create(details, status=status, since=D(2026, 1, 5))[0].id


def team_with(services: Services, name: str, *members: PswId) -> TeamId:
    team, _ = services.teams.create(name)
    for member in members:
        services.teams.add_member(team.id, member, joined_on=D(2026, 3, 2))
    return team.id


def fields(excinfo: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.message for p in excinfo.value.problems}


@pytest.mark.parametrize(
    ("weeks", "statuses", "expected"),
    [
        ((MON_9_TO_12, MON_10_TO_2), ("active", "active"), []),
        ((MON_9_TO_12, TUE), ("active", "active"), ["Riverside: Zoë and Łukasz share no hours"]),
        (
            (MON_9_TO_12, MON_11_TO_1),
            ("active", "active"),
            ["Riverside: Zoë and Łukasz share only 1 hour a week"],
        ),
        (
            (MON_9_TO_12, MON_10_TO_2),
            ("active", "paused"),
            ["Riverside: only one active peer (Zoë)"],
        ),
        ((MON_9_TO_12, MON_10_TO_2), ("induction", "paused"), ["Riverside: no active peers"]),
        (
            (Availability(), MON_10_TO_2),
            ("active", "active"),
            ["Riverside: Zoë and Łukasz share no hours"],
        ),
    ],
)
def test_team_check_through_the_service(
    services: Services,
    weeks: tuple[Availability, Availability],
    statuses: tuple[str, str],
    expected: list[str],
) -> None:
    zoe = peer(services, "Zoë Nguyễn", weeks[0], JourneyStatus(statuses[0]), known_as="Zoë")
    lukasz = peer(services, "Łukasz", weeks[1], JourneyStatus(statuses[1]))
    team = team_with(services, "Riverside", zoe, lukasz)
    assert services.teams.problems_by_team() == {team: expected}


def test_names_in_any_script_and_an_empty_team(services: Services) -> None:
    names = ["محمد علي", "王小明", "Ngozi Ọkafọ̀r"]
    ids = [peer(services, n, week) for n, week in zip(names, (MON_9_TO_12, TUE, TUE), strict=True)]
    busy = team_with(services, "Ysbyty / 医院", ids[0], ids[1])
    empty = team_with(services, "Nobody yet")
    problems = services.teams.problems_by_team()
    assert problems[busy] == ["Ysbyty / 医院: محمد علي and 王小明 share no hours"]
    assert problems[empty] == ["Nobody yet: no active peers"]


def test_leavers_and_archived_peers_do_not_count(services: Services) -> None:
    a, b, c = (peer(services, n) for n in ("Ann", "Bea", "Cai"))
    team = team_with(services, "Dee", a, b, c)
    assert services.teams.problems_by_team()[team] == []
    membership = services.teams.get(team).members[1]
    _, changes = services.teams.end_membership(membership.id, left_on=TODAY)
    assert changes.teams and not changes.empty
    services.psws.set_archived(c, True)
    assert services.teams.problems_by_team()[team] == ["Dee: only one active peer (Ann)"]
    listed = services.teams.get(team)
    assert [m.psw_name for m in listed.current_members(TODAY)] == ["Ann", "Cai"]
    assert listed.members[1].left_on == TODAY


def test_duplicate_names_are_refused_whatever_the_case_or_accents(services: Services) -> None:
    services.teams.create("Zoë's Team")
    for name in ("zoe's team", "  ZOË'S   TEAM ", "Zoe’s Team"):
        with pytest.raises(ValidationFailed) as refused:
            services.teams.create(name)
        assert fields(refused) == {
            "name": "There is already a team called Zoë's Team: choose another name."
        }
    other, _ = services.teams.create("Other")
    with pytest.raises(ValidationFailed):
        services.teams.update(other.id, "ZOES TEAM".replace("S T", "'S T"), None)
    renamed, _ = services.teams.update(other.id, "other", None)  # its own name, new case
    assert renamed.name == "other"
    with pytest.raises(ValidationFailed) as refused:
        services.teams.create("   ")
    assert fields(refused) == {"name": "Give the team a name."}
    with pytest.raises(ValidationFailed) as refused:
        services.teams.create("x" * 201)
    assert set(fields(refused)) == {"name"}


def test_area_comes_from_the_areas_list(services: Services) -> None:
    items = services.lists.items()
    area = next(i for i in items if i.kind is ListKind.AREA)
    skill = next(i for i in items if i.kind is ListKind.SKILL)
    team, _ = services.teams.create("Riverside", area.id)
    assert (team.area_id, team.area) == (area.id, area.name)
    with pytest.raises(ValidationFailed) as refused:
        services.teams.update(team.id, "Riverside", skill.id)
    assert set(fields(refused)) == {"area_id"}
    team, _ = services.teams.update(team.id, "Riverside North", None)
    assert (team.name, team.area_id, team.area) == ("Riverside North", None, "")
    assert [t.name for t in services.teams.teams()] == ["Riverside North"]


@pytest.mark.parametrize(
    ("joined", "left", "field", "message"),
    [
        (D(2026, 3, 2), D(2026, 3, 1), "left_on", "before they joined (2 March 2026)"),
        (D(2026, 3, 2), TODAY + dt.timedelta(days=1), "left_on", "cannot be in the future"),
        (TODAY + dt.timedelta(days=1), None, "joined_on", "cannot be in the future"),
    ],
)
def test_membership_date_rules(
    services: Services, joined: dt.date, left: dt.date | None, field: str, message: str
) -> None:
    team = team_with(services, "Riverside")
    who = peer(services, "Zoë")
    if joined > TODAY:
        with pytest.raises(ValidationFailed) as refused:
            services.teams.add_member(team, who, joined_on=joined)
    else:
        added, _ = services.teams.add_member(team, who, joined_on=joined)
        assert left is not None
        with pytest.raises(ValidationFailed) as refused:
            services.teams.end_membership(added.members[0].id, left_on=left)
        assert services.teams.get(team).members[0].left_on is None  # nothing saved
    assert set(fields(refused)) == {field} and message in fields(refused)[field]


def test_joining_twice_leaving_twice_and_rejoining(services: Services) -> None:
    team = team_with(services, "Riverside")
    who = peer(services, "Zoë")
    first = services.teams.add_member(team, who, joined_on=D(2026, 3, 2))[0].members[0]
    with pytest.raises(ValidationFailed) as refused:
        services.teams.add_member(team, who)
    assert fields(refused) == {"psw_id": "Zoë is already in Riverside."}
    services.teams.end_membership(first.id, left_on=D(2026, 6, 1))
    with pytest.raises(ValidationFailed) as refused:
        services.teams.end_membership(first.id, left_on=D(2026, 6, 2))
    assert "already left on 1 June 2026" in fields(refused)["left_on"]
    assert services.teams.joining_problems(team, who, D(2026, 5, 1))[0].field == "joined_on"
    again, _ = services.teams.add_member(team, who)  # today
    assert [(m.joined_on, m.left_on) for m in again.members] == [
        (D(2026, 3, 2), D(2026, 6, 1)),
        (TODAY, None),
    ]
    assert [t.id for t in services.teams.teams_of(who)] == [team]
    assert services.teams.leaving_problems(again.members[1].id, TODAY) == []


def test_gone_records_say_so(services: Services) -> None:
    team = team_with(services, "Riverside")
    with pytest.raises(NotFound):
        services.teams.add_member(team, PswId(9999))
    with pytest.raises(NotFound):
        services.teams.update(TeamId(9999), "X", None)


def test_protected_members_are_not_listed_nor_named(services: Services) -> None:
    zoe, lukasz = peer(services, "Zoë"), peer(services, "Łukasz", TUE)
    team = team_with(services, "Riverside", zoe, lukasz)
    person: PersonId = services.people.create(
        PersonDetails(full_name="Łukasz Nowak", referred_on=D(2026, 6, 1))
    )[0].id
    with services.workspace.transaction() as s:
        row = s.get(PersonRowModel, person)
        assert row is not None
        row.linked_psw_id = lukasz
    assert [m.psw_id for m in services.teams.teams()[0].members] == [zoe]
    assert services.teams.problems_by_team()[team] == [
        f"Riverside: Zoë and {PROTECTED_NAME} share no hours"
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_typed_name_is_kept_or_refused_in_words(services: Services, name: str) -> None:
    try:
        team, _ = services.teams.create(name)
    except ValidationFailed as refused:
        assert all(p.field == "name" and p.message for p in refused.problems)
        return
    assert fold(team.name) and services.teams.get(team.id).name == team.name
    with pytest.raises(ValidationFailed):
        services.teams.create(name.upper())
