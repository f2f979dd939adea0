"""Blank forms to print: each from its screen's field order and today's lists and wording."""

from __future__ import annotations

from peerdesk.domain.blank_form import BlankForm
from peerdesk.domain.blank_form_fields import (
    contact_log_sheet,
    psw_sign_up,
    referral,
    supervision_note,
)
from peerdesk.domain.errors import NotFound
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.taxonomy import ListKind
from peerdesk.export.pdf.blank_form_pdf import blank_form_pdf
from peerdesk.services.clock import Clock
from peerdesk.services.list_service import ListService
from peerdesk.services.match_documents import unprintable_note
from peerdesk.services.settings_service import SettingsService
from peerdesk.services.supervision_service import SupervisionService

FORM_CODES = ("PD-CL", "PD-SU", "PD-RF", "PD-SN")
"""Contact log sheet, PSW sign-up, referral, supervision note: the order they are offered in."""


class FormDocuments:
    """Blank forms hold no one's details: they read only lists, wording and the organisation."""

    def __init__(
        self,
        clock: Clock,
        *,
        lists: ListService,
        supervision: SupervisionService,
        settings: SettingsService,
    ) -> None:
        self._clock = clock
        self._lists = lists
        self._supervision = supervision
        self._settings = settings

    def _names(self, kind: ListKind) -> list[str]:
        return [i.name for i in self._lists.items(kind, include_retired=False)]

    def forms(self) -> list[BlankForm]:
        """The four forms as they print today, in FORM_CODES order."""
        lived = self._names(ListKind.LIVED_EXPERIENCE)
        return [
            contact_log_sheet(),
            psw_sign_up(lived, self._names(ListKind.LANGUAGE), self._names(ListKind.INTEREST)),
            referral(self._names(ListKind.AREA), lived),
            supervision_note([t.name for t in self._supervision.topics()]),
        ]

    def form(self, code: str) -> BlankForm:
        found = {f.code: f for f in self.forms()}
        if code.upper() not in found:
            raise NotFound(f"There is no form {code}: the forms are {', '.join(FORM_CODES)}.")
        return found[code.upper()]

    def make(self, code: str, progress: Progress) -> Exported:
        """One blank form as a PDF named by its code and version."""
        progress.step(0, 1)
        form = self.form(code)
        built = blank_form_pdf(
            form, organisation=self._settings.organisation().name, printed_at=self._clock.now()
        )
        progress.step(1, 1)
        return Exported(built.data, form.file_name, unprintable_note(built.unprintable))
