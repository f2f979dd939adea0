"""Create a demo vault full of made-up PSWs; all or nothing, and never over an existing file."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peerdesk.domain.consent import MATCHING, SHARING, ConsentHow, lived_experience_purpose
from peerdesk.domain.errors import VaultAlreadyExists
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import DEFAULT_RECORDER, JourneyStatus
from peerdesk.domain.training import Course
from peerdesk.services import supervision_due_refresh, vault_service
from peerdesk.services.clock import Clock, SystemClock
from peerdesk.services.demo_catalogue import catalogue_for
from peerdesk.services.demo_checks import CheckGenerator
from peerdesk.services.demo_data import DemoPsw, iter_generate
from peerdesk.services.demo_people_service import add_demo_people
from peerdesk.services.demo_reviews import add_demo_reviews
from peerdesk.services.demo_supervision import ActivePsw
from peerdesk.services.demo_wellbeing import add_demo_supervision
from peerdesk.storage import (
    audit_log,
    check_bulk,
    consent_store,
    evidence_queries,
    induction_store,
    list_items,
    psw_bulk,
    training_store,
)
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import DEFAULT_KDF, KdfParams
from peerdesk.storage.workspace import Tx

DEMO_ORGANISATION = "Riverside Peer Support (demo)"
BATCH_SIZE = 2_000
"""PSWs per transaction: big enough to be fast, small enough to report progress often."""

Progress = Callable[[int, int], None]
"""Called with (PSWs written so far, total) after each batch."""

# SQLite's companions of the vault file, which a crashed earlier run may have left.
_DB_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class DemoResult:
    paths: VaultPaths
    psws: int
    recovery_key: str = field(repr=False)
    people: int = 0


def create_demo_vault(
    paths: VaultPaths,
    *,
    passphrase: str,
    psws: int,
    seed: int,
    people: int = 0,
    kdf: KdfParams = DEFAULT_KDF,
    progress: Progress | None = None,
    clock: Clock | None = None,
) -> DemoResult:
    """Make a demo vault at ``paths`` holding ``psws`` made-up PSWs and ``people`` supported
    people with their matches (the same ones for a seed).

    Refuses with ``VaultAlreadyExists`` if any vault file is already there. If anything fails
    part way (or the user interrupts), every file this call made is removed again.
    """
    _refuse_existing(paths)
    made_folders = _missing_folders(paths.folder)
    try:
        vault_service.state(paths, may_create_folder=True)  # makes the folder; checks writing
        made = vault_service.create(
            paths, organisation=DEMO_ORGANISATION, passphrase=passphrase, kdf=kdf, demo=True
        )
    except VaultAlreadyExists:  # someone else's files appeared meanwhile: leave them be
        _remove_folders(made_folders)
        raise
    except BaseException:
        _remove_vault(paths)
        _remove_folders(made_folders)
        raise
    workspace = made.workspace
    try:
        with workspace.transaction() as s:
            items = list_items.all_items(s)
            courses = demo_courses(s)
            template = [t.name for t in induction_store.template(s)]
        now = (clock or SystemClock()).now()
        records = iter_generate(items, count=psws, seed=seed, now=now)
        checks = CheckGenerator(seed=seed, today=now.date(), courses=courses, template=template)
        done = 0
        places: list[tuple[PswId, int]] = []
        active: list[ActivePsw] = []
        while batch := list(itertools.islice(records, BATCH_SIZE)):
            with workspace.transaction() as s:
                ids = psw_bulk.insert_many(s, batch)
                check_bulk.insert_checks(
                    s, [(i, checks.for_psw(p)) for i, p in zip(ids, batch, strict=True)]
                )
                evidence_queries.recompute_due(s, ids, now.date())
                consent_store.give_many(
                    s,
                    _consents_given(ids, batch),
                    how=ConsentHow.WRITTEN,
                    recorded_by=DEFAULT_RECORDER,
                    recorded_at=now,
                    note="Made-up demo record.",
                )
                audit_log.record(s, "demo", "psw", fields=("count",))  # one row per batch
            places += (
                (i, p.details.capacity)
                for i, p in zip(ids, batch, strict=True)
                if p.status is JourneyStatus.ACTIVE and not p.archived
            )
            active += (
                ActivePsw(i, p.details.role, p.status_since)
                for i, p in zip(ids, batch, strict=True)
                if p.status is JourneyStatus.ACTIVE and not p.archived
            )
            done += len(batch)
            if progress is not None:
                progress(done, psws)
        if people:
            add_demo_people(workspace, items, count=people, seed=seed, now=now, psws=places)
        add_demo_supervision(workspace, active, seed=seed, now=now)
        with workspace.transaction() as s:
            supervision_due_refresh.refresh(s, None)
            audit_log.record(s, "demo", "vault", fields=("people", "supervision"))
        add_demo_reviews(workspace, active, seed=seed, now=now)
    except BaseException:
        workspace.close()
        _remove_vault(paths)
        _remove_folders(made_folders)
        raise
    workspace.close()
    return DemoResult(paths, psws, made.recovery_key, people)


def demo_courses(s: Tx) -> list[Course]:
    """The vault's course catalogue, first filled with a few demo courses per topic if empty."""
    found = training_store.courses(s)
    if found:
        return found
    for details in catalogue_for(training_store.topics(s)):
        training_store.save_course(s, details, course_id=None)
    return training_store.courses(s)


def memorable_passphrase(words: int = 4) -> str:
    """Random words and two digits, like ``otter-lantern-meadow-copper-47``: for demo vaults."""
    chosen = [secrets.choice(_WORDS) for _ in range(words)]
    return "-".join([*chosen, f"{secrets.randbelow(90) + 10}"])


def _refuse_existing(paths: VaultPaths) -> None:
    for path in (str(paths.db), str(paths.header), str(paths.lock), *_companions(paths)):
        if os.path.lexists(path):
            raise VaultAlreadyExists(
                f"There is already a file at {path}. PeerDesk will not make a demo vault over "
                "it: choose another folder with --data-dir."
            )


def _companions(paths: VaultPaths) -> list[str]:
    return [f"{paths.db}{suffix}" for suffix in _DB_COMPANIONS]


def _remove_vault(paths: VaultPaths) -> None:
    # Only files vault_service.create made: _refuse_existing proved none were there before.
    for path in (str(paths.db), *_companions(paths), str(paths.header)):
        with contextlib.suppress(OSError):
            os.unlink(path)


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and those of its parents that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:
        try:
            folder.rmdir()  # only when empty: never takes anything else with it
        except OSError:
            return


_WORDS = (
    "acorn",
    "amber",
    "anchor",
    "apple",
    "arrow",
    "aspen",
    "badger",
    "banjo",
    "barley",
    "basil",
    "beacon",
    "birch",
    "biscuit",
    "bramble",
    "breeze",
    "brook",
    "bucket",
    "buttercup",
    "cabin",
    "candle",
    "canoe",
    "carrot",
    "castle",
    "cedar",
    "cherry",
    "chestnut",
    "clover",
    "cobalt",
    "comet",
    "copper",
    "coral",
    "cotton",
    "crumpet",
    "daisy",
    "dolphin",
    "dune",
    "ember",
    "falcon",
    "fern",
    "fiddle",
    "finch",
    "flannel",
    "forest",
    "fossil",
    "garden",
    "ginger",
    "glacier",
    "granite",
    "hazel",
    "heather",
    "hedgehog",
    "heron",
    "honey",
    "harbour",
    "island",
    "ivy",
    "jasmine",
    "juniper",
    "kestrel",
    "kettle",
    "kite",
    "lantern",
    "lark",
    "lavender",
    "lemon",
    "lighthouse",
    "lily",
    "linen",
    "maple",
    "marble",
    "meadow",
    "mango",
    "meteor",
    "mint",
    "mitten",
    "moorland",
    "mosaic",
    "muffin",
    "nutmeg",
    "oak",
    "oasis",
    "orchard",
    "otter",
    "owl",
    "paddle",
    "pebble",
    "pepper",
    "pine",
    "plum",
    "pocket",
    "poppy",
    "puffin",
    "quartz",
    "quill",
    "rainbow",
    "raven",
    "reed",
    "ribbon",
    "river",
    "robin",
    "rocket",
    "saffron",
    "sail",
    "salmon",
    "sapphire",
    "scone",
    "shell",
    "sparrow",
    "spruce",
    "squirrel",
    "starling",
    "teapot",
    "thistle",
    "thunder",
    "tide",
    "toffee",
    "tulip",
    "tunnel",
    "velvet",
    "violet",
    "walnut",
    "willow",
    "wren",
    "yarrow",
    "zephyr",
)


def _consents_given(
    ids: Sequence[PswId], batch: Sequence[DemoPsw]
) -> list[tuple[PswId, str, dt.date]]:
    """The ledger entries behind each demo PSW's ticked consent boxes, dated when they joined."""
    return [
        (psw_id, lived_experience_purpose(le.item_id, use), record.created_at.date())
        for psw_id, record in zip(ids, batch, strict=True)
        for le in record.details.lived_experience
        for use, ticked in ((MATCHING, le.use_for_matching), (SHARING, le.share_with_supported))
        if ticked
    ]
