"""The reminder state file (``reminders.json``) on a real disk."""

from __future__ import annotations

import json
import stat
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from herstel.core.schedule import ReminderState
from herstel.storage.reminder_state import (
    FILE_NAME,
    STATE_VERSION,
    load_state,
    save_state,
    state_from_json,
    state_to_json,
)

NOW = datetime(2026, 1, 5, 10, 30, 15, tzinfo=UTC)
ASIDE = f"{FILE_NAME}.corrupt-20260105-103015"  # stamped with NOW

FULL = ReminderState(
    last_break_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
    paused_until=datetime(2026, 1, 5, 11, 0, tzinfo=UTC),
    snoozed_until=datetime(2026, 1, 5, 10, 40, tzinfo=UTC),
    last_prompt_at=datetime(2026, 1, 5, 10, 0, 0, 123456, tzinfo=UTC),
    timer_due_at=datetime(2026, 1, 5, 12, 15, tzinfo=UTC),
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / FILE_NAME


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    "state",
    [
        FULL,
        ReminderState(),
        ReminderState(timer_due_at=datetime(2026, 3, 29, 2, 30, tzinfo=UTC)),
    ],
    ids=["full", "empty", "timer-only"],
)
def test_round_trip_on_a_real_file(path: Path, state: ReminderState) -> None:
    save_state(path, state)
    assert load_state(path, NOW) == state
    assert names(path.parent) == [FILE_NAME]  # no temporary file left behind


def test_times_in_other_zones_come_back_as_the_same_instants(path: Path) -> None:
    plus_two = timezone(timedelta(hours=2))
    state = ReminderState(last_break_at=datetime(2026, 6, 1, 11, 0, tzinfo=plus_two))
    save_state(path, state)
    loaded = load_state(path, NOW)
    assert loaded.last_break_at == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert loaded.last_break_at is not None and loaded.last_break_at.utcoffset() == timedelta(0)


def test_saving_replaces_the_previous_state(path: Path) -> None:
    save_state(path, FULL)
    save_state(path, FULL.cancel_timer())
    assert load_state(path, NOW).timer_due_at is None
    assert load_state(path, NOW).last_break_at == FULL.last_break_at


def test_the_file_is_versioned_json(path: Path) -> None:
    save_state(path, FULL)
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == STATE_VERSION == 1
    assert data["timer_due_at"] == "2026-01-05T12:15:00+00:00"
    assert data["paused_until"] == "2026-01-05T11:00:00+00:00"
    assert state_from_json(state_to_json(FULL)) == FULL


def test_a_missing_file_gives_a_fresh_state_and_creates_nothing(path: Path) -> None:
    assert load_state(path, NOW) == ReminderState()
    assert names(path.parent) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_saved_file_is_private(path: Path) -> None:
    save_state(path, FULL)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # Also when the file was there before with looser permissions.
    path.chmod(0o644)
    save_state(path, ReminderState())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _doc(**fields: object) -> bytes:
    return json.dumps({"version": 1, **fields}).encode()


UNREADABLE = {
    "garbage": b"\x00\xffnot json at all",
    "not-utf8": b'{"version": 1, "last_break_at": "\xff"}',
    "truncated": b'{"version": 1, "last_break_at": "2026-01-05T09:00:00+00:00"',
    "empty-file": b"",
    "a-list": b"[1, 2, 3]",
    "no-version": json.dumps({"last_break_at": None}).encode(),
    "newer-version": json.dumps({"version": 2}).encode(),
    "version-as-text": json.dumps({"version": "1"}).encode(),
    "naive-timestamp": _doc(last_break_at="2026-01-05T09:00:00"),
    "not-a-timestamp": _doc(timer_due_at="tomorrow"),
    "number-timestamp": _doc(paused_until=1767603600),
    "version-true": json.dumps({"version": True}).encode(),  # True == 1 in Python
    "overflowing-timestamp": _doc(last_break_at="0001-01-01T00:00:00+01:00"),  # year 0 in UTC
    "deeply-nested": b"[" * 100_000,  # RecursionError in json.loads
}


@pytest.mark.parametrize("raw", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_file_is_moved_aside_with_its_bytes(path: Path, raw: bytes) -> None:
    path.write_bytes(raw)
    assert load_state(path, NOW) == ReminderState()
    assert names(path.parent) == [ASIDE]
    assert (path.parent / ASIDE).read_bytes() == raw
    # The fresh state is not written over it until the app saves on purpose,
    # and a later save does not touch the copy.
    save_state(path, FULL)
    assert (path.parent / ASIDE).read_bytes() == raw
    assert load_state(path, NOW) == FULL


def test_the_aside_name_carries_the_time_it_was_found(path: Path) -> None:
    path.write_bytes(b"nonsense")
    load_state(path, datetime(2027, 12, 31, 23, 59, 58, tzinfo=UTC))
    assert names(path.parent) == [f"{FILE_NAME}.corrupt-20271231-235958"]


def test_a_second_corrupt_file_in_the_same_second_keeps_the_first_copy(path: Path) -> None:
    path.write_bytes(b"first damage")
    load_state(path, NOW)
    path.write_bytes(b"second damage")
    load_state(path, NOW)
    copies = sorted(p.read_bytes() for p in path.parent.iterdir())
    assert copies == [b"first damage", b"second damage"]
