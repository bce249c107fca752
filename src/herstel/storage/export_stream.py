"""Export to JSON and CSV, without a display.

Export streams rows straight from one ordered query, so 100,000 sessions take a
second or two, and never creates a database that is not there. The format's
keys and columns are in ``exchange_format``; writing an export to a file is
``export_file``.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from json.encoder import encode_basestring_ascii
from pathlib import Path
from typing import Literal, TextIO, cast

from herstel.core.checkin import CHANGE_KEY
from herstel.storage.database import Database
from herstel.storage.exchange_format import (
    FORMAT,
    NIGHT_CSV_COLUMNS,
    REMINDER_CSV_COLUMNS,
    SESSION_CSV_COLUMNS,
    SESSION_FIELDS,
    SIGNAL_KEYS,
    VERSION,
    WAIT_FIELDS,
)
from herstel.storage.stored import SessionRow, local_time


@contextmanager
def _existing(db_path: Path) -> Iterator[Database | None]:
    """The database opened read-only, or None when there is none (nothing is created)."""
    if not db_path.exists():
        yield None
        return
    db = Database.open_readonly(db_path)
    try:
        yield db
    finally:
        db.close()


# Export writes JSON through fixed templates: three times faster than building a
# dict per row for json.dumps, and test_exchange checks the result with json.loads.
# Text goes through the C string encoder; floats use repr, exactly as json does.
_q = encode_basestring_ascii


def _template(fields: Sequence[str]) -> str:
    return "{" + ", ".join(f'"{name}": %s' for name in fields) + "}"


_BEFORE = _template((*SIGNAL_KEYS, "complete", "answered_at"))
_AFTER = _template((*SIGNAL_KEYS, CHANGE_KEY, "complete", "answered_at"))
_SESSION = _template(SESSION_FIELDS)
_NIGHT = _template(NIGHT_CSV_COLUMNS)
_REMINDER = _template(REMINDER_CSV_COLUMNS)
_WAIT = _template(WAIT_FIELDS)


def _js(value: object) -> str:
    """A stored scalar as JSON: null, a quoted string, or a number."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return _q(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot export the number {value!r}")
        return repr(value)
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"cannot export {value!r}")


def _bool(value: int | None) -> str:
    return "true" if value else "false"


_FIELDS = SessionRow._fields
_BEFORE_VALUES = slice(_FIELDS.index("before_breathing"), _FIELDS.index("before_mood") + 1)
_AFTER_VALUES = slice(_FIELDS.index("after_breathing"), _FIELDS.index("after_change") + 1)


def _answers(row: SessionRow, part: slice) -> tuple[int | None, ...]:
    # mypy cannot type a NamedTuple sliced by a variable; the slice holds the answer columns.
    return cast("tuple[int | None, ...]", row[part])


def _session_line(row: SessionRow) -> str:
    before = "null"
    if row.before_answered_at is not None:
        values = map(_js, _answers(row, _BEFORE_VALUES))
        before = _BEFORE % (*values, _bool(row.before_complete), _q(row.before_answered_at))
    after = "null"
    if row.after_answered_at is not None:
        values = map(_js, _answers(row, _AFTER_VALUES))
        after = _AFTER % (*values, _bool(row.after_complete), _q(row.after_answered_at))
    started = local_time(row.started_at_utc, row.utc_offset_minutes).isoformat()
    return _SESSION % (
        _q(row.id),
        _q(started),
        _q(row.pattern),
        _js(float(row.planned_seconds)),
        _js(row.planned_breaths),
        _js(float(row.done_seconds)),
        _js(row.done_breaths),
        _q(row.ended_how),
        _q(row.trigger),
        _q(row.check_status),
        before,
        after,
    )


def _row_line(template: str) -> Callable[[Sequence[object]], str]:
    def line(row: Sequence[object]) -> str:
        return template % tuple(map(_js, row))

    return line


def _write_list(out: TextIO, name: str, lines: Iterator[str], *, first: bool) -> None:
    out.write(f'{"" if first else ","} "{name}": [')
    separator = "\n"
    for line in lines:
        out.write(separator)
        out.write(line)
        separator = ",\n"
    out.write("\n]" if separator != "\n" else "]")


def export_json(db_path: Path, out: TextIO, now: datetime) -> None:
    """Write everything as one JSON object; no database file gives empty lists."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    header = {"format": FORMAT, "version": VERSION, "exported_at": now.isoformat()}
    with _existing(db_path) as db:
        out.write(json.dumps(header)[:-1] + ",")
        if db is None:
            out.write(' "sessions": [], "nights": [], "reminders": [], "waits": []}\n')
            return
        _write_list(out, "sessions", map(_session_line, db.iter_session_rows()), first=True)
        _write_list(out, "nights", map(_row_line(_NIGHT), db.iter_night_rows()), first=False)
        reminders = map(_row_line(_REMINDER), db.iter_reminder_rows())
        _write_list(out, "reminders", reminders, first=False)
        _write_list(out, "waits", map(_row_line(_WAIT), db.iter_wait_rows()), first=False)
        out.write("}\n")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> object:
    """Defuse spreadsheet formulas in text cells; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _flag(value: int | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def _session_csv(row: SessionRow) -> list[object]:
    text = escape_cell
    return [
        text(row.id),
        local_time(row.started_at_utc, row.utc_offset_minutes).isoformat(),
        text(row.pattern),
        row.planned_seconds,
        row.planned_breaths,
        row.done_seconds,
        row.done_breaths,
        text(row.ended_how),
        text(row.trigger),
        text(row.check_status),
        *_answers(row, _BEFORE_VALUES),
        _flag(row.before_complete),
        row.before_answered_at,
        *_answers(row, _AFTER_VALUES),
        _flag(row.after_complete),
        row.after_answered_at,
    ]


def export_csv(
    db_path: Path, out: TextIO, table: Literal["sessions", "nights", "reminders"] = "sessions"
) -> None:
    """Write one table as CSV with a header row (open ``out`` with ``newline=""``)."""
    writer = csv.writer(out)
    with _existing(db_path) as db:
        if table == "sessions":
            writer.writerow(SESSION_CSV_COLUMNS)
            if db:
                writer.writerows(map(_session_csv, db.iter_session_rows()))
        elif table == "nights":
            writer.writerow(NIGHT_CSV_COLUMNS)
            if db:
                writer.writerows(db.iter_night_rows())
        elif table == "reminders":
            writer.writerow(REMINDER_CSV_COLUMNS)
            if db:
                writer.writerows(
                    (escape_cell(k), due, escape_cell(o), acted)
                    for k, due, o, acted in db.iter_reminder_rows()
                )
        else:
            raise ValueError(f"no table {table!r}: use sessions, nights or reminders")
