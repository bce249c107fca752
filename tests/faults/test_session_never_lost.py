"""A finished session is never lost: kept beside a database that refuses it, written later.

Each test uses the real SQLite file, a real second process holding the lock,
a real full file system or a real read-only mount.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fault_tools import LockHolder, Mount, fill
from records import answered, ended, session

from herstel.core.checkin import CheckStatus
from herstel.core.room import Episode, Sense
from herstel.storage.database import Database
from herstel.storage.pending import Keeper, Outcome, save_or_keep
from herstel.storage.pending_file import PendingFile, fallback_path, pending_path
from herstel.storage.pending_writes import PENDING_VERSION, WaitWrite

SHORT = 0.05  # seconds the database waits for a lock in these tests


def open_db(folder: Path) -> Database:
    return Database.open(folder / "herstel.sqlite3", busy_timeout=SHORT)


def test_a_session_ending_while_another_program_holds_the_lock_is_kept_then_written(
    tmp_path: Path, hold_lock: Callable[..., LockHolder]
) -> None:
    db = open_db(tmp_path)
    pending = PendingFile(pending_path(db.path))
    record = session()
    holder = hold_lock(db.path, "exclusive")

    assert save_or_keep(db, pending, ended(record)) is Outcome.KEPT
    # The check is answered while the lock is still held: it joins the queue, in order.
    assert save_or_keep(db, pending, answered(record)) is Outcome.KEPT
    assert db.load_session(record.id) is None  # nothing got in
    lines = pending.path.read_bytes().splitlines()
    assert [json.loads(line)["v"] for line in lines] == [PENDING_VERSION] * 2
    assert stat.S_IMODE(pending.path.stat().st_mode) == 0o600

    holder.release()
    keeper = Keeper(db, pending)
    assert keeper.flush()
    stored = db.load_session(record.id)
    assert stored is not None and stored.check_status is CheckStatus.ANSWERED
    assert db.load_night(answered(record).night.night) is not None  # type: ignore[union-attr]
    assert pending.path.read_bytes() == b""


def test_a_replay_never_duplicates(tmp_path: Path) -> None:
    db = open_db(tmp_path)
    pending = PendingFile(pending_path(db.path))
    record = session()
    pending.append(ended(record))
    snapshot = pending.path.read_bytes()
    assert pending.replay(db) == 1
    pending.path.write_bytes(snapshot)  # as if Herstel died between the commit and the truncate
    assert pending.replay(db) == 1
    assert db.session_count() == 1


def test_a_wait_kept_under_a_lock_is_written_once_however_often_it_is_replayed(
    tmp_path: Path, hold_lock: Callable[..., LockHolder]
) -> None:
    db = open_db(tmp_path)
    pending = PendingFile(pending_path(db.path))
    zone = timezone(timedelta(hours=1))
    start = datetime(2026, 12, 5, 10, 0, tzinfo=zone)
    waited = WaitWrite(
        Episode(Sense.CALL, start, start + timedelta(minutes=25), "timer", start)
    )  # fmt: skip
    away = WaitWrite(Episode(Sense.AWAY, start, start + timedelta(minutes=8)))
    holder = hold_lock(db.path, "exclusive")
    assert save_or_keep(db, pending, waited) is Outcome.KEPT
    assert save_or_keep(db, pending, away) is Outcome.KEPT
    holder.release()

    snapshot = pending.path.read_bytes()
    assert pending.replay(db) == 2
    pending.path.write_bytes(snapshot)  # as if Herstel died between the commit and the truncate
    assert pending.replay(db) == 2
    rows = list(db.iter_wait_rows())
    assert len(rows) == 2
    assert {WaitWrite.from_line(w.line()).episode for w in (waited, away)} == {
        waited.episode,
        away.episode,
    }


def test_kept_writes_are_written_at_the_next_start(
    tmp_path: Path, hold_lock: Callable[..., LockHolder]
) -> None:
    open_db(tmp_path).close()
    path = tmp_path / "herstel.sqlite3"
    holder = hold_lock(path, "locking-mode")  # it even shuts out readers
    # The app starts meanwhile: it does not wait, and the session is kept.
    db = Database.open(path, busy_timeout=SHORT, defer_after=SHORT)
    assert not db.settled
    record = session()
    assert Keeper(db, PendingFile(pending_path(db.path))).save(ended(record)) is Outcome.KEPT
    db.close()  # the app quits while the other program still holds the file
    holder.release()

    again = open_db(tmp_path)
    assert Keeper(again, PendingFile(pending_path(again.path))).flush()
    assert again.load_session(record.id) is not None


def test_a_full_disk_keeps_the_session_in_memory_then_on_disk_then_in_the_database(
    small_disk: Path,
) -> None:
    db = open_db(small_disk)
    pending = PendingFile(pending_path(db.path))
    keeper = Keeper(db, pending)
    filler = fill(small_disk)
    records = [session() for _ in range(3)]
    outcomes = {keeper.save(answered(r)) for r in records}
    assert Outcome.SAVED not in outcomes
    assert keeper.waiting
    assert not keeper.flush()  # still full

    filler.unlink()
    assert keeper.flush()
    for r in records:
        assert db.load_session(r.id) is not None


def test_a_folder_gone_read_only_keeps_the_session_until_it_is_writable(
    tmp_path: Path, remountable: Callable[[Path], Mount]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    open_db(folder).close()
    mount = remountable(folder)
    mount.read_only()  # e.g. the disk was remounted read-only after an error
    # Linux refuses to remount while files are open for writing, so the
    # connection comes up on the read-only folder (SQLite opens it read-only).
    path = folder / "herstel.sqlite3"
    db = Database(sqlite3.connect(str(path), isolation_level=None, timeout=SHORT), path, 3)
    keeper = Keeper(db, PendingFile(pending_path(db.path)))
    record = session()
    assert keeper.save(answered(record)) is Outcome.HELD  # not even the pending file can be written
    assert keeper.waiting
    assert not keeper.flush()

    mount.writable()
    assert keeper.flush()
    assert db.load_session(record.id) is not None


def test_a_read_only_folder_keeps_the_session_elsewhere_across_a_restart(
    tmp_path: Path, remountable: Callable[[Path], Mount]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    open_db(folder).close()
    mount = remountable(folder)
    mount.read_only()
    path = folder / "herstel.sqlite3"
    state = tmp_path / "state" / "herstel"  # created 0700 on first need

    def keeper() -> Keeper:
        db = Database(sqlite3.connect(str(path), isolation_level=None, timeout=SHORT), path, 3)
        fallback = PendingFile(fallback_path(path, state), private_folder=True)
        return Keeper(db, PendingFile(pending_path(path)), fallback)

    record = session()
    first = keeper()
    assert first.save(ended(record)) is Outcome.KEPT  # on disk, though not beside the database
    assert first.save(answered(record)) is Outcome.KEPT  # queued behind it, in order
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    del first  # Herstel quits while the folder is still read-only

    mount.writable()
    again = keeper()  # the next start
    assert again.flush()
    stored = again.db.load_session(record.id) if again.db else None
    assert stored is not None and stored.check_status is CheckStatus.ANSWERED
    assert not again.waiting


@pytest.mark.parametrize("line", [b'{"v": 99, "op": "teleport", "id": "x", "data": {}}\n'])
def test_lines_from_a_newer_herstel_are_left_for_it(tmp_path: Path, line: bytes) -> None:
    db = open_db(tmp_path)
    pending = PendingFile(pending_path(db.path))
    record = session()
    pending.append(ended(record))
    with pending.path.open("ab") as out:
        out.write(line)
    assert pending.replay(db) == 1
    assert pending.path.read_bytes() == line
    assert db.load_session(record.id) is not None
