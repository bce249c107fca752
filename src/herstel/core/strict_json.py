"""JSON as the standard says it, nothing more: no NaN or Infinity, no key twice in an object.

Python's ``json.loads`` accepts both; a launch request from another process and
an imported export file must not. The callers turn these errors into their own
words (``MessageError``, ``ImportFileError``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


class DuplicateKey(ValueError):
    """An object has the same key twice (``key`` is the key)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key


class NotJSONNumber(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity`` where JSON allows only numbers (``name``)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not a number JSON allows")
        self.name = name


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise DuplicateKey(key)
        document[key] = value
    return document


def _no_constants(name: str) -> Any:
    raise NotJSONNumber(name)


def loads(text: str, parse_int: Callable[[str], Any] | None = None) -> Any:
    """Parse ``text`` strictly; raises DuplicateKey, NotJSONNumber or json.JSONDecodeError.

    ``parse_int`` as in ``json.loads`` (an import turns a 5,000-digit integer
    into a value its field check refuses, rather than a bare ValueError).
    """
    return json.loads(
        text,
        parse_constant=_no_constants,
        object_pairs_hook=_unique_keys,
        parse_int=parse_int,
    )
