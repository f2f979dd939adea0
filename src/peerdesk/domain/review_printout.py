"""An annual review as printed: the review, whose it is, its goals and its framework's version."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.domain.framework import FrameworkItem, framework_json
from peerdesk.domain.goals import Goal
from peerdesk.domain.reviews import AnnualReview


def framework_version(items: Sequence[FrameworkItem]) -> str:
    """A short fingerprint of the framework copy a review kept ("3f9a0c1e").

    Reviews keep the framework they used as a copy, not a numbered version; two reviews held
    against the same entries (same names, same order) print the same fingerprint, so a reader
    can tell whether two years were reviewed against the same framework.
    """
    digest = hashlib.sha256(framework_json(items).encode("utf-8")).hexdigest()
    return digest[:8]


@dataclass(frozen=True)
class ReviewPrintout:
    """Everything a printed annual review says (private text already left out if hidden)."""

    review: AnnualReview
    review_ref: str
    psw_ref: str
    psw_name: str
    goals: tuple[Goal, ...]
    """Goals the PSW had before this review (with their status now)."""
    new_goals: tuple[Goal, ...]
    """Goals set at this review."""
    topic_names: dict[int, str]
    """Training topic id -> its name, for the training needs named in the review."""

    @property
    def file_name(self) -> str:
        """ "psw-0042-review-0007.pdf": references, never names."""
        return f"{self.psw_ref}-{self.review_ref}.pdf"
