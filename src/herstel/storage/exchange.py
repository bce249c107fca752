"""Export to JSON and CSV, and import of Herstel's own JSON, without a display.

Export streams rows straight from one ordered query, so 100,000 sessions take a
second or two, and never creates a database that is not there. Import checks the
whole file before it writes anything and then adds everything in one transaction,
so a bad file changes nothing. The format is described in docs/export-format.md.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from json.encoder import encode_basestring_ascii
from pathlib import Path
from typing import Any, Final, Literal, TextIO, TypeVar, cast

from herstel.core import strict_json
from herstel.core.checkin import (
    CHANGE_KEY,
    CHANGE_SCALE,
    SIGNAL_ITEMS,
    SIGNAL_SCALE,
    SLEEP_ITEM_KEYS,
    SLEEP_SCALE,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.room import Episode, Sense
from herstel.storage.database import (
    Database,
    ImportResult,
    ReminderRecord,
    SessionRow,
    StoredSession,
    is_canonical_uuid,
    local_time,
    offset_minutes,
    validate_session,
)
from herstel.storage.schema import ReminderKind, ReminderOutcome

__all__ = [
    "FORMAT",
    "NIGHT_CSV_COLUMNS",
    "READS_VERSIONS",
    "REMINDER_CSV_COLUMNS",
    "SESSION_CSV_COLUMNS",
    "VERSION",
    "WAIT_FIELDS",
    "ExportData",
    "ImportFileError",
    "ImportResult",
    "escape_cell",
    "export_csv",
    "export_json",
    "import_json",
    "read_export",
]

FORMAT = "herstel-export"
VERSION = 2
"""Version 2 added ``waits`` (reading the room); version 1 files still import."""
READS_VERSIONS = (1, 2)
MAX_SECONDS = 86_400.0  # a day: far beyond any real session, short of nonsense
MAX_BREATHS = 100_000
MAX_TEXT = 64
FUTURE_SLACK = timedelta(days=1)  # clocks differ between machines; a year ahead is a broken file

_ITEMS = tuple(s.value for s in SIGNAL_ITEMS)
_KINDS = (CheckKind.BEFORE.value, CheckKind.AFTER.value)

SESSION_CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "started_at",
    "pattern",
    "planned_seconds",
    "planned_breaths",
    "done_seconds",
    "done_breaths",
    "ended_how",
    "trigger",
    "check_status",
    *(f"before_{i}" for i in _ITEMS),
    "before_complete",
    "before_answered_at",
    *(f"after_{i}" for i in _ITEMS),
    "change",
    "after_complete",
    "after_answered_at",
)
NIGHT_CSV_COLUMNS: tuple[str, ...] = ("night", *SLEEP_ITEM_KEYS, "answered_at")
REMINDER_CSV_COLUMNS: tuple[str, ...] = ("kind", "due_at", "outcome", "acted_at")
WAIT_FIELDS: tuple[str, ...] = ("reason", "started_at", "ended_at", "reminder_kind", "due_at")


E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class ImportFileError(ValueError):
    """The import file is unusable; the message is one line naming the problem and where."""


# --- export -------------------------------------------------------------------------


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


_BEFORE = _template((*_ITEMS, "complete", "answered_at"))
_AFTER = _template((*_ITEMS, CHANGE_KEY, "complete", "answered_at"))
SESSION_FIELDS: Final = (
    "id",
    "started_at",
    "pattern",
    "planned_seconds",
    "planned_breaths",
    "done_seconds",
    "done_breaths",
    "ended_how",
    "trigger",
    "check_status",
    "before",
    "after",
)
"""The keys of each exported session, in order; import expects exactly these."""
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


# --- import: parsing ----------------------------------------------------------------


class _HugeNumber:
    """An integer too long to be read (Python refuses over 4,300 digits); rejected at its field."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __str__(self) -> str:
        return f"a number of {self.digits} digits"


_MAX_DIGITS: Final = 4300  # sys.int_info.default_max_str_digits


def _read_int(text: str) -> int | _HugeNumber:
    digits = len(text.lstrip("-"))
    return _HugeNumber(digits) if digits > _MAX_DIGITS else int(text)


def _parse(source: TextIO | bytes) -> Any:
    try:
        text = source.decode("utf-8-sig") if isinstance(source, bytes) else source.read()
    except UnicodeDecodeError as err:
        raise ImportFileError(f"the file is not UTF-8 text (byte {err.start})") from err
    try:
        return strict_json.loads(text, parse_int=_read_int)
    except strict_json.NotJSONNumber as err:
        raise ImportFileError(
            f"the file is not valid JSON: {err.name} is not a number JSON allows"
        ) from None
    except strict_json.DuplicateKey as err:
        raise ImportFileError(
            f"the file has the key {json.dumps(err.key)} twice in one object"
        ) from None
    except json.JSONDecodeError as err:
        raise ImportFileError(
            f"the file is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        ) from err
    except RecursionError as err:
        raise ImportFileError("the file is not a Herstel export (nested too deeply)") from err


# --- import: validation -------------------------------------------------------------


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


class _Validator:
    """Turns parsed JSON into records, raising ImportFileError at the first problem."""

    def __init__(self, now: datetime) -> None:
        if now.utcoffset() is None:
            raise ValueError("now must be timezone-aware")
        self.latest = now + FUTURE_SLACK

    def answers(self, value: object, where: str, kind: CheckKind) -> CheckAnswers | None:
        if value is None:
            return None
        extra = (CHANGE_KEY,) if kind is CheckKind.AFTER else ()
        obj = _object(value, where, (*_ITEMS, *extra, "complete", "answered_at"))
        values = {
            signal: v
            for signal in SIGNAL_ITEMS
            if (v := _answer(obj[signal.value], f"{where}.{signal.value}", SIGNAL_SCALE))
            is not None
        }
        change = _answer(obj[CHANGE_KEY], f"{where}.{CHANGE_KEY}", CHANGE_SCALE) if extra else None
        complete = _flag_value(obj["complete"], f"{where}.complete")
        at = _moment(obj["answered_at"], f"{where}.answered_at", self.latest)
        try:
            return CheckAnswers(kind, values, change, complete, at)
        except ValueError as err:
            raise _fail(where, str(err)) from err

    def session(self, value: object, where: str) -> StoredSession:
        obj = _object(value, where, SESSION_FIELDS)
        if not isinstance(obj["id"], str) or not is_canonical_uuid(obj["id"]):
            raise _fail(f"{where}.id", f"must be a lower-case UUID (got {_got(obj['id'])})")
        record = SessionRecord(
            id=obj["id"],
            started_at=_moment(obj["started_at"], f"{where}.started_at", self.latest),
            pattern=_text(obj["pattern"], f"{where}.pattern"),
            planned_seconds=_seconds(obj["planned_seconds"], f"{where}.planned_seconds"),
            planned_breaths=_integer(
                obj["planned_breaths"], f"{where}.planned_breaths", 0, MAX_BREATHS
            ),
            done_seconds=_seconds(obj["done_seconds"], f"{where}.done_seconds"),
            done_breaths=_integer(obj["done_breaths"], f"{where}.done_breaths", 0, MAX_BREATHS),
            ended_how=_choice(obj["ended_how"], f"{where}.ended_how", EndedHow),
            trigger=_choice(obj["trigger"], f"{where}.trigger", Trigger),
        )
        status = _choice(obj["check_status"], f"{where}.check_status", CheckStatus)
        before = self.answers(obj["before"], f"{where}.before", CheckKind.BEFORE)
        after = self.answers(obj["after"], f"{where}.after", CheckKind.AFTER)
        try:
            validate_session(record, before, after, status)
        except ValueError as err:
            raise _fail(where, str(err)) from err
        return StoredSession(record, before, after, status)

    def night(self, value: object, where: str) -> NightAnswers:
        obj = _object(value, where, NIGHT_CSV_COLUMNS)
        deeply, rested = (_answer(obj[k], f"{where}.{k}", SLEEP_SCALE) for k in SLEEP_ITEM_KEYS)
        return NightAnswers(
            _night_date(obj["night"], f"{where}.night"),
            deeply,
            rested,
            _moment(obj["answered_at"], f"{where}.answered_at", self.latest),
        )

    def reminder(self, value: object, where: str) -> ReminderRecord:
        obj = _object(value, where, REMINDER_CSV_COLUMNS)
        return ReminderRecord(
            _choice(obj["kind"], f"{where}.kind", ReminderKind),
            _moment(obj["due_at"], f"{where}.due_at", self.latest),
            _choice(obj["outcome"], f"{where}.outcome", ReminderOutcome),
            _moment(obj["acted_at"], f"{where}.acted_at", self.latest),
        )

    def wait(self, value: object, where: str) -> Episode:
        obj = _object(value, where, WAIT_FIELDS)
        reason = _choice(obj["reason"], f"{where}.reason", Sense)
        started = _moment(obj["started_at"], f"{where}.started_at", self.latest)
        ended = _moment(obj["ended_at"], f"{where}.ended_at", self.latest)
        if ended < started:
            raise _fail(f"{where}.ended_at", "is before started_at")
        if reason is Sense.AWAY:  # a natural break names no reminder
            for name in ("reminder_kind", "due_at"):
                if obj[name] is not None:
                    raise _fail(
                        f"{where}.{name}",
                        f"must be null for a natural break (got {_got(obj[name])})",
                    )
            return Episode(reason, started, ended)
        kind = _choice(obj["reminder_kind"], f"{where}.reminder_kind", ReminderKind)
        due = _moment(obj["due_at"], f"{where}.due_at", self.latest)
        return Episode(reason, started, ended, kind.value, due)


def _unique(
    items: list[Any], name: str, read: Callable[[object, str], T], key: Callable[[T], object]
) -> list[T]:
    seen: dict[object, int] = {}
    result: list[T] = []
    for index, value in enumerate(items):
        where = f"{name}[{index}]"
        record = read(value, where)
        first = seen.setdefault(key(record), index)
        if first != index:
            raise _fail(where, f"duplicate of {name}[{first}]")
        result.append(record)
    return result


@dataclass(frozen=True, slots=True)
class ExportData:
    """A validated export file, ready to add."""

    sessions: list[StoredSession]
    nights: list[NightAnswers]
    reminders: list[ReminderRecord]
    waits: list[Episode]


def read_export(source: TextIO | bytes, now: datetime) -> ExportData:
    """Parse and validate a whole export file; raises ImportFileError at the first problem.

    Reads version 1 (no ``waits``) and version 2.
    """
    data = _parse(source)
    if not isinstance(data, dict) or "format" not in data:
        raise ImportFileError('the file is not a Herstel export (no "format" field)')
    if data["format"] != FORMAT:
        raise _fail("format", f'must be "{FORMAT}" (got {_got(data["format"])})')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version not in READS_VERSIONS:
        got = _got(version) if "version" in data else "nothing"
        readable = " or ".join(str(v) for v in READS_VERSIONS)
        raise _fail("version", f"this Herstel reads export version {readable} (got {got})")
    lists = ("sessions", "nights", "reminders") + (("waits",) if version >= 2 else ())
    obj = _object(data, "the file", ("format", "version", "exported_at", *lists))
    check = _Validator(now)
    _moment(obj["exported_at"], "exported_at", check.latest)
    sessions = _unique(
        _list(obj["sessions"], "sessions"), "sessions", check.session, lambda s: s.record.id
    )
    nights = _unique(_list(obj["nights"], "nights"), "nights", check.night, lambda n: n.night)
    reminders = [
        check.reminder(value, f"reminders[{i}]")
        for i, value in enumerate(_list(obj["reminders"], "reminders"))
    ]
    waits = [
        check.wait(value, f"waits[{i}]")
        for i, value in enumerate(_list(obj.get("waits", []), "waits"))
    ]
    return ExportData(sessions, nights, reminders, waits)


def import_json(db_path: Path, source: TextIO | bytes, now: datetime) -> ImportResult:
    """Validate the whole file, then add what is new in one transaction.

    Sessions already present (same id) are skipped, a night already answered is
    kept, and a reminder with the same kind and due time is not added twice.
    Raises ImportFileError (nothing written) when anything in the file is wrong.
    """
    data = read_export(source, now)
    with Database.open(db_path) as db:
        return db.add_imported(data.sessions, data.nights, data.reminders, data.waits)
