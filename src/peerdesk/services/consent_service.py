"""The consent ledger: give, withdraw and correct consent, each one appended entry.

The ledger is the source of truth. The lived-experience boxes' booleans are a cache of it,
written in the same transaction, so screens that read the PSW record keep working.
"""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.consent import (
    ConsentEntry,
    ConsentEntryId,
    ConsentHow,
    EntryKind,
    consent_in_force,
    current_consent,
    give_problems,
    is_known_purpose,
    parse_lived_experience,
    withdraw_problems,
)
from peerdesk.domain.errors import NotFound, Problem
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.text import tidy
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import refuse
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import consent_store, settings_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Tx, Workspace


class ConsentService:
    """Each write appends one entry in one transaction; nothing in the ledger is ever changed."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def ledger(self, psw_id: PswId) -> list[ConsentEntry]:
        """Every entry for the PSW, oldest first."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return consent_store.entries_for(s, psw_id)

    def current(self, psw_id: PswId, purpose: str) -> bool:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return current_consent(consent_store.entries_for(s, psw_id, purpose), purpose)

    def matching_consents(self, psw_ids: list[PswId]) -> set[tuple[PswId, TaxonomyItemId]]:
        """The pairs matching may use (the one ledger query)."""
        with self._ws.reading() as s:
            return consent_store.matching_consents(s, psw_ids)

    def give(
        self,
        psw_id: PswId,
        purpose: str,
        *,
        how: ConsentHow,
        told: str,
        given_on: dt.date,
        wording_version: int | None = None,
        note: str = "",
    ) -> tuple[ConsentEntry, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        told = tidy(told)
        problems = _purpose_problems(purpose) + _how_problems("how", how)
        refuse(problems + give_problems(given_on=given_on, told=told, today=self._clock.today()))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            made = consent_store.append(
                s,
                psw_id=psw_id,
                purpose=purpose,
                kind=EntryKind.GIVEN,
                recorded_by=recorder_from(settings_store.read_all(s)),
                recorded_at=self._clock.now(),
                given_on=given_on,
                how=how,
                told=told,
                wording_version=wording_version,
                note=tidy(note),
            )
            return made, _recached(s, psw_id, purpose)

    def withdraw(
        self, psw_id: PswId, purpose: str, *, how: ConsentHow, on: dt.date, note: str = ""
    ) -> tuple[ConsentEntry, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        refuse(_purpose_problems(purpose) + _how_problems("withdrawn_how", how))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            in_force = consent_in_force(consent_store.entries_for(s, psw_id, purpose), purpose)
            refuse(withdraw_problems(on=on, today=self._clock.today(), current=in_force))
            made = consent_store.append(
                s,
                psw_id=psw_id,
                purpose=purpose,
                kind=EntryKind.WITHDRAWN,
                recorded_by=recorder_from(settings_store.read_all(s)),
                recorded_at=self._clock.now(),
                withdrawn_on=on,
                withdrawn_how=how,
                note=tidy(note),
            )
            return made, _recached(s, psw_id, purpose)

    def correct(
        self,
        entry_id: ConsentEntryId,
        *,
        note: str,
        void: bool = False,
        given_on: dt.date | None = None,
        how: ConsentHow | None = None,
        told: str | None = None,
        withdrawn_on: dt.date | None = None,
        withdrawn_how: ConsentHow | None = None,
    ) -> tuple[ConsentEntry, Changes]:
        """Restate an entry with corrected details (unnamed fields stay as they were), or
        with ``void`` say it was recorded in error. ``note`` says why."""
        require_sees_record(self._ws, self._viewer, Owned.CONSENT_ENTRY, entry_id)
        note = tidy(note)
        today = self._clock.today()
        with self._ws.transaction() as s:
            target = consent_store.entry(s, entry_id)
            if target is None:
                raise NotFound("That consent entry is not in the vault.")
            while target.kind is EntryKind.CORRECTION and target.corrects is not None:
                original = consent_store.entry(s, target.corrects)
                assert original is not None  # a foreign key keeps it
                target = original
            problems = [] if note else [Problem("note", "Say why this entry is being corrected.")]
            fields: dict[str, object] = {}
            if not void and target.kind is EntryKind.GIVEN:
                fields = {
                    "given_on": given_on or target.given_on,
                    "how": how or target.how,
                    "told": tidy(told) if told is not None else target.told,
                    "wording_version": target.wording_version,
                }
                on = fields["given_on"]
                assert isinstance(on, dt.date)
                problems += _how_problems("how", fields["how"])
                problems += give_problems(given_on=on, told=str(fields["told"]), today=today)
            elif not void:
                fields = {
                    "withdrawn_on": withdrawn_on or target.withdrawn_on,
                    "withdrawn_how": withdrawn_how or target.withdrawn_how,
                }
                problems += _how_problems("withdrawn_how", fields["withdrawn_how"])
                if withdrawn_on is not None and withdrawn_on > today:
                    problems.append(
                        Problem("withdrawn_on", "The date of withdrawal cannot be in the future.")
                    )
            refuse(problems)
            made = consent_store.append(
                s,
                psw_id=target.psw_id,
                purpose=target.purpose,
                kind=EntryKind.CORRECTION,
                recorded_by=recorder_from(settings_store.read_all(s)),
                recorded_at=self._clock.now(),
                note=note,
                corrects=target.id,
                **fields,  # type: ignore[arg-type]
            )
            return made, _recached(s, target.psw_id, target.purpose)


def _purpose_problems(purpose: str) -> list[Problem]:
    if is_known_purpose(purpose):
        return []
    return [Problem("purpose", "That is not a purpose consent can be recorded for.")]


def _how_problems(field: str, how: object) -> list[Problem]:
    if isinstance(how, ConsentHow) and how is not ConsentHow.BEFORE_LEDGER:
        return []
    return [Problem(field, "Choose how: written, in person, phone or message.")]


def _recached(s: Tx, psw_id: PswId, purpose: str) -> Changes:
    """Write the box's boolean from the ledger, in the caller's transaction."""
    parsed = parse_lived_experience(purpose)
    if parsed is not None:
        now = current_consent(consent_store.entries_for(s, psw_id, purpose), purpose)
        consent_store.cache_flag(s, psw_id, parsed[0], parsed[1], now)
    return Changes(psws=frozenset({psw_id}))
