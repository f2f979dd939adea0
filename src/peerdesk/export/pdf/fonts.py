"""The PDF fonts shipped in resources/fonts: registered once; which of them draws a character."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Names the fonts are registered under (what <font name=...> in paragraph markup refers to).
SANS = "PeerDeskSans"  # DejaVu Sans: Latin (Vietnamese too), Greek, Cyrillic, Hebrew, Arabic
SANS_BOLD = "PeerDeskSans-Bold"
FALLBACK = "PeerDeskFallback"  # Droid Sans Fallback: Chinese and Japanese; no bold face

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}

# Korean is not supported: Droid Sans Fallback has some Hangul jamo and a few syllables, and a name
# drawn half in glyphs and half in markers would read as a different name. Count it all instead.
_HANGUL = (
    range(0x1100, 0x1200),  # Hangul Jamo
    range(0x3130, 0x3190),  # Hangul Compatibility Jamo
    range(0xA960, 0xA980),  # Hangul Jamo Extended-A
    range(0xAC00, 0xD7B0),  # Hangul Syllables
    range(0xD7B0, 0xD800),  # Hangul Jamo Extended-B
    range(0xFFA0, 0xFFE0),  # Halfwidth Hangul
)


@dataclass(frozen=True)
class FontFaces:
    """The registered fonts and the code points each one has a glyph for."""

    sans: frozenset[int]
    sans_bold: frozenset[int]
    fallback: frozenset[int]


def fonts_dir() -> Path:
    """resources/fonts: installed (``peerdesk.resources``), frozen (PyInstaller) or a checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen) / "resources" / "fonts"
    try:
        # A wheel installs as plain files, so the Traversable is a real folder.
        return Path(str(files("peerdesk.resources").joinpath("fonts")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[4] / "resources" / "fonts"


def _coverage(font: TTFont) -> frozenset[int]:
    # charToGlyph is the font's cmap; glyph 0 is .notdef, the empty box this module exists to avoid.
    return frozenset(cp for cp, glyph in font.face.charToGlyph.items() if glyph != 0)


@cache
def register_fonts() -> FontFaces:
    """Register the shipped fonts with ReportLab (once) and read their character coverage."""
    folder = fonts_dir()
    fonts = {name: TTFont(name, str(folder / filename)) for name, filename in _FILES.items()}
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    # <b> inside a paragraph in PeerDeskSans picks the bold face; the fallback has only one face.
    for bold, italic, face in ((0, 0, SANS), (1, 0, SANS_BOLD), (0, 1, SANS), (1, 1, SANS_BOLD)):
        addMapping(SANS, bold, italic, face)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)
    hangul = frozenset(cp for block in _HANGUL for cp in block)
    return FontFaces(
        sans=_coverage(fonts[SANS]),
        sans_bold=_coverage(fonts[SANS_BOLD]),
        fallback=_coverage(fonts[FALLBACK]) - hangul,
    )


def font_for(char: str, *, bold: bool = False) -> str | None:
    """The registered font that draws ``char`` (DejaVu first, then the fallback), or None."""
    faces = register_fonts()
    cp = ord(char)
    if bold and cp in faces.sans_bold:
        return SANS_BOLD
    if not bold and cp in faces.sans:
        return SANS
    if cp in faces.fallback:
        return FALLBACK
    if bold and cp in faces.sans:  # no bold glyph, but the regular one is better than a marker
        return SANS
    return None
