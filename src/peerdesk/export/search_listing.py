"""``peerdesk search`` output: one page of results as text to read or JSON (plain snippets)."""

from __future__ import annotations

import json

from peerdesk.domain.search_results import SearchPage, SearchResult

FORMATS = ("text", "json")
JSON_FIELDS = (
    "psw_id",
    "psw_name",
    "kind",
    "kind_label",
    "date",
    "confidentiality",
    "session_id",
    "record_id",
    "snippet",
)


def render(page: SearchPage, fmt: str) -> str:
    """The page in ``fmt`` (one of FORMATS); snippets are plain text, dates ISO in JSON."""
    if fmt == "json":
        return _json(page)
    if fmt == "text":
        return _text(page)
    raise ValueError(f"unknown format {fmt!r}")


def _record(result: SearchResult) -> dict[str, object]:
    return {
        "psw_id": result.psw_id,
        "psw_name": result.psw_name,
        "kind": result.kind.value,
        "kind_label": result.kind_label,
        "date": result.day.isoformat(),
        "confidentiality": result.confidentiality,
        "session_id": result.session_id,
        "record_id": result.record_id,
        "snippet": result.snippet_text,
    }


def _json(page: SearchPage) -> str:
    document = {
        "message": page.message,
        "more": page.has_more,
        "results": [_record(r) for r in page.results],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(page: SearchPage) -> str:
    lines = [page.message]
    for result in page.results:
        lines.append("")
        lines.append(f"{_one_line(result.psw_name)} · {result.kind_label} · {result.date_text}")
        lines.append(f"    {_one_line(result.snippet_text)}")
    if page.has_more:
        lines.extend(["", "More matches: add a word to narrow them."])
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """Controls (a note's line breaks, or any stray escape) cannot reach the terminal."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
