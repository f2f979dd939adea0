"""Reads one annual review for printing, through the visibility rule, and prints it."""

from __future__ import annotations

from dataclasses import replace

from peerdesk.domain.errors import NotFound
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.review_printout import ReviewPrintout
from peerdesk.domain.reviews import ReviewContent, ReviewId
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.export.pdf.review_pdf import review_pdf
from peerdesk.services.clock import Clock
from peerdesk.services.match_documents import unprintable_note
from peerdesk.services.settings_service import SettingsService
from peerdesk.storage import document_access, psw_queries, review_store, training_store
from peerdesk.storage.visibility import text_visible
from peerdesk.storage.workspace import Workspace


class ReviewDocuments:
    """The annual review as a document for the PSW and their file."""

    def __init__(
        self,
        workspace: Workspace,
        clock: Clock,
        settings: SettingsService,
        viewer: Viewer = COORDINATOR,
    ) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock
        self._settings = settings

    def printout(
        self,
        review_id: ReviewId,
        *,
        viewer: Viewer | None = None,
        private_revealed: bool = False,
    ) -> ReviewPrintout:
        """The review as the record shows it: a private review's text only once revealed."""
        viewer = viewer or self._viewer
        with self._ws.reading() as s:
            review = review_store.read_review(s, review_id)
            if not document_access.sees_psw(s, review.psw_id, viewer):
                raise NotFound("This review is on a protected record: show protected first.")
            psw = psw_queries.load(s, review.psw_id)
            goals = review_store.goals(s, review.psw_id)
            topics = {t.id: t.name for t in training_store.topics(s)}
            name = psw.full_name
        if not text_visible(
            review.confidentiality,
            viewer,
            listing=False,
            private_revealed=private_revealed,
            psw_id=review.psw_id,
        ):
            review = replace(review, content=ReviewContent(), text_hidden=True)
        wanted = {n.topic_id for n in review.content.training_needs}
        return ReviewPrintout(
            review=review,
            review_ref=f"review-{review_id:04d}",
            psw_ref=f"psw-{review.psw_id:04d}",
            psw_name=name,
            goals=tuple(g for g in goals if g.review_id != review_id),
            new_goals=tuple(g for g in goals if g.review_id == review_id),
            topic_names={k: v for k, v in topics.items() if k in wanted},
        )

    def make(
        self,
        review_id: ReviewId,
        progress: Progress,
        *,
        viewer: Viewer | None = None,
        private_revealed: bool = False,
    ) -> Exported:
        """The review as a PDF, marked CONFIDENTIAL, its file name carrying references only."""
        viewer = viewer or self._viewer
        progress.step(0, 2)
        printout = self.printout(review_id, viewer=viewer, private_revealed=private_revealed)
        progress.step(1, 2)
        built = review_pdf(
            printout,
            organisation=self._settings.organisation().name,
            printed_at=self._clock.now(),
        )
        progress.step(2, 2)
        return Exported(built.data, printout.file_name, unprintable_note(built.unprintable))
