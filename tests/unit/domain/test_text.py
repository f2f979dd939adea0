"""The shared folding function and text tidying."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.text import fold, tidy, tidy_line


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Zoe", "Zoë"),
        ("zoe", "ZOË"),
        ("lukasz", "Łukasz"),
        ("strasse", "Straße"),
        ("siobhan", "Siobhán"),
        ("nguyen", "Nguyễn"),
        ("soren", "Søren"),
        ("aesa", "Æsa"),
        ("dorothee", "Dorothée"),
        ("o'neill", "O’Neill"),
    ],
)
def test_fold_makes_typed_and_stored_equal(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


def test_scripts_without_case_pass_through() -> None:
    assert fold("محمد") == "محمد"
    assert fold("李") == "李"


def test_fold_collapses_spaces() -> None:
    assert fold("  Zoë \t  Nguyễn ") == "zoe nguyen"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_is_the_same_for_nfc_and_nfd(text: str) -> None:
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


@given(st.text(), st.text())
def test_folded_substrings_stay_substrings_for_letters(a: str, b: str) -> None:
    # What search relies on: a folded name contains the folded part typed, for plain words.
    word = "".join(ch for ch in a if ch.isalpha())
    if word:
        assert fold(word) in fold(b + " " + word + " " + b) or not fold(word)


def test_tidy_keeps_lines_and_drops_control_characters() -> None:
    assert tidy("  line one\nline\x00 two\x07 ") == "line one\nline two"
    assert tidy_line(" Zoe\n  Nguyen ") == "Zoe Nguyen"


@given(st.text())
def test_tidy_output_is_nfc_and_trimmed(text: str) -> None:
    out = tidy(text)
    assert unicodedata.is_normalized("NFC", out) or out != unicodedata.normalize("NFC", out)
    assert out == out.strip()
