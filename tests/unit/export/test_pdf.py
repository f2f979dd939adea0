"""PDF groundwork: fonts, people's text as markup, page furniture, and byte-identical builds."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from peerdesk.export.pdf.fonts import FALLBACK, SANS, SANS_BOLD, font_for, fonts_dir
from peerdesk.export.pdf.page import BODY, BuiltPdf, Story, build_pdf
from peerdesk.export.pdf.text import MARKER, pdf_markup

NOW = dt.datetime(2026, 11, 23, 14, 5)
NAMES = ["Zoë", "Siobhán", "Nguyễn", "Łukasz", "محمد", "李"]
BENGALI = "রবীন্দ্রনাথ"


def build(story: Story, *, confidential: bool = True, ref: str = "PSW-0042 record") -> BuiltPdf:
    return build_pdf(
        story,
        title_ref=ref,
        organisation="Leeds Peers & Friends",
        printed_at=NOW,
        confidential=confidential,
    )


def page_texts(pdf: BuiltPdf) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages]


def names_story() -> Story:
    story = Story()
    story.title("Record PSW-0042")
    for name in NAMES:
        story.paragraph(f"Name: {name}")
    return story


def test_the_fonts_ship_with_their_licences() -> None:
    folder = fonts_dir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"):
        assert (folder / name).is_file()
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text()
    assert "Apache" in (folder / "LICENSE-DroidSansFallback.txt").read_text()


@pytest.mark.parametrize(
    ("char", "bold", "font"),
    [
        ("a", False, SANS),
        ("a", True, SANS_BOLD),
        ("ễ", False, SANS),
        ("ש", False, SANS),
        ("李", False, FALLBACK),
        ("か", True, FALLBACK),
        ("김", False, None),  # Korean is not covered, though the fallback has a few syllables
        ("ᄀ", False, None),
        ("র", False, None),  # Bengali
        ("ਗ", False, None),  # Gurmukhi
        ("ગ", False, None),  # Gujarati
    ],
)
def test_font_for_picks_dejavu_then_the_fallback(char: str, bold: bool, font: str | None) -> None:
    assert font_for(char, bold=bold) == font


def test_two_builds_are_byte_identical() -> None:
    first, second = build(names_story()), build(names_story())
    assert first.data == second.data
    assert first.data.startswith(b"%PDF")


def test_names_read_back_as_typed() -> None:
    pdf = build(names_story())
    text = unicodedata.normalize("NFKC", "\n".join(page_texts(pdf)))
    for name in NAMES:
        assert unicodedata.normalize("NFKC", name) in text, name
    assert pdf.unprintable == 0


def test_decomposed_input_prints_composed() -> None:
    story = Story()
    story.paragraph(unicodedata.normalize("NFD", "Zoë Nguyễn"))
    assert "Zoë Nguyễn" in page_texts(build(story))[0]


def test_markup_in_peoples_text_prints_literally() -> None:
    story = Story()
    story.paragraph("<b>x</b> & <font name='Courier'>y</font> &amp;")
    text = page_texts(build(story))[0]
    assert "<b>x</b> & <font name='Courier'>y</font> &amp;" in text


def test_every_page_has_its_number_printed_time_organisation_and_confidential() -> None:
    story = Story()
    while len(story.flowables) < 70:  # a little over one page of short paragraphs
        story.paragraph(f"Line {len(story.flowables)}")
    pdf = build(story)
    texts = page_texts(pdf)
    assert pdf.pages == len(texts) == 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of 2" in text
        assert "CONFIDENTIAL" in text
        assert "Printed 23 November 2026, 14:05" in text
        assert "Leeds Peers & Friends" in text


def test_documents_that_are_not_personal_are_not_marked_confidential() -> None:
    story = Story()
    story.paragraph("Trustees' report")
    texts = page_texts(build(story, confidential=False))
    assert "CONFIDENTIAL" not in texts[0]
    assert "Page 1 of 1" in texts[0]


def test_a_bengali_name_is_counted_and_shown_as_markers() -> None:
    story = Story()
    story.paragraph(f"Name: {BENGALI}")
    pdf = build(story)
    assert pdf.unprintable == len(BENGALI)
    assert f"Name: {MARKER * len(BENGALI)}" in page_texts(pdf)[0]


def test_korean_and_control_characters_are_counted() -> None:
    assert pdf_markup("김민준").unprintable == 3
    assert pdf_markup("a\x00b\ud800c").unprintable == 2
    assert pdf_markup("tab\there\nnew line").unprintable == 0


def test_right_to_left_text_is_shaped_and_in_display_order() -> None:
    markup = pdf_markup("محمد").markup
    assert "ﺪﻤﺤﻣ" in markup  # final dal, medial meem, medial hah, initial meem: left to right


def test_metadata_carries_the_reference_not_the_name() -> None:
    story = Story()
    story.title("Siobhán Ní Bhriain")
    pdf = build(story, ref="PSW-0042 record")
    meta = PdfReader(io.BytesIO(pdf.data)).metadata
    assert meta is not None
    assert meta.title == "PSW-0042 record"
    assert meta["/CreationDate"] == "D:20261123140500"
    assert all("Siobhán" not in str(value) for value in meta.values())
    assert "Siobhán".encode("utf-16-be") not in pdf.data


def test_a_very_long_note_splits_over_pages_and_nothing_is_lost() -> None:
    words = [f"w{i}" for i in range(4000)]
    story = Story()
    story.paragraph(" ".join(words))  # 20,000 characters in one paragraph
    story.paragraph("x" * 3000)  # one word wider than the page
    pdf = build(story)
    texts = page_texts(pdf)
    assert pdf.pages >= 3
    printed = "".join(texts).split()
    assert printed.count("w3999") == 1
    assert printed.index("w0") < printed.index("w2000") < printed.index("w3999")
    assert "".join(texts).count("x") == 3000


TRICKY = st.sampled_from(["<", ">", "&", "&amp;", "\n", "\r", "\t", "\u202e", "\u200f", "محمد"])
LONE_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())


@settings(deadline=None, max_examples=300)
@given(st.lists(st.one_of(st.characters(), TRICKY, LONE_SURROGATES)).map("".join))
def test_any_text_becomes_markup_a_paragraph_accepts(text: str) -> None:
    converted = pdf_markup(text)
    assert converted.unprintable >= 0
    para = Paragraph(converted.markup, BODY)
    para.wrap(400, 10_000)


@settings(deadline=None, max_examples=100)
@given(st.text(st.characters(codec="latin-1", exclude_categories=("Cc",))))
def test_latin_text_is_never_unprintable(text: str) -> None:
    assert pdf_markup(text).unprintable == 0
