"""Printing a PSW's record, a supervision session or a plan version from their form.

Each goes through ``save_export`` (the unencrypted-file warning, progress with Cancel, then where
to save). The viewer is the window's current one, so a protected record prints only while
"Show protected records" is on; a widget outside the main window prints as the coordinator.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.supervision_session import SessionId
from peerdesk.services.bundle import Services
from peerdesk.ui.save_export import save_export
from peerdesk.ui.viewer_state import current_viewer


def print_record(parent: QWidget, services: Services, psw_id: PswId) -> None:
    viewer = current_viewer(parent, services.viewer)
    save_export(
        parent,
        title="Print record",
        make=lambda progress: services.psw_documents.record(psw_id, progress, viewer=viewer),
    )


def print_session(
    parent: QWidget, services: Services, session_id: SessionId, psw_id: PswId
) -> None:
    """This PSW's copy of the session (in a group, their own part only)."""
    viewer = current_viewer(parent, services.viewer)
    save_export(
        parent,
        title="Print supervision session",
        make=lambda progress: services.psw_documents.supervision(
            session_id, progress, psw_id=psw_id, viewer=viewer
        ),
    )


def print_plan(
    parent: QWidget, services: Services, psw_id: PswId, kind: PlanKind, number: int
) -> None:
    viewer = current_viewer(parent, services.viewer)
    save_export(
        parent,
        title=f"Print {kind.label.lower()}",
        make=lambda progress: services.psw_documents.plan(
            psw_id, kind, progress, number=number, viewer=viewer
        ),
    )
