"""Ways of keeping in touch, and lenient checks on e-mail addresses and UK phone numbers."""

from __future__ import annotations

import re
from enum import Enum


class ContactMode(Enum):
    """How someone prefers to be contacted (DOMAIN.md): ranked, first is preferred."""

    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    EMAIL_OR_MESSAGING = "email_or_messaging"
    VIDEO = "video"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ContactMode.FACE_TO_FACE: "Face to face",
    ContactMode.PHONE: "Phone",
    ContactMode.EMAIL_OR_MESSAGING: "Email or messaging",
    ContactMode.VIDEO: "Online video",
}

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")
_PHONE_CHARS = re.compile(r"[\d\s()+\-.]+(?:\s*(?:ext|x)\.?\s*\d+)?", re.IGNORECASE)


def email_warning(email: str) -> str | None:
    """A warning for an address that looks wrong; never blocks (real life is messy)."""
    if not email or _EMAIL.fullmatch(email):
        return None
    return f'"{email}" does not look like an e-mail address (like name@example.org).'


def phone_warning(phone: str) -> str | None:
    """A warning for a number that does not look like a UK or international phone number."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone.split("x")[0].split("ext")[0])
    if not _PHONE_CHARS.fullmatch(phone):
        return f'"{phone}" has characters a phone number would not usually have.'
    if phone.strip().startswith("+"):
        ok = 8 <= len(digits) <= 15
    else:
        ok = len(digits) in (10, 11) and digits.startswith("0")
    if ok:
        return None
    return f'"{phone}" does not look like a phone number (UK numbers have 10 or 11 digits).'
