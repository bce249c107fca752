"""The database on a real SQLite file: round trips, queries, modes, damage, locks and refusals."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from herstel.core.checkin import (
    SIGNAL_ITEMS,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
    SignalLevel,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.storage import schema
from herstel.storage.connection import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseTooNew,
    DataFolderError,
    StorageError,
)
from herstel.storage.database import Database, open_or_recover
from herstel.storage.stored import StoredSession

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=CET)
NOW = datetime(2026, 3, 10, 14, 5, 9, tzinfo=CET)


def record(at: datetime = T0, session_id: str | None = None) -> SessionRecord:
    return SessionRecord(
        session_id or new_session_id(),
        at,
        "4-6",
        300.0,
        30,
        287.5,
        28,
        EndedHow.STOPPED,
        Trigger.REMINDER,
    )


def after_check(at: datetime, value: int = 4, change: int = 4) -> CheckAnswers:
    return CheckAnswers(CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, value), change, True, at)


def night(day: date, at: datetime, slept: int | None = 1, rested: int | None = 2) -> NightAnswers:
    return NightAnswers(day, slept, rested, at)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "herstel.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    with Database.open(db_path) as database:
        yield database


# --- round trips and queries ------------------------------------------------------


def test_save_and_load_round_trip(db: Database, db_path: Path) -> None:
    rec = record()
    before = CheckAnswers(CheckKind.BEFORE, {Signal.HEAD: 2, Signal.MOOD: 0}, None, False, T0)
    after = after_check(T0 + timedelta(minutes=6), value=5)
    sleep = night(date(2026, 3, 9), T0 + timedelta(minutes=6))
    db.save_session(rec, before, after, sleep, "answered")
    db.close()
    with Database.open(db_path) as again:
        assert again.load_session(rec.id) == StoredSession(rec, before, after, CheckStatus.ANSWERED)
        loaded = again.load_session(rec.id)
        assert loaded is not None
        assert loaded.record.started_at.utcoffset() == timedelta(hours=1)
        assert again.load_night(date(2026, 3, 9)) == sleep
        assert again.session_count() == 1
    with Database.open_readonly(db_path) as readonly:
        assert readonly.load_session("nope") is None


def test_an_empty_incomplete_check_is_kept(db: Database) -> None:
    rec = record()
    empty = CheckAnswers(CheckKind.AFTER, {}, None, False, T0 + timedelta(minutes=6))
    db.save_session(rec, None, empty, None, CheckStatus.INCOMPLETE)
    stored = db.load_session(rec.id)
    assert stored is not None
    assert stored.after == empty


def test_saving_again_replaces_the_answers(db: Database) -> None:
    rec = record()
    before = CheckAnswers(CheckKind.BEFORE, {Signal.HEAD: 2}, None, False, T0)
    db.save_session(rec, before, None, None, "skipped")  # when the session ends
    partial = CheckAnswers(CheckKind.AFTER, {Signal.BODY: 6}, None, False, T0)
    db.save_session(rec, None, partial, None, "incomplete")
    answered = after_check(T0 + timedelta(minutes=7))
    db.save_session(rec, None, answered, None, "answered")  # once the check is answered
    assert db.session_count() == 1
    assert db.load_session(rec.id) == StoredSession(rec, None, answered, CheckStatus.ANSWERED)


def test_a_later_night_answer_replaces_the_first(db: Database) -> None:
    db.save_session(record(), None, None, night(date(2026, 3, 9), T0, 1, 1), "none")
    db.save_session(record(), None, None, night(date(2026, 3, 9), T0, 5, None), "none")
    db.save_session(record(), None, None, None, "none")  # no night: the stored one stays
    stored = db.load_night(date(2026, 3, 9))
    assert stored is not None
    assert (stored.slept_deeply, stored.woke_rested) == (5, None)


@pytest.mark.parametrize(
    ("status", "after", "message"),
    [
        ("answered", None, "needs a complete after-check"),
        ("skipped", "complete", "cannot have an after-check"),
        ("incomplete", "complete", "cannot have a complete"),
        ("finished", None, "is not a valid CheckStatus"),
    ],
)
def test_inconsistent_saves_are_refused_and_write_nothing(
    db: Database, status: str, after: str | None, message: str
) -> None:
    answers = after_check(T0) if after else None
    with pytest.raises(ValueError, match=message):
        db.save_session(record(), None, answers, None, status)
    assert db.session_count() == 0


def test_ids_must_be_uuids_and_checks_the_right_kind(db: Database) -> None:
    with pytest.raises(ValueError, match="UUID"):
        db.save_session(record(session_id="not-a-uuid"), None, None, None, "none")
    wrong = CheckAnswers(CheckKind.AFTER, {}, None, False, T0)
    with pytest.raises(ValueError, match="kind 'before'"):
        db.save_session(record(), wrong, None, None, "none")


def test_delete_removes_the_checks_too(db: Database, db_path: Path) -> None:
    rec = record()
    db.save_session(rec, None, after_check(T0), None, "answered")
    assert db.delete_session(rec.id)
    assert not db.delete_session(rec.id)
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("SELECT count(*) FROM checks").fetchone() == (0,)


def _fill(db: Database) -> list[str]:
    ids = []
    for day in range(3):
        rec = record(T0 + timedelta(days=day))
        at = rec.started_at + timedelta(minutes=6)
        db.save_session(rec, None, after_check(at), night(rec.started_at.date(), at), "answered")
        ids.append(rec.id)
    db.record_reminder("scheduled", T0, "taken", T0 + timedelta(minutes=1))
    return ids


def _table_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sessions", "checks", "nights", "reminders")
        }


def test_erase_all_empties_every_table_and_the_file_stays_usable(
    db: Database, db_path: Path
) -> None:
    _fill(db)
    assert _table_counts(db_path) == {"sessions": 3, "checks": 3, "nights": 3, "reminders": 1}
    assert db.erase_all() == []
    assert _table_counts(db_path) == dict.fromkeys(("sessions", "checks", "nights", "reminders"), 0)
    assert db.session_count() == 0
    assert db.last_check_at() is None
    rec = record()
    db.save_session(rec, None, None, None, "none")  # carries on with an empty history
    assert db.session_count() == 1


def test_erase_all_leaves_no_trace_of_the_rows_in_the_files(db: Database, db_path: Path) -> None:
    ids = _fill(db)
    db.erase_all()
    for file in db_path.parent.iterdir():
        data = file.read_bytes()
        for session_id in ids:
            assert session_id.encode() not in data, f"{session_id} still in {file.name}"


def test_erase_all_removes_the_copies_beside_the_file_and_nothing_else(
    db: Database, db_path: Path
) -> None:
    _fill(db)
    folder = db_path.parent
    copies = [
        folder / f"{db_path.name}.pre-v2.bak",
        folder / f"{db_path.name}.corrupt-20260101-120000",
        folder / f"{db_path.name}.corrupt-20260101-120000-wal",
        folder / f"{db_path.name}.pending",  # kept writes would bring sessions back
    ]
    others = [folder / "settings.json", folder / "reminders.json", folder / "notes.bak"]
    for path in copies + others:
        path.write_text("kept?")
    assert db.erase_all() == sorted(copies)
    assert [path for path in copies if path.exists()] == []
    assert all(path.exists() for path in others)
    assert db_path.exists()


def test_erase_all_is_one_transaction(db: Database, db_path: Path) -> None:
    _fill(db)
    with (
        Database.open(db_path, busy_timeout=0.1) as impatient,
        closing(sqlite3.connect(db_path, timeout=0.1, isolation_level=None)) as other,
    ):
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        with pytest.raises(DatabaseBusy, match="in use"):
            impatient.erase_all()
        other.execute("ROLLBACK")
    assert _table_counts(db_path) == {"sessions": 3, "checks": 3, "nights": 3, "reminders": 1}


def test_last_check_at(db: Database) -> None:
    assert db.last_check_at() is None
    db.save_session(record(T0), None, None, None, "skipped")
    assert db.last_check_at() is None  # a skipped check was not answered
    db.save_session(record(T0), None, after_check(T0 + timedelta(minutes=6)), None, "answered")
    assert db.last_check_at() == T0 + timedelta(minutes=6)
    db.save_session(record(T0 + timedelta(hours=1)), None, None, None, "none")
    assert db.last_check_at() == T0 + timedelta(minutes=6)
    db.save_session(
        record(T0), None, None, night(date(2026, 3, 9), T0 + timedelta(hours=3)), "none"
    )
    assert db.last_check_at() == T0 + timedelta(hours=3)


def test_today_summary_counts_the_check_day(db: Database) -> None:
    day = date(2026, 3, 10)
    db.save_session(record(datetime(2026, 3, 10, 3, 59, tzinfo=CET)), None, None, None, "none")
    early = record(datetime(2026, 3, 10, 4, 0, tzinfo=CET))
    db.save_session(early, None, after_check(early.started_at, value=1), None, "answered")
    late = record(datetime(2026, 3, 11, 1, 30, tzinfo=CET))  # after midnight: still the 10th
    db.save_session(late, None, after_check(late.started_at, value=5), None, "answered")
    db.save_session(record(datetime(2026, 3, 10, 12, 0, tzinfo=CET)), None, None, None, "skipped")
    db.save_session(record(datetime(2026, 3, 11, 4, 0, tzinfo=CET)), None, None, None, "none")
    db.save_session(record(T0), None, None, night(date(2026, 3, 9), T0, 0, 1), "none")

    summary = db.today_summary(day, CET)
    assert summary.sessions == 4
    assert summary.minutes == pytest.approx(4 * 287.5 / 60)
    assert summary.last_levels[Signal.HEAD] is SignalLevel.PRESENT  # the 01:30 check
    assert summary.last_levels[Signal.SLEEP] is SignalLevel.ABSENT  # last night: 0.5
    empty = db.today_summary(date(2026, 3, 1), CET)
    assert (empty.minutes, empty.sessions) == (0.0, 0)
    assert set(empty.last_levels.values()) == {SignalLevel.NOT_ASKED}


def test_recent_after_checks_newest_first_with_their_night(db: Database) -> None:
    for i in range(4):
        rec = record(T0 + timedelta(days=i))
        check = after_check(rec.started_at + timedelta(minutes=6), value=i)
        db.save_session(
            rec, None, check, night(check.answered_at.date() - timedelta(days=1), T0), "answered"
        )
    db.save_session(record(T0 + timedelta(days=9)), None, None, None, "skipped")

    recent = db.recent_after_checks(limit=3)
    assert [c.values[Signal.HEAD] for c, _ in recent] == [3, 2, 1]
    assert all(
        n is not None and n.night == c.answered_at.date() - timedelta(days=1) for c, n in recent
    )
    since = db.recent_after_checks(since=T0 + timedelta(days=2))
    assert [c.values[Signal.HEAD] for c, _ in since] == [3, 2]


def test_record_reminder(db: Database) -> None:
    db.record_reminder("scheduled", T0, "snoozed", T0 + timedelta(minutes=1))
    db.record_reminder("timer", T0, "taken", T0 + timedelta(minutes=2))
    assert list(db.iter_reminder_rows()) == [
        ("scheduled", T0.isoformat(), "snoozed", (T0 + timedelta(minutes=1)).isoformat()),
        ("timer", T0.isoformat(), "taken", (T0 + timedelta(minutes=2)).isoformat()),
    ]
    with pytest.raises(ValueError, match="ReminderOutcome"):
        db.record_reminder("timer", T0, "ignored", T0)


# --- files, folders and modes -------------------------------------------------------


def test_new_folder_is_0700_and_files_0600(tmp_path: Path) -> None:
    path = tmp_path / "new" / "data" / "herstel.sqlite3"
    with Database.open(path) as db:
        db.save_session(record(), None, None, None, "none")
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        wal = Path(f"{path}-wal")
        assert wal.exists()
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderError) as caught:
        Database.open(blocker / "herstel.sqlite3")
    message = str(caught.value)
    assert "\n" not in message
    assert str(blocker) in message
    assert isinstance(caught.value, StorageError)
    with pytest.raises(DataFolderError, match="cannot create or write"):
        Database.open(blocker / "deeper" / "herstel.sqlite3")


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "herstel.sqlite3").mkdir()
    with pytest.raises(DataFolderError, match="it is a folder"):
        Database.open(tmp_path / "herstel.sqlite3")


# --- damage, locks and newer files --------------------------------------------------


def test_garbage_is_corrupt_and_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir()
    garbage = b"this is not an SQLite database at all " * 200
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseCorrupt) as caught:
        Database.open(db_path)
    assert caught.value.path == db_path
    assert caught.value.moved_to is None
    assert db_path.read_bytes() == garbage  # plain open never moves

    fresh, moved = open_or_recover(db_path, NOW)
    with fresh:
        assert moved == db_path.with_name("herstel.sqlite3.corrupt-20260310-140509")
        assert moved.read_bytes() == garbage
        fresh.save_session(record(), None, None, None, "none")
        assert fresh.session_count() == 1


def test_an_overwritten_page_is_corrupt(db_path: Path) -> None:
    with Database.open(db_path) as db:
        for i in range(300):
            db.save_session(
                record(T0 + timedelta(minutes=i)), None, after_check(T0), None, "answered"
            )
    page_size = 4096
    with db_path.open("r+b") as raw:
        size = raw.seek(0, 2)
        assert size > 6 * page_size
        raw.seek(3 * page_size)
        raw.write(b"\xa5" * page_size)
    with pytest.raises(DatabaseCorrupt):
        Database.open(db_path)
    fresh, moved = open_or_recover(db_path, NOW)
    fresh.close()
    assert moved is not None
    assert moved.exists()
    assert moved.name.startswith("herstel.sqlite3.corrupt-")


def test_a_second_corruption_in_the_same_second_gets_its_own_name(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_bytes(b"garbage" * 1000)
    open_or_recover(db_path, NOW)[0].close()
    db_path.write_bytes(b"rubbish" * 1000)
    fresh, moved = open_or_recover(db_path, NOW)
    fresh.close()
    assert moved is not None
    assert moved.name == "herstel.sqlite3.corrupt-20260310-140509-1"
    assert moved.read_bytes() == b"rubbish" * 1000


def test_a_busy_wal_database_is_not_corrupt(db: Database, db_path: Path) -> None:
    db.save_session(record(), None, None, None, "none")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM sessions")
        # Readers are not blocked in WAL mode: opening works and moves nothing.
        second, moved = open_or_recover(db_path, NOW, busy_timeout=0.05)
        with second:
            assert moved is None
            assert second.session_count() == 1
            with pytest.raises(DatabaseBusy, match="in use") as caught:
                second.save_session(record(), None, None, None, "none")
            assert not isinstance(caught.value, DatabaseCorrupt)
        other.execute("ROLLBACK")
    assert db.session_count() == 1
    assert not list(db_path.parent.glob("*.corrupt-*"))


def test_an_exclusively_locked_database_is_not_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("CREATE TABLE t (x)")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO t VALUES (1)")
        for opener in (
            lambda: Database.open(path, busy_timeout=0.05),
            lambda: open_or_recover(path, NOW, busy_timeout=0.05),
        ):
            with pytest.raises(DatabaseBusy, match="in use by another program"):
                opener()
        other.execute("ROLLBACK")
    assert path.exists()
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_newer_database_is_refused_and_left_alone(db_path: Path) -> None:
    db_path.parent.mkdir()
    with closing(sqlite3.connect(db_path)) as raw:
        raw.execute("CREATE TABLE from_the_future (x)")
        raw.execute("PRAGMA user_version = 99")
        raw.commit()
    before = db_path.read_bytes()
    for opener in (
        lambda: Database.open(db_path),
        lambda: open_or_recover(db_path, NOW),
        lambda: Database.open_readonly(db_path),
    ):
        with pytest.raises(DatabaseTooNew) as caught:
            opener()
        assert (caught.value.found_version, caught.value.supported_version) == (
            99,
            schema.SCHEMA_VERSION,
        )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["herstel.sqlite3"]
    assert "newer Herstel" in str(caught.value)
