"""A PSW's printed documents: the full record, a supervision session, and their plans.

Each document reads in one transaction through the one visibility rule (a protected PSW prints
only for a viewer who may see them), builds the PDF in memory and returns it as Exported with a
file name that carries the PSW's reference, never their name. Confidential and private notes
appear on the record by date and kind only. A printed supervision session carries the shared
notes and, for a confidential session, its text (the coordinator prints it for the supervisee);
private text is never printed, and the page says so. The same holds for plan versions.
"""

from __future__ import annotations

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.psw_documents import (
    DatedNote,
    PlanInputs,
    PswRecordInputs,
    SupervisionInputs,
    psw_file_name,
    psw_reference,
    unprintable_note,
)
from peerdesk.domain.supervision_session import SessionId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.export.pdf.page import BuiltPdf
from peerdesk.export.pdf.plan_document import plans_pdf
from peerdesk.export.pdf.psw_record import psw_record_pdf
from peerdesk.export.pdf.supervision_record import supervision_pdf
from peerdesk.services.clock import Clock
from peerdesk.services.vault_service import ORGANISATION
from peerdesk.storage import (
    concern_store,
    consent_store,
    dbs_store,
    evidence_queries,
    health_store,
    induction_store,
    list_items,
    match_store,
    plan_store,
    psw_queries,
    reference_store,
    review_store,
    settings_store,
    supervision_store,
    training_store,
)
from peerdesk.storage.document_access import require_visible_psw
from peerdesk.storage.psw_mapping import read_psw
from peerdesk.storage.visibility import text_visible
from peerdesk.storage.workspace import Tx, Workspace

NO_PLANS = "{ref} has no wellbeing plan or \u201ctelling my story safely\u201d plan saved yet."
GROUP_NEEDS_PSW = (
    "Session {id} is a group session: each attendee's copy holds only their own check-in and "
    "actions, so print it from that peer worker's Supervision tab."
)


def _exported(pdf: BuiltPdf, name: str) -> Exported:
    return Exported(pdf.data, name, unprintable_note(pdf.unprintable))


class PswDocumentService:
    """Reads a PSW's documents (one reading each) and prints them."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._ws = workspace
        self._clock = clock
        self._viewer = viewer

    # --- the full record --------------------------------------------------------------------

    def record_inputs(self, psw_id: PswId, *, viewer: Viewer | None = None) -> PswRecordInputs:
        """Everything the full record prints; NotFound for a PSW ``viewer`` may not see."""
        with self._ws.reading() as s:
            return self._record_inputs(s, psw_id, viewer or self._viewer)

    def _record_inputs(self, s: Tx, psw_id: PswId, viewer: Viewer) -> PswRecordInputs:
        require_visible_psw(s, psw_id, viewer)
        today = self._clock.today()
        names = {TaxonomyItemId(i.id): i.name for i in list_items.all_items(s)}
        dated = [
            DatedNote(c.raised_on, "Safeguarding concern", Confidentiality.CONFIDENTIAL)
            for c in concern_store.for_psw(s, psw_id)
        ]
        for kind in PlanKind:
            dated += [
                DatedNote(
                    v.recorded_at.date(),
                    f"{kind.label}, version {v.number}",
                    v.draft.confidentiality,
                )
                for v in plan_store.versions(s, psw_id, kind)
            ]
        return PswRecordInputs(
            psw=read_psw(psw_queries.load(s, psw_id)),
            item_names=names,
            references=tuple(reference_store.list_for(s, psw_id)),
            dbs=tuple(dbs_store.list_for(s, psw_id)),
            health=tuple(health_store.referrals_for(s, psw_id)),
            adjustments=tuple(health_store.adjustments_for(s, psw_id)),
            induction=induction_store.induction(s, psw_id),
            training=tuple(training_store.records_for(s, psw_id)),
            training_needs=tuple(training_store.needs_for(s, psw_id)),
            requirements=tuple(evidence_queries.results_for(s, psw_id, today)),
            consents=tuple(consent_store.entries_for(s, psw_id)),
            matches=tuple(match_store.for_psw(s, psw_id)),
            supervision=tuple(supervision_store.history(s, psw_id, viewer)),
            reviews=tuple(review_store.history(s, psw_id)),
            dated_notes=tuple(sorted(dated, key=lambda n: (n.on, n.what), reverse=True)),
        )

    def record(
        self, psw_id: PswId, progress: Progress, *, viewer: Viewer | None = None
    ) -> Exported:
        """The PSW's full record as a PDF (``psw-0042-record.pdf``)."""
        progress.step(0, 2)
        inputs = self.record_inputs(psw_id, viewer=viewer)
        progress.step(1, 2)
        pdf = psw_record_pdf(
            inputs, organisation=self._organisation(), printed_at=self._clock.now()
        )
        progress.step(2, 2)
        return _exported(pdf, psw_file_name(psw_id, "record"))

    # --- one supervision session ------------------------------------------------------------

    def supervision_inputs(
        self, session_id: SessionId, psw_id: PswId | None = None, *, viewer: Viewer | None = None
    ) -> SupervisionInputs:
        """The session as ``psw_id`` sees it (their own part only), private text left out.

        Without ``psw_id`` the session's one attendee is meant; a group session refuses.
        """
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            row = supervision_store.session_row(s, session_id)
            attendees = [PswId(a.psw_id) for a in row.attendees]
            if psw_id is None:
                if row.is_group or len(attendees) != 1:
                    raise NotFound(GROUP_NEEDS_PSW.format(id=int(session_id)))
                psw_id = attendees[0]
            require_visible_psw(s, psw_id, viewer)
            session = supervision_store.read_session(
                s, session_id, psw_id, viewer, private_revealed=False
            )
            full, known = supervision_store.names(s, [psw_id])[psw_id]
        return SupervisionInputs(psw_id, _shown_name(full, known), session)

    def supervision(
        self,
        session_id: SessionId,
        progress: Progress,
        *,
        psw_id: PswId | None = None,
        viewer: Viewer | None = None,
    ) -> Exported:
        """One session's printed record for its attendee (``psw-0042-supervision-7.pdf``)."""
        progress.step(0, 2)
        inputs = self.supervision_inputs(session_id, psw_id, viewer=viewer)
        progress.step(1, 2)
        pdf = supervision_pdf(
            inputs, organisation=self._organisation(), printed_at=self._clock.now()
        )
        progress.step(2, 2)
        return _exported(pdf, inputs.file_name)

    # --- plans ------------------------------------------------------------------------------

    def plan_inputs(
        self,
        psw_id: PswId,
        kind: PlanKind,
        number: int | None = None,
        *,
        viewer: Viewer | None = None,
    ) -> PlanInputs:
        """Version ``number`` of the plan (the latest when None; None inside when none saved)."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            require_visible_psw(s, psw_id, viewer)
            return self._plan(s, psw_id, kind, number, viewer)

    def _plan(
        self, s: Tx, psw_id: PswId, kind: PlanKind, number: int | None, viewer: Viewer
    ) -> PlanInputs:
        if number is None:
            version = plan_store.latest(s, psw_id, kind)
        else:
            version = next(
                (v for v in plan_store.versions(s, psw_id, kind) if v.number == number), None
            )
            if version is None:
                raise NotFound(f"{kind.label} version {number} is not in the vault.")
        shown = version is None or text_visible(
            version.draft.confidentiality, viewer, listing=False, psw_id=psw_id
        )
        full, known = supervision_store.names(s, [psw_id])[psw_id]
        return PlanInputs(psw_id, _shown_name(full, known), kind, version, shown)

    def plan(
        self,
        psw_id: PswId,
        kind: PlanKind,
        progress: Progress,
        *,
        number: int | None = None,
        viewer: Viewer | None = None,
    ) -> Exported:
        """One plan version (the latest by default) for the PSW to keep."""
        progress.step(0, 2)
        inputs = self.plan_inputs(psw_id, kind, number, viewer=viewer)
        if inputs.version is None:
            raise NotFound(f"{psw_reference(psw_id)} has no {kind.label.lower()} saved yet.")
        progress.step(1, 2)
        pdf = plans_pdf([inputs], organisation=self._organisation(), printed_at=self._clock.now())
        progress.step(2, 2)
        what = f"{kind.value}-plan-v{inputs.version.number}"
        return _exported(pdf, psw_file_name(psw_id, what))

    def plans(self, psw_id: PswId, progress: Progress, *, viewer: Viewer | None = None) -> Exported:
        """The latest wellbeing plan, then the latest story plan (``peerdesk export wellbeing``).

        A PSW with neither refuses (NotFound); with one, the other's page says none is saved.
        """
        progress.step(0, 2)
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            require_visible_psw(s, psw_id, viewer)
            both = [self._plan(s, psw_id, kind, None, viewer) for kind in PlanKind]
        if all(p.version is None for p in both):
            raise NotFound(NO_PLANS.format(ref=psw_reference(psw_id)))
        progress.step(1, 2)
        pdf = plans_pdf(both, organisation=self._organisation(), printed_at=self._clock.now())
        progress.step(2, 2)
        return _exported(pdf, psw_file_name(psw_id, "plans"))

    def _organisation(self) -> str:
        with self._ws.reading() as s:
            return settings_store.read_all(s).get(ORGANISATION, "")


def _shown_name(full: str, known: str) -> str:
    return f"{full} (known as {known})" if known and known != full else full
