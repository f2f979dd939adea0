"""The FTS5 search index: folded matching, snippets in the original text, keeping it current."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import StaticPool

from peerdesk.domain.ids import PswId
from peerdesk.domain.search_query import build_query
from peerdesk.domain.search_records import SearchDocument, SearchHit
from peerdesk.domain.search_snippet import (
    MATCH_END,
    MATCH_START,
    snippet_html,
    snippet_plain,
)
from peerdesk.domain.search_words import folded_words
from peerdesk.storage.search_index import (
    CREATE_STATEMENTS,
    DROP_STATEMENTS,
    create_index,
    delete_document,
    search,
    upsert_document,
)

DAY = dt.date(2026, 11, 20)
ALL_LEVELS = ("shared", "confidential", "private")


@pytest.fixture
def connection() -> Iterator[Connection]:
    engine = create_engine("sqlite://", module=sqlcipher3, poolclass=StaticPool)
    with engine.begin() as conn:
        create_index(conn)
        yield conn
    engine.dispose()


def note(record_id: int, text: str, level: str = "shared", psw: int = 1) -> SearchDocument:
    return SearchDocument("supervision", record_id, PswId(psw), DAY, level, text)


def find(
    connection: Connection, typed: str, levels: tuple[str, ...] = ALL_LEVELS
) -> list[SearchHit]:
    query = build_query(typed)
    assert query is not None
    return search(connection, query, levels)


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("Zoe", "Met Zoë about the rota.", f"Met {MATCH_START}Zoë{MATCH_END} about the rota."),
        (
            "lukasz",
            "Łukasz covered the shift.",
            f"{MATCH_START}Łukasz{MATCH_END} covered the shift.",
        ),
        ("strasse", "Moved to Hauptstraße.", "Moved to Hauptstraße."),
        ("hauptstr", "Moved to Hauptstraße.", f"Moved to {MATCH_START}Hauptstraße{MATCH_END}."),
        ("SØREN", "Søren joined.", f"{MATCH_START}Søren{MATCH_END} joined."),
    ],
)
def test_folded_search_shows_the_original_text(
    connection: Connection, typed: str, stored: str, shown: str
) -> None:
    upsert_document(connection, note(1, stored))
    hits = find(connection, typed)
    if typed == "strasse":  # a prefix of a word, not the middle of one
        assert hits == []
        return
    assert [hit.snippet for hit in hits] == [shown]
    assert hits[0].kind == "supervision" and hits[0].record_id == 1 and hits[0].day == DAY


def test_prefixes_and_phrases(connection: Connection) -> None:
    upsert_document(connection, note(1, "Talked about night shifts and sleep."))
    upsert_document(connection, note(2, "Night out; the shift after was hard."))
    assert {hit.record_id for hit in find(connection, "night shi")} == {1, 2}
    assert {hit.record_id for hit in find(connection, '"night shifts"')} == {1}
    assert find(connection, '"night shift"') == []
    phrase = find(connection, '"night shifts"')[0].snippet
    assert f"{MATCH_START}night{MATCH_END} {MATCH_START}shifts{MATCH_END}" in phrase


def test_operators_typed_are_plain_words(connection: Connection) -> None:
    upsert_document(connection, note(1, "Cats AND dogs, NEAR the door (notes: x)."))
    upsert_document(connection, note(2, "Cats only."))
    assert {hit.record_id for hit in find(connection, "cats AND")} == {1}
    assert {hit.record_id for hit in find(connection, "NEAR(door")} == {1}
    assert {hit.record_id for hit in find(connection, "notes:x")} == {1}
    assert {hit.record_id for hit in find(connection, "cats OR nothing")} == set()


def test_best_match_first(connection: Connection) -> None:
    upsert_document(connection, note(1, "Rota. " + "Other words here. " * 30))
    upsert_document(connection, note(2, "Rota rota rota: the rota again."))
    assert [hit.record_id for hit in find(connection, "rota")] == [2, 1]


def test_levels_leave_confidential_and_private_out(connection: Connection) -> None:
    upsert_document(connection, note(1, "zebra shared"))
    upsert_document(connection, note(2, "zebra confidential", "confidential"))
    upsert_document(connection, note(3, "zebra private", "private"))
    assert {hit.record_id for hit in find(connection, "zebra", ("shared",))} == {1}
    assert {hit.record_id for hit in find(connection, "zebra", ("shared", "confidential"))} == {
        1,
        2,
    }
    query = build_query("zebra")
    assert query is not None
    assert search(connection, query, ()) == []


def test_upsert_replaces_and_delete_removes(connection: Connection) -> None:
    upsert_document(connection, note(1, "first version kiwi"))
    upsert_document(connection, note(1, "second version mango"))
    assert find(connection, "kiwi") == []
    assert [hit.record_id for hit in find(connection, "mango")] == [1]
    delete_document(connection, "supervision", 1)
    delete_document(connection, "supervision", 99)
    assert find(connection, "mango") == []
    assert connection.exec_driver_sql("SELECT count(*) FROM search_entry").scalar_one() == 0
    other_kind = SearchDocument("action", 1, None, DAY, "shared", "mango")
    upsert_document(connection, other_kind)
    assert [(hit.kind, hit.psw_id) for hit in find(connection, "mango")] == [("action", None)]


def test_long_text_is_cut_with_ellipses(connection: Connection) -> None:
    text = " ".join(f"word{n}" for n in range(200)) + " Łukasz said\n\nhello " + "tail " * 50
    upsert_document(connection, note(1, text))
    snippet = find(connection, "lukasz")[0].snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{MATCH_START}Łukasz{MATCH_END} said hello" in snippet


def test_secure_delete_is_on_and_the_sql_drops_cleanly(connection: Connection) -> None:
    config = connection.exec_driver_sql(
        "SELECT v FROM search_text_config WHERE k = 'secure-delete'"
    )
    assert config.scalar_one() == 1
    for statement in DROP_STATEMENTS:
        connection.exec_driver_sql(statement)
    for statement in CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)


def test_highlight_escapes_then_bolds(connection: Connection) -> None:
    upsert_document(connection, note(1, "Wrote <b>bold</b> & Zoë's <i>plan</i>"))
    snippet = find(connection, "zoe")[0].snippet
    assert snippet_html(snippet) == (
        "Wrote &lt;b&gt;bold&lt;/b&gt; &amp; <b>Zoë</b>'s &lt;i&gt;plan&lt;/i&gt;"
    )
    assert snippet_plain(snippet) == "Wrote <b>bold</b> & Zoë's <i>plan</i>"


def test_markers_in_stored_text_cannot_fake_bold(connection: Connection) -> None:
    upsert_document(connection, note(1, f"odd {MATCH_START}text{MATCH_END} zoe"))
    snippet = find(connection, "zoe")[0].snippet
    assert snippet_html(snippet) == "odd text <b>zoe</b>"


SAMPLE_WORDS = ["Zoë", "Łukasz", "night", "shifts", "Straße", "<b>", "&", "½", "o'brien", "ﬁle"]
JOINERS = [" ", ", ", "\n\n", " (", ") ", "-", "\ue000", "“"]
sample_text = st.lists(
    st.tuples(st.sampled_from(SAMPLE_WORDS), st.sampled_from(JOINERS)), min_size=1, max_size=40
).map(lambda parts: "".join(word + joiner for word, joiner in parts))


@given(st.lists(sample_text, min_size=1, max_size=5), st.sampled_from(SAMPLE_WORDS))
@settings(max_examples=60, deadline=None)
def test_snippets_are_original_text_with_real_matches_marked(texts: list[str], typed: str) -> None:
    query = build_query(typed[:3])
    if query is None:
        return
    prefixes = [term.words[0] for term in query.terms]
    engine = create_engine("sqlite://", module=sqlcipher3, poolclass=StaticPool)
    with engine.begin() as conn:
        create_index(conn)
        for record_id, text in enumerate(texts):
            upsert_document(conn, note(record_id, text))
        hits = search(conn, query, ALL_LEVELS)
    engine.dispose()
    assert len(hits) == sum(
        all(any(w.startswith(p) for w in folded_words(text)) for p in prefixes) for text in texts
    )
    for hit in hits:
        original = " ".join(texts[hit.record_id].replace("\ue000", "").split())
        for piece in snippet_plain(hit.snippet).strip("…").split("…"):
            assert piece in original
        marked = re.findall(f"{MATCH_START}(.*?){MATCH_END}", hit.snippet)
        assert marked
        for text in marked:
            assert any(w.startswith(p) for w in folded_words(text) for p in prefixes)
        assert "<" not in snippet_html(hit.snippet).replace("<b>", "").replace("</b>", "")
