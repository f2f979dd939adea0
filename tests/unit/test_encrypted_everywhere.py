"""Encrypted everywhere: a marker typed into every field is in no file PeerDesk leaves on disk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from peerdesk.domain.person import PersonDetails
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.safeguarding import SourceKind
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.error_reporting import crash_report, write_crash_log
from tests.conftest import NOW, PASSPHRASE
from tests.factories import full_psw_details

T = TypeVar("T")
D = dt.date

MARKER = "Zqx" + secrets.token_hex(8)
WIDE = "Żqx" + secrets.token_hex(8) + "李ß"  # non-ASCII: UTF-16 and folded forms differ
TYPED = f"{MARKER} {WIDE}"
# Fields with a fixed shape (or a key rather than typed text) keep their ordinary values.
SHAPED = {"email", "phone", "postcode", "question", "key", "title", "starts_at"}


def _needles() -> dict[str, bytes]:
    """Every byte form the marker could take on disk."""
    forms: dict[str, str] = {}
    for name, text in (("ascii", MARKER), ("wide", WIDE)):
        forms[name] = text
        forms[f"{name} casefolded"] = text.casefold()
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
        forms[f"{name} without accents"] = stripped.casefold()
        forms[f"{name} NFD"] = unicodedata.normalize("NFD", text)
    needles: dict[str, bytes] = {}
    for name, text in forms.items():
        needles[f"{name} utf-8"] = text.encode("utf-8")
        needles[f"{name} utf-16-le"] = text.encode("utf-16-le")
    needles["hex part"] = MARKER[3:].encode("ascii")  # even with the letters changed
    return needles


def _typed_into_every_text_field(record: T) -> T:
    """``record`` with the marker in every free-text field, nested records and lists included."""

    def mark(value: Any, name: str) -> Any:
        if name in SHAPED:
            return value
        if type(value) is str:
            return f"{TYPED} {name}"
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return _typed_into_every_text_field(value)
        if isinstance(value, tuple):
            return tuple(mark(item, name) for item in value)
        return value

    changes = {f.name: mark(getattr(record, f.name), f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


def leaks(files: list[Path]) -> list[str]:
    needles = _needles()
    found: list[str] = []
    for path in files:
        data = path.read_bytes()
        found.extend(f"{path}: {name}" for name, needle in needles.items() if needle in data)
    return found


def every_file(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR (and SQLite's) pointed at an empty folder for the whole run."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    for name in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read the environment again
    assert tempfile.gettempdir() == str(folder)
    yield folder


@pytest.fixture
def opened(temp_dir: Path, vault_paths: VaultPaths) -> Iterator[Services]:
    bundle = build(vault_service.unlock(vault_paths, PASSPHRASE), FixedClock(NOW))
    yield bundle
    bundle.close()


def _type_everything(services: Services) -> None:
    items = services.lists.items()
    psw_details = _typed_into_every_text_field(full_psw_details(items))
    psw_details = dataclasses.replace(psw_details, email=f"{MARKER.lower()}@example.org")
    psw, _ = services.psws.create(psw_details)
    assert services.psws.get(psw.id).details.notes.startswith(TYPED)

    person_details = _typed_into_every_text_field(
        PersonDetails(full_name="", referred_on=D(2026, 11, 1))
    )
    person, _ = services.people.create(person_details)
    assert services.people.get(person.id).details.risk_notes.startswith(TYPED)

    attendee = AttendeeDraft(
        psw.id,
        checkin_note=f"{TYPED} checkin",
        learning_needs=(f"{TYPED} need",),
        actions=(ActionDraft(f"{TYPED} action", owner=f"{TYPED} owner"),),
    )
    services.supervision.record(
        SessionDraft(
            kind=SupervisionKind.REFLECTIVE,
            supervisor=f"{TYPED} supervisor",
            held_on=D(2026, 11, 20),
            minutes=50,
            attendees=(attendee,),
            notes=f"{TYPED} notes",
        )
    )

    plan = services.plans.draft(psw.id, PlanKind.WELLBEING)
    sections = tuple(dataclasses.replace(s, text=f"{TYPED} {s.key}") for s in plan.sections)
    services.plans.save(psw.id, dataclasses.replace(plan, sections=sections))

    concern, _ = services.concerns.raise_concern(
        source=SourceKind.PSW,
        raised_on=D(2026, 11, 21),
        summary=f"{TYPED} summary",
        psw_id=psw.id,
        who_told=f"{TYPED} who told",
        referral=f"{TYPED} referral",
    )
    services.concerns.add_step(concern.id, on=D(2026, 11, 22), text=f"{TYPED} step")

    services.rights.log(psw_id=psw.id, received_on=D(2026, 11, 22), note=f"{TYPED} request")
    services.drafts.save_draft(
        "psw", int(psw.id), json.dumps({"notes": f"{TYPED} draft"}, ensure_ascii=False)
    )

    for typed in (MARKER, WIDE.casefold()):  # searched for as a coordinator would
        assert services.search.search(typed, include_confidential=True).results, typed


def vault_files(paths: VaultPaths) -> list[Path]:
    files = [paths.db, paths.header]
    for suffix in ("-wal", "-shm", "-journal"):
        side = paths.db.with_name(paths.db.name + suffix)
        if side.exists():
            files.append(side)
    return files


def _crash_with_the_marker(logs: Path) -> Path:
    typed = TYPED  # a local holding what was typed

    def fail() -> None:
        raise ValueError(f"could not save {typed}")

    try:
        fail()
    except ValueError as error:
        return write_crash_log(crash_report(type(error), error, error.__traceback__), logs)
    raise AssertionError("unreachable")


def test_a_marker_typed_everywhere_is_in_no_file_on_disk(
    opened: Services, vault_paths: VaultPaths, temp_dir: Path, tmp_path: Path
) -> None:
    _type_everything(opened)
    while_open = vault_files(vault_paths)
    assert leaks(while_open) == []  # the WAL and shared memory too, while they are in use

    on_demand = opened.backups.back_up(tmp_path / "backups", label="marker test")
    automatic = opened.backups.back_up_automatically()
    log = _crash_with_the_marker(tmp_path / "logs")
    opened.close()

    backups = every_file(tmp_path / "backups") + every_file(vault_paths.folder / "backups")
    assert len(backups) >= 2, (on_demand, automatic)
    temp_files = every_file(temp_dir)
    checked = vault_files(vault_paths) + backups + [log] + temp_files
    assert leaks(checked) == []
    # Everything else in the data folder too (locks, quarantine, anything new).
    assert leaks(every_file(vault_paths.folder)) == []


def test_the_check_finds_a_marker_written_in_plain_text(tmp_path: Path) -> None:
    """The search itself works: the same bytes written plainly are found in every form."""
    plain = tmp_path / "plain.txt"
    plain.write_text(TYPED, encoding="utf-16-le")
    assert any("utf-16-le" in leak for leak in leaks([plain]))
    plain.write_text(TYPED.casefold(), encoding="utf-8")
    assert any("casefolded utf-8" in leak for leak in leaks([plain]))
