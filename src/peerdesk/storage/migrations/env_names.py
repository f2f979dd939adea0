"""Which database tables model comparisons skip: those made by plain SQL, not by the models."""

from __future__ import annotations

UNMODELLED = ("search_entry", "search_text")
"""The full-text index and FTS5's shadow tables (search_text_data, _idx, _content …)."""


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """False for the full-text index's tables, so autogenerate never proposes dropping them."""
    return not (type_ == "table" and name is not None and name.startswith(UNMODELLED))
