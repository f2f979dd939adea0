"""``peerdesk export sar REQUEST_ID``: the bundle ZIP, every passage naming another redacted."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from peerdesk.domain.access_content import REDACTED
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails, PswQuery
from peerdesk.services.bundle import Services
from peerdesk.storage.vault.files import VaultPaths
from tests.unit.test_cli_export import run


def test_sar_writes_the_zip_and_says_what_it_redacted(
    services: Services,
    vault_paths: VaultPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    person, _ = services.people.create(
        PersonDetails(full_name="Amir Haddad", referred_on=dt.date(2026, 5, 1), address="Flat 2")
    )
    services.psws.create(PswDetails(full_name="Zoë Nguyễn", notes="Knows Amir Haddad."))
    line, _ = services.rights.log(person_id=person.id, received_on=dt.date(2026, 11, 2))
    psw_line, _ = services.rights.log(
        psw_id=services.psws.find_ids(PswQuery())[0], received_on=dt.date(2026, 11, 2)
    )
    services.close()
    code, err = run(
        monkeypatch, capsys, vault_paths, "sar", str(psw_line.request.id), "--out", str(tmp_path)
    )
    assert code == 0, err
    saved = tmp_path / f"sar-{psw_line.request.id:04d}-bundle.zip"
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as z:
        data = json.loads(z.read("data.json"))
    assert data["sections"][0]["items"][0]["fields"]["details.notes"] == REDACTED
    assert "1 passage naming another person redacted (every one, without review" in err
    assert line.request.id != psw_line.request.id
    code, err = run(monkeypatch, capsys, vault_paths, "sar", "999", "--out", str(tmp_path))
    assert code == 2
