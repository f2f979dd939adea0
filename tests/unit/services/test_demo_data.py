"""Demo data: repeatable for a seed, valid by the PSW rules, varied like a real scheme."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.contact import email_warning, phone_warning
from peerdesk.domain.demographics import PREFER_NOT_TO_SAY, QUESTION_BY_KEY
from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.journey import PIPELINE, JourneyStatus, status_change_problems
from peerdesk.domain.psw_rules import check_psw, tidied
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.domain.taxonomy_defaults import default_items
from peerdesk.domain.text import fold
from peerdesk.services.demo_data import DemoPsw, generate

NOW = dt.datetime(2026, 11, 23, 14, 5)
ITEMS = [
    ListItem(TaxonomyItemId(i + 1), d.kind, d.name, d.family, d.latitude, d.longitude)
    for i, d in enumerate(default_items())
]
ITEM_BY_ID = {i.id: i for i in ITEMS}
POSTCODE = r"[A-Z]{1,2}\d{1,2}[A-Z]? \d[ABD-HJLNP-UW-Z]{2}"


def _many(count: int = 2_000, seed: int = 2026) -> list[DemoPsw]:
    return generate(ITEMS, count=count, seed=seed, now=NOW)


def test_the_same_seed_gives_the_same_psws_and_another_seed_does_not() -> None:
    assert generate(ITEMS, count=50, seed=7, now=NOW) == generate(ITEMS, count=50, seed=7, now=NOW)
    assert generate(ITEMS, count=50, seed=7, now=NOW) != generate(ITEMS, count=50, seed=8, now=NOW)


def test_a_longer_run_starts_with_the_shorter_one() -> None:
    assert _many(500)[:100] == _many(100)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**64))
def test_every_generated_psw_passes_the_rules_without_warnings(seed: int) -> None:
    for psw in generate(ITEMS, count=40, seed=seed, now=NOW):
        assert check_psw(psw.details, today=NOW.date()) == [], psw.details.full_name


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**64))
def test_histories_are_changes_a_coordinator_could_have_recorded(seed: int) -> None:
    for psw in generate(ITEMS, count=40, seed=seed, now=NOW):
        history = psw.history
        assert history[0].from_status is None
        assert history[0].to_status is JourneyStatus.ENQUIRY
        assert history[-1].to_status is psw.status
        assert history[-1].on == psw.status_since
        for before, change in itertools.pairwise(history):
            assert change.from_status is before.to_status
            assert before.on < change.on
            assert not status_change_problems(
                before.to_status, change.to_status, change.on, change.reason, today=NOW.date()
            )
        assert all(h.recorded_at <= NOW and h.recorded_at.date() == h.on for h in history)
        assert psw.created_at == history[0].recorded_at <= psw.updated_at <= NOW
        assert not psw.archived or psw.status is JourneyStatus.LEFT


def test_text_is_already_as_the_vault_stores_it_so_names_round_trip() -> None:
    for psw in _many():
        assert tidied(psw.details) == psw.details
        assert unicodedata.is_normalized("NFC", psw.details.full_name)


def test_names_come_from_many_backgrounds_spelled_correctly() -> None:
    names = {p.details.full_name for p in _many(5_000)}
    text = " ".join(names)
    for spelled in (
        "Zoë",
        "Siobhán",
        "Nguyễn",
        "Łukasz",
        "Aoife",
        "Chidi",
        "Priya",
        "Oluwaseun",
        "Gráinne",
        "Dafydd",
        "Agnieszka",
        "Rhys",
        "Fatima",
        "Mohammed",
        "محمد",
        "李",
    ):
        assert spelled in text, spelled
    assert len(names) > 4_000  # few exact repeats


def test_names_in_another_script_carry_a_latin_known_as_to_greet_and_search_by() -> None:
    native = [
        p.details
        for p in _many()
        if not any(ch.isascii() and ch.isalpha() for ch in p.details.full_name)
    ]
    assert len(native) > 10
    for d in native:
        assert d.known_as and fold(d.known_as).isascii()


def test_contact_details_are_well_formed_and_safe_to_publish() -> None:
    for psw in _many():
        d = psw.details
        assert d.email == "" or d.email.endswith("@example.org")
        assert email_warning(d.email) is None
        assert d.phone == "" or d.phone.startswith("07700 900")
        assert phone_warning(d.phone) is None and phone_warning(d.emergency_contact.phone) is None
        if d.postcode:
            assert re.fullmatch(POSTCODE, d.postcode), d.postcode


def test_lists_use_only_live_items_of_the_right_kind() -> None:
    retired = ITEMS[0]
    items = [
        ListItem(retired.id, retired.kind, retired.name, retired.family, retired=True),
        *ITEMS[1:],
    ]
    for psw in generate(items, count=500, seed=3, now=NOW):
        d = psw.details
        kinds = [
            (ListKind.LIVED_EXPERIENCE, [le.item_id for le in d.lived_experience]),
            (ListKind.SKILL, list(d.skills)),
            (ListKind.INTEREST, list(d.interests)),
            (ListKind.LANGUAGE, [lang.item_id for lang in d.languages]),
            (ListKind.AREA, [] if d.area_id is None else [d.area_id]),
        ]
        for kind, ids in kinds:
            assert all(ITEM_BY_ID[i].kind is kind for i in ids)
            assert retired.id not in ids
        assert 1 <= len(d.lived_experience) <= 4


def test_statuses_spread_along_the_journey_with_most_active() -> None:
    counts = Counter(p.status for p in _many(5_000))
    assert set(counts) == set(JourneyStatus)
    assert counts.most_common(1)[0][0] is JourneyStatus.ACTIVE
    assert 0.4 < counts[JourneyStatus.ACTIVE] / 5_000 < 0.65
    assert all(counts[s] > 100 for s in (*PIPELINE, JourneyStatus.PAUSED, JourneyStatus.LEFT))


def test_answers_vary_and_include_prefer_not_to_say_and_blanks() -> None:
    psws = _many()
    answers = [a for p in psws for a in p.details.demographics]
    assert any(a.answer == PREFER_NOT_TO_SAY for a in answers)
    assert any(not p.details.demographics for p in psws)
    assert all(a.question in QUESTION_BY_KEY for a in answers)
    consents = Counter(
        (le.use_for_matching, le.share_with_supported)
        for p in psws
        for le in p.details.lived_experience
    )
    assert len(consents) == 4
    languages = Counter(
        ITEM_BY_ID[lang.item_id].name for p in psws for lang in p.details.languages if lang.first
    )
    assert languages.most_common(1)[0][0] == "English" and len(languages) > 5
    capacities = Counter(p.details.capacity for p in psws)
    assert set(capacities) == {0, 1, 2, 3, 4}
    reasons = {h.reason for p in psws for h in p.history if h.to_status.needs_reason}
    assert len(reasons) > 5
