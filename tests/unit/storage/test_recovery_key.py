"""Recovery keys: every typo a coordinator can make copying one is caught, and named by group."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.errors import RecoveryKeyTypo
from peerdesk.storage.vault import recovery_key
from peerdesk.storage.vault.recovery_key import ALPHABET, GROUPS

SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$")


def _groups(key: str) -> list[str]:
    return key.split("-")


def test_generated_key_has_eight_groups_of_five_and_parses_to_itself() -> None:
    key = recovery_key.generate()
    assert SHAPE.match(key), key
    assert recovery_key.parse(key) == key


def test_keys_are_random() -> None:
    assert len({recovery_key.generate() for _ in range(50)}) == 50


def test_secret_is_the_32_data_characters() -> None:
    key = recovery_key.generate()
    secret = recovery_key.secret(key)
    assert secret == "".join(group[:4] for group in _groups(key)).encode("ascii")
    assert len(secret) == 32


def test_every_single_character_substitution_names_its_group() -> None:
    key = recovery_key.generate()
    for group_index, group in enumerate(_groups(key)):
        for position, original in enumerate(group):
            for replacement in ALPHABET:
                if replacement == original:
                    continue
                typo_group = group[:position] + replacement + group[position + 1 :]
                groups = _groups(key)
                groups[group_index] = typo_group
                with pytest.raises(RecoveryKeyTypo) as caught:
                    recovery_key.parse("-".join(groups))
                assert caught.value.group == group_index + 1
                assert str(caught.value) == (
                    f"Group {group_index + 1} of the recovery key has a typo: check it against "
                    "your written copy."
                )


@pytest.mark.parametrize("first", range(GROUPS - 1))
def test_swapped_adjacent_groups_are_caught(first: int) -> None:
    key = recovery_key.generate()
    groups = _groups(key)
    if groups[first] == groups[first + 1]:  # astronomically unlikely, but then nothing changed
        pytest.skip("identical groups")
    groups[first], groups[first + 1] = groups[first + 1], groups[first]
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery_key.parse("-".join(groups))
    assert caught.value.group == first + 1


def test_lower_case_spaces_and_missing_hyphens_are_accepted() -> None:
    key = recovery_key.generate()
    typed = " ".join(_groups(key)).lower()
    assert recovery_key.parse(typed) == key
    assert recovery_key.parse(key.replace("-", "")) == key
    assert recovery_key.parse(f"  {key.replace('-', ' - ')}\n") == key


def test_o_reads_as_zero_and_i_and_l_read_as_one() -> None:
    key = recovery_key.generate()
    while key.count("0") < 1 or key.count("1") < 2:  # about half of all keys qualify
        key = recovery_key.generate()
    typed = key.replace("0", "O")
    typed = typed.replace("1", "I", 1).replace("1", "l")
    assert recovery_key.parse(typed) == key


def test_wrong_length_says_how_many_characters_it_should_have() -> None:
    key = recovery_key.generate()
    with pytest.raises(RecoveryKeyTypo, match="should have 40") as caught:
        recovery_key.parse(key[:-1])
    assert caught.value.group is None
    with pytest.raises(RecoveryKeyTypo, match="this one has 41"):
        recovery_key.parse(key + "0")
    with pytest.raises(RecoveryKeyTypo, match="this one has 0"):
        recovery_key.parse("")


def test_a_character_that_cannot_appear_is_named() -> None:
    key = recovery_key.generate()
    with pytest.raises(RecoveryKeyTypo, match="cannot contain 'U'"):
        recovery_key.parse("U" + key[1:])
    with pytest.raises(RecoveryKeyTypo, match="cannot contain"):
        recovery_key.parse(key[:-1] + "!")


@given(st.text(max_size=80))
def test_parse_only_ever_raises_recovery_key_typo(text: str) -> None:
    try:
        canonical = recovery_key.parse(text)
    except RecoveryKeyTypo:
        return
    assert SHAPE.match(canonical)


@given(st.text(alphabet=ALPHABET + "oOiIlL -", min_size=30, max_size=50))
def test_parse_of_near_keys_only_raises_recovery_key_typo(text: str) -> None:
    try:
        canonical = recovery_key.parse(text)
    except RecoveryKeyTypo:
        return
    assert recovery_key.parse(canonical) == canonical
