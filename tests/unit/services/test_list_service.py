"""The editable lists: seeded defaults, add, rename, retire, delete only when unused."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.taxonomy import ListItemDraft, ListKind
from peerdesk.services.bundle import Services


def test_defaults_are_seeded_for_every_list(services: Services) -> None:
    for kind in ListKind:
        assert services.lists.items(kind), kind
    families = {i.family for i in services.lists.items(ListKind.LIVED_EXPERIENCE)}
    assert {"Mental health", "Caring", "Homelessness", "Identity-based experience"} <= families
    assert all(i.latitude is not None for i in services.lists.items(ListKind.AREA))


def test_add_rename_and_refuse_duplicates(services: Services) -> None:
    item, changes = services.lists.add(ListItemDraft(ListKind.INTEREST, "  Birdwatching "))
    assert item.name == "Birdwatching" and changes.lists
    with pytest.raises(ValidationFailed, match="already in the list"):
        services.lists.add(ListItemDraft(ListKind.INTEREST, "birdwatching"))
    renamed, _ = services.lists.update(item.id, ListItemDraft(ListKind.INTEREST, "Birding"))
    assert renamed.name == "Birding"


def test_used_items_are_retired_not_deleted(services: Services) -> None:
    interest = services.lists.items(ListKind.INTEREST)[0]
    services.psws.create(PswDetails(full_name="Gráinne", interests=(interest.id,)))
    assert services.lists.usage(interest.id) == 1
    with pytest.raises(ValidationFailed, match="Retire it instead"):
        services.lists.remove(interest.id)
    retired, _ = services.lists.set_retired(interest.id, True)
    assert retired.retired
    assert interest.id not in {i.id for i in services.lists.items(include_retired=False)}
    unused, _ = services.lists.add(ListItemDraft(ListKind.INTEREST, "Chess"))
    services.lists.remove(unused.id)
    assert unused.id not in {i.id for i in services.lists.items()}


def test_lived_experience_needs_a_family_and_areas_both_coordinates(services: Services) -> None:
    with pytest.raises(ValidationFailed, match="family"):
        services.lists.add(ListItemDraft(ListKind.LIVED_EXPERIENCE, "Loneliness"))
    with pytest.raises(ValidationFailed, match="both latitude and longitude"):
        services.lists.add(ListItemDraft(ListKind.AREA, "Wirral", latitude=53.3))
    with pytest.raises(ValidationFailed, match="Latitude"):
        services.lists.add(ListItemDraft(ListKind.AREA, "Nowhere", latitude=91, longitude=0))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=250))
def test_any_typed_name_is_saved_exactly_or_refused_clearly(services: Services, name: str) -> None:
    try:
        item, _ = services.lists.add(ListItemDraft(ListKind.SKILL, name))
    except ValidationFailed as refused:
        assert refused.problems and all(p.message for p in refused.problems)
        return
    assert item in services.lists.items(ListKind.SKILL)
