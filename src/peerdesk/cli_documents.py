"""What `peerdesk export KIND ID` prints: each document kind's maker, given services and an id.

Each maker reads through the services (so the one visibility rule applies), builds the file in
memory and returns it as :class:`Exported`; ``peerdesk export`` then saves it (warning on stderr,
temporary file beside the target, never overwriting without ``--force``).
"""

from __future__ import annotations

from collections.abc import Callable

from peerdesk.domain.progress import Exported, Progress
from peerdesk.services.bundle import Services

DocumentMaker = Callable[[Services, int, Progress], Exported]

DOCUMENTS: dict[str, DocumentMaker] = {}
"""Kind (``record``, ``wellbeing``, ``supervision``, ``match``, ``review``, ``sar``) -> maker.

Each document module adds its own kinds below, one line each.
"""
