"""The consent service: append-only writes, validation naming the field, boxes kept in step."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from peerdesk.domain.consent import ConsentHow, EntryKind, lived_experience_purpose, wording_for
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw import LivedExperience, Psw, PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.clock import FixedClock

TOLD = wording_for("lived_experience:1:matching").text


def _psw_with_items(services: Services) -> tuple[Psw, TaxonomyItemId, TaxonomyItemId]:
    items = [i.id for i in services.lists.items() if i.kind is ListKind.LIVED_EXPERIENCE]
    details = PswDetails(
        full_name="Zoë Nguyễn",
        lived_experience=(LivedExperience(items[0]), LivedExperience(items[1])),
    )
    psw, _ = services.psws.create(details)
    return psw, items[0], items[1]


def _boxes(services: Services, psw: Psw) -> dict[TaxonomyItemId, tuple[bool, bool]]:
    got = services.psws.get(psw.id).details.lived_experience
    return {le.item_id: (le.use_for_matching, le.share_with_supported) for le in got}


def test_give_withdraw_and_give_again_append_and_keep_the_boxes_in_step(
    services: Services, clock: FixedClock
) -> None:
    psw, first, second = _psw_with_items(services)
    purpose = lived_experience_purpose(first, "matching")
    today = clock.today()

    given, changes = services.consents.give(
        psw.id, purpose, how=ConsentHow.WRITTEN, told=TOLD, given_on=today, wording_version=1
    )
    assert psw.id in changes.psws
    assert given.recorded_by == "Coordinator" and given.recorded_at == clock.now()
    assert _boxes(services, psw)[first] == (True, False)
    assert services.consents.matching_consents([psw.id]) == {(psw.id, first)}

    services.consents.withdraw(psw.id, purpose, how=ConsentHow.PHONE, on=today)
    assert _boxes(services, psw)[first] == (False, False)
    assert services.consents.matching_consents([psw.id]) == set()

    services.consents.give(psw.id, purpose, how=ConsentHow.IN_PERSON, told=TOLD, given_on=today)
    ledger = services.consents.ledger(psw.id)
    assert [e.kind for e in ledger] == [EntryKind.GIVEN, EntryKind.WITHDRAWN, EntryKind.GIVEN]
    assert ledger[0] == given  # earlier entries are never changed
    assert [e.told for e in ledger if e.kind is EntryKind.GIVEN] == [TOLD, TOLD]
    assert services.consents.current(psw.id, purpose)
    assert _boxes(services, psw) == {first: (True, False), second: (False, False)}


def test_sharing_consent_sets_only_the_sharing_box(services: Services, clock: FixedClock) -> None:
    psw, first, second = _psw_with_items(services)
    services.consents.give(
        psw.id,
        lived_experience_purpose(second, "sharing"),
        how=ConsentHow.MESSAGE,
        told="We may tell them.",
        given_on=clock.today(),
    )
    assert _boxes(services, psw) == {first: (False, False), second: (False, True)}
    assert services.consents.matching_consents([psw.id]) == set()


def _fields(error: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {p.field for p in error.value.problems if p.blocking}


def test_bad_input_is_refused_naming_the_field(services: Services, clock: FixedClock) -> None:
    psw, first, _ = _psw_with_items(services)
    purpose = lived_experience_purpose(first, "matching")
    tomorrow = clock.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationFailed) as error:
        services.consents.give(psw.id, purpose, how=ConsentHow.WRITTEN, told=" ", given_on=tomorrow)
    assert _fields(error) == {"given_on", "told"}
    with pytest.raises(ValidationFailed) as error:
        services.consents.give(
            psw.id, "whatever", how=ConsentHow.BEFORE_LEDGER, told=TOLD, given_on=clock.today()
        )
    assert _fields(error) == {"purpose", "how"}
    with pytest.raises(ValidationFailed) as error:
        services.consents.withdraw(psw.id, purpose, how=ConsentHow.PHONE, on=clock.today())
    assert _fields(error) == {"purpose"}  # nothing in force to withdraw
    services.consents.give(
        psw.id, purpose, how=ConsentHow.WRITTEN, told=TOLD, given_on=dt.date(2026, 11, 10)
    )
    with pytest.raises(ValidationFailed) as error:
        services.consents.withdraw(psw.id, purpose, how=ConsentHow.PHONE, on=dt.date(2026, 11, 9))
    assert _fields(error) == {"withdrawn_on"}
    assert len(services.consents.ledger(psw.id)) == 1  # refused writes add nothing


def test_corrections_are_new_entries_that_supersede(services: Services, clock: FixedClock) -> None:
    psw, first, _ = _psw_with_items(services)
    purpose = lived_experience_purpose(first, "matching")
    given, _ = services.consents.give(
        psw.id, purpose, how=ConsentHow.PHONE, told=TOLD, given_on=clock.today()
    )
    with pytest.raises(ValidationFailed) as error:
        services.consents.correct(given.id, note="")
    assert _fields(error) == {"note"}

    fixed, _ = services.consents.correct(given.id, note="It was in writing", how=ConsentHow.WRITTEN)
    assert fixed.kind is EntryKind.CORRECTION and fixed.corrects == given.id
    assert fixed.how is ConsentHow.WRITTEN and fixed.told == TOLD
    assert services.consents.current(psw.id, purpose)

    voided, _ = services.consents.correct(fixed.id, note="Wrong person", void=True)
    assert voided.corrects == given.id  # a correction of a correction corrects the original
    assert not services.consents.current(psw.id, purpose)
    assert _boxes(services, psw)[first] == (False, False)
    assert [e.id for e in services.consents.ledger(psw.id)] == [given.id, fixed.id, voided.id]


def test_other_purposes_are_recorded_without_touching_the_boxes(
    services: Services, clock: FixedClock
) -> None:
    psw, first, second = _psw_with_items(services)
    services.consents.give(
        psw.id, "research", how=ConsentHow.WRITTEN, told="Evaluation", given_on=clock.today()
    )
    assert services.consents.current(psw.id, "research")
    assert _boxes(services, psw) == {first: (False, False), second: (False, False)}


def test_matching_reads_only_items_still_held(services: Services, clock: FixedClock) -> None:
    psw, first, second = _psw_with_items(services)
    for item in (first, second):
        services.consents.give(
            psw.id,
            lived_experience_purpose(item, "matching"),
            how=ConsentHow.WRITTEN,
            told=TOLD,
            given_on=clock.today(),
        )
    current = services.psws.get(psw.id)
    kept = tuple(le for le in current.details.lived_experience if le.item_id == first)
    services.psws.update(
        psw.id, replace(current.details, lived_experience=kept), version=current.version
    )
    assert services.consents.matching_consents([psw.id]) == {(psw.id, first)}
