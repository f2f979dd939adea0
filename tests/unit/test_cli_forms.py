"""``peerdesk forms`` (all four or none, no unencrypted warning) and ``export match|review``."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk import cli
from peerdesk.cli_export import WARNING
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.export import atomic_file
from peerdesk.services.bundle import Services
from peerdesk.services.form_documents import FORM_CODES
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE
from tests.unit.services.test_match_documents import RISK, _matched
from tests.unit.services.test_review_documents import _paid_review


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    paths: VaultPaths,
    *args: str,
) -> tuple[int, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    code = cli.main([*args, "--data-dir", str(paths.folder)])
    _out, err = capsys.readouterr()
    return code, err


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def text_of(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_forms_saves_the_four_with_code_and_version_and_no_warning(
    services: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = run(monkeypatch, capsys, vault_paths, "forms", "--out", str(out))
    assert code == 0 and WARNING not in err
    names = sorted(os.listdir(out))
    assert len(names) == 4
    for form_code in FORM_CODES:
        found = [n for n in names if n.startswith(f"form-{form_code.lower()}-v1")]
        assert len(found) == 1 and f"Saved {out / found[0]}." in err
        assert f"Form {form_code} v1" in text_of(out / found[0])


def test_forms_never_overwrite_without_force_and_write_nothing(
    services: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(monkeypatch, capsys, vault_paths, "forms", "--out", str(out))[0] == 0
    first = sorted(os.listdir(out))
    (out / first[0]).write_bytes(b"mine")
    (out / first[1]).unlink()
    code, err = run(monkeypatch, capsys, vault_paths, "forms", "--out", str(out))
    assert code == 1 and "--force" in err and "Nothing was written" in err
    assert (out / first[0]).read_bytes() == b"mine"
    assert first[1] not in os.listdir(out)
    code, _ = run(monkeypatch, capsys, vault_paths, "forms", "--out", str(out), "--force")
    assert code == 0 and sorted(os.listdir(out)) == first
    assert (out / first[0]).read_bytes() != b"mine"


def test_a_failed_save_leaves_no_form(
    services: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = atomic_file.write_atomically
    calls: list[Path] = []

    def failing(target: Path, data: bytes, *, force: bool = False) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(target, data, force=force)

    monkeypatch.setattr(atomic_file, "write_atomically", failing)
    code, err = run(monkeypatch, capsys, vault_paths, "forms", "--out", str(out))
    assert code == 1 and "No form was saved" in err
    assert os.listdir(out) == []


def test_forms_out_must_be_a_folder(
    services: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = run(monkeypatch, capsys, vault_paths, "forms", "--out", str(out / "no"))
    assert code == 2 and "folder" in err


def test_export_match_prints_the_coordinators_copy_and_review_by_id(
    services: Services,
    vault_paths: VaultPaths,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    match_id, _, _ = _matched(services)
    _, review_id = _paid_review(services, Confidentiality.CONFIDENTIAL)
    code, err = run(
        monkeypatch, capsys, vault_paths, "export", "match", str(match_id), "--out", str(out)
    )
    assert code == 0 and WARNING in err
    saved = out / f"match-{match_id:04d}-summary-coordinator.pdf"
    assert RISK in text_of(saved) and "Siobhán Zoë" in text_of(saved)
    code, _ = run(
        monkeypatch, capsys, vault_paths, "export", "review", str(review_id), "--out", str(out)
    )
    assert code == 0
    assert any(n.endswith(f"review-{review_id:04d}.pdf") for n in os.listdir(out))
    code, err = run(monkeypatch, capsys, vault_paths, "export", "match", "999", "--out", str(out))
    assert code == 2
