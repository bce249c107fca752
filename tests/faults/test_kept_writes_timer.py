"""The app's retry: one single-shot timer, backing off, and none at all when nothing waits."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from fault_tools import LockHolder
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from records import ended, session

from herstel.storage.database import Database
from herstel.storage.pending import Keeper, Outcome
from herstel.storage.pending_file import PendingFile, pending_path
from herstel.ui.shell.kept_writes import FIRST_RETRY_MS, LAST_RETRY_MS, KeptWrites

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def test_retries_back_off_then_stop_once_written(
    qtbot: QtBot, tmp_path: Path, hold_lock: Callable[..., LockHolder]
) -> None:
    db = Database.open(tmp_path / "herstel.sqlite3", busy_timeout=0.05)
    kept = KeptWrites(Keeper(db, PendingFile(pending_path(db.path))))
    told: list[str] = []
    kept.kept.connect(lambda: told.append("kept"))
    kept.written.connect(lambda: told.append("written"))
    assert kept.retry_in_ms is None  # nothing waits: no timer, no wake-ups

    holder = hold_lock(db.path, "exclusive")
    record = session()
    assert kept.save(ended(record)) is Outcome.KEPT
    delays = [kept.retry_in_ms]
    timer = kept.findChild(QTimer)
    assert timer is not None and timer.isSingleShot()
    for _ in range(8):  # the timer firing (it is single-shot) while the lock is still held
        timer.stop()
        assert not kept.retry()
        delays.append(timer.interval())
    assert told == ["kept"]  # said once, not at every retry
    assert all(d is not None for d in delays)
    assert delays[0] is not None and delays[0] <= FIRST_RETRY_MS * 1.1  # a coarse timer
    assert delays[1:] == [2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]
    assert delays[-1] == LAST_RETRY_MS

    holder.release()
    assert kept.retry()
    assert told == ["kept", "written"]
    assert kept.retry_in_ms is None  # idle again
    assert db.load_session(record.id) is not None


def test_a_start_with_kept_writes_replays_them_on_the_first_turn_of_the_loop(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = Database.open(tmp_path / "herstel.sqlite3")
    pending = PendingFile(pending_path(db.path))
    record = session()
    pending.append(ended(record))
    kept = KeptWrites(Keeper(db, pending))
    kept.start()
    qtbot.waitUntil(lambda: db.load_session(record.id) is not None, timeout=2000)
    assert kept.retry_in_ms is None
