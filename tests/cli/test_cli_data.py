"""`herstel export` and `herstel import` as a user runs them: real processes, real files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.storage.database import Database


def herstel(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HERSTEL_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "herstel", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def one_session(data: Path) -> str:
    session_id = new_session_id()
    started = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    record = SessionRecord(
        id=session_id,
        started_at=started,
        pattern="4-6",
        planned_seconds=300.0,
        planned_breaths=30,
        done_seconds=300.0,
        done_breaths=30,
        ended_how=EndedHow.COMPLETED,
        trigger=Trigger.CLI,
    )
    after = CheckAnswers(
        kind=CheckKind.AFTER,
        values=dict.fromkeys(SIGNAL_ITEMS, 4),
        change=4,
        complete=True,
        answered_at=started,
    )
    with Database.open(data / "herstel.sqlite3") as db:
        db.save_session(record, None, after, None, "answered")
    return session_id


def test_export_of_an_empty_data_dir_is_valid_and_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = herstel("export", "--data-dir", str(data))
    assert result.returncode == 0
    exported = json.loads(result.stdout)
    assert exported["format"] == "herstel-export"
    assert exported["sessions"] == exported["nights"] == exported["reminders"] == []
    assert not data.exists()


def test_export_to_a_file_then_import_elsewhere_round_trips(tmp_path: Path) -> None:
    data = tmp_path / "data"
    session_id = one_session(data)
    out = tmp_path / "export.json"
    assert herstel("export", "-o", str(out), "--data-dir", str(data)).returncode == 0
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert [s["id"] for s in json.loads(out.read_text())["sessions"]] == [session_id]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    other = tmp_path / "other"
    first = herstel("import", str(out), "--data-dir", str(other))
    assert first.returncode == 0, first.stderr
    again = herstel("import", str(out), "--data-dir", str(other))
    assert again.returncode == 0
    sessions = json.loads(herstel("export", "--data-dir", str(other)).stdout)["sessions"]
    assert [s["id"] for s in sessions] == [session_id]
    assert sessions[0]["after"]["head"] == 4


def test_a_malformed_import_exits_2_with_one_line_and_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    one_session(data)
    before = herstel("export", "--data-dir", str(data)).stdout
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "herstel-export", "version": 1, "sessions": [')
    result = herstel("import", str(bad), "--data-dir", str(data))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr
    after = herstel("export", "--data-dir", str(data)).stdout
    assert json.loads(before)["sessions"] == json.loads(after)["sessions"]


def test_a_failed_export_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "herstel.sqlite3").write_bytes(b"this is not a database" * 100)
    out = tmp_path / "export.json"
    out.write_text("previous export")
    result = herstel("export", "-o", str(out), "--data-dir", str(data))
    assert result.returncode == 1
    assert out.read_text() == "previous export"


def test_a_corrupt_database_is_moved_aside_and_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    garbage = b"garbage, not SQLite" * 200
    (data / "herstel.sqlite3").write_bytes(garbage)
    result = herstel("export", "--data-dir", str(data))
    assert result.returncode == 1
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "damaged" in line
    moved = [p for p in data.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1 and str(moved[0]) in line
    assert moved[0].read_bytes() == garbage  # nothing lost


def test_a_database_from_a_newer_herstel_is_refused_and_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    one_session(data)
    db_file = data / "herstel.sqlite3"
    with sqlite3.connect(db_file) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db_file.read_bytes()
    result = herstel("export", "--data-dir", str(data))
    assert result.returncode == 1
    assert "newer Herstel" in result.stderr and len(result.stderr.splitlines()) == 1
    assert db_file.read_bytes() == before


def test_table_without_csv_is_a_usage_error(tmp_path: Path) -> None:
    result = herstel("export", "--table", "nights", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2
    assert "--table" in result.stderr
