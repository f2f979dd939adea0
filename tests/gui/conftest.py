"""GUI test set-up: background work runs inline, so tests see its results at once."""

from __future__ import annotations

import pytest

from peerdesk.ui import background


@pytest.fixture(autouse=True)
def inline_background_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "default_executor", background.InlineExecutor)
