"""``peerdesk due``: each format with names in any script, the days range, and vault errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk import cli
from peerdesk.domain.check_records import ReferenceDetails
from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails, ContactOutcome
from peerdesk.domain.ids import PersonId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.export.due_listing import CSV_HEADER
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()  # the command reads the system clock, so the data is built around it
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def filled(vault_paths: VaultPaths) -> Iterator[VaultPaths]:
    """Zoë Nguyễn with a reference awaited 21 days; a stalled enquirer whose name looks like a
    formula; the vault closed again before the command opens it."""
    now = dt.datetime.combine(TODAY, dt.time(9, 0))
    services: Services = build(vault_service.unlock(vault_paths, PASSPHRASE), FixedClock(now))
    try:
        zoe, _ = services.psws.create(
            PswDetails(full_name="Zoë Nguyễn"), status=JourneyStatus.CHECKS
        )
        services.references.add(
            zoe.id, ReferenceDetails(TODAY - dt.timedelta(days=21), referee="Lê Văn Thành")
        )
        services.psws.create(
            PswDetails(full_name="=HYPERLINK(x)"),
            status=JourneyStatus.ENQUIRY,
            since=TODAY - dt.timedelta(days=20),
        )
    finally:
        services.close()
    yield vault_paths


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    *args: str,
    passphrase: str | None = PASSPHRASE,
) -> tuple[int, str, str]:
    if passphrase is None:
        monkeypatch.delenv(cli.ENV_PASSPHRASE, raising=False)
    else:
        monkeypatch.setenv(cli.ENV_PASSPHRASE, passphrase)
    code = cli.main(["due", "--data-dir", str(paths.folder), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_lists_names_dates_and_words(
    filled: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, filled)
    # Captured output is not a terminal, so the listing may be going into a file: say so.
    assert code == 0 and "not encrypted" in err
    lines = out.splitlines()
    assert len(lines) == 2
    assert "Zoë Nguyễn — Reference 1 from Lê Văn Thành, not received" in out
    assert "7 days overdue" in out
    assert "=HYPERLINK(x) — At enquiry since" in out  # text is not a spreadsheet: as typed


def test_csv_has_a_header_iso_dates_and_guards_formulas(
    filled: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, filled, "--format", "csv", "--within", "60")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["subject_kind", "subject_id", "name", "item", "status", "due_on", "days"]
    by_name = {row[2]: row for row in rows[1:] if row[2] != "Zoë Nguyễn"}
    [zoe] = [row for row in rows[1:] if row[3].startswith("Reference")]
    assert zoe[2] == "Zoë Nguyễn"
    assert zoe[0] == "psw"
    assert zoe[5] == (TODAY - dt.timedelta(days=7)).isoformat()
    assert zoe[6] == "-7"  # a number, never guarded
    assert "'=HYPERLINK(x)" in by_name  # a name that looks like a formula is shown, not run
    assert out.endswith("\r\n")


def test_json_carries_subject_and_days(
    filled: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, filled, "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert "Zoë Nguyễn" in out  # not \\u-escaped
    [zoe] = [r for r in records if r["name"] == "Zoë Nguyễn"]
    assert set(zoe) == {"subject_kind", "subject_id", "name", "item", "status", "due_on", "days"}
    assert zoe["status"] == "Awaited"
    assert zoe["days"] == -7
    assert isinstance(zoe["subject_id"], int)


@pytest.mark.parametrize("days", ["0", "3650"])
def test_the_days_limits_are_accepted(
    filled: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    days: str,
) -> None:
    code, out, _ = run(monkeypatch, capsys, filled, "--within", days, "--format", "json")
    assert code == 0
    assert any(r["name"] == "Zoë Nguyễn" for r in json.loads(out))


@pytest.mark.parametrize(
    "args", [["--within", "-1"], ["--within", "3651"], ["--within", "soon"], ["--format", "xlsx"]]
)
def test_bad_arguments_exit_2(
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(monkeypatch, capsys, vault_paths, *args)
    assert stopped.value.code == 2
    assert "usage: peerdesk due" in capsys.readouterr().err


def test_without_the_passphrase_variable_it_says_to_set_it(
    vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, vault_paths, passphrase=None)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert "set PEERDESK_PASSPHRASE" in err


def test_a_wrong_passphrase_says_so(
    vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, vault_paths, passphrase="not the passphrase")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert "did not open" in err


def test_a_damaged_vault_says_so(
    vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    size = vault_paths.db.stat().st_size
    vault_paths.db.write_bytes(os.urandom(size))
    code, out, err = run(monkeypatch, capsys, vault_paths)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert "damaged" in err
    assert "Traceback" not in err


def test_a_damaged_key_file_says_so(
    vault_paths: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault_paths.header.write_text("{not json")
    code, _, err = run(monkeypatch, capsys, vault_paths)
    assert code == 1
    assert err.count("\n") == 1
    assert "damaged" in err


def test_an_empty_folder_is_an_error_not_a_new_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, VaultPaths(tmp_path))
    assert code == 1
    assert "no vault" in err
    assert list(tmp_path.iterdir()) == []


def test_as_a_process_it_prints_utf8_and_exits_0(filled: VaultPaths) -> None:
    env = {
        **os.environ,
        cli.ENV_PASSPHRASE: PASSPHRASE,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        "PYTHONIOENCODING": "ascii",  # a console that cannot show ễ: CSV still comes out UTF-8
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "peerdesk",
            "due",
            "--data-dir",
            str(filled.folder),
            "--format",
            "csv",
        ],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Zoë Nguyễn".encode() in done.stdout
    assert b"\r\r\n" not in done.stdout


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def matching(vault_paths: VaultPaths) -> Iterator[VaultPaths]:
    """Amara waiting 9 weeks; Ōta proposed 20 days ago; Bea active, last contact 41 days ago."""
    now = dt.datetime.combine(TODAY, dt.time(9, 0))
    services: Services = build(vault_service.unlock(vault_paths, PASSPHRASE), FixedClock(now))
    try:
        by = services.psws.create(PswDetails(full_name="Łukasz Nowak", capacity=3))[0].id

        def refer(name: str, days: int) -> PersonId:
            who = services.people.create(PersonDetails(full_name=name, referred_on=ago(days)))
            services.person_consents.give(who[0].id, on=ago(days), how=ConsentHow.WRITTEN)
            return who[0].id

        refer("Amara Okoye", 63)
        services.matches.propose(refer("Ōta Hana", 30), by, on=ago(20))
        match, _ = services.matches.propose(refer("Bea Lloyd", 60), by, on=ago(50))
        services.matches.step(match.id, MatchStage.INTRODUCED, on=ago(48))
        services.matches.step(match.id, MatchStage.ACTIVE, on=ago(45))
        services.matches.add_contact(
            match.id,
            ContactDetails(ago(41), 60, ContactMode.PHONE, ContactOutcome.ATTENDED),
        )
    finally:
        services.close()
    yield vault_paths


MATCHING_LINES = {
    "Amara Okoye": ("Waiting 9 weeks (referred ", "Waiting over 6 weeks", -20),
    "Ōta Hana": (
        "Proposed 20 days ago, not yet introduced (peer worker Łukasz Nowak)",
        "Not yet introduced",
        -5,
    ),
    "Bea Lloyd": ("No contact for 41 days (peer worker Łukasz Nowak)", "No recent contact", -11),
}


def test_json_lists_waits_proposals_and_quiet_matches_as_people(
    matching: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, matching, "--format", "json", "--within", "0")
    assert code == 0
    records = {r["name"]: r for r in json.loads(out)}
    assert set(records) == set(MATCHING_LINES)
    for name, (item, status, days) in MATCHING_LINES.items():
        record = records[name]
        assert set(record) == set(CSV_HEADER)
        assert record["subject_kind"] == "person" and isinstance(record["subject_id"], int)
        assert record["item"].startswith(item)
        assert (record["status"], record["days"]) == (status, days)
        assert record["due_on"] == (TODAY + dt.timedelta(days=days)).isoformat()


def test_csv_and_text_list_them_too(
    matching: VaultPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, matching, "--format", "csv")
    assert code == 0
    # (Łukasz's own checks are due within 30 days too)
    rows = {row[2]: row for row in list(csv.reader(io.StringIO(out)))[1:] if row[0] == "person"}
    assert set(rows) == set(MATCHING_LINES)
    assert rows["Bea Lloyd"][0] == "person"
    assert rows["Bea Lloyd"][3:] == [
        "No contact for 41 days (peer worker Łukasz Nowak)",
        "No recent contact",
        ago(11).isoformat(),
        "-11",
    ]
    code, out, _ = run(monkeypatch, capsys, matching)
    assert "Ōta Hana — Proposed 20 days ago, not yet introduced" in out
    assert "20 days overdue" in out and "Amara Okoye — Waiting 9 weeks (referred" in out


def test_help_names_the_matching_lines(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["due", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "waiting over 6 weeks (time on hold not counted)" in text
    assert "proposed over 14 days ago" in text and "no contact for 30 days" in text
    assert "'person' for a supported person" in text
