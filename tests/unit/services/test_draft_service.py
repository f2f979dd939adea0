"""Form drafts are kept in the vault, one per form and record, and taken out when offered."""

from __future__ import annotations

import pytest

from peerdesk.domain.errors import StorageUnavailable, ValidationFailed
from peerdesk.services.bundle import Services
from peerdesk.services.draft_service import PERSON_FORM, PSW_FORM, FormDraft
from peerdesk.services.lock_settings import DEFAULT_IDLE_MINUTES
from peerdesk.storage.engine import engine_key


def test_a_draft_is_taken_once(services: Services) -> None:
    drafts = services.drafts
    assert drafts.take_draft(PSW_FORM) is None
    drafts.save_draft(PSW_FORM, 7, '{"full_name": "A"}')
    assert drafts.waiting() == {PSW_FORM}
    assert drafts.take_draft(PSW_FORM) == FormDraft(PSW_FORM, 7, '{"full_name": "A"}')
    assert drafts.take_draft(PSW_FORM) is None
    assert drafts.waiting() == set()


def test_a_new_record_draft_replaces_the_last(services: Services) -> None:
    drafts = services.drafts
    drafts.save_draft(PERSON_FORM, None, "first")
    drafts.save_draft(PERSON_FORM, None, "second")
    assert drafts.take_draft(PERSON_FORM) == FormDraft(PERSON_FORM, None, "second")
    assert drafts.waiting() == set()


def test_the_lock_time_defaults_to_ten_and_stays_in_range(services: Services) -> None:
    settings = services.lock_settings
    assert settings.idle_minutes() == DEFAULT_IDLE_MINUTES
    settings.set_idle_minutes(60)
    assert settings.idle_minutes() == 60
    for wrong in (0, 61, -5):
        with pytest.raises(ValidationFailed, match="between 1 and 60"):
            settings.set_idle_minutes(wrong)
    assert settings.idle_minutes() == 60


def test_closing_the_workspace_zeroes_the_key_and_refuses_sessions(services: Services) -> None:
    key = engine_key(services.workspace.sessions.kw["bind"])
    assert key is not None and any(key)
    services.close()
    assert key == bytearray(len(key))
    with pytest.raises(StorageUnavailable, match="locked"):
        services.drafts.waiting()
    services.close()  # twice is harmless


def test_a_draft_kept_before_users_existed_is_still_offered_back(services: Services) -> None:
    import datetime as dt

    from peerdesk.storage import draft_store

    with services.workspace.transaction() as s:  # as an older PeerDesk wrote it: no owner
        draft_store.put(s, PSW_FORM, 3, '{"full_name": "B"}', dt.datetime(2026, 11, 1))
    assert services.drafts.waiting() == {PSW_FORM}
    assert services.drafts.take_draft(PSW_FORM) == FormDraft(PSW_FORM, 3, '{"full_name": "B"}')
    assert services.drafts.waiting() == set()
    services.workspace.user = "Sam Patel"  # with users, an ownerless draft is nobody's to take
    with services.workspace.transaction() as s:
        draft_store.put(s, PSW_FORM, 4, "{}", dt.datetime(2026, 11, 1))
    assert services.drafts.waiting() == set()
    assert services.drafts.take_draft(PSW_FORM) is None
