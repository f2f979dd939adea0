"""The search query builder: bad input gives a safe expression or the message, never a crash."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.search_query import (
    MAX_QUERY_WORDS,
    NOTHING_TO_SEARCH,
    SearchQuery,
    Term,
    build_query,
)
from peerdesk.domain.search_words import folded_words, index_text

BAD_INPUT = [
    "o'brien",
    '"open',
    "NEAR(a b",
    "* * *",
    "AND OR",
    "(((",
    "notes:x",
    "a\x00b",
    "\x00",
    "\ud800night \udfff",
    "x" * 10_000,
    "night " * 2_000,
    '"""',
    "^start",
    "-minus +plus",
    '"a" OR "b"',
    "{body}: x",
]


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlcipher3.Connection]:
    connection = sqlcipher3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'ascii')")
    yield connection
    connection.close()


def matches(connection: sqlcipher3.Connection, query: SearchQuery, body: str) -> bool:
    connection.execute("DELETE FROM t")
    connection.execute("INSERT INTO t (body) VALUES (?)", (body,))
    row = connection.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query.expression,))
    return bool(row.fetchone()[0])


@pytest.mark.parametrize("typed", BAD_INPUT)
def test_bad_input_gives_a_valid_expression_or_the_message(
    fts: sqlcipher3.Connection, typed: str
) -> None:
    query = build_query(typed)
    if query is not None:
        matches(fts, query, "anything at all")  # FTS5 accepts it: no syntax error


@pytest.mark.parametrize("typed", ["* * *", "AND OR", "(((", "", "   ", "\x00", "\ud800", '""'])
def test_nothing_to_search(typed: str) -> None:
    expected = {"AND OR": ('"and"* "or"*')}
    query = build_query(typed)
    if typed in expected:
        assert query is not None and query.expression == expected[typed]
    else:
        assert query is None
    assert NOTHING_TO_SEARCH == "Type a word to search."


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("night shi", '"night"* "shi"*'),
        ("o'brien", '"o"* "brien"*'),
        ('"open', '"open"*'),
        ("NEAR(a b", '"near"* "a"* "b"*'),
        ("notes:x", '"notes"* "x"*'),
        ("Zoë ŁUKASZ", '"zoe"* "lukasz"*'),
        ('"night shift" rota', '"night shift" "rota"*'),
        ("“night shift”", '"night shift"'),
        ('a "b c" "d', '"a"* "b c" "d"*'),
        ("a\x00b", '"a"* "b"*'),
        ("soft\u00adhyphen", '"softhyphen"*'),
        ("night night NIGHT", '"night"*'),
    ],
)
def test_expressions(typed: str, expression: str) -> None:
    query = build_query(typed)
    assert query is not None
    assert query.expression == expression


def test_long_input_is_cut_and_said_so() -> None:
    query = build_query(" ".join(f"w{n}" for n in range(100)))
    assert query is not None
    assert sum(len(term.words) for term in query.terms) == MAX_QUERY_WORDS
    assert query.shortened
    long_word = build_query("x" * 10_000)
    assert long_word is not None and long_word.shortened
    short = build_query("night shift")
    assert short is not None and not short.shortened


def test_a_phrase_crossing_the_limit_is_shortened() -> None:
    words = " ".join(f"w{n}" for n in range(MAX_QUERY_WORDS - 1))
    query = build_query(f'{words} "alpha beta gamma"')
    assert query is not None
    assert query.terms[-1] == Term(("alpha",), phrase=True)
    assert query.shortened


any_text = st.lists(
    st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr), st.sampled_from('"*():^')),
    max_size=80,
).map("".join)


@given(any_text)
def test_never_raises_on_any_text(typed: str) -> None:
    query = build_query(typed)
    if query is not None:
        assert query.terms
        assert all(term.words for term in query.terms)


@given(any_text)
@settings(max_examples=200)
def test_any_expression_is_accepted_by_fts5(typed: str) -> None:
    connection = sqlcipher3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'ascii')")
    query = build_query(typed)
    if query is not None:
        matches(connection, query, "night shift")
    connection.close()


# Small corpora: FTS5 must agree with a plain Python search over the same folded words.
WORDS = ["Zoë", "zoe", "Łukasz", "lukas", "night", "nights", "shift", "Straße", "strasse", "ñ"]
JOINERS = [" ", ", ", "'", "\n", " (", ") ", "-", "ß"]


def python_matches(query: SearchQuery, text: str) -> bool:
    words = folded_words(text)
    for term in query.terms:
        if term.phrase:
            width = len(term.words)
            windows = (tuple(words[i : i + width]) for i in range(len(words) - width + 1))
            if term.words not in windows:
                return False
        elif not any(word.startswith(term.words[0]) for word in words):
            return False
    return True


document = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(JOINERS)), min_size=0, max_size=12
).map(lambda parts: "".join(word + joiner for word, joiner in parts))
typed_query = st.lists(
    st.one_of(
        st.sampled_from(WORDS).map(lambda w: w[: max(1, len(w) // 2)]),
        st.sampled_from(WORDS),
        st.sampled_from(['"', " AND ", " OR ", "*", "(", ":"]),
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


@given(st.lists(document, min_size=1, max_size=8), typed_query)
@settings(max_examples=150, deadline=None)
def test_fts5_agrees_with_plain_python_search(corpus: list[str], typed: str) -> None:
    query = build_query(typed)
    if query is None:
        return
    connection = sqlcipher3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'ascii', prefix='2 3')")
    for rowid, text in enumerate(corpus):
        connection.execute("INSERT INTO t (rowid, body) VALUES (?, ?)", (rowid, index_text(text)))
    found = {
        row[0]
        for row in connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (query.expression,))
    }
    connection.close()
    expected = {rowid for rowid, text in enumerate(corpus) if python_matches(query, text)}
    assert found == expected
