"""A PSW save with the audit log on, beside the same save with it off, in the same run.

On a copy of the 10,000-PSW demo vault (this bench's own folder), ``PswService.update`` saves a
real change to a PSW (notes and phone alternate between two values, so every save writes and
is audited). "Audit on" is the app as it runs: the workspace's session factory appends a
chained ``audit_log`` row in the save's own transaction (``storage.audit_log.capture``).
"Audit off", for this benchmark only, is a second workspace on the same engine whose session
factory was made without ``capture`` (a bare ``sessionmaker``): the identical service code with
no audit row. Saves alternate on and off (ABAB) over several PSWs, so drift on this shared
machine falls on both alike. Target: the median save with audit at most 10% slower.
"""

from __future__ import annotations

import dataclasses
import shutil
import statistics
import sys
import time

from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from _common import PASSPHRASE, Figure, copy_vault, demo_vault, parser, settings
from _common import print_table as print_figures
from peerdesk.domain.ids import PswId
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.storage.backups import engine_of
from peerdesk.storage.vault.files import VaultPaths

TARGET_RATIO = 1.10


def without_audit(services: Services) -> Services:
    """The same services on the same engine, but with no audit capture (benchmark only)."""
    plain = sessionmaker(bind=engine_of(services.workspace), expire_on_commit=False)
    workspace = dataclasses.replace(services.workspace, sessions=plain)
    return build(workspace, services.clock, services.viewer)


def audit_rows(services: Services) -> int:
    with services.workspace.reading() as s:
        return int(s.execute(text("SELECT count(*) FROM audit_log")).scalar_one())


def save(services: Services, psw: PswId, flip: bool) -> float:
    current = services.psws.get(psw)
    details = dataclasses.replace(
        current.details,
        notes="Prefers morning shifts." if flip else "Prefers evening shifts.",
        phone="07700 900123" if flip else "07700 900456",
    )
    started = time.perf_counter()
    services.psws.update(psw, details, version=current.version)
    return time.perf_counter() - started


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    saves = 20 if s.quick else 300
    source = demo_vault(s.work, s.psws)
    own = copy_vault(source, s.work / "audit-save-bench")
    audited = build(vault_service.unlock(VaultPaths(own), PASSPHRASE))
    plain = without_audit(audited)
    try:
        with audited.workspace.reading() as session:
            psws = [PswId(int(r[0])) for r in session.execute(text("SELECT id FROM psw LIMIT 10"))]
        for services in (audited, plain):  # warm both: caches, statements
            save(services, psws[0], True)
            save(services, psws[0], False)
        rows_before = audit_rows(audited)
        on: list[float] = []
        off: list[float] = []
        for n in range(saves):
            psw, flip = psws[n % len(psws)], (n // len(psws)) % 2 == 0
            first, second = (audited, plain) if n % 2 == 0 else (plain, audited)
            times = {id(first): save(first, psw, flip), id(second): save(second, psw, not flip)}
            on.append(times[id(audited)])
            off.append(times[id(plain)])
        written = audit_rows(audited) - rows_before
    finally:
        audited.close()
        shutil.rmtree(own, ignore_errors=True)
    if written < saves:  # each audited save writes its change row (each get, a view row)
        raise SystemExit(f"expected {saves} or more audit rows from the audited saves: {written}")
    with_audit, without = statistics.median(on), statistics.median(off)
    ratio = with_audit / without
    print(
        f"({s.psws:,} PSWs; {saves} saves each way, alternating; "
        f"{written} audit rows written, views included)"
    )
    print_figures(
        "PSW save with the audit log (floor: the same save with audit off, same run)",
        [
            Figure("PswService.update, audit off (floor)", without),
            Figure("PswService.update, audit on", with_audit, TARGET_RATIO * without, without),
        ],
    )
    met = ratio <= TARGET_RATIO
    verdict = "met" if met else "MISSED"
    print(f"\naudit on / off = {ratio:.3f} (target ≤ {TARGET_RATIO:.2f}): {verdict}")
    return 0 if met or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
