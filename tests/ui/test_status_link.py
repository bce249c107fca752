"""The status link: the app's own change events reach a watcher, with no timer running.

Real parts (a SQLite file, the session flow and controller with offscreen
windows, the reminder service) on a ManualClock; the watcher is the far end
of a socket pair handed to the link as the instance socket would hand it.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.launch import BreatheOptions
from herstel.core.messages import HEADER_BYTES, StatusRequest, frame_length
from herstel.core.records import Trigger
from herstel.core.rhythm import Pattern
from herstel.core.session import COUNTDOWN_SECONDS
from herstel.core.settings import Settings
from herstel.core.status import AppStatus, decode_status
from herstel.storage.database import Database
from herstel.ui.checkin.page import CheckinPage
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.reminders.service import ReminderService
from herstel.ui.session.controller import SessionController
from herstel.ui.session.flow import SessionFlow
from herstel.ui.shell import status_link
from herstel.ui.shell.commands import Commands

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday, inside working hours
ONE_BREATH = BreatheOptions(pattern=Pattern(2, 2), breaths=1)


class Parts:
    def __init__(self, tmp_path: Path, inhibitor_class: type[Any], **options: bool) -> None:
        settings = Settings(**({"first_run_done": True, "check_after": False} | options))
        self.clock = ManualClock(NOW)
        self.db = Database.open(tmp_path / "herstel.sqlite3")
        self.hub = SettingsHub(tmp_path / "settings.json", self.clock)
        self.hub.update(settings)
        self.sessions = SessionController(
            self.clock, settings=settings, inhibitor_factory=lambda _p: inhibitor_class()
        )
        self.flow = SessionFlow(self.sessions, self.db, self.clock, self.hub)
        self.reminders = ReminderService(
            self.clock,
            tmp_path / "reminders.json",
            settings,
            UTC,
            self.db.record_reminder,
            busy=lambda: self.flow.is_running,
        )

    def close(self) -> None:
        self.flow.stop_running()  # stored while the database is open
        self.reminders.stop()
        self.db.close()


class Watcher:
    """The reading end of a watcher's connection: decoded status frames."""

    def __init__(self, peer: socket.socket) -> None:
        self._peer = peer
        self._peer.setblocking(False)
        self._buffer = bytearray()
        self.seen: list[AppStatus] = []

    def read(self) -> list[AppStatus]:
        try:
            while chunk := self._peer.recv(4096):
                self._buffer += chunk
        except BlockingIOError:
            pass
        while len(self._buffer) >= HEADER_BYTES:
            length = frame_length(bytes(self._buffer[:HEADER_BYTES]))
            if len(self._buffer) < HEADER_BYTES + length:
                break
            payload = bytes(self._buffer[HEADER_BYTES : HEADER_BYTES + length])
            del self._buffer[: HEADER_BYTES + length]
            self.seen.append(decode_status(payload))
        return self.seen


@pytest.fixture
def parts(qapp: object, tmp_path: Path, fake_inhibitor_class: type[Any]) -> Iterator[Parts]:
    made = Parts(tmp_path, fake_inhibitor_class)
    yield made
    made.close()


@pytest.fixture
def watcher(parts: Parts) -> Iterator[Watcher]:
    yield from watching(parts)


def watching(parts: Parts) -> Iterator[Watcher]:
    link = status_link.init(
        parts, Commands(), lambda: None, parts.clock, lambda: UTC, None, dbus=False
    )
    ours, theirs = socket.socketpair()
    try:
        link.serve(ours, StatusRequest(watch=True))
        reader = Watcher(theirs)
        assert reader.read() == [link.snapshot()]
        yield reader
    finally:
        link.close()  # closes ours
        link.setParent(None)  # owned by the application otherwise: gone with this test
        theirs.close()


def test_a_session_start_and_end_reach_the_watcher_with_todays_minutes(
    qtbot: QtBot, parts: Parts, watcher: Watcher
) -> None:
    parts.flow.start(ONE_BREATH, Trigger.CLI)
    qtbot.waitUntil(lambda: watcher.read()[-1].session_running, timeout=5000)
    window = parts.sessions.window
    assert window is not None
    qtbot.addWidget(window)
    parts.clock.advance(COUNTDOWN_SECONDS + 4.0)
    window.tick()
    qtbot.waitUntil(lambda: not watcher.read()[-1].session_running, timeout=5000)
    assert watcher.seen[-1].today_minutes > 0


def test_a_session_after_the_before_check_reaches_the_watcher(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, fake_inhibitor_class: type[Any]
) -> None:
    parts = Parts(tmp_path, fake_inhibitor_class, check_before=True, check_after=True)
    watched = watching(parts)
    watcher = next(watched)
    try:
        parts.flow.start(ONE_BREATH, Trigger.CLI)
        (page,) = [
            widget
            for top in qapp.topLevelWidgets()
            for widget in top.findChildren(CheckinPage)
            if top.isVisible()
        ]
        qapp.processEvents()  # what "starting" leads to has happened: still not breathing
        assert not watcher.read()[-1].session_running
        page.skip()  # the session opens only now
        qtbot.waitUntil(lambda: watcher.read()[-1].session_running, timeout=5000)
        window = parts.sessions.window
        assert window is not None
        qtbot.addWidget(window)
    finally:
        watched.close()
        parts.close()


def test_the_rhythm_finder_counts_as_breathing(
    qtbot: QtBot, parts: Parts, watcher: Watcher
) -> None:
    parts.flow.find_rhythm(Trigger.WINDOW)
    window = parts.flow.finder_window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: watcher.read()[-1].session_running, timeout=5000)
    window.close()


def test_a_timer_and_a_pause_reach_the_watcher(
    qtbot: QtBot, parts: Parts, watcher: Watcher
) -> None:
    parts.reminders.set_timer(5)
    qtbot.waitUntil(lambda: watcher.read()[-1].timer_due is not None, timeout=5000)
    parts.reminders.pause(30)
    qtbot.waitUntil(lambda: watcher.read()[-1].paused_until is not None, timeout=5000)
    assert len(watcher.seen) == 3  # the first line, then one per change


def test_new_settings_that_move_the_next_reminder_reach_the_watcher(
    qtbot: QtBot, parts: Parts, watcher: Watcher
) -> None:
    before = watcher.seen[-1].next_reminder
    parts.reminders.apply_settings(replace(parts.hub.settings, reminder_interval_minutes=30))
    qtbot.waitUntil(lambda: watcher.read()[-1].next_reminder != before, timeout=5000)
