"""Reading one field of an import file: each check says what is wrong, and where, in one line.

``import_reader`` walks the file and calls these; the first field that fails
stops the import before anything is written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from herstel.storage.stored import offset_minutes

MAX_SECONDS = 86_400.0  # a day: far beyond any real session, short of nonsense
MAX_BREATHS = 100_000
MAX_TEXT = 64

E = TypeVar("E", bound=StrEnum)


class ImportFileError(ValueError):
    """The import file is unusable; the message is one line naming the problem and where."""


def _got(value: object) -> str:
    shown = json.dumps(value, default=str)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _fail(where: str, problem: str) -> ImportFileError:
    return ImportFileError(f"{where}: {problem}")


def _object(value: object, where: str, fields: Sequence[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"must be an object (got {_got(value)})")
    for name in fields:
        if name not in value:
            raise _fail(where, f"missing field {name!r}")
    for name in value:
        if name not in fields:
            raise _fail(where, f"unknown field {name!r}")
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, f"must be a list (got {_got(value)})")
    return value


def _integer(value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(where, f"must be an integer {low}–{high} (got {_got(value)})")
    return value


def _answer(value: object, where: str, scale: tuple[int, int]) -> int | None:
    if value is None:
        return None
    low, high = scale
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(where, f"must be an integer {low}–{high} or null (got {_got(value)})")
    return value


def _seconds(value: object, where: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
        if math.isfinite(seconds) and 0 <= seconds <= MAX_SECONDS:
            return seconds
    raise _fail(where, f"must be a number of seconds 0–{MAX_SECONDS:.0f} (got {_got(value)})")


def _text(value: object, where: str) -> str:
    if (
        not isinstance(value, str)
        or not 0 < len(value) <= MAX_TEXT
        or any(ord(ch) < 32 or ord(ch) == 127 or 0xD800 <= ord(ch) <= 0xDFFF for ch in value)
    ):
        raise _fail(where, f"must be text of 1–{MAX_TEXT} printable characters (got {_got(value)})")
    return value


def _choice(value: object, where: str, enum: type[E]) -> E:
    allowed = [e.value for e in enum]
    if not isinstance(value, str) or value not in allowed:
        raise _fail(where, f"must be one of {', '.join(allowed)} (got {_got(value)})")
    return enum(value)


def _flag_value(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, f"must be true or false (got {_got(value)})")
    return value


def _moment(value: object, where: str, latest: datetime) -> datetime:
    problem = "must be an ISO 8601 date and time with a UTC offset"
    if not isinstance(value, str) or "T" not in value:
        raise _fail(where, f"{problem} (got {_got(value)})")
    try:
        moment = datetime.fromisoformat(value)
        offset_minutes(moment)
    except ValueError as err:
        raise _fail(where, f"{problem} (got {_got(value)})") from err
    try:
        moment.astimezone(UTC)
    except OverflowError as err:
        raise _fail(where, f"lies outside the years 1–9999 in UTC (got {_got(value)})") from err
    if moment > latest:
        raise _fail(where, f"lies in the future (got {_got(value)})")
    return moment


def _night_date(value: object, where: str) -> date:
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as err:
        raise _fail(where, f"must be a date YYYY-MM-DD (got {_got(value)})") from err
