"""The subject access bundle: ZIP contents, JSON schema, passages naming others, redaction."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from pypdf import PdfReader

from peerdesk.domain.access_content import REDACTED
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.progress import Progress
from peerdesk.domain.psw import PswDetails
from peerdesk.services.access_bundle import draft, make_bundle, sar_document
from peerdesk.services.bundle import Services
from peerdesk.storage.migrate import HEAD_REVISION

D = dt.date
NOTE = "Walked with SIOBHAN kelly to the café; Zoë said it went well."


def _subject(services: Services) -> int:
    services.people.create(PersonDetails(full_name="Siobhán Kelly", referred_on=D(2026, 5, 1)))
    psw, _ = services.psws.create(PswDetails(full_name="Zoë Nguyễn", known_as="Zoë", notes=NOTE))
    line, _ = services.rights.log(psw_id=psw.id, received_on=D(2026, 11, 2))
    return int(line.request.id)


def _open(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_passages_naming_others_are_found_folded_and_not_the_subject(services: Services) -> None:
    drafted = draft(services, _subject(services))
    [passage] = drafted.passages
    assert passage.text == NOTE
    assert passage.names == ("Siobhán Kelly",)  # the subject's own "Zoë" is not flagged
    assert NOTE[passage.hits[0].start : passage.hits[0].end] == "SIOBHAN kelly"


def test_the_zip_holds_pdf_json_and_manifest_with_redaction(services: Services) -> None:
    request_id = _subject(services)
    drafted = draft(services, request_id)
    keys = frozenset(p.key for p in drafted.passages)
    made = make_bundle(services, drafted, keys, Progress())
    assert made.name == f"sar-{request_id:04d}-bundle.zip"
    files = _open(made.data)
    assert sorted(files) == ["bundle.pdf", "data.json", "manifest.txt"]
    data = json.loads(files["data.json"].decode("utf-8"))
    assert data["schema_version"] == HEAD_REVISION
    assert data["subject"] == {"kind": "psw", "id": drafted.request.psw_id}
    record = data["sections"][0]["items"][0]["fields"]
    assert record["details.full_name"] == "Zoë Nguyễn"
    assert record["details.notes"] == REDACTED
    assert record["status_since"] == "2026-11-23"
    assert data["redacted"] == [{"section": "Record", "item": "Record", "field": "Details › Notes"}]
    manifest = files["manifest.txt"].decode("utf-8")
    assert "Record / Record / Details › Notes" in manifest
    assert "Siobh" not in manifest and "Siobh" not in files["data.json"].decode("utf-8")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(files["bundle.pdf"])).pages)
    assert REDACTED in text and "Kelly" not in text
    assert "Notes marked private are included" in manifest
    again = make_bundle(services, draft(services, request_id), keys, Progress())
    assert again.data == made.data  # deterministic


def test_a_kept_passage_stays_and_the_manifest_says_so(services: Services) -> None:
    drafted = draft(services, _subject(services))
    files = _open(make_bundle(services, drafted, frozenset(), Progress()).data)
    data = json.loads(files["data.json"])
    assert data["sections"][0]["items"][0]["fields"]["details.notes"] == NOTE
    assert "kept after review: 1" in files["manifest.txt"].decode()


def test_the_command_line_kind_redacts_every_passage(services: Services) -> None:
    made = sar_document(services, _subject(services), Progress())
    manifest = _open(made.data)["manifest.txt"].decode()
    assert "redacted without review" in manifest
    assert made.note == (
        "1 passage naming another person redacted (every one, without review: see manifest.txt)"
    )
