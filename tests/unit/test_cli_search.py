"""``peerdesk search``: JSON fields, levels (never private), text output, exit codes."""

from __future__ import annotations

import json

import pytest

from peerdesk import cli
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.export.search_listing import JSON_FIELDS
from peerdesk.services.bundle import Services
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_service import session


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    code = cli.main(["search", *args, "--data-dir", str(paths.folder)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def noted(services: Services) -> Services:
    psw = new_psw(services, "Zoë Nguyễn", known_as="")
    session(services, psw, notes="Night shifts with Zoë\nand <b>bold</b>")
    session(services, psw, notes="Zoë confidential rota", level=Confidentiality.CONFIDENTIAL)
    session(services, psw, notes="Zoë private wombatword", level=Confidentiality.PRIVATE)
    return services


def test_json_fields(
    noted: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(monkeypatch, capsys, vault_paths, "zoe night shi", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["message"] == "1 match."
    [result] = document["results"]
    assert tuple(result) == JSON_FIELDS
    assert result["psw_name"] == "Zoë Nguyễn"
    assert result["kind"] == "supervision_note"
    assert result["kind_label"] == "Supervision notes"
    assert result["date"] == "2026-11-02"
    assert result["confidentiality"] == "shared"
    assert result["snippet"] == "Night shifts with Zoë and <b>bold</b>"


def test_confidential_only_when_flagged_and_private_never(
    noted: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def snippets(*extra: str) -> set[str]:
        code, out, _ = run(monkeypatch, capsys, vault_paths, "zoe", "--format", "json", *extra)
        assert code == 0
        return {r["snippet"] for r in json.loads(out)["results"]}

    assert not any("confidential" in s for s in snippets())
    assert any("confidential" in s for s in snippets("--include-confidential"))
    for extra in ((), ("--include-confidential",)):
        code, out, _ = run(monkeypatch, capsys, vault_paths, "wombatword", *extra)
        assert code == 0 and "wombatword" not in out and "Nothing found" in out


def test_text_output_and_bad_queries(
    noted: Services,
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(monkeypatch, capsys, vault_paths, "night")
    assert code == 0
    assert "Zoë Nguyễn · Supervision notes · " in out
    assert "Night shifts with Zoë and <b>bold</b>" in out
    for typed in ("(((", "* * *", "NEAR(a b", '"open', "notes:x"):
        code, out, _ = run(monkeypatch, capsys, vault_paths, typed)
        assert code == 0 and out.strip()
    code, out, _ = run(monkeypatch, capsys, vault_paths, "AND OR")
    assert code == 0


def test_exit_codes(
    vault_paths: VaultPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: object,
) -> None:
    monkeypatch.delenv(cli.ENV_PASSPHRASE, raising=False)
    assert cli.main(["search", "x", "--data-dir", str(vault_paths.folder)]) == 1
    assert "PEERDESK_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv(cli.ENV_PASSPHRASE, "wrong passphrase entirely")
    assert cli.main(["search", "x", "--data-dir", str(vault_paths.folder)]) == 1
    with pytest.raises(SystemExit) as mistyped:
        cli.main(["search"])
    assert mistyped.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["search", "--help"])
    assert "--include-confidential" in capsys.readouterr().out
