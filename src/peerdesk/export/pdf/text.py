"""People's text to Platypus paragraph markup: NFC, escaped, font runs, right-to-left shaped."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from arabic_reshaper import reshape
from bidi import get_display

from peerdesk.export.pdf.fonts import SANS, SANS_BOLD, font_for

# What is printed in place of a character no shipped font has (Korean, Bengali, emoji, control
# characters...): visible, and counted, so the person is told rather than shown empty boxes.
MARKER = "?"

_RTL_CLASSES = frozenset({"R", "AL"})
_KEEP_CONTROLS = frozenset("\t")


@dataclass(frozen=True)
class PdfText:
    """Paragraph markup for one piece of text, and how many characters it could not print."""

    markup: str
    unprintable: int


def pdf_markup(text: str, *, bold: bool = False) -> PdfText:
    """``text`` as paragraph markup that prints exactly what was typed, as far as the fonts go.

    Markup characters print literally; each run of characters is set in the font that has them
    (DejaVu Sans, else Droid Sans Fallback); a line with Hebrew or Arabic is shaped and put in
    display order (one line at a time: a long mixed-direction paragraph may wrap out of order);
    every character no font covers becomes MARKER and is counted. Line breaks are kept.
    """
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    parts: list[str] = []
    unprintable = 0
    for line in lines.split("\n"):
        markup, missing = _line(line, bold)
        parts.append(markup)
        unprintable += missing
    return PdfText("<br/>".join(parts), unprintable)


def _line(line: str, bold: bool) -> tuple[str, int]:
    primary = SANS_BOLD if bold else SANS
    if line.isascii() and line.isprintable():  # the common case: one run, nothing to look up
        return (_run(primary, line) if line else ""), 0
    line, unprintable = _without_controls(line)
    if any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in line):
        line = get_display(reshape(line))
    runs: list[tuple[str, list[str]]] = []
    for ch in line:
        font = font_for(ch, bold=bold)
        if font is None:
            if unicodedata.category(ch) == "Cf":
                continue  # an invisible format character (a direction mark, a joiner): no glyph
            font, ch = primary, MARKER
            unprintable += 1
        if runs and runs[-1][0] == font:
            runs[-1][1].append(ch)
        else:
            runs.append((font, [ch]))
    return "".join(_run(font, "".join(chars)) for font, chars in runs), unprintable


def _without_controls(line: str) -> tuple[str, int]:
    """Tabs become spaces; other control characters and lone surrogates become counted markers."""
    out: list[str] = []
    count = 0
    for ch in line:
        category = unicodedata.category(ch)
        if ch in _KEEP_CONTROLS:
            out.append(" ")
        elif category in ("Cc", "Cs"):
            out.append(MARKER)
            count += 1
        else:
            out.append(ch)
    return "".join(out), count


def _run(font: str, chars: str) -> str:
    return f'<font name="{font}">{escape(chars)}</font>'
