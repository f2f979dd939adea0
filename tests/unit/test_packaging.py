"""The wheel's explicit package list stays complete as the source tree grows."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_source_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    src = ROOT / "src"
    found = {
        ".".join(p.parent.relative_to(src).parts)
        for p in src.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_resources_are_found_installed_or_in_a_checkout() -> None:
    from peerdesk.ui.resources import resources_root

    assert resources_root().joinpath("icons", "peerdesk.svg").is_file()
