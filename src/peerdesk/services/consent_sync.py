"""Keeping the consent ledger in step with the consent boxes saved on a PSW's record form.

Boxes on an experience already saved ask how consent was given and write the ledger at once
(ui/consent_dialog.py). Boxes on a new record or a new row are saved with it: ticked boxes are
recorded "given in person" with the purpose's current wording, unticked ones as withdrawals,
each dated the day of the save. The ledger stays the one source that matching reads; the boxes
are its cache.
"""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.consent import (
    MATCHING,
    SHARING,
    ConsentHow,
    EntryKind,
    lived_experience_purpose,
    parse_lived_experience,
    wording_for,
)
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswDetails
from peerdesk.services.pipeline_settings import recorder_from
from peerdesk.storage import consent_store, settings_store
from peerdesk.storage.workspace import Tx

FORM_NOTE = "Recorded from the consent box on the record form."


def sync_form_consents(
    s: Tx, psw_id: PswId, details: PswDetails, *, today: dt.date, now: dt.datetime
) -> None:
    """Append what the saved boxes changed, in the save's own transaction."""
    wanted = {
        lived_experience_purpose(le.item_id, use): flag
        for le in details.lived_experience
        for use, flag in ((MATCHING, le.use_for_matching), (SHARING, le.share_with_supported))
    }
    held = consent_store.consents_for(s, [psw_id]).get(psw_id, {})
    for purpose, in_force in held.items():  # an item taken off the record: consent ends too
        if in_force and purpose not in wanted and parse_lived_experience(purpose) is not None:
            wanted[purpose] = False
    recorder = recorder_from(settings_store.read_all(s))
    for purpose, flag in sorted(wanted.items()):
        if flag == held.get(purpose, False):
            continue
        if flag:
            wording = wording_for(purpose)
            consent_store.append(
                s,
                psw_id=psw_id,
                purpose=purpose,
                kind=EntryKind.GIVEN,
                recorded_by=recorder,
                recorded_at=now,
                given_on=today,
                how=ConsentHow.IN_PERSON,
                told=wording.text,
                wording_version=wording.version,
                note=FORM_NOTE,
            )
        else:
            consent_store.append(
                s,
                psw_id=psw_id,
                purpose=purpose,
                kind=EntryKind.WITHDRAWN,
                recorded_by=recorder,
                recorded_at=now,
                withdrawn_on=today,
                withdrawn_how=ConsentHow.IN_PERSON,
                note=FORM_NOTE,
            )
