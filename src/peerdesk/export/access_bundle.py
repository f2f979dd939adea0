"""The subject access ZIP: bundle.pdf, data.json and manifest.txt, built in memory, repeatable."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass

from peerdesk.domain.access_content import REDACTED, Passage, Section
from peerdesk.domain.progress import Progress
from peerdesk.export.pdf.page import SMALL, Story, build_pdf, printed_line

BUNDLE_PDF = "bundle.pdf"
DATA_JSON = "data.json"
MANIFEST = "manifest.txt"


@dataclass(frozen=True)
class BundleInput:
    reference: str
    subject_kind: str
    subject_id: int
    organisation: str
    printed_at: dt.datetime
    schema_version: str
    sections: tuple[Section, ...]
    redacted: tuple[Passage, ...]
    kept: tuple[Passage, ...]
    reviewed: bool
    decisions: tuple[str, ...]


@dataclass(frozen=True)
class MadeZip:
    data: bytes
    unprintable: int


def _pdf(given: BundleInput, progress: Progress) -> tuple[bytes, int]:
    story = Story()
    story.title("Subject access bundle")
    story.paragraph(
        f"Request {given.reference}. Everything held about the data subject, by section."
    )
    total = len(given.sections)
    for n, section in enumerate(given.sections, start=1):
        progress.step(n, total + 1)
        story.heading(section.title)
        if not section.items:
            story.paragraph("Nothing held.")
        for it in section.items:
            story.paragraph(it.title, SMALL)
            for f in it.fields:
                story.paragraph(f"{f.label}: {f.shown}")
            story.space(2)
    built = build_pdf(
        story,
        title_ref=f"{given.reference} subject access bundle",
        organisation=given.organisation,
        printed_at=given.printed_at,
        confidential=True,
    )
    return built.data, built.unprintable


def _json(given: BundleInput) -> bytes:
    data = {
        "schema_version": given.schema_version,
        "request": given.reference,
        "subject": {"kind": given.subject_kind, "id": given.subject_id},
        "made_at": given.printed_at.isoformat(timespec="seconds"),
        "sections": [
            {
                "title": s.title,
                "items": [
                    {"title": i.title, "fields": {f.path: f.value for f in i.fields}}
                    for i in s.items
                ],
            }
            for s in given.sections
        ],
        "redacted": [_where(p) for p in given.redacted],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")


def _where(p: Passage) -> dict[str, str]:
    return {"section": p.section, "item": p.item, "field": p.label}


def _manifest(given: BundleInput) -> bytes:
    lines = [
        f"Subject access bundle for request {given.reference}",
        printed_line(given.printed_at),
        f"Vault schema version {given.schema_version}",
        "",
        "What is in this bundle",
        f"  {BUNDLE_PDF}: everything held about the data subject, to read or print.",
        f"  {DATA_JSON}: the same content, structured (UTF-8, dates as YYYY-MM-DD).",
        f"  {MANIFEST}: this list.",
        "",
        "Sections",
    ]
    lines += [
        f"  {s.title}: {len(s.items)} item{'' if len(s.items) == 1 else 's'}"
        for s in given.sections
    ]
    lines += ["", "Decisions"] + [f"  {d}" for d in given.decisions]
    lines += ["", "What was withheld, and why"]
    if not given.redacted:
        lines.append("  Nothing was withheld.")
    else:
        how = (
            "chosen for redaction when the bundle was reviewed"
            if given.reviewed
            else "redacted without review (made from the command line, which redacts them all)"
        )
        lines.append(
            f"  {len(given.redacted)} passage(s) naming another person were replaced by "
            f'"{REDACTED}" ({how}):'
        )
        lines += [f"  - {p.section} / {p.item} / {p.label}" for p in given.redacted]
    if given.kept:
        lines += ["", f"Passages naming another person kept after review: {len(given.kept)}"]
        lines += [f"  - {p.section} / {p.item} / {p.label}" for p in given.kept]
    return ("\n".join(lines) + "\n").encode("utf-8")


def bundle_zip(given: BundleInput, progress: Progress) -> MadeZip:
    """The three files in one ZIP; the same input gives the same bytes."""
    pdf, unprintable = _pdf(given, progress)
    files = [(BUNDLE_PDF, pdf), (DATA_JSON, _json(given)), (MANIFEST, _manifest(given))]
    out = io.BytesIO()
    stamp = given.printed_at.timetuple()[:6]
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    progress.step(len(given.sections) + 1, len(given.sections) + 1)
    return MadeZip(out.getvalue(), unprintable)
