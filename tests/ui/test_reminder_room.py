"""ReminderService reading the room: real service, state file, database and qasync loop.

The senses are the one thing faked, because they are the *input*: a small
QObject with the ``herstel.platform.senses.Senses`` interface whose snapshot
says what the test sets. Everything under test (the service, the decisions,
the recording) is real. Monday 5 January 2026 in Amsterdam, default settings:
after a 09:00 break the first reminder is due at 10:00.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import qasync
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from herstel.core.clock import ManualClock
from herstel.core.reminder_flow import Shown
from herstel.core.room import RoomSnapshot, Sense
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.storage.reminder_state import FILE_NAME
from herstel.ui.reminders.service import MAX_SLEEP, ReminderService

AMS = ZoneInfo("Europe/Amsterdam")
MINUTE = 60.0


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, 5, hour, minute, tzinfo=AMS).astimezone(UTC)


class FakeSenses(QObject):
    """The senses' interface; the snapshot is whatever ``room`` is set to."""

    changed = Signal()
    returned = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.room = RoomSnapshot(idle_seconds=1)
        self.asked = 0
        self.watching: list[bool] = []
        self.enabled: dict[Sense, bool] = {}
        self.broken = False
        self.stopped = False

    async def snapshot(self) -> RoomSnapshot:
        self.asked += 1
        await asyncio.sleep(0)  # a real probe answers later, on the loop
        if self.broken:
            raise OSError("the sound server went away")
        return self.room

    def set_enabled(self, sense: Sense, on: bool) -> None:
        self.enabled[sense] = on

    def watch(self, on: bool) -> None:
        self.watching.append(on)

    def stop(self) -> None:
        self.stopped = True


class Room:
    """A service with fake senses, driven on a real qasync loop."""

    def __init__(self, tmp_path: Path, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.clock = ManualClock(at(9))
        self.db = Database.open(tmp_path / "herstel.db")
        self.senses = FakeSenses()
        self.shown: list[Shown] = []
        self.service = self.make(Settings())

    def make(self, settings: Settings) -> ReminderService:
        service = ReminderService(
            self.clock,
            self.db.path.parent / FILE_NAME,
            settings,
            AMS,
            self.db.record_reminder,
            lambda: False,
            senses=self.senses,
            record_wait=self.db.record_wait,
        )
        service.due.connect(self.shown.append)
        return service

    def run(self, action: Callable[[], None]) -> None:
        """Do ``action`` on the running loop and wait until the senses have answered."""

        async def go() -> None:
            action()
            await asyncio.sleep(0)
            await self.service.settled()

        self.loop.run_until_complete(go())

    def at(self, when: datetime, room: RoomSnapshot | None = None) -> None:
        """Move the clock to ``when`` and let the service's armed timer run out."""
        if room is not None:
            self.senses.room = room
        self.clock.advance((when - self.clock.now()).total_seconds())
        (timer,) = self.service.findChildren(QTimer)
        self.run(timer.timeout.emit)

    def sense_changed(self, room: RoomSnapshot) -> None:
        self.senses.room = room
        self.run(self.senses.changed.emit)

    def armed_ms(self) -> int:
        (timer,) = self.service.findChildren(QTimer)
        return timer.interval() if timer.isActive() else -1

    def waits(self) -> list[tuple[str, datetime, datetime, str | None, datetime | None]]:
        def moment(text: str | None) -> datetime | None:
            return datetime.fromisoformat(text) if text is not None else None

        rows = []
        for reason, start, end, kind, due in self.db.iter_wait_rows():
            started, ended = moment(start), moment(end)
            assert started is not None and ended is not None
            rows.append((reason, started, ended, kind, moment(due)))
        return rows

    def outcomes(self) -> list[tuple[str, datetime, str]]:
        return [
            (kind, datetime.fromisoformat(due), outcome)
            for kind, due, outcome, _ in self.db.iter_reminder_rows()
        ]


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()


@pytest.fixture
def room(tmp_path: Path, loop: asyncio.AbstractEventLoop) -> Iterator[Room]:
    r = Room(tmp_path, loop)
    r.run(lambda: r.service.break_taken(at(9)))
    yield r
    r.service.stop()
    r.db.close()


FULL = RoomSnapshot(full_screen=True, idle_seconds=2)
CALL = RoomSnapshot(in_call=True, idle_seconds=2)
FREE = RoomSnapshot(idle_seconds=2)


def test_nothing_due_asks_no_senses(room: Room) -> None:
    room.at(at(9, 30))
    room.at(at(9, 31))
    assert room.senses.asked == 0
    assert room.senses.watching == []


def test_full_screen_holds_the_reminder_until_it_ends(room: Room) -> None:
    room.at(at(10), FULL)
    assert room.shown == []
    assert room.service.waiting_reason() is Sense.FULL_SCREEN
    assert room.senses.watching == [True]  # events only while it waits
    assert 0 < room.armed_ms() <= MAX_SLEEP.total_seconds() * 1000 + 1  # a look within a minute
    room.at(at(10, 1))
    room.at(at(10, 2))
    assert room.shown == []
    room.clock.advance(30)
    room.sense_changed(FREE)  # the window left full screen: shown at once
    assert room.shown == [Shown("scheduled", at(10))]
    assert room.service.waiting_reason() is None
    assert room.senses.watching == [True, False]
    assert room.waits() == [
        ("full_screen", at(10), at(10, 2) + timedelta(seconds=30), "scheduled", at(10))
    ]
    assert room.service.next_reminder() == at(11)


def test_without_events_the_minute_check_finds_the_user_free(room: Room) -> None:
    room.at(at(10), CALL)
    room.at(at(10, 1), FREE)
    assert room.shown == [Shown("scheduled", at(10))]
    assert [w[0] for w in room.waits()] == ["call"]


def test_a_wait_past_its_limit_is_a_missed_reminder(room: Room) -> None:
    room.at(at(10), CALL)
    for minute in range(1, 60):
        room.at(at(10, minute))
    room.at(at(11))  # the 11:00 slot replaces the 10:00 one, which is missed
    assert room.shown == []
    assert room.outcomes() == [("scheduled", at(10), "missed")]
    assert room.waits() == [("call", at(10), at(11), "scheduled", at(10))]
    assert room.service.waiting_reason() is Sense.CALL  # the 11:00 one waits now


def test_time_away_is_a_natural_break_and_restarts_the_interval(room: Room) -> None:
    room.at(at(10), RoomSnapshot(idle_seconds=25 * 60))  # away since 09:35
    assert room.shown == []
    assert room.service.waiting_reason() is None  # away: nothing to say, nothing fires
    room.at(at(10, 30), RoomSnapshot(idle_seconds=55 * 60))
    room.clock.advance(20)
    room.senses.room = RoomSnapshot(idle_seconds=5)
    room.run(room.senses.returned.emit)  # back at 10:30:15
    back = at(10, 30) + timedelta(seconds=15)
    assert room.waits() == [("away", at(9, 35), back, None, None)]
    assert room.shown == []
    assert room.outcomes() == []  # a natural break is not a missed reminder
    assert room.service.next_reminder() == back + timedelta(minutes=60)
    assert room.senses.watching == [True, False]


def test_a_timer_due_while_away_shows_on_return(room: Room) -> None:
    room.run(lambda: room.service.set_timer(5))  # 09:05
    room.at(at(9, 5), RoomSnapshot(idle_seconds=6 * 60))
    room.at(at(9, 50), RoomSnapshot(idle_seconds=51 * 60))
    assert room.shown == []
    room.senses.room = RoomSnapshot(idle_seconds=1)
    room.run(room.senses.returned.emit)
    assert room.shown == [Shown("timer", at(9, 5))]


def test_a_broken_sense_never_costs_a_reminder(room: Room) -> None:
    room.senses.broken = True
    room.at(at(10))
    assert room.shown == [Shown("scheduled", at(10))]


def test_the_switches_reach_the_senses_and_the_decision(room: Room) -> None:
    assert room.senses.enabled == dict.fromkeys(Sense, True)
    room.run(lambda: room.service.apply_settings(Settings(sense_call=False)))
    assert room.senses.enabled[Sense.CALL] is False
    room.at(at(10), CALL)
    assert room.shown == [Shown("scheduled", at(10))]


def test_stopping_mid_wait_records_the_wait_so_far(room: Room) -> None:
    room.at(at(10), RoomSnapshot(do_not_disturb=True))
    room.clock.advance(7 * MINUTE)
    room.service.stop()
    assert room.senses.stopped
    assert room.waits() == [("do_not_disturb", at(10), at(10, 7), "scheduled", at(10))]


def test_a_waiting_timer_is_looked_at_again_within_a_minute_with_nothing_else_planned(
    room: Room,
) -> None:
    room.run(lambda: room.service.apply_settings(Settings(reminders_enabled=False)))
    room.run(lambda: room.service.set_timer(5))
    room.at(at(9, 5), CALL)
    assert room.shown == [] and room.service.waiting_reason() is Sense.CALL
    # Nothing is scheduled and the timer is past due: only the wait keeps the timer armed.
    assert 0 < room.armed_ms() <= MAX_SLEEP.total_seconds() * 1000 + 1
    room.at(at(9, 6), FREE)
    assert room.shown == [Shown("timer", at(9, 5))]
    assert room.armed_ms() == -1  # nothing left to wait for: no wake-ups at all


def test_an_answer_that_comes_after_stopping_shows_nothing(room: Room) -> None:
    async def stop_while_asking() -> None:
        room.clock.advance((at(10) - room.clock.now()).total_seconds())
        room.service.check()  # asks the senses
        room.service.stop()
        await room.service.settled()

    room.senses.room = FREE
    room.loop.run_until_complete(stop_while_asking())
    assert room.senses.asked == 1
    assert room.shown == []
