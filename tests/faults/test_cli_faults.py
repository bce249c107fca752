"""Every bad input or hostile condition for the headless commands is one line, never a traceback.

Real ``herstel`` processes against the real SQLite file: a second process
holding the lock, a read-only mount, a full tmpfs, hostile import files,
export targets that are Herstel's own files, and odd command lines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_tools import LockHolder, Mount, fill
from records import save_answered, session

from herstel.storage.database import Database

EXPORT_LOCK_WAIT = 5.0  # BUSY_TIMEOUT: how long export/import wait for another program


def herstel(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"HERSTEL_DATA_DIR"}}
    return subprocess.run(
        [sys.executable, "-m", "herstel", *args],
        capture_output=True,
        text=True,
        env=env or base,
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("herstel: ")
    return lines[0]


def with_a_session(data: Path) -> str:
    record = session()
    with Database.open(data / "herstel.sqlite3") as db:
        save_answered(db, record)
    return record.id


def an_export(data: Path, tmp_path: Path) -> Path:
    out = tmp_path / "export.json"
    assert herstel("export", "-o", str(out), "--data-dir", str(data)).returncode == 0
    return out


# --- a database another program holds -----------------------------------------------


def test_export_waits_a_bounded_time_then_says_the_database_is_in_use(
    tmp_path: Path, hold_lock: Callable[..., LockHolder]
) -> None:
    data = tmp_path / "data"
    with_a_session(data)
    holder = hold_lock(data / "herstel.sqlite3", "locking-mode")
    line = one_line(herstel("export", "--data-dir", str(data)), 1)
    assert "in use by another program" in line
    holder.release()
    assert not list(data.glob("*.corrupt-*")), "a locked database is never moved aside"


def test_import_under_an_exclusive_lock_changes_nothing_and_says_so(
    tmp_path: Path, hold_lock: Callable[..., LockHolder]
) -> None:
    source = tmp_path / "source"
    with_a_session(source)
    out = an_export(source, tmp_path)
    data = tmp_path / "data"
    with_a_session(data)
    holder = hold_lock(data / "herstel.sqlite3", "exclusive")
    line = one_line(herstel("import", str(out), "--data-dir", str(data)), 1)
    assert "in use by another program" in line
    holder.release()
    with Database.open(data / "herstel.sqlite3") as db:
        assert db.session_count() == 1
    assert not list(data.glob("*.corrupt-*"))


# --- read-only and full ----------------------------------------------------------------


def test_export_into_a_read_only_folder_is_one_line(
    tmp_path: Path, remountable: Callable[[Path], Mount]
) -> None:
    data = tmp_path / "data"
    with_a_session(data)
    target = tmp_path / "out"
    target.mkdir()
    remountable(target).read_only()
    line = one_line(herstel("export", "-o", str(target / "x.json"), "--data-dir", str(data)), 1)
    assert "Read-only file system" in line
    assert list(target.iterdir()) == []


def test_import_into_a_read_only_data_folder_is_one_line(
    tmp_path: Path, remountable: Callable[[Path], Mount]
) -> None:
    source = tmp_path / "source"
    with_a_session(source)
    out = an_export(source, tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    with_a_session(data)
    before = sorted(p.name for p in data.iterdir())
    remountable(data).read_only()
    one_line(herstel("import", str(out), "--data-dir", str(data)), 1)
    assert sorted(p.name for p in data.iterdir()) == before


def test_export_onto_a_full_disk_is_one_line_and_leaves_nothing(
    tmp_path: Path, small_disk: Path
) -> None:
    data = tmp_path / "data"
    with_a_session(data)
    fill(small_disk)
    line = one_line(herstel("export", "-o", str(small_disk / "x.json"), "--data-dir", str(data)), 1)
    assert "No space left on device" in line
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_import_onto_a_full_disk_is_one_line_and_changes_nothing(
    tmp_path: Path, small_disk: Path
) -> None:
    source = tmp_path / "source"
    for _ in range(200):
        with_a_session(source)
    out = an_export(source, tmp_path)
    data = small_disk / "data"
    kept = with_a_session(data)
    filler = fill(small_disk)
    one_line(herstel("import", str(out), "--data-dir", str(data)), 1)
    filler.unlink()
    with Database.open(data / "herstel.sqlite3") as db:
        assert db.session_count() == 1
        assert db.load_session(kept) is not None


# --- hostile import files ----------------------------------------------------------------


def _export_with(tmp_path: Path, change: Callable[[dict[str, object]], None]) -> Path:
    source = tmp_path / "source"
    with_a_session(source)
    out = an_export(source, tmp_path)
    data = json.loads(out.read_text())
    change(data)
    out.write_text(json.dumps(data))
    return out


def _session_field(name: str, value: object) -> Callable[[dict[str, object]], None]:
    def change(data: dict[str, object]) -> None:
        sessions = data["sessions"]
        assert isinstance(sessions, list)
        sessions[0][name] = value

    return change


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("done_breaths", "9" * 5000),
        ("pattern", '"\\ud800"'),
        ("started_at", '"0001-01-01T00:00:00+05:00"'),
    ],
    ids=["huge-integer", "lone-surrogate", "date-before-year-1-in-utc"],
)
def test_a_hostile_value_is_exit_2_naming_the_field(tmp_path: Path, field: str, raw: str) -> None:
    out = _export_with(tmp_path, _session_field(field, "PLACEHOLDER"))
    out.write_text(out.read_text().replace('"PLACEHOLDER"', raw))
    data = tmp_path / "data"
    line = one_line(herstel("import", str(out), "--data-dir", str(data)), 2)
    assert f"sessions[0].{field}" in line


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    line = one_line(herstel("import", str(fifo), "--data-dir", str(tmp_path / "data")), 2)
    assert "not a regular file" in line


def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    line = one_line(herstel("import", str(link), "--data-dir", str(tmp_path / "data")), 2)
    assert "not a regular file" in line


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.truncate((1 << 30) + 1)  # sparse: no real disk used
    line = one_line(herstel("import", str(big), "--data-dir", str(tmp_path / "data")), 2)
    assert "too large" in line and "1024 MB" in line


# --- export never overwrites Herstel's own files ----------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "herstel.sqlite3",
        "herstel.sqlite3-wal",
        "herstel.sqlite3-shm",
        "settings.json",
        "herstel.lock",
        "logs/herstel.log",
        "reminders.json",
        "herstel.sqlite3.pending",
    ],
)
def test_export_refuses_to_overwrite_herstels_own_files(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    with_a_session(data)
    target = data / name
    target.parent.mkdir(exist_ok=True)
    if not target.exists():
        target.write_bytes(b"mine")
    before = target.read_bytes()
    args = ["export", "--format", "csv", "--table", "nights", "-o", str(target)]
    line = one_line(herstel(*args, "--data-dir", str(data)), 2)
    assert "Herstel's own files" in line
    assert target.read_bytes() == before


def test_export_refuses_a_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with_a_session(data)
    one_line(herstel("export", "-o", str(data), "--data-dir", str(data)), 2)


# --- the command line -------------------------------------------------------------------


def test_an_empty_data_dir_after_the_command_is_refused_like_before_it(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    out.write_text("{}")
    before = one_line(herstel("--data-dir", "", "import", str(out)), 2)
    after = one_line(herstel("import", str(out), "--data-dir", ""), 2)
    assert before == after


@pytest.mark.parametrize(
    "command",
    [["export"], ["import", "x.json"], ["about"], ["breathe"], ["history"], ["remind", "5"]],
)
def test_a_data_dir_that_is_a_file_is_exit_1_for_every_command(
    tmp_path: Path, command: list[str]
) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    line = one_line(herstel(*command, "--data-dir", str(a_file)), 1)
    assert "not a folder" in line


def test_a_window_without_any_display_is_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "HERSTEL_DATA_DIR"}
    }
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "run")
    (tmp_path / "run").mkdir(mode=0o700)
    line = one_line(herstel("breathe", "--data-dir", str(tmp_path / "data"), env=env), 1)
    assert "no display" in line
