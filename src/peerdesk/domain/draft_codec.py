"""Frozen form dataclasses to JSON and back, so an unsaved form can be kept as a draft.

A mapping is written as a list of ``[key, value]`` pairs in its own order: JSON object keys are
only text, and a draft's keys are ids (numbers) or enums, which must come back as they were.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import json
import types
import typing
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


class DraftUnreadable(ValueError):
    """The stored JSON does not fit the form's fields (an older or damaged draft)."""


def to_json(value: object) -> str:
    """``value`` (a dataclass of text, numbers, dates, enums, tuples, mappings) as JSON text."""
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def from_json(kind: type[T], text: str) -> T:
    """The ``kind`` instance ``to_json`` wrote; DraftUnreadable when it does not fit."""
    try:
        raw = json.loads(text)
    except (json.JSONDecodeError, TypeError) as error:
        raise DraftUnreadable("not JSON") from error
    value = _build(kind, raw)
    return typing.cast(T, value)


def _plain(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, collections.abc.Mapping):
        return [[_plain(k), _plain(v)] for k, v in value.items()]  # in order, as it was
    if isinstance(value, frozenset | set):
        return sorted((_plain(v) for v in value), key=repr)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"a draft cannot hold {type(value).__name__}")


def _build(kind: Any, raw: Any) -> Any:
    supertype = getattr(kind, "__supertype__", None)
    if supertype is not None:  # a NewType such as PswId
        return kind(_build(supertype, raw))
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if raw is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return _build(option, raw)
            except DraftUnreadable:
                continue
        raise DraftUnreadable(f"no option of {kind} fits")
    if origin in (tuple, frozenset):
        return _build_collection(kind, origin, raw)
    if origin in (dict, collections.abc.Mapping):
        return _build_mapping(kind, raw)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _build_dataclass(kind, raw)
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(raw)
        except ValueError as error:
            raise DraftUnreadable(f"not a {kind.__name__}") from error
    return _build_scalar(kind, raw)


def _build_collection(kind: Any, origin: Any, raw: Any) -> Any:
    if not isinstance(raw, list):
        raise DraftUnreadable("expected a list")
    args = typing.get_args(kind)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        # a fixed-length tuple such as tuple[int, str]: one type per place
        if len(raw) != len(args):
            raise DraftUnreadable(f"expected {len(args)} values")
        return tuple(_build(inner, item) for inner, item in zip(args, raw, strict=True))
    built = [_build(args[0], item) for item in raw]
    return tuple(built) if origin is tuple else frozenset(built)


def _build_mapping(kind: Any, raw: Any) -> Any:
    key_type, value_type = typing.get_args(kind)
    if not isinstance(raw, list) or not all(
        isinstance(pair, list) and len(pair) == 2 for pair in raw
    ):
        raise DraftUnreadable("expected [key, value] pairs")
    built = {_build(key_type, key): _build(value_type, value) for key, value in raw}
    if len(built) != len(raw):
        raise DraftUnreadable("a key appears twice")
    return built


def _build_dataclass(kind: type, raw: Any) -> Any:
    if not isinstance(raw, dict):
        raise DraftUnreadable(f"expected the fields of {kind.__name__}")
    hints = typing.get_type_hints(kind)
    values = {}
    for f in dataclasses.fields(kind):
        if f.name in raw:
            values[f.name] = _build(hints[f.name], raw[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise DraftUnreadable(f"{kind.__name__} lacks {f.name}")
    try:
        return kind(**values)
    except (TypeError, ValueError) as error:
        raise DraftUnreadable(f"{kind.__name__} refused its fields") from error


def _build_scalar(kind: Any, raw: Any) -> Any:
    if kind is dt.datetime or kind is dt.date:
        if not isinstance(raw, str):
            raise DraftUnreadable("expected a date")
        try:
            parsed = kind.fromisoformat(raw)
        except ValueError as error:
            raise DraftUnreadable("not a date") from error
        if kind is dt.date and isinstance(parsed, dt.datetime):
            raise DraftUnreadable("a time where a date was expected")
        return parsed
    if kind is bool:
        if isinstance(raw, bool):
            return raw
    elif kind is int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
    elif kind is float:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return float(raw)
    elif kind is str:
        if isinstance(raw, str):
            return raw
    else:
        raise DraftUnreadable(f"a draft cannot hold {kind}")
    raise DraftUnreadable(f"expected {kind.__name__}")
