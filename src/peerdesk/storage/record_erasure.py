"""Erasing and anonymising one PSW or supported person, and compacting the vault afterwards.

Anonymising keeps exactly what ``domain/trustees_inputs`` lists (read by ``trustees_queries``):
statuses with their dates, role, equality answers as their bands, training dates, requirement
results, supervision sessions' dates, kinds and attendance (with check-in scores), matches' stages,
dates and end reasons, contacts' dates and minutes, outcome scores, and a person's referral date
with a date of birth replaced by the first day of their age band (so the band at referral is the
same). Everything else that names, reaches or describes them is blanked or deleted. Erasing
deletes the row; the foreign keys cascade to everything that belongs to it (``ON DELETE CASCADE``)
and detach what is shared (``SET NULL``: rights requests, safeguarding concerns, linked person).
One-to-one supervision sessions are not tied to the PSW by a foreign key, so they go explicitly.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from peerdesk.domain.retention import band_birth_date
from peerdesk.domain.text import fold
from peerdesk.domain.trustees_inputs import equality_band
from peerdesk.storage.search_documents import unindex_psw

_PSW_DELETED = (
    "psw_lived_experience",
    "psw_skill",
    "psw_interest",
    "psw_language",
    "psw_availability",
    "psw_contact_mode",
    "psw_adjustment",
    "psw_reference",
    "oh_referral",
    "application_support",
    "plan_version",
    "annual_review",
    "goal",
    "consent_entry",
    "conflict",
    "plan_rejection",
    "team_member",
)
"""Tables whose rows for the PSW no figure reads: deleted (their children cascade)."""

_PSW_BLANKED = (
    ("psw_status_change", ("reason",)),
    ("interview", ("adjustments", "notes")),
    ("dbs_check", ("certificate_number", "disclosure_note")),
    ("psw_induction", ("mentor",)),
    ("supervision_attendee", ("checkin_note",)),
    ("supervision_action", ("text",)),
    ("supervision_learning_need", ("text",)),
)

_PERSON_DELETED = (
    "person_identity",
    "person_lived_experience",
    "person_interest",
    "person_language",
    "person_availability",
    "person_contact_mode",
    "person_share_consent",
    "conflict",
    "plan_rejection",
)

_CONCERN_TEXT = "summary = '', who_told = '', referral = '', closing_note = ''"


def _one_to_one_sessions(c: Connection, psw_id: int) -> list[int]:
    return list(
        c.exec_driver_sql(
            "SELECT a.session_id FROM supervision_attendee a JOIN supervision_session s"
            " ON s.id = a.session_id WHERE a.psw_id = ? AND NOT s.is_group"
            " AND (SELECT count(*) FROM supervision_attendee o WHERE o.session_id = a.session_id)"
            " = 1",
            (psw_id,),
        ).scalars()
    )


def _blank_concerns(c: Connection, column: str, record_id: int) -> None:
    c.exec_driver_sql(
        f"UPDATE safeguarding_concern SET {_CONCERN_TEXT} WHERE {column} = ?", (record_id,)
    )
    c.exec_driver_sql(
        "UPDATE safeguarding_step SET text = '' WHERE concern_id IN"
        f" (SELECT id FROM safeguarding_concern WHERE {column} = ?)",
        (record_id,),
    )


def _blank_matches(c: Connection, column: str, record_id: int) -> None:
    matches = f"SELECT id FROM match WHERE {column} = ?"
    c.exec_driver_sql(f"UPDATE match SET rationale = '' WHERE {column} = ?", (record_id,))
    c.exec_driver_sql(
        f"UPDATE match_step SET note = '' WHERE match_id IN ({matches})", (record_id,)
    )
    c.exec_driver_sql(f"UPDATE contact SET note = '' WHERE match_id IN ({matches})", (record_id,))


def anonymise_psw(s: Session, psw_id: int, today: dt.date) -> None:
    """Blank the PSW's identity and free text and delete what no figure reads (see above)."""
    unindex_psw(s, psw_id)  # before the rows that name their documents change
    c = s.connection()
    for table in _PSW_DELETED:
        c.exec_driver_sql(f"DELETE FROM {table} WHERE psw_id = ?", (psw_id,))
    for table, columns in _PSW_BLANKED:
        blanks = ", ".join(f"{column} = ''" for column in columns)
        c.exec_driver_sql(f"UPDATE {table} SET {blanks} WHERE psw_id = ?", (psw_id,))
    for session_id in _one_to_one_sessions(c, psw_id):
        c.exec_driver_sql("UPDATE supervision_session SET notes = '' WHERE id = ?", (session_id,))
        c.exec_driver_sql("DELETE FROM supervision_addendum WHERE session_id = ?", (session_id,))
    c.exec_driver_sql(
        "UPDATE leaving_route SET answer = '' WHERE leaving_id IN"
        " (SELECT id FROM leaving_outcome WHERE psw_id = ?)",
        (psw_id,),
    )
    answers = c.exec_driver_sql(
        "SELECT question, answer FROM psw_demographic WHERE psw_id = ?", (psw_id,)
    ).all()
    for question, answer in answers:
        band = equality_band(question, answer)
        kept = "" if not (answer or "").strip() else band
        c.exec_driver_sql(
            "UPDATE psw_demographic SET answer = ? WHERE psw_id = ? AND question = ?",
            (kept, psw_id, question),
        )
    _blank_matches(c, "psw_id", psw_id)
    _blank_concerns(c, "psw_id", psw_id)
    label = f"Anonymised peer worker {psw_id:04d}"
    c.exec_driver_sql(
        "UPDATE psw SET full_name = ?, known_as = '', name_key = ?, search_key = ?,"
        " pronouns = '', date_of_birth = NULL, email = '', phone = '', address = '',"
        " postcode = '', emergency_name = '', emergency_relationship = '',"
        " emergency_phone = '', notes = '', area_id = NULL, travel_miles = NULL,"
        " anonymised_on = ?, version = version + 1 WHERE id = ?",
        (label, fold(label), fold(label), today, psw_id),
    )


def anonymise_person(s: Session, person_id: int, today: dt.date) -> None:
    """Blank the person's identity and free text; their date of birth becomes their age band's."""
    c = s.connection()
    for table in _PERSON_DELETED:
        c.exec_driver_sql(f"DELETE FROM {table} WHERE person_id = ?", (person_id,))
    c.exec_driver_sql(
        "UPDATE person_status_change SET reason = '' WHERE person_id = ?", (person_id,)
    )
    _blank_matches(c, "person_id", person_id)
    _blank_concerns(c, "person_id", person_id)
    referred, born = c.exec_driver_sql(
        "SELECT referred_on, date_of_birth FROM person WHERE id = ?", (person_id,)
    ).one()
    referred_on = dt.date.fromisoformat(str(referred))
    banded = band_birth_date(
        None if born is None else dt.date.fromisoformat(str(born)), referred_on
    )
    label = f"Anonymised person {person_id:04d}"
    c.exec_driver_sql(
        "UPDATE person SET full_name = ?, known_as = '', name_key = ?, search_key = ?,"
        " pronouns = '', date_of_birth = ?, email = '', phone = '', address = '',"
        " postcode = '', referral_source = '', wants = '', area_id = NULL, risk_notes = '',"
        " team = '', team_key = '', linked_psw_id = NULL, anonymised_on = ?,"
        " version = version + 1 WHERE id = ?",
        (label, fold(label), fold(label), banded, today, person_id),
    )


def erase_psw(s: Session, psw_id: int) -> None:
    """Delete the PSW, their search documents and one-to-one sessions; the rest cascades."""
    unindex_psw(s, psw_id)
    c = s.connection()
    sessions = _one_to_one_sessions(c, psw_id)
    _blank_concerns(c, "psw_id", psw_id)  # kept for safeguarding, detached and without text
    for session_id in sessions:
        c.exec_driver_sql("DELETE FROM supervision_session WHERE id = ?", (session_id,))
    c.exec_driver_sql("DELETE FROM psw WHERE id = ?", (psw_id,))


def erase_person(s: Session, person_id: int) -> None:
    """Delete the person; matches, contacts, scores and the rest cascade."""
    c = s.connection()
    _blank_concerns(c, "person_id", person_id)
    c.exec_driver_sql("DELETE FROM person WHERE id = ?", (person_id,))


def compact(engine: Engine) -> None:
    """After erasures commit: merge the search index, VACUUM, and truncate the WAL to 0 bytes.

    Both need a connection outside any transaction, so they run on the raw driver connection.
    ``secure_delete`` (set on every connection) and FTS5 ``secure-delete`` already overwrote the
    deleted content; VACUUM rewrites the file without the freed pages, and the checkpoint copies
    the WAL into it and truncates the WAL, so no old page survives in either file.
    """
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
        driver.execute("VACUUM")
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
