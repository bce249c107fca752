"""Import of Herstel's own JSON, without a display.

Import checks the whole file before it writes anything (field by field, with
``import_fields``) and then adds everything in one transaction, so a bad file
changes nothing. The format is described in docs/export-format.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final, TextIO, TypeVar

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
from herstel.storage.database import Database
from herstel.storage.exchange_format import (
    FORMAT,
    NIGHT_CSV_COLUMNS,
    READS_VERSIONS,
    REMINDER_CSV_COLUMNS,
    SESSION_FIELDS,
    SIGNAL_KEYS,
    WAIT_FIELDS,
)
from herstel.storage.import_fields import (
    MAX_BREATHS,
    ImportFileError,
    _answer,
    _choice,
    _fail,
    _flag_value,
    _got,
    _integer,
    _list,
    _moment,
    _night_date,
    _object,
    _seconds,
    _text,
)
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import (
    ImportResult,
    ReminderRecord,
    StoredSession,
    is_canonical_uuid,
    validate_session,
)

FUTURE_SLACK = timedelta(days=1)  # clocks differ between machines; a year ahead is a broken file

T = TypeVar("T")


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
        obj = _object(value, where, (*SIGNAL_KEYS, *extra, "complete", "answered_at"))
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
