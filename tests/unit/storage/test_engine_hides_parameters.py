"""A failed statement's error text never quotes the values it was given (hide_parameters)."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from peerdesk.storage.engine import close_engine, open_engine
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

MARKER = "Zqx" + secrets.token_hex(8)


def test_a_failed_statement_does_not_quote_its_parameters(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    made = keyslots.create(paths, "correct horse battery staple", kdf=TEST_KDF)
    engine = open_engine(paths.db, made.data_key)
    try:
        with pytest.raises(DBAPIError) as caught, engine.connect() as connection:
            connection.execute(
                text("INSERT INTO no_such_table (notes) VALUES (:notes)"), {"notes": MARKER}
            )
    finally:
        close_engine(engine)
    assert "no_such_table" in str(caught.value)  # the statement is still named
    assert MARKER not in str(caught.value) and MARKER not in repr(caught.value)
