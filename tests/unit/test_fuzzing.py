"""Fuzzing: random text, dates and files to importers, parsers, search and backup/key readers.

Only PeerDesk's own errors (PeerDeskError subclasses) or clean results may come out, and a
rejection changes nothing in the vault (its row counts and a hash of every row are the same).

Examples per test follow FUZZ_EXAMPLES in tests/conftest.py (100 locally, 200
with $CI, 5,000 with HYPOTHESIS_PROFILE=fuzz). Pure parsers run the profile's full count; tests
that touch the vault or files run a quarter or half of it (:func:`_share`): about 40 s for this
file in CI on two shared cores, and still 1,250-2,500 of each when fuzzing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.import_csv import parse_csv_bytes, parse_csv_text
from peerdesk.domain.import_dates import from_excel_serial, looks_month_first, parse_date
from peerdesk.domain.import_fields import guess_mapping
from peerdesk.domain.import_rows import build_row
from peerdesk.domain.search_query import MAX_QUERY_WORDS, build_query
from peerdesk.export.spreadsheet_read import read_import_bytes, read_xlsx_bytes
from peerdesk.services import restore_service, vault_service
from peerdesk.services.backup_service import BackupService
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.backup_manifest import MANIFEST_NAME
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace
from tests.conftest import FUZZ_EXAMPLES, NOW, PASSPHRASE
from tests.unit.services.checks_helpers import new_psw

T = TypeVar("T")
TODAY = NOW.date()


def _share(fraction: float) -> int:
    """``fraction`` of the loaded profile's examples, at least 10."""
    return max(10, int(FUZZ_EXAMPLES * fraction))


def _fast() -> settings:
    """Settings for a test of a pure parser: the profile's full fuzzing count."""
    return settings(max_examples=_share(1.0), deadline=None)


def _slow(fraction: float) -> settings:
    """Settings for a test that opens files or the vault: fewer examples, no deadline."""
    return settings(
        max_examples=_share(fraction),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def _own_errors_only(call: Callable[[], T]) -> T | PeerDeskError:
    """The result, or the PeerDeskError raised; any other exception fails the test."""
    try:
        return call()
    except PeerDeskError as error:
        assert str(error).strip(), "a PeerDesk error must say what went wrong"
        return error


# --- the vault, and what "changes nothing" means ---------------------------------------------


def vault_state(workspace: Workspace, *, with_audit: bool = True) -> tuple[dict[str, int], str]:
    """Row counts of every table, and one hash over every row of every table.

    ``with_audit`` False leaves out the audit log, to which a search that runs adds a line.
    """
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with workspace.reading() as s:
        connection = s.connection()
        names = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for name in names:
            if not with_audit and name == "audit_log":
                continue
            rows = connection.exec_driver_sql(f'SELECT * FROM "{name}"').all()
            counts[name] = len(rows)
            digest.update(name.encode())
            for text in sorted(repr(tuple(row)) for row in rows):
                digest.update(text.encode("utf-8", "surrogatepass"))
    return counts, digest.hexdigest()


@pytest.fixture(scope="module")
def fuzz_vault(
    template_vault: VaultPaths, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    """One vault for the whole module (Hypothesis reuses it across examples): two PSWs."""
    paths = VaultPaths(tmp_path_factory.mktemp("fuzz") / "vault")
    paths.folder.mkdir()
    for source in (template_vault.db, template_vault.header):
        shutil.copy2(source, paths.folder / source.name)
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    new_psw(services, "Priya Shah")
    new_psw(services, "Tomás O'Brien")
    services.search.ensure_indexed()  # built once here, so searches below write nothing
    yield services
    services.close()


# --- importers: files as bytes, text and cells ------------------------------------------------

CELL_TEXT = st.text(max_size=40)
CSV_LIKE = st.lists(
    st.lists(
        st.one_of(CELL_TEXT, st.sampled_from(["", '"', '""', "\r\n", ",", ";", "\t", "=1+1"])),
        max_size=6,
    ),
    max_size=8,
)


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    return "\n".join(delimiter.join(cells) for cells in rows)


@_fast()
@given(st.binary(max_size=2_000))
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe\x00")
@example(b"PK\x03\x04" + b"\x00" * 40)
@example(b'"unclosed,quote\n1,2')
def test_import_bytes_of_any_kind(data: bytes) -> None:
    found = _own_errors_only(lambda: read_import_bytes(data))
    if not isinstance(found, PeerDeskError):
        assert len(found.rows) == len(found.row_numbers)
        assert all(len(row) == len(found.headers) for row in found.rows)


@_fast()
@given(CSV_LIKE, st.sampled_from([",", ";", "\t", "|"]), st.sampled_from(["utf-8", "cp1252"]))
def test_csv_text_and_its_encodings(rows: list[list[str]], delimiter: str, encoding: str) -> None:
    text = _csv_text(rows, delimiter)
    _own_errors_only(lambda: parse_csv_text(text, delimiter=delimiter))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    _own_errors_only(lambda: parse_csv_bytes(data))
    _own_errors_only(lambda: parse_csv_bytes(data, encoding=encoding, delimiter=delimiter))


def _zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


XLSX_PARTS = st.sampled_from(
    [
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/_rels/workbook.xml.rels",
        "_rels/.rels",
        "xl/sharedStrings.xml",
    ]
)
XML_ISH = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(
        lambda t: f"<?xml version='1.0'?><a>{t}</a>".encode("utf-8", "replace")
    ),
)


@_slow(0.5)
@given(st.dictionaries(XLSX_PARTS, XML_ISH, max_size=6))
def test_garbled_workbooks(members: dict[str, bytes]) -> None:
    """Zip files that look like workbooks, with random parts: a plain refusal or a table."""
    data = _zip_of(members)
    _own_errors_only(lambda: read_xlsx_bytes(data))
    _own_errors_only(lambda: read_import_bytes(data))


CELL_VALUE = st.one_of(
    st.none(),
    CELL_TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
HEADERS = st.sampled_from(
    [
        "Full name",
        "Name",
        "Email",
        "Phone",
        "Date of birth",
        "Started",
        "Status",
        "Postcode",
        "Languages",
        "Notes",
        "Role",
        "Hours",
        "?",
        "",
    ]
)


@_fast()
@given(st.lists(st.tuples(HEADERS, CELL_VALUE), min_size=1, max_size=10), st.booleans())
def test_any_row_under_the_guessed_mapping(cells: list[tuple[str, Any]], month_first: bool) -> None:
    headers = tuple(h for h, _ in cells)
    fields = guess_mapping(headers)
    values = [v for _, v in cells]
    firsts = frozenset(range(len(values))) if month_first else frozenset()
    outcome = _own_errors_only(
        lambda: build_row(2, headers, fields, values, lists={}, month_first=firsts, today=TODAY)
    )
    assert not isinstance(outcome, PeerDeskError), "a bad cell is a row problem, not a refusal"


@_slow(0.5)
@given(CSV_LIKE.filter(lambda rows: len(rows) >= 1), st.sampled_from([",", ";"]))
def test_import_dry_run_writes_nothing(
    fuzz_vault: Services, rows: list[list[str]], delimiter: str
) -> None:
    """Random spreadsheets, checked: refused or planned, and the vault is as it was."""
    before = vault_state(fuzz_vault.workspace)
    data = _csv_text([["Full name", "Email", "Started"], *rows], delimiter).encode()
    table = _own_errors_only(lambda: read_import_bytes(data))
    if not isinstance(table, PeerDeskError):
        imports = fuzz_vault.imports
        fields = guess_mapping(table.headers)
        columns = imports.month_first_columns(table, fields)
        _own_errors_only(
            lambda: imports.dry_run(table, fields, date_orders={c: "day" for c in columns})
        )
        _own_errors_only(lambda: imports.dry_run(table, fields))
    assert vault_state(fuzz_vault.workspace) == before


# --- dates ------------------------------------------------------------------------------------

DATE_TEXT = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\s*\d{1,5}[/.\- ]\d{1,3}[/.\- ]\d{1,5}\s*", fullmatch=True),
    st.from_regex(r"\d{1,3} [A-Za-z]{2,10}\.? \d{1,5}", fullmatch=True),
    st.from_regex(r"-?\d{1,9}(\.\d{1,6})?", fullmatch=True),
)


@_fast()
@given(st.one_of(DATE_TEXT, CELL_VALUE))
@example("31/02/2024")
@example("0/0/0")
@example("99999999")
@example("-1")
@example("1e308")
@example(float("nan"))
@example(float("inf"))
@example(10**30)
def test_any_date_cell(value: Any) -> None:
    found = _own_errors_only(lambda: parse_date(value))
    assert found is None or isinstance(found, PeerDeskError | dt.date)


@_fast()
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_excel_serial(serial: float) -> None:
    found = _own_errors_only(lambda: from_excel_serial(serial))
    assert isinstance(found, PeerDeskError | dt.date)


@_fast()
@given(st.lists(st.one_of(DATE_TEXT, CELL_VALUE), max_size=20))
def test_month_first_guess_never_fails(values: list[Any]) -> None:
    assert isinstance(looks_month_first(values), bool)


# --- search -----------------------------------------------------------------------------------

QUERY_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.sampled_from(
            ['"', "*", "(", ")", "NEAR", "AND", "OR", "NOT", ":", "^", "-", "+", "o'brien", "é"]
        ),
        max_size=30,
    ).map(" ".join),
)


@_fast()
@given(QUERY_TEXT)
@example("\ud800 lone surrogate")
@example("night " * 300)
def test_any_query_text_builds_a_query_or_none(typed: str) -> None:
    query = _own_errors_only(lambda: build_query(typed))
    if query is not None and not isinstance(query, PeerDeskError):
        assert query.terms and sum(len(t.words) for t in query.terms) <= MAX_QUERY_WORDS
        assert query.expression


@_slow(0.5)
@given(QUERY_TEXT, st.booleans(), st.integers(min_value=-3, max_value=3))
def test_any_search_box_text(
    fuzz_vault: Services, typed: str, confidential: bool, page: int
) -> None:
    """Search runs or says there is nothing to search; it changes no record."""
    before = vault_state(fuzz_vault.workspace, with_audit=False)
    found = _own_errors_only(
        lambda: fuzz_vault.search.search(typed, include_confidential=confidential, page=page)
    )
    assert isinstance(found, PeerDeskError) or found.message
    assert vault_state(fuzz_vault.workspace, with_audit=False) == before


# --- backups: manifests, truncated and bit-flipped copies --------------------------------------


@pytest.fixture(scope="module")
def good_backup(fuzz_vault: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = BackupService(fuzz_vault.workspace, fuzz_vault.clock).back_up(
        tmp_path_factory.mktemp("backups")
    )
    return made.path


def _copy_backup(good: Path, tmp: Path) -> Path:
    target = tmp / "backup"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(good, target)
    return target


JSON_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=30),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _mutated(document: Any, path: list[int], value: Any) -> Any:
    """``document`` with the item chosen by ``path`` (indices into keys or items) replaced."""
    if not path or not isinstance(document, dict | list) or not document:
        return value
    if isinstance(document, dict):
        keys = sorted(document)
        key = keys[path[0] % len(keys)]
        return {**document, key: _mutated(document[key], path[1:], value)}
    index = path[0] % len(document)
    return [*document[:index], _mutated(document[index], path[1:], value), *document[index + 1 :]]


@_slow(0.25)
@given(
    st.one_of(
        st.binary(max_size=300),
        JSON_VALUE.map(lambda v: json.dumps(v).encode()),
        st.tuples(st.lists(st.integers(0, 20), max_size=3), JSON_VALUE),
    )
)
@example(b"[" * 5_000)
def test_garbled_manifest(
    fuzz_vault: Services, good_backup: Path, tmp_path_factory: pytest.TempPathFactory, change: Any
) -> None:
    folder = _copy_backup(good_backup, tmp_path_factory.getbasetemp())
    manifest = folder / MANIFEST_NAME
    if isinstance(change, tuple):  # the real manifest with one value replaced
        path, value = change
        document = _mutated(json.loads(manifest.read_bytes()), path, value)
        manifest.write_bytes(json.dumps(document).encode())
    else:
        manifest.write_bytes(change)
    _try_restore_preview(fuzz_vault, folder)


@_slow(0.25)
@given(st.data())
def test_truncated_or_bit_flipped_backup(
    fuzz_vault: Services,
    good_backup: Path,
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
) -> None:
    folder = _copy_backup(good_backup, tmp_path_factory.getbasetemp())
    files = sorted(p for p in folder.iterdir() if p.is_file())
    target = data.draw(st.sampled_from(files), label="file")
    content = bytearray(target.read_bytes())
    assume(content)
    if data.draw(st.booleans(), label="truncate"):
        content = content[: data.draw(st.integers(0, len(content) - 1), label="keep")]
    else:
        for _ in range(data.draw(st.integers(1, 4), label="flips")):
            bit = data.draw(st.integers(0, len(content) * 8 - 1), label="bit")
            content[bit // 8] ^= 1 << (bit % 8)
    target.write_bytes(bytes(content))
    _try_restore_preview(fuzz_vault, folder)


def _try_restore_preview(services: Services, folder: Path) -> None:
    """Open and preview a restore of ``folder`` over the open vault; nothing there changes."""
    before = vault_state(services.workspace)
    backup = _own_errors_only(lambda: restore_service.open_backup(folder, passphrase=PASSPHRASE))
    if not isinstance(backup, PeerDeskError):
        try:
            _own_errors_only(lambda: restore_service.preview(backup, services.workspace))
        finally:
            backup.close()
    assert vault_state(services.workspace) == before


# --- the key header, through the public unlock -----------------------------------------------


@pytest.fixture(scope="module")
def locked_vault(
    template_vault: VaultPaths, tmp_path_factory: pytest.TempPathFactory
) -> VaultPaths:
    paths = VaultPaths(tmp_path_factory.mktemp("locked") / "vault")
    paths.folder.mkdir()
    for source in (template_vault.db, template_vault.header):
        shutil.copy2(source, paths.folder / source.name)
    return paths


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@_slow(0.5)
@given(
    st.one_of(
        st.binary(max_size=400),
        JSON_VALUE.map(lambda v: json.dumps(v).encode()),
        st.tuples(st.lists(st.integers(0, 20), max_size=4), JSON_VALUE),
    ),
    st.sampled_from([PASSPHRASE, "", "not the passphrase"]),
)
@example(b"[" * 5_000, PASSPHRASE)
@example(b"", PASSPHRASE)
def test_garbled_key_header(locked_vault: VaultPaths, change: Any, passphrase: str) -> None:
    header = locked_vault.header
    original = header.read_bytes()
    try:
        if isinstance(change, tuple):  # the real header with one value replaced
            path, value = change
            header.write_bytes(json.dumps(_mutated(json.loads(original), path, value)).encode())
        else:
            header.write_bytes(change)
        written, db_before = header.read_bytes(), _digest(locked_vault.db)
        opened = _own_errors_only(lambda: vault_service.unlock(locked_vault, passphrase))
        if isinstance(opened, PeerDeskError):  # refused: neither file was touched
            assert header.read_bytes() == written
            assert _digest(locked_vault.db) == db_before
        else:
            opened.close()
    finally:
        header.write_bytes(original)
