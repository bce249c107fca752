"""Schema migrations: from every older version, with data, a backup, and all-or-nothing steps."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from herstel.core.checkin import CheckStatus, Signal
from herstel.core.room import Episode, Sense
from herstel.storage import schema
from herstel.storage.database import Database

SESSION_ID = "0b6f3c1e-5a8d-4c3e-9f0a-2d4b6c8e0f12"
CET = timezone(timedelta(hours=1))


def build_old(path: Path, version: int) -> None:
    """A database as version ``version`` of Herstel left it, with rows in every table it had."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        schema.migrate(conn, version)
        if version >= 1:
            conn.execute(
                "INSERT INTO sessions VALUES (?, '2026-03-10T08:00:00.000000+00:00', 60, '4-6',"
                " 300.0, 30, 300.0, 30, 'completed', 'window', 'answered')",
                (SESSION_ID,),
            )
            conn.execute(
                "INSERT INTO checks (session_id, kind, answered_at, complete, breathing, body,"
                " head, energy, muscles, mood, change)"
                " VALUES (?, 'after', '2026-03-10T09:06:00+01:00', 1, 5, 4, 3, 2, 1, 0, 5)",
                (SESSION_ID,),
            )
            conn.execute(
                "INSERT INTO nights VALUES ('2026-03-09', 4, NULL, '2026-03-10T09:06:00+01:00')"
            )
        if version >= 2:
            conn.execute(
                "INSERT INTO reminders (kind, due_at, outcome, acted_at) VALUES"
                " ('timer', '2026-03-10T08:55:00+01:00', 'taken', '2026-03-10T09:00:00+01:00')"
            )
        if version >= 3:
            conn.execute(
                "INSERT INTO waits (reason, started_at, ended_at, reminder_kind, due_at) VALUES"
                " ('call', '2026-03-10T10:00:00+01:00', '2026-03-10T10:20:00+01:00',"
                " 'scheduled', '2026-03-10T10:00:00+01:00')"
            )


def version_of(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return schema.user_version(conn)


def test_there_is_more_than_one_version() -> None:
    assert schema.SCHEMA_VERSION >= 2


@pytest.mark.parametrize("old", range(schema.SCHEMA_VERSION))
def test_migrates_from_every_older_version(tmp_path: Path, old: int) -> None:
    path = tmp_path / "herstel.sqlite3"
    build_old(path, old)
    assert version_of(path) == old

    with Database.open(path) as db:
        assert db.version == schema.SCHEMA_VERSION
        if old >= 1:
            stored = db.load_session(SESSION_ID)
            assert stored is not None
            assert stored.record.started_at == datetime(2026, 3, 10, 9, 0, tzinfo=CET)
            assert stored.check_status is CheckStatus.ANSWERED
            assert stored.after is not None
            assert stored.after.values[Signal.MOOD] == 0
            assert stored.after.change == 5
            night = db.load_night(date(2026, 3, 9))
            assert night is not None
            assert night.slept_deeply == 4
        # Every table of the current schema works after the migration.
        db.record_reminder("scheduled", datetime(2026, 3, 11, 9, tzinfo=CET), "missed",
                           datetime(2026, 3, 11, 9, 10, tzinfo=CET))  # fmt: skip
        assert len(list(db.iter_reminder_rows())) == (2 if old >= 2 else 1)
        start = datetime(2026, 3, 11, 12, tzinfo=CET)
        db.record_wait(Episode(Sense.AWAY, start, start + timedelta(minutes=30)))
        waits = list(db.iter_wait_rows())
        assert [w[0] for w in waits] == (["call", "away"] if old >= 3 else ["away"])
    assert version_of(path) == schema.SCHEMA_VERSION

    backup = schema.backup_path(path)
    if old == 0:
        assert not backup.exists()  # a brand-new file has nothing to keep
    else:
        assert backup.name == f"herstel.sqlite3.pre-v{schema.SCHEMA_VERSION}.bak"
        assert version_of(backup) == old
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        with closing(sqlite3.connect(backup)) as conn:
            assert conn.execute("SELECT id FROM sessions").fetchall() == [(SESSION_ID,)]


def test_opening_a_current_file_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    Database.open(path).close()
    Database.open(path).close()
    assert version_of(path) == schema.SCHEMA_VERSION
    assert not schema.backup_path(path).exists()


def test_a_failing_step_leaves_the_old_version_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "herstel.sqlite3"
    build_old(path, schema.SCHEMA_VERSION)
    broken = (*schema.MIGRATIONS, ("CREATE TABLE half_done (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(broken))
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        with pytest.raises(sqlite3.OperationalError, match="syntax error"):
            schema.migrate(conn, len(broken))
        assert not conn.in_transaction
        assert schema.user_version(conn) == len(broken) - 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables


def test_fresh_schema_has_the_tables_and_keys(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    Database.open(path).close()
    with closing(sqlite3.connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"sessions", "checks", "nights", "reminders", "waits"} <= tables
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "sessions_by_start" in indexes
        fks = conn.execute("PRAGMA foreign_key_list(checks)").fetchall()
        assert [(fk[2], fk[6]) for fk in fks] == [("sessions", "CASCADE")]
