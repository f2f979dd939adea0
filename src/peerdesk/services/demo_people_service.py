"""Fill a demo vault with supported people, their matches and contacts, and a few teams."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Sequence

from peerdesk.domain.ids import PswId
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.services.demo_people import Places, iter_people
from peerdesk.storage import person_bulk, team_store
from peerdesk.storage.workspace import Workspace

PEOPLE_BATCH = 5_000
"""People per transaction."""
TEAM_NAMES = ("Riverside walking group", "Tuesday drop-in", "Carers' circle", "Women's group")
TEAM_SIZE = (3, 8)


def add_demo_people(
    workspace: Workspace,
    items: Sequence[ListItem],
    *,
    count: int,
    seed: int,
    now: dt.datetime,
    psws: Sequence[tuple[PswId, int]],
) -> int:
    """Add ``count`` made-up people; ``psws`` are the active PSWs with their capacity, whose
    places the matches fill (someone left without a place stays waiting). Returns ``count``."""
    active = [psw for psw, _ in psws]
    records = iter_people(
        items, count=count, seed=seed, now=now, places=Places(psws), ended_pool=active
    )
    while batch := list(itertools.islice(records, PEOPLE_BATCH)):
        with workspace.transaction() as s:
            person_bulk.insert_people(s, batch)
    _teams(workspace, items, active, seed=seed, today=now.date(), now=now)
    return count


def _teams(
    workspace: Workspace,
    items: Sequence[ListItem],
    active: Sequence[PswId],
    *,
    seed: int,
    today: dt.date,
    now: dt.datetime,
) -> None:
    """A few teams of active PSWs, each in an area, members joined over the past year."""
    if len(active) < TEAM_SIZE[1]:
        return
    rng = random.Random(seed * 31 + 7)
    areas = sorted(
        (i for i in items if i.kind is ListKind.AREA and not i.retired), key=lambda i: i.id
    )
    with workspace.transaction() as s:
        for name in TEAM_NAMES:
            area = rng.choice(areas).id if areas else None
            team = team_store.insert(s, name, area, now=now)
            for psw in rng.sample(list(active), rng.randint(*TEAM_SIZE)):
                joined = today - dt.timedelta(days=rng.randrange(1, 365))
                team_store.add_member(s, team.id, psw, joined)
