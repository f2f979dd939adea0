"""Finding files in ``resources/`` (icons, stylesheets), installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resources_root() -> Traversable:
    """``peerdesk.resources`` when installed from a wheel; the checkout's folder otherwise.

    setuptools' editable installs map only top-level packages, so the ``package-dir`` entry that
    puts ``resources/`` at ``peerdesk.resources`` in a wheel is not seen in a developer checkout.
    """
    try:
        return files("peerdesk.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "resources"


def app_icon() -> QIcon:
    return QIcon(str(resources_root().joinpath("icons", "peerdesk.svg")))
