"""``peerdesk match suggest|plan`` and ``peerdesk demo --people``: fields, exit codes, counts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from peerdesk import cli
from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.domain.person import PersonQuery, PersonStatus
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "vault"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
        mp.setenv(cli.ENV_INSECURE_FAST_KDF, "1")
        code = cli.main(
            ["demo", "--psws", "120", "--people", "90", "--seed", "7", "--data-dir", str(folder)]
        )
    assert code == 0
    return folder


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folder: Path, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    code = cli.main(["match", *args, "--data-dir", str(folder)])
    out, err = capsys.readouterr()
    return code, out, err


def _people(folder: Path) -> tuple[list[tuple[int, PersonStatus]], dict[int, list[MatchStage]]]:
    services = build(vault_service.unlock(VaultPaths(folder), PASSPHRASE))
    try:
        rows = services.people.rows(services.people.find_ids(PersonQuery()))
        stages = {
            r.id: [m.stage for m in services.matches.for_person(r.id) if m.stage is not None]
            for r in rows
        }
    finally:
        services.close()
    return [(r.id, r.status) for r in rows], stages


def test_demo_people_have_consistent_statuses_and_matches(demo_folder: Path) -> None:
    people, stages = _people(demo_folder)
    assert len(people) == 90
    counts = Counter(status for _, status in people)
    waiting_free = [
        pid
        for pid, status in people
        if status is PersonStatus.WAITING and not any(s.uses_place for s in stages[pid])
    ]
    assert len(waiting_free) >= 30  # a third waiting with no match under way
    assert counts[PersonStatus.MATCHED] > 0
    for pid, status in people:
        live = [s for s in stages[pid] if s.uses_place]
        if status is PersonStatus.MATCHED:
            assert live and live[-1] in (MatchStage.INTRODUCED, MatchStage.ACTIVE)
        else:
            assert all(s is MatchStage.PROPOSED for s in live)


def test_demo_people_are_repeatable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.ENV_PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(cli.ENV_INSECURE_FAST_KDF, "1")
    args = ["demo", "--psws", "30", "--people", "20", "--seed", "3", "--data-dir"]
    assert cli.main([*args, str(tmp_path / "a")]) == 0
    assert cli.main([*args, str(tmp_path / "b")]) == 0
    assert _people(tmp_path / "a")[0] == _people(tmp_path / "b")[0]


def test_suggest_json_has_the_documented_fields(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, demo_folder, "suggest", "1", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found["person_id"] == 1
    assert found["suggestions"] or found["excluded"]
    for s in found["suggestions"]:
        assert {"psw_id", "name", "score", "criteria", "reasons"} <= s.keys()
        assert set(s["criteria"]) <= {
            "lived_experience",
            "identity",
            "language",
            "availability",
            "travel",
            "contact_mode",
            "interests",
        }
        assert all(0 <= v <= 1 for v in s["criteria"].values())
        assert isinstance(s["reasons"], list)
    for e in found["excluded"]:
        assert {"psw_id", "name", "why_not"} <= e.keys() and e["why_not"]


def test_suggest_limit_and_text(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        monkeypatch, capsys, demo_folder, "suggest", "2", "--limit", "1", "--format", "json"
    )
    assert code == 0 and len(json.loads(out)["suggestions"]) <= 1
    code, out, _ = run(monkeypatch, capsys, demo_folder, "suggest", "2")
    assert code == 0 and out.startswith("Suggested peer workers for ")


def test_an_unknown_person_is_a_plain_message_and_exit_2(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, demo_folder, "suggest", "99999")
    assert code == 2 and not out
    assert "no supported person with id 99999" in err and "Traceback" not in err


def test_a_mistyped_id_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        cli.main(["match", "suggest", "abc"])
    assert raised.value.code == 2


def test_without_a_passphrase_exit_1(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(cli.ENV_PASSPHRASE, raising=False)
    assert cli.main(["match", "plan", "--data-dir", str(demo_folder)]) == 1
    assert cli.ENV_PASSPHRASE in capsys.readouterr().err


def test_plan_json_has_the_documented_fields_and_saves_nothing(
    demo_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _people(demo_folder)
    code, out, _ = run(monkeypatch, capsys, demo_folder, "plan", "--format", "json")
    assert code == 0
    plan = json.loads(out)
    for key in (
        "matched",
        "greedy_matched",
        "objective",
        "greedy_objective",
        "total_score",
        "greedy_total_score",
    ):
        assert key in plan
    assert plan["lines"]
    for line in plan["lines"]:
        assert {"person_id", "psw_id", "score", "greedy_psw_id"} <= line.keys()
    assert plan["matched"] == sum(ln["psw_id"] is not None for ln in plan["lines"])
    assert plan["objective"] >= plan["greedy_objective"]
    assert _people(demo_folder) == before
    code, out, _ = run(monkeypatch, capsys, demo_folder, "plan")
    assert code == 0 and "first come, first served" in out


def test_help_documents_the_match_commands(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["match", "--help"], ["match", "suggest", "--help"], ["match", "plan", "--help"]):
        with pytest.raises(SystemExit):
            cli.main(args)
    out = capsys.readouterr().out
    assert "no supported person with that id" in out and "greedy_total_score" in out
