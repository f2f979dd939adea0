"""The consent ledger's rule: the latest give (as corrected) counts unless withdrawn after it."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.consent import (
    ConsentEntry,
    ConsentEntryId,
    ConsentHow,
    EntryKind,
    current_consent,
    is_known_purpose,
    lived_experience_purpose,
    parse_lived_experience,
    wording_for,
)
from peerdesk.domain.ids import PswId, TaxonomyItemId

PURPOSE = lived_experience_purpose(TaxonomyItemId(7), "matching")
OTHER = lived_experience_purpose(TaxonomyItemId(7), "sharing")
AT = dt.datetime(2026, 11, 23, 9, 0)
ON = dt.date(2026, 11, 1)


def give(entry_id: int, purpose: str = PURPOSE) -> ConsentEntry:
    return ConsentEntry(
        ConsentEntryId(entry_id),
        PswId(1),
        purpose,
        EntryKind.GIVEN,
        "Dana",
        AT,
        given_on=ON,
        how=ConsentHow.IN_PERSON,
        told="We will use this for matching.",
    )


def withdraw(entry_id: int, purpose: str = PURPOSE) -> ConsentEntry:
    return ConsentEntry(
        ConsentEntryId(entry_id),
        PswId(1),
        purpose,
        EntryKind.WITHDRAWN,
        "Dana",
        AT,
        withdrawn_on=ON,
        withdrawn_how=ConsentHow.PHONE,
    )


def correction(entry_id: int, corrects: int, *, to: str, purpose: str = PURPOSE) -> ConsentEntry:
    """``to`` is "give", "withdraw" or "void"."""
    return ConsentEntry(
        ConsentEntryId(entry_id),
        PswId(1),
        purpose,
        EntryKind.CORRECTION,
        "Dana",
        AT,
        given_on=ON if to == "give" else None,
        how=ConsentHow.WRITTEN if to == "give" else None,
        told="Corrected wording" if to == "give" else "",
        withdrawn_on=ON if to == "withdraw" else None,
        withdrawn_how=ConsentHow.PHONE if to == "withdraw" else None,
        note="Entered on the wrong person",
        corrects=ConsentEntryId(corrects),
    )


@st.composite
def ledgers(draw: st.DrawFn) -> list[ConsentEntry]:
    """Gives, withdrawals (on two purposes) and corrections of earlier entries, ids ascending."""
    entries: list[ConsentEntry] = []
    for n in range(1, draw(st.integers(0, 12)) + 1):
        purpose = draw(st.sampled_from([PURPOSE, OTHER]))
        earlier = [e for e in entries if e.purpose == purpose and e.corrects is None]
        choice = draw(st.sampled_from(["give", "withdraw", "correct"]))
        if choice == "correct" and earlier:
            target = draw(st.sampled_from(earlier))
            to = draw(st.sampled_from(["give", "withdraw", "void"]))
            entries.append(correction(n, target.id, to=to, purpose=purpose))
        elif choice == "withdraw":
            entries.append(withdraw(n, purpose))
        else:
            entries.append(give(n, purpose))
    return entries


def reference(entries: list[ConsentEntry], purpose: str) -> bool:
    """A second, naive statement of the rule, for the properties to compare against."""
    state = False
    ordered = sorted((e for e in entries if e.purpose == purpose), key=lambda e: e.id)
    for e in ordered:
        if e.kind is EntryKind.CORRECTION:
            continue
        fixes = [c for c in ordered if c.corrects == e.id]
        shown = fixes[-1] if fixes else e
        if shown.kind is EntryKind.GIVEN or (
            shown.kind is EntryKind.CORRECTION and shown.given_on is not None
        ):
            state = True
        elif shown.kind is EntryKind.WITHDRAWN or shown.withdrawn_on is not None:
            state = False
    return state


def test_nothing_recorded_means_no_consent() -> None:
    assert current_consent([], PURPOSE) is False


@given(ledgers(), st.randoms())
def test_insertion_order_never_matters_only_ids(
    entries: list[ConsentEntry], rnd: random.Random
) -> None:
    shuffled = list(entries)
    rnd.shuffle(shuffled)
    assert current_consent(shuffled, PURPOSE) == current_consent(entries, PURPOSE)
    assert current_consent(entries, PURPOSE) == reference(entries, PURPOSE)


@given(ledgers())
def test_a_withdrawal_after_a_give_wins(entries: list[ConsentEntry]) -> None:
    n = len(entries)
    assert current_consent([*entries, give(n + 1), withdraw(n + 2)], PURPOSE) is False


@given(ledgers())
def test_a_later_give_re_consents(entries: list[ConsentEntry]) -> None:
    n = len(entries)
    assert current_consent([*entries, withdraw(n + 1), give(n + 2)], PURPOSE) is True


@given(ledgers(), ledgers())
def test_appending_another_purposes_entries_changes_nothing(
    entries: list[ConsentEntry], others: list[ConsentEntry]
) -> None:
    mine = [e for e in entries if e.purpose == PURPOSE]
    base = len(entries) + 100
    later = [
        replace(
            e,
            id=ConsentEntryId(base + e.id),
            purpose="research",
            corrects=None if e.corrects is None else ConsentEntryId(base + e.corrects),
        )
        for e in others
    ]
    assert current_consent([*mine, *later], PURPOSE) == current_consent(mine, PURPOSE)


@given(ledgers())
def test_appending_keeps_history_and_voiding_the_last_entry_undoes_it(
    entries: list[ConsentEntry],
) -> None:
    """Append-only: a mistaken withdrawal is put right by a new, voiding correction."""
    before = current_consent(entries, PURPOSE)
    n = len(entries)
    mistaken = [*entries, withdraw(n + 1)]
    assert current_consent(mistaken, PURPOSE) is False
    assert current_consent([*mistaken, correction(n + 2, n + 1, to="void")], PURPOSE) == before


@given(ledgers())
def test_later_corrections_supersede_earlier_ones(entries: list[ConsentEntry]) -> None:
    n = len(entries)
    ledger = [*entries, give(n + 1), correction(n + 2, n + 1, to="withdraw")]
    assert current_consent(ledger, PURPOSE) is False
    assert current_consent([*ledger, correction(n + 3, n + 1, to="give")], PURPOSE) is True


def test_purpose_keys_round_trip_and_have_wording() -> None:
    assert PURPOSE == "lived_experience:7:matching"
    assert parse_lived_experience(OTHER) == (TaxonomyItemId(7), "sharing")
    assert parse_lived_experience("lived_experience:x:matching") is None
    assert parse_lived_experience("research") is None
    assert is_known_purpose("research") and not is_known_purpose("anything else")
    assert wording_for(PURPOSE).version == 1 and "suggest people" in wording_for(PURPOSE).text
