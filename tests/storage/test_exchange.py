"""Export (JSON, CSV) and import on real files: shape, escaping, round trips and refusals."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herstel.core.checkin import (
    SIGNAL_ITEMS,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.core.room import Episode, Sense
from herstel.storage import schema
from herstel.storage.connection import DatabaseCorrupt
from herstel.storage.database import Database
from herstel.storage.exchange_format import (
    NIGHT_CSV_COLUMNS,
    REMINDER_CSV_COLUMNS,
    SESSION_CSV_COLUMNS,
    WAIT_FIELDS,
)
from herstel.storage.export_stream import escape_cell, export_csv, export_json
from herstel.storage.import_fields import ImportFileError
from herstel.storage.import_reader import import_json
from herstel.storage.stored import ImportResult, StoredSession

CEST = timezone(timedelta(hours=2))
EST = timezone(timedelta(hours=-5))
T0 = datetime(2026, 6, 1, 9, 0, 0, tzinfo=CEST)
NOW = datetime(2026, 6, 10, 12, 0, tzinfo=CEST)
ID_A = "1c9f8a0e-7b7d-4e55-9a43-5d2f3c1b0a01"
ID_B = "2d0a9b1f-8c8e-4f66-8b54-6e3a4d2c1b02"


def fill(path: Path) -> None:
    """Two sessions in different time zones, a night and two reminders."""
    with Database.open(path) as db:
        a = SessionRecord(ID_A, T0, "4-6", 300.0, 30, 300.0, 30, EndedHow.COMPLETED, Trigger.CLI)
        before = CheckAnswers(CheckKind.BEFORE, {Signal.HEAD: 2, Signal.MOOD: 3}, None, False, T0)
        after = CheckAnswers(
            CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, 5), 4, True, T0 + timedelta(minutes=6)
        )
        night = NightAnswers(date(2026, 5, 31), 3, None, T0 + timedelta(minutes=6))
        db.save_session(a, before, after, night, "answered")
        b_start = datetime(2026, 6, 2, 7, 30, 15, 250000, tzinfo=EST)
        b = SessionRecord(
            ID_B, b_start, "=SUM(1)", 60.0, 6, 12.5, 1, EndedHow.DIZZY, Trigger.REMINDER
        )
        db.save_session(b, None, None, None, "none")
        db.record_reminder("scheduled", T0, "snoozed", T0 + timedelta(minutes=1))
        db.record_reminder("timer", b_start, "taken", b_start)
        db.record_wait(Episode(Sense.CALL, T0, T0 + timedelta(minutes=25), "scheduled", T0))
        db.record_wait(Episode(Sense.AWAY, b_start, b_start + timedelta(minutes=40)))


def exported(path: Path) -> str:
    out = io.StringIO()
    export_json(path, out, NOW)
    return out.getvalue()


def as_csv(path: Path, table: str = "sessions") -> list[list[str]]:
    out = io.StringIO(newline="")
    export_csv(path, out, table)  # type: ignore[arg-type]
    return list(csv.reader(io.StringIO(out.getvalue(), newline="")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "herstel.sqlite3"
    fill(path)
    return path


# --- export -------------------------------------------------------------------------


def test_export_without_a_database_is_empty_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "herstel.sqlite3"
    data = json.loads(exported(path))
    assert data == {
        "format": "herstel-export",
        "version": 2,
        "exported_at": "2026-06-10T12:00:00+02:00",
        "sessions": [],
        "nights": [],
        "reminders": [],
        "waits": [],
    }
    assert as_csv(path) == [list(SESSION_CSV_COLUMNS)]
    assert not (tmp_path / "absent").exists()


def test_export_json_shape(db_path: Path) -> None:
    data = json.loads(exported(db_path))
    assert list(data) == [
        "format", "version", "exported_at", "sessions", "nights", "reminders", "waits"
    ]  # fmt: skip
    a, b = data["sessions"]
    assert a == {
        "id": ID_A,
        "started_at": "2026-06-01T09:00:00+02:00",
        "pattern": "4-6",
        "planned_seconds": 300.0,
        "planned_breaths": 30,
        "done_seconds": 300.0,
        "done_breaths": 30,
        "ended_how": "completed",
        "trigger": "cli",
        "check_status": "answered",
        "before": {
            "breathing": None, "body": None, "head": 2, "energy": None, "muscles": None,
            "mood": 3, "complete": False, "answered_at": "2026-06-01T09:00:00+02:00",
        },
        "after": {
            "breathing": 5, "body": 5, "head": 5, "energy": 5, "muscles": 5, "mood": 5,
            "change": 4, "complete": True, "answered_at": "2026-06-01T09:06:00+02:00",
        },
    }  # fmt: skip
    answers = [v for v in a["after"].values() if not isinstance(v, bool | str)]
    assert all(type(v) is int for v in answers)
    assert b["started_at"] == "2026-06-02T07:30:15.250000-05:00"  # the offset it was recorded in
    assert (b["before"], b["after"], b["pattern"]) == (None, None, "=SUM(1)")
    assert data["nights"] == [
        {
            "night": "2026-05-31",
            "slept_deeply": 3,
            "woke_rested": None,
            "answered_at": "2026-06-01T09:06:00+02:00",
        }
    ]
    assert [r["kind"] for r in data["reminders"]] == ["scheduled", "timer"]
    assert list(data["reminders"][0]) == list(REMINDER_CSV_COLUMNS)
    assert data["waits"] == [
        {
            "reason": "call",
            "started_at": "2026-06-01T09:00:00+02:00",
            "ended_at": "2026-06-01T09:25:00+02:00",
            "reminder_kind": "scheduled",
            "due_at": "2026-06-01T09:00:00+02:00",
        },
        {
            "reason": "away",
            "started_at": "2026-06-02T07:30:15.250000-05:00",
            "ended_at": "2026-06-02T08:10:15.250000-05:00",
            "reminder_kind": None,
            "due_at": None,
        },
    ]
    assert list(data["waits"][0]) == list(WAIT_FIELDS)


def test_export_escapes_text_as_json_does(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    tricky = 'ü "quoted" \\ /\u2028'
    with Database.open(path) as db:
        rec = SessionRecord(
            new_session_id(), T0, tricky, 60.1, 6, 0.1 + 0.2, 0, EndedHow.STOPPED, Trigger.WINDOW
        )
        db.save_session(rec, None, None, None, "skipped")
    (session,) = json.loads(exported(path))["sessions"]
    assert session["pattern"] == tricky
    assert session["done_seconds"] == 0.1 + 0.2  # floats round-trip exactly


def test_export_csv_sessions(db_path: Path) -> None:
    header, a, b = as_csv(db_path)
    assert header == list(SESSION_CSV_COLUMNS)
    row_a, row_b = dict(zip(header, a, strict=True)), dict(zip(header, b, strict=True))
    assert row_a["started_at"] == "2026-06-01T09:00:00+02:00"
    assert (row_a["before_head"], row_a["before_body"], row_a["before_complete"]) == (
        "2",
        "",
        "false",
    )
    assert (row_a["after_mood"], row_a["change"], row_a["after_complete"]) == ("5", "4", "true")
    assert row_b["pattern"] == "'=SUM(1)"  # a text cell starting with = is defused
    assert row_b["started_at"] == "2026-06-02T07:30:15.250000-05:00"  # timestamps never are
    assert row_b["done_seconds"] == "12.5"
    assert row_b["after_answered_at"] == ""


def test_export_csv_other_tables(db_path: Path) -> None:
    assert as_csv(db_path, "nights") == [
        list(NIGHT_CSV_COLUMNS),
        ["2026-05-31", "3", "", "2026-06-01T09:06:00+02:00"],
    ]
    reminders = as_csv(db_path, "reminders")
    assert reminders[0] == list(REMINDER_CSV_COLUMNS)
    assert reminders[2] == ["timer", "2026-06-02T07:30:15.250000-05:00", "taken",
                            "2026-06-02T07:30:15.250000-05:00"]  # fmt: skip
    with pytest.raises(ValueError, match="no table"):
        as_csv(db_path, "everything")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=SUM(1)", "'=SUM(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("4-6", "4-6"),
        ("", ""),
        (-3, -3),
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_escape_cell_only_touches_text(cell: object, expected: object) -> None:
    assert escape_cell(cell) == expected


def test_export_reads_an_older_schema_without_changing_it(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        schema.migrate(conn, 1)  # before reminders existed
    before = path.read_bytes()
    data = json.loads(exported(path))
    assert (data["sessions"], data["reminders"]) == ([], [])
    assert path.read_bytes() == before


# --- import -------------------------------------------------------------------------


def test_import_round_trip_and_twice_adds_nothing(db_path: Path, tmp_path: Path) -> None:
    text = exported(db_path)
    target = tmp_path / "other" / "herstel.sqlite3"
    assert import_json(target, text.encode(), NOW) == ImportResult(2, 0, 1, 2, 2)
    assert exported(target) == text
    assert import_json(target, io.StringIO(text), NOW) == ImportResult(0, 2, 0, 0, 0)
    assert exported(target) == text


def test_import_merges_with_what_is_there(db_path: Path, tmp_path: Path) -> None:
    data = json.loads(exported(db_path))
    target = tmp_path / "other" / "herstel.sqlite3"
    with Database.open(target) as db:
        rec = SessionRecord(ID_A, T0, "5-5", 1.0, 1, 1.0, 1, EndedHow.STOPPED, Trigger.WINDOW)
        db.save_session(rec, None, None, NightAnswers(date(2026, 5, 31), 6, 6, T0), "none")
        # The same reminder, recorded in another time zone: the same moment.
        db.record_reminder("scheduled", T0.astimezone(EST), "snoozed", T0)
        # And the same wait: matched by its reason and start, whatever the zone.
        end = T0 + timedelta(minutes=25)
        db.record_wait(Episode(Sense.CALL, T0.astimezone(EST), end, "scheduled", T0))
    result = import_json(target, json.dumps(data).encode(), NOW)
    assert result == ImportResult(
        added=1, skipped=1, nights_added=0, reminders_added=1, waits_added=1
    )
    with Database.open(target) as db:
        kept = db.load_session(ID_A)
        assert kept is not None
        assert kept.record.pattern == "5-5"  # the session already here wins
        night = db.load_night(date(2026, 5, 31))
        assert night is not None
        assert night.slept_deeply == 6
        assert db.session_count() == 2


def good() -> dict[str, Any]:
    """A valid export with three sessions to break in different ways."""
    session = {
        "id": ID_A,
        "started_at": "2026-06-01T09:00:00+02:00",
        "pattern": "4-6",
        "planned_seconds": 300,
        "planned_breaths": 30,
        "done_seconds": 300.0,
        "done_breaths": 30,
        "ended_how": "completed",
        "trigger": "window",
        "check_status": "answered",
        "before": None,
        "after": {
            **{s.value: 4 for s in SIGNAL_ITEMS},
            "change": 3,
            "complete": True,
            "answered_at": "2026-06-01T09:06:00+02:00",
        },
    }
    other = {**session, "id": ID_B, "check_status": "skipped", "after": None}
    third = {**copy.deepcopy(session), "id": "3e1bac20-9d9f-4a77-9c65-7f4b5e3d2c03"}
    return {
        "format": "herstel-export",
        "version": 2,
        "exported_at": "2026-06-10T12:00:00+02:00",
        "sessions": [session, other, third],
        "nights": [
            {
                "night": "2026-05-31",
                "slept_deeply": 2,
                "woke_rested": 3,
                "answered_at": "2026-06-01T09:06:00+02:00",
            }
        ],
        "reminders": [
            {
                "kind": "timer",
                "due_at": "2026-06-01T08:50:00+02:00",
                "outcome": "taken",
                "acted_at": "2026-06-01T08:51:00+02:00",
            }
        ],
        "waits": [
            {
                "reason": "full_screen",
                "started_at": "2026-06-01T10:00:00+02:00",
                "ended_at": "2026-06-01T10:12:00+02:00",
                "reminder_kind": "scheduled",
                "due_at": "2026-06-01T10:00:00+02:00",
            },
            {
                "reason": "away",
                "started_at": "2026-06-01T12:00:00+02:00",
                "ended_at": "2026-06-01T12:45:00+02:00",
                "reminder_kind": None,
                "due_at": None,
            },
        ],
    }


def test_the_good_file_imports(tmp_path: Path) -> None:
    result = import_json(tmp_path / "herstel.sqlite3", json.dumps(good()).encode(), NOW)
    assert result == ImportResult(3, 0, 1, 1, 2)


def test_a_version_1_file_still_imports(tmp_path: Path) -> None:
    old = good()
    old["version"] = 1
    del old["waits"]
    path = tmp_path / "herstel.sqlite3"
    assert import_json(path, json.dumps(old).encode(), NOW) == ImportResult(3, 0, 1, 1, 0)
    with_waits = {**old, "waits": []}  # version 1 had no waits: a stray list is an error
    with pytest.raises(ImportFileError, match="unknown field 'waits'"):
        import_json(path, json.dumps(with_waits).encode(), NOW)


Edit = Callable[[dict[str, Any]], object]


def _set(path: str, value: object) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        *parents, last = re.findall(r"[^.\[\]]+", path)
        node: Any = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return edit


def _delete(path: str, key: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for part in re.findall(r"[^.\[\]]+", path):
            node = node[int(part)] if part.isdigit() else node[part]
        del node[key]

    return edit


def _duplicate_session(data: dict[str, Any]) -> None:
    data["sessions"][2]["id"] = data["sessions"][0]["id"]


MALFORMED: dict[str, tuple[Edit | bytes, str]] = {
    "bad JSON": (b'{"format": "herstel-export", }', r"not valid JSON \(line 1, column 30"),
    "truncated": (json.dumps(good()).encode()[:500], r"not valid JSON \(line 1, column \d+"),
    "empty": (b"", r"not valid JSON \(line 1, column 1"),
    "not UTF-8": (b'{"format": "herstel-\xff"}', r"not UTF-8 text \(byte 20\)"),
    "NaN": (b'{"format": NaN}', "NaN is not a number JSON allows"),
    "duplicate key": (b'{"format": 1, "format": 2}', 'the key "format" twice'),
    "not an object": (b"[1, 2]", 'not a Herstel export \\(no "format" field\\)'),
    "wrong format tag": (_set("format", "vorta-export"), 'format: must be "herstel-export"'),
    "wrong version": (
        _set("version", 3),
        r"version: this Herstel reads export version 1 or 2 \(got 3\)",
    ),
    "waits missing": (_delete("", "waits"), "the file: missing field 'waits'"),
    "bad wait reason": (
        _set("waits[0].reason", "sleeping"),
        r"waits\[0\]\.reason: must be one of away, call, full_screen, do_not_disturb",
    ),
    "natural break names a reminder": (
        _set("waits[1].reminder_kind", "timer"),
        r"waits\[1\]\.reminder_kind: must be null for a natural break",
    ),
    "wait names no reminder": (
        _set("waits[0].due_at", None),
        r"waits\[0\]\.due_at: must be an ISO 8601",
    ),
    "wait ends before it starts": (
        _set("waits[0].ended_at", "2026-06-01T09:59:00+02:00"),
        r"waits\[0\]\.ended_at: is before started_at",
    ),
    "version as text": (_set("version", "1"), r'version: .* \(got "1"\)'),
    "missing list": (_delete("", "nights"), "the file: missing field 'nights'"),
    "missing field": (_delete("sessions[1]", "pattern"), r"sessions\[1\]: missing field 'pattern'"),
    "unknown field": (_set("sessions[0].mood", 3), r"sessions\[0\]: unknown field 'mood'"),
    "wrong type": (
        _set("sessions[2].planned_breaths", "30"),
        r'sessions\[2\]\.planned_breaths: must be an integer 0–100000 \(got "30"\)',
    ),
    "bool as int": (_set("sessions[0].after.body", True), r"after\.body: .* \(got true\)"),
    "out of range": (
        _set("sessions[2].after.head", 9),
        r"^sessions\[2\]\.after\.head: must be an integer 0–6 or null \(got 9\)$",
    ),
    "change out of range": (_set("sessions[0].after.change", 0), r"after\.change: .*1–5"),
    "negative seconds": (_set("sessions[1].done_seconds", -1), r"done_seconds: must be a number"),
    "bad uuid": (
        _set("sessions[1].id", "1234"),
        r'sessions\[1\]\.id: must be a lower-case UUID \(got "1234"\)',
    ),
    "upper-case uuid": (
        _set("sessions[1].id", ID_B.upper()),
        r"sessions\[1\]\.id: must be a lower-case",
    ),
    "bad timestamp": (
        _set("sessions[2].started_at", "2026-06-01 09:00"),
        r"sessions\[2\]\.started_at: must be an ISO 8601 date and time with a UTC offset",
    ),
    "no offset": (
        _set("sessions[0].after.answered_at", "2026-06-01T09:06:00"),
        "with a UTC offset",
    ),
    "future timestamp": (_set("reminders[0].due_at", "2030-01-01T09:00:00+01:00"), "in the future"),
    "bad enum": (
        _set("sessions[1].trigger", "telepathy"),
        r"trigger: must be one of window, cli, reminder",
    ),
    "bad night date": (
        _set("nights[0].night", "31-05-2026"),
        r"nights\[0\]\.night: must be a date",
    ),
    "sleep out of range": (
        _set("nights[0].woke_rested", 7),
        r"nights\[0\]\.woke_rested: must be an integer 0–6",
    ),
    "duplicate id": (_duplicate_session, r"sessions\[2\]: duplicate of sessions\[0\]"),
    "inconsistent status": (
        _set("sessions[1].check_status", "answered"),
        r"sessions\[1\]: check_status 'answered' needs",
    ),
    "incomplete claim": (
        _delete("sessions[0].after", "complete"),
        r"after: missing field 'complete'",
    ),
    "complete but partial": (
        _set("sessions[0].after.energy", None),
        r"after: a complete check answers all six",
    ),
    "sessions not a list": (_set("sessions", {}), r"sessions: must be a list \(got \{\}\)"),
    "text with control chars": (_set("sessions[0].pattern", "4-6\n"), r"pattern: must be text"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_imports_change_nothing(db_path: Path, case: str) -> None:
    change, expected = MALFORMED[case]
    if isinstance(change, bytes):
        source = change
    else:
        data = good()
        change(data)
        source = json.dumps(data).encode()
    snapshot = exported(db_path)
    with pytest.raises(ImportFileError) as caught:
        import_json(db_path, source, NOW)
    message = str(caught.value)
    assert re.search(expected, message), message
    assert "\n" not in message
    assert exported(db_path) == snapshot


def test_a_malformed_import_creates_no_database(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError):
        import_json(tmp_path / "data" / "herstel.sqlite3", b"{}", NOW)
    assert not (tmp_path / "data").exists()


def test_export_of_a_damaged_file_says_so_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(DatabaseCorrupt):
        exported(path)
    assert path.read_bytes() == b"not a database" * 100


answers_strategy = st.dictionaries(st.sampled_from(SIGNAL_ITEMS), st.integers(0, 6))
text_strategy = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=64)


@settings(max_examples=40, deadline=None)
@given(
    pattern=text_strategy,
    seconds=st.floats(0, 86_400, allow_nan=False),
    breaths=st.integers(0, 100_000),
    offset=st.integers(-14 * 60, 14 * 60),
    before=st.none() | answers_strategy,
    after=st.none() | answers_strategy,
    change=st.none() | st.integers(1, 5),
)
def test_any_session_survives_export_and_import(
    pattern: str,
    seconds: float,
    breaths: int,
    offset: int,
    before: dict[Signal, int] | None,
    after: dict[Signal, int] | None,
    change: int | None,
) -> None:
    zone = timezone(timedelta(minutes=offset))
    start = datetime(2026, 6, 1, 9, 0, 0, 123456, tzinfo=zone)
    rec = SessionRecord(
        new_session_id(), start, pattern, seconds, breaths, seconds, breaths,
        EndedHow.STOPPED, Trigger.WINDOW,
    )  # fmt: skip
    b = None if before is None else CheckAnswers(CheckKind.BEFORE, before, None, False, start)
    a = None if after is None else CheckAnswers(CheckKind.AFTER, after, change, False, start)
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "a.sqlite3", Path(tmp) / "b.sqlite3"
        with Database.open(source) as db:
            db.save_session(rec, b, a, None, "incomplete" if a else "skipped")
        text = exported(source)
        (session,) = json.loads(text)["sessions"]
        assert session["pattern"] == pattern
        assert session["done_seconds"] == seconds
        assert datetime.fromisoformat(session["started_at"]) == start
        assert datetime.fromisoformat(session["started_at"]).utcoffset() == start.utcoffset()
        assert import_json(target, text.encode(), NOW).added == 1
        assert exported(target) == text
        with Database.open(target) as db:
            assert db.load_session(rec.id) == StoredSession(rec, b, a, CheckStatus(
                "incomplete" if a else "skipped"))  # fmt: skip
