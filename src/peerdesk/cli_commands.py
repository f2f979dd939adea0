"""What each ``peerdesk`` command does once its arguments are parsed; each returns an exit code."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from peerdesk.cli_vault import (
    ENV_INSECURE_FAST_KDF,
    ENV_PASSPHRASE,
    err,
    progress,
    warn_unencrypted,
    with_vault,
    write,
)

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace


def demo(data_dir: str | None, *, psws: int, people: int, seed: int) -> int:
    """``peerdesk demo``: make a demo vault of made-up records and say how to open it."""
    # Imported here, not at the top: opening the window should not pay for them.
    import shlex

    from peerdesk.domain.errors import PeerDeskError
    from peerdesk.services.demo_service import (
        BATCH_SIZE,
        create_demo_vault,
        memorable_passphrase,
    )
    from peerdesk.storage.locations import resolve
    from peerdesk.storage.vault.keyslots import DEFAULT_KDF, TEST_KDF

    paths, chosen = resolve(data_dir, demo=True)
    given = os.environ.get(ENV_PASSPHRASE)
    passphrase = given or memorable_passphrase()
    kdf = DEFAULT_KDF
    if os.environ.get(ENV_INSECURE_FAST_KDF) == "1":
        kdf = TEST_KDF
        err(
            f"Warning: {ENV_INSECURE_FAST_KDF}=1, so this demo vault is only weakly protected "
            "by its passphrase. Never keep real records in it."
        )
    with_people = f" and {people:,} supported people" if people else ""
    err(f"Making a demo vault of {psws:,} peer support workers{with_people} in {paths.folder} …")
    try:
        result = create_demo_vault(
            paths,
            passphrase=passphrase,
            psws=psws,
            people=people,
            seed=seed,
            kdf=kdf,
            progress=progress if psws > BATCH_SIZE else None,
        )
    except PeerDeskError as error:
        err(f"PeerDesk: {error}")
        return 1
    except KeyboardInterrupt:
        err("\nStopped. Nothing was left behind.")
        return 130
    open_with = "peerdesk --demo"
    if chosen:
        open_with = f"peerdesk --data-dir {shlex.quote(str(paths.folder))}"
    print(f"Demo vault made: {result.psws:,} made-up peer support workers{with_people}.")
    print(f"  Folder:       {paths.folder}")
    if given:
        print(f"  Passphrase:   the one in ${ENV_PASSPHRASE}")
    else:
        print(f"  Passphrase:   {passphrase}")
    print(f"  Recovery key: {result.recovery_key}")
    print(f"Open it with:   {open_with}")
    return 0


def due(data_dir: str | None, *, demo: bool, within: int, fmt: str) -> int:
    """``peerdesk due``: the dated items, unlocked by $PEERDESK_PASSPHRASE; 1 on any vault error."""
    # Imported here: the window and 'peerdesk demo' should not pay for them.
    from peerdesk.export.due_listing import render
    from peerdesk.services.attention_service import AttentionService
    from peerdesk.services.clock import SystemClock

    clock = SystemClock()
    found = with_vault(
        data_dir, demo, "list what is due", lambda ws: AttentionService(ws, clock).items(within)
    )
    if isinstance(found, int):
        return found
    write(render(found, fmt, today=clock.today()), raw=fmt != "text")
    warn_unencrypted(bool(found))
    return 0


def match(args: argparse.Namespace) -> int:
    """``peerdesk match suggest|plan``: read-only matching, unlocked like ``peerdesk due``."""
    from peerdesk.domain.errors import NotFound
    from peerdesk.domain.ids import PersonId
    from peerdesk.export.match_listing import render_plan, render_suggestions
    from peerdesk.services.bundle import build
    from peerdesk.services.clock import SystemClock

    fmt = args.format

    def run(workspace: Workspace) -> str:
        matching = build(workspace, SystemClock()).matching
        if args.match_command == "suggest":
            found = matching.suggest(PersonId(args.person_id), limit=args.limit)
            return render_suggestions(found, fmt)
        return render_plan(matching.plan(), fmt)

    try:
        text = with_vault(args.data_dir, args.demo, "match", run)
    except NotFound:
        err(f"PeerDesk: there is no supported person with id {args.person_id} in this vault.")
        return 2
    if isinstance(text, int):
        return text
    write(text, raw=fmt != "text")
    warn_unencrypted(True)
    return 0


CONFIDENTIAL_REFUSED = (
    "As a {role} you cannot search notes: only coordinators, and supervisors in their own "
    "sessions, may search confidential notes."
)


def search(args: argparse.Namespace) -> int:
    """``peerdesk search``: the search service's first page, unlocked like ``peerdesk due``."""
    from peerdesk.domain.errors import PeerDeskError
    from peerdesk.domain.roles import Role
    from peerdesk.export.search_listing import render
    from peerdesk.services.login import viewer_for
    from peerdesk.services.search_service import SearchService

    def run(workspace: Workspace) -> str:
        viewer = viewer_for(workspace)  # with users, whoever's passphrase this is
        if args.include_confidential and viewer.role is Role.TRUSTEE:
            raise PeerDeskError(CONFIDENTIAL_REFUSED.format(role=viewer.role.value))
        found = SearchService(workspace, viewer).search(
            args.text, include_confidential=args.include_confidential
        )
        return render(found, args.format)

    text = with_vault(args.data_dir, args.demo, "search", run)
    if isinstance(text, int):
        return text
    write(text, raw=args.format != "text")
    warn_unencrypted(True)
    return 0
