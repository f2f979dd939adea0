"""A check dialog that grows taller when problem messages appear, so none is cut off.

QFormLayout does not raise a dialog's minimum height for a wrapped message that appears after
the dialog is shown (seen at 200% text: the last line of a long validity message was clipped),
so after each change of problems the dialog asks its layout how tall it must be at its width.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.domain.errors import Problem
from peerdesk.ui.check_fields import CheckDialog


class FittedCheckDialog(CheckDialog):
    def show_problems(self, problems: Sequence[Problem]) -> None:
        super().show_problems(problems)
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)
