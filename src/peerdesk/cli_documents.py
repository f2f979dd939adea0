"""What `peerdesk export KIND ID` prints: each document kind's maker, given services and an id.

Each maker reads through the services (so the one visibility rule applies), builds the file in
memory and returns it as :class:`Exported`; ``peerdesk export`` then saves it (warning on stderr,
temporary file beside the target, never overwriting without ``--force``).
"""

from __future__ import annotations

from collections.abc import Callable

from peerdesk.domain.contacts import MatchId
from peerdesk.domain.ids import PswId
from peerdesk.domain.match_summary import SummaryCopy
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.reviews import ReviewId
from peerdesk.domain.supervision_session import SessionId
from peerdesk.services.access_bundle import sar_document
from peerdesk.services.bundle import Services

DocumentMaker = Callable[[Services, int, Progress], Exported]

DOCUMENTS: dict[str, DocumentMaker] = {}
"""Kind (``record``, ``wellbeing``, ``supervision``, ``match``, ``review``, ``sar``) -> maker.

Each document module adds its own kinds below, one line each.
"""

# A PSW's documents: record and wellbeing take a PSW id, supervision a session id (an individual
# session; a group session's copies are per attendee, printed from their Supervision tab).
DOCUMENTS["record"] = lambda sv, i, p: sv.psw_documents.record(PswId(i), p)
DOCUMENTS["supervision"] = lambda sv, i, p: sv.psw_documents.supervision(SessionId(i), p)
DOCUMENTS["wellbeing"] = lambda sv, i, p: sv.psw_documents.plans(PswId(i), p)
# A subject access bundle takes a request id (SAR-0007 is 7); every passage naming another
# person is redacted, as no one reviews them here, and the manifest says so.
DOCUMENTS["sar"] = sar_document
# A match summary takes a match id and prints the coordinator's copy (the person's copy, without
# risk notes or lived experience the PSW keeps back, is printed from the Matches tab); an annual
# review takes a review id and, as on the command line nothing is revealed, leaves private text out.
DOCUMENTS["match"] = lambda sv, i, p: sv.match_documents.make(
    MatchId(i), SummaryCopy.COORDINATOR, p
)
DOCUMENTS["review"] = lambda sv, i, p: sv.review_documents.make(ReviewId(i), p)
