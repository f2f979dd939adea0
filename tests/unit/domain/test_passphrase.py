"""Passphrase rules and the strength estimate shown while typing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.passphrase import MIN_LENGTH, assess, normalise, problems


def test_short_passphrase_refused() -> None:
    assert problems("short", "short") == [
        f"The passphrase must be at least {MIN_LENGTH} characters long."
    ]


def test_mismatch_refused() -> None:
    assert "The two passphrases do not match." in problems("a long passphrase", "a long passfrase")


def test_nfc_and_nfd_are_the_same_passphrase() -> None:
    assert problems("Zoe\u0308 likes tea", "Zoë likes tea") == []
    assert normalise("Zoe\u0308") == "Zoë"


def test_strength_orders_sensibly() -> None:
    assert assess("password12").score < assess("correct horse battery staple").score
    assert assess("correct horse battery staple").label == "Strong"
    assert assess("").label == "Too short"


@given(st.text())
def test_assess_never_raises_and_stays_in_range(text: str) -> None:
    strength = assess(text)
    assert 0 <= strength.score <= 4 and strength.hint
