"""Trustees' report from a demo vault: no names, a SQL recount, suppression, identical builds."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.progress import Progress
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.services.trustees_report import NothingToReport
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from tests.conftest import NOW

PASSPHRASE = "trustees lantern meadow 7"
START, END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
WHOLE = (dt.date(2025, 11, 24), dt.date(2026, 11, 23))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    paths = VaultPaths(Path(tmp_path_factory.mktemp("trustees")))
    create_demo_vault(
        paths,
        passphrase=PASSPHRASE,
        psws=120,
        people=160,
        seed=3,
        kdf=TEST_KDF,
        clock=FixedClock(NOW),
    )
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    yield services
    services.close()


def _rows(services: Services, sql: str, **params: object) -> list[tuple[object, ...]]:
    with services.workspace.reading() as s:
        return [tuple(r) for r in s.execute(text(sql), params)]


def _pdf_text(data: bytes) -> tuple[str, str]:
    reader = PdfReader(io.BytesIO(data))
    body = "\n".join(page.extract_text() for page in reader.pages)
    return body, repr(dict(reader.metadata or {}))


def test_the_default_period_is_last_april_to_march(demo: Services) -> None:
    period = demo.trustees_report.default_period()
    assert (period.start, period.end) == (START, END)


@pytest.mark.parametrize("period", [(START, END), WHOLE])
def test_no_name_email_or_phone_in_the_text_or_metadata(
    demo: Services, period: tuple[dt.date, dt.date]
) -> None:
    made = demo.trustees_report.pdf(*period, Progress())
    body, meta = _pdf_text(made.data)
    assert "Trustees' report" in body
    assert "CONFIDENTIAL" not in body
    personal = _rows(demo, "SELECT full_name, known_as, email, phone FROM psw") + _rows(
        demo, "SELECT full_name, known_as, email, phone FROM person"
    )
    assert len(personal) == 280
    checked = 0
    for row in personal:
        for value in row:
            text_value = str(value or "").strip()
            if len(text_value) >= 3:
                # Whole words only: a peer known as "Asia" is not in "Asian or Asian British".
                word = re.compile(rf"(?<!\w){re.escape(text_value)}(?!\w)")
                assert not word.search(body), text_value
                assert not word.search(meta), text_value
                checked += 1
    assert checked > 500
    assert made.name == f"trustees-report-{period[0].isoformat()}-to-{period[1].isoformat()}.pdf"


def test_headline_figures_equal_a_sql_recount(demo: Services) -> None:
    for start, end in ((START, END), WHOLE):
        a, b = start.isoformat(), end.isoformat()
        figures = demo.trustees_report.report(start, end).figures.current
        [(active,)] = _rows(
            demo,
            """SELECT count(*) FROM psw p WHERE (
                 SELECT c.to_status FROM psw_status_change c
                 WHERE c.psw_id = p.id AND c.changed_on <= :b
                 ORDER BY c.changed_on DESC, c.id DESC LIMIT 1) = 'active'""",
            b=b,
        )
        [(referrals,)] = _rows(
            demo, "SELECT count(*) FROM person WHERE referred_on BETWEEN :a AND :b", a=a, b=b
        )
        [(started,)] = _rows(
            demo,
            """SELECT count(*) FROM (SELECT match_id, min("on") AS began FROM match_step
                 WHERE stage = 'active' GROUP BY match_id) WHERE began BETWEEN :a AND :b""",
            a=a,
            b=b,
        )
        [(ended,)] = _rows(
            demo,
            """SELECT count(*) FROM match_step WHERE stage = 'ended' AND "on" BETWEEN :a AND :b""",
            a=a,
            b=b,
        )
        assert sum(figures.matches_ended.values()) == ended
        [(minutes,)] = _rows(
            demo,
            """SELECT coalesce(sum(minutes), 0) FROM contact
                 WHERE outcome = 'attended' AND "on" BETWEEN :a AND :b""",
            a=a,
            b=b,
        )
        assert (figures.active_psws, figures.referrals, figures.matches_started) == (
            active,
            referrals,
            started,
        )
        assert sum(h for _, h in figures.hours_by_month) == pytest.approx(int(minutes) / 60)
        assert active and referrals and started and minutes  # the recount is not of nothing


def test_two_builds_are_byte_identical(demo: Services) -> None:
    first = demo.trustees_report.pdf(*WHOLE, Progress())
    second = demo.trustees_report.pdf(*WHOLE, Progress())
    assert first.data == second.data


def test_small_counts_print_as_under_the_threshold(demo: Services) -> None:
    report = demo.trustees_report.report(*WHOLE)
    gender = report.figures.current.psw_equality["gender"]
    small = [label for label, n in gender.items() if 0 < n < 5]
    assert small
    body, _ = _pdf_text(demo.trustees_report.pdf(*WHOLE, Progress()).data)
    body = " ".join(body.split())
    for label in small:
        assert f"{label} <5" in body
        assert f"{label} {gender[label]} " not in body


def test_the_threshold_is_a_setting(services: Services) -> None:
    report = services.trustees_report
    assert report.threshold() == 5
    report.set_threshold(3)
    assert report.threshold() == 3
    with pytest.raises(ValidationFailed, match="1 to 100"):
        report.set_threshold(0)
    assert report.threshold() == 3


def test_an_empty_period_says_so_and_makes_nothing(demo: Services) -> None:
    progress = Progress()
    with pytest.raises(NothingToReport, match="nothing to report from 1 April 2010"):
        demo.trustees_report.pdf(dt.date(2010, 4, 1), dt.date(2011, 3, 31), progress)
    assert progress.done < 3


def test_a_start_after_the_end_is_refused(demo: Services) -> None:
    with pytest.raises(ValidationFailed, match="starts on 1 April 2026, after it ends"):
        demo.trustees_report.report(dt.date(2026, 4, 1), dt.date(2026, 3, 31))
