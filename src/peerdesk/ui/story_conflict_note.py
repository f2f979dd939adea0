"""The story plan's consent conflicts, in words, on the story and lived-experience tabs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QBoxLayout

from peerdesk.domain.errors import Problem
from peerdesk.domain.story_conflicts import StoryConflict
from peerdesk.ui.form_fields import ProblemLabel


def conflict_note(layout: QBoxLayout, at: int = -1) -> ProblemLabel:
    """A note (hidden while there is nothing to say) put in ``layout`` at ``at`` (-1: the end),
    for the Plans tab to fill in whenever it shows a PSW."""
    note = ProblemLabel()
    layout.insertWidget(at, note)
    return note


def show_conflicts(note: ProblemLabel, conflicts: Sequence[StoryConflict]) -> None:
    """ "Warning: Shares ‘Psychosis’ with people I support, but consent … is not given." """
    note.set_problems(
        [Problem("story", f"{c.message} (Telling my story safely plan).", False) for c in conflicts]
    )
