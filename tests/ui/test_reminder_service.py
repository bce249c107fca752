"""ReminderService on a manual clock, a real state file and a real database.

The day is Monday 5 January 2026 in Amsterdam (UTC+1), with the default
settings: every 60 minutes, Monday to Friday 09:00-17:30, snooze 10 minutes.
Every expected time is worked out by hand from the rules in the
``herstel.core.schedule`` docstring. The clock runs in UTC (wall arithmetic in
a DST zone would be wrong by design); ``at`` converts local times to it.
The service's single-shot QTimer is never waited for: its ``timeout`` is
emitted by hand after the manual clock has been moved.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.reminder_flow import Outcome, Shown
from herstel.core.schedule import ReminderState
from herstel.core.settings import Settings, WorkingHours
from herstel.storage.database import Database
from herstel.storage.reminder_state import FILE_NAME, load_state, save_state
from herstel.ui.reminders.service import MAX_SLEEP, ReminderService

AMS = ZoneInfo("Europe/Amsterdam")
MINUTE = 60.0  # seconds, for ManualClock.advance
MAX_SLEEP_MS = int(MAX_SLEEP.total_seconds() * 1000)


def at(hour: int, minute: int = 0, day: int = 5) -> datetime:
    """A local Amsterdam wall time in January 2026 (day 5 is a Monday), as UTC."""
    return datetime(2026, 1, day, hour, minute, tzinfo=AMS).astimezone(UTC)


Row = tuple[str, datetime, str, datetime]


@dataclass
class Harness:
    clock: ManualClock
    state_path: Path
    db: Database
    busy: bool = False
    services: list[ReminderService] = field(default_factory=list)

    def service(self, settings: Settings | None = None) -> tuple[ReminderService, list[Shown]]:
        service = ReminderService(
            self.clock,
            self.state_path,
            settings if settings is not None else Settings(),
            AMS,
            self.db.record_reminder,
            lambda: self.busy,
        )
        shown: list[Shown] = []
        service.due.connect(shown.append)
        self.services.append(service)
        return service, shown

    def rows(self) -> list[Row]:
        return [
            (kind, datetime.fromisoformat(due), outcome, datetime.fromisoformat(acted))
            for kind, due, outcome, acted in self.db.iter_reminder_rows()
        ]

    def saved(self) -> ReminderState:
        return load_state(self.state_path, self.clock.now())


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    db = Database.open(tmp_path / "data" / "herstel.db")
    h = Harness(ManualClock(at(9, 0)), tmp_path / "data" / FILE_NAME, db)
    yield h
    for service in h.services:
        service.stop()
        service.deleteLater()
    db.close()


def wake(service: ReminderService) -> None:
    """What the armed single-shot timer does when it runs out."""
    timers = service.findChildren(QTimer)
    assert len(timers) == 1
    timers[0].timeout.emit()


def armed_ms(service: ReminderService) -> int:
    (timer,) = service.findChildren(QTimer)
    assert timer.isSingleShot()
    assert timer.isActive() == service.timer_armed
    return timer.interval()


# -- the schedule ---------------------------------------------------------------------


def test_due_once_an_interval_after_the_last_break(harness: Harness, qtbot: QtBot) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    assert shown == []
    harness.clock.advance(59 * MINUTE)  # 09:59: not yet
    wake(service)
    assert shown == []
    harness.clock.advance(MINUTE)  # 10:00
    with qtbot.waitSignal(service.due, timeout=1000) as blocker:
        wake(service)
    assert blocker.args == [Shown("scheduled", at(10))]
    assert shown == [Shown("scheduled", at(10))]
    # Asked again at once, and a minute later: never twice.
    service.check()
    harness.clock.advance(MINUTE)
    wake(service)
    assert shown == [Shown("scheduled", at(10))]
    # Showing is not an outcome: history is written when the prompt is answered.
    assert harness.rows() == []
    # The due time is persisted as accounted for.
    assert harness.saved().last_prompt_at == at(10)
    assert service.next_reminder() == at(11)


def test_a_saved_last_break_is_picked_up_at_start(harness: Harness) -> None:
    save_state(harness.state_path, ReminderState(last_break_at=at(9)))
    harness.clock.advance(60 * MINUTE)  # 10:00, an hour after that break
    service, shown = harness.service()
    assert shown == []  # constructing asks nothing yet
    service.check()
    assert shown == [Shown("scheduled", at(10))]


def test_a_first_start_has_no_backlog(harness: Harness) -> None:
    harness.clock.advance(90 * MINUTE)  # 10:30, no state file at all
    service, shown = harness.service()
    service.check()
    assert shown == []
    assert harness.rows() == []
    assert service.next_reminder() == at(11, 30)  # counted from now


def test_wakes_exactly_at_the_due_time(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())
    harness.clock.advance(59 * MINUTE + 30)  # 09:59:30
    wake(service)
    assert shown == []
    # Thirty seconds to go: not a minute late, not early.
    assert 30_000 <= armed_ms(service) <= 30_001


def test_a_three_hour_jump_shows_one_and_records_the_rest_missed(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    harness.clock.advance(30 * MINUTE)  # 09:30
    wake(service)
    harness.clock.jump_wall(timedelta(hours=3))  # suspended until 12:30
    service.check()  # as on resume
    # 10:00 and 11:00 were missed; 12:00 is still in today's window: shown once.
    assert shown == [Shown("scheduled", at(12))]
    assert harness.rows() == [
        ("scheduled", at(10), "missed", at(12, 30)),
        ("scheduled", at(11), "missed", at(12, 30)),
    ]
    service.check()
    wake(service)
    assert len(shown) == 1
    assert len(harness.rows()) == 2
    assert service.next_reminder() == at(13)


def test_a_jump_past_working_hours_shows_nothing_and_records_all_missed(
    harness: Harness,
) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    harness.clock.jump_wall(timedelta(hours=9, minutes=30))  # 18:30, after hours
    service.check()
    assert shown == []
    # 10:00 … 17:00 (17:00 < 17:30) were due; none of them fires after hours.
    missed = [(kind, due, outcome) for kind, due, outcome, _ in harness.rows()]
    assert missed == [("scheduled", at(h), "missed") for h in range(10, 18)]
    assert service.next_reminder() == at(10, day=6)  # Tuesday 09:00 + 60


def test_nothing_is_due_while_busy(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())
    harness.busy = True  # a session runs (or the screen is locked)
    harness.clock.advance(60 * MINUTE)  # 10:00
    wake(service)
    service.check()
    assert shown == []
    assert harness.rows() == []
    assert harness.saved().last_prompt_at is None  # nothing was accounted for
    # Held back, not spinning: the timer waits for the future, not for 10:00.
    assert armed_ms(service) > 1_000
    harness.busy = False
    service.check()
    assert shown == [Shown("scheduled", at(10))]


def test_a_timer_fires_as_timer(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    harness.clock.advance(10 * MINUTE)  # 09:10
    changes: list[None] = []
    service.changed.connect(lambda: changes.append(None))
    service.set_timer(5)
    assert changes  # the tray and home window are told
    assert service.timer_due() == at(9, 15)
    assert service.next_reminder() == at(9, 15)
    assert service.timer_armed
    assert 0 < armed_ms(service) <= MAX_SLEEP_MS + 1
    for _ in range(4):
        harness.clock.advance(MINUTE)
        wake(service)
        assert shown == []
        assert 0 < armed_ms(service) <= MAX_SLEEP_MS + 1
    harness.clock.advance(MINUTE)  # 09:15
    wake(service)
    assert shown == [Shown("timer", at(9, 15))]
    assert service.timer_due() is None  # used up
    assert harness.saved().timer_due_at is None
    wake(service)
    assert len(shown) == 1


def test_the_wakeup_is_capped_at_a_minute(harness: Harness) -> None:
    service, _ = harness.service()
    service.break_taken(harness.clock.now())  # next at 10:00, an hour away
    # Qt timers stop during suspend, so never sleep longer than a minute.
    assert service.timer_armed
    assert timedelta(minutes=1) == MAX_SLEEP
    assert 0 < armed_ms(service) <= MAX_SLEEP_MS + 1


def test_no_wakeups_when_nothing_is_scheduled(harness: Harness) -> None:
    service, shown = harness.service(Settings(reminders_enabled=False))
    service.check()
    assert not service.timer_armed
    assert service.next_reminder() is None
    # A timer ignores the off switch; once it is done the service sleeps again.
    service.set_timer(1)
    assert service.timer_armed
    harness.clock.advance(MINUTE)
    wake(service)
    assert shown == [Shown("timer", at(9, 1))]
    assert not service.timer_armed
    service.set_timer(30)
    service.cancel_timer()
    assert not service.timer_armed
    assert service.timer_due() is None


def test_switching_reminders_off_stops_the_wakeups(harness: Harness) -> None:
    service, _ = harness.service()
    service.break_taken(harness.clock.now())
    assert service.timer_armed
    service.apply_settings(Settings(reminders_enabled=False))
    assert not service.timer_armed
    assert service.next_reminder() is None


def test_switching_reminders_on_again_has_no_backlog(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    service.apply_settings(Settings(reminders_enabled=False))
    harness.clock.advance(3 * 60 * MINUTE)  # 12:00, off all morning, no wakeups
    service.apply_settings(Settings())
    # Switching on never produces a backlog of missed reminders.
    assert shown == []
    assert harness.rows() == []
    assert service.next_reminder() == at(13)


def test_a_new_interval_applies_at_once(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())
    service.apply_settings(Settings(reminder_interval_minutes=30))
    assert service.next_reminder() == at(9, 30)
    harness.clock.advance(30 * MINUTE)
    wake(service)
    assert shown == [Shown("scheduled", at(9, 30))]


# -- answers --------------------------------------------------------------------------


def _shown_at_ten(harness: Harness) -> tuple[ReminderService, list[Shown]]:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())
    harness.clock.advance(60 * MINUTE)
    wake(service)
    assert shown == [Shown("scheduled", at(10))]
    return service, shown


def test_snooze_is_recorded_and_comes_back_a_snooze_later(harness: Harness) -> None:
    service, shown = _shown_at_ten(harness)
    harness.clock.advance(2 * MINUTE)  # answered at 10:02
    service.answer(shown[0], Outcome.SNOOZED)
    assert harness.rows() == [("scheduled", at(10), "snoozed", at(10, 2))]
    assert service.next_reminder() == at(10, 12)
    harness.clock.advance(9 * MINUTE)  # 10:11
    wake(service)
    assert len(shown) == 1
    harness.clock.advance(MINUTE)  # 10:12
    wake(service)
    assert shown[1:] == [Shown("scheduled", at(10, 12))]


def test_skip_is_recorded_and_waits_a_full_interval(harness: Harness) -> None:
    service, shown = _shown_at_ten(harness)
    harness.clock.advance(MINUTE)  # 10:01
    service.answer(shown[0], Outcome.SKIPPED)
    assert harness.rows() == [("scheduled", at(10), "skipped", at(10, 1))]
    assert service.next_reminder() == at(11, 1)
    assert harness.saved().last_break_at == at(9)  # a skip is no break


def test_a_snoozed_timer_is_set_again(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())
    service.set_timer(20)
    harness.clock.advance(20 * MINUTE)
    wake(service)
    assert shown == [Shown("timer", at(9, 20))]
    service.answer(shown[0], Outcome.SNOOZED)
    assert harness.rows() == [("timer", at(9, 20), "snoozed", at(9, 20))]
    assert service.timer_due() == at(9, 30)
    assert harness.saved().timer_due_at == at(9, 30)


@pytest.mark.parametrize("outcome", [Outcome.TAKEN, Outcome.MISSED])
def test_taken_and_missed_are_recorded(harness: Harness, outcome: Outcome) -> None:
    service, shown = _shown_at_ten(harness)
    harness.clock.advance(10 * MINUTE)
    service.answer(shown[0], outcome)
    assert harness.rows() == [("scheduled", at(10), outcome.value, at(10, 10))]
    assert service.next_reminder() == at(11)


def test_a_break_restarts_the_interval(harness: Harness) -> None:
    service, shown = _shown_at_ten(harness)
    service.answer(shown[0], Outcome.TAKEN)
    harness.clock.advance(5 * MINUTE)
    service.break_taken(harness.clock.now())  # the session ended at 10:05
    assert service.next_reminder() == at(11, 5)
    assert harness.saved().last_break_at == at(10, 5)


def test_a_failing_history_write_does_not_lose_the_answer(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.db.close()  # writing history now fails
    service, shown = _shown_at_ten(harness)
    service.answer(shown[0], Outcome.SNOOZED)
    assert service.next_reminder() == at(10, 10)
    assert "could not record" in caplog.text


# -- persistence ----------------------------------------------------------------------


def test_the_state_is_saved_and_a_restart_restores_the_timer(harness: Harness) -> None:
    first, _ = harness.service()
    first.break_taken(harness.clock.now())  # 09:00
    harness.clock.advance(10 * MINUTE)
    first.set_timer(30)  # due 09:40
    assert harness.saved().timer_due_at == at(9, 40)
    assert harness.saved().last_break_at == at(9)
    first.stop()

    harness.clock.advance(5 * MINUTE)  # restarted at 09:15
    second, shown = harness.service()
    assert second.timer_due() == at(9, 40)
    assert second.next_reminder() == at(9, 40)
    second.check()
    assert second.timer_armed
    harness.clock.advance(25 * MINUTE)
    wake(second)
    assert shown == [Shown("timer", at(9, 40))]


def test_a_restart_restores_a_pause(harness: Harness) -> None:
    first, _ = harness.service()
    first.break_taken(harness.clock.now())
    first.pause(60)
    second, _ = harness.service()
    assert second.paused_until() == at(10)


def test_an_unreadable_state_file_starts_fresh(harness: Harness) -> None:
    harness.state_path.write_bytes(b"{ broken")
    service, shown = harness.service()
    service.check()
    assert shown == []
    assert service.state.timer_due_at is None
    folder = harness.state_path.parent
    assert any(p.name.startswith(f"{FILE_NAME}.corrupt-") for p in folder.iterdir())


# -- pauses ---------------------------------------------------------------------------


def test_pause_holds_reminders_back_and_resume_brings_them_back(harness: Harness) -> None:
    service, _ = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    harness.clock.advance(45 * MINUTE)  # 09:45
    assert service.next_reminder() == at(10)
    service.pause(30)  # until 10:15
    assert service.paused_until() == at(10, 15)
    following = service.next_reminder()
    assert following is not None
    assert following >= at(10, 15)  # nothing inside the pause
    assert following == at(11)  # the grid keeps its rhythm
    service.resume()
    assert service.paused_until() is None
    assert service.next_reminder() == at(10)


def test_what_a_pause_suppressed_is_neither_shown_nor_missed(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())  # 09:00
    harness.clock.advance(45 * MINUTE)
    service.pause(30)  # 09:45-10:15
    harness.clock.advance(20 * MINUTE)  # 10:05
    wake(service)
    assert shown == []
    service.resume()  # early, at 10:05: the 10:00 one does not come back
    assert shown == []
    assert harness.rows() == []
    assert service.next_reminder() == at(11)
    harness.clock.advance(55 * MINUTE)
    wake(service)
    assert shown == [Shown("scheduled", at(11))]


def test_a_timer_still_fires_during_a_pause(harness: Harness) -> None:
    service, shown = harness.service()
    service.pause(60)
    service.set_timer(15)
    assert service.next_reminder() == at(9, 15)
    harness.clock.advance(15 * MINUTE)
    wake(service)
    assert shown == [Shown("timer", at(9, 15))]


def test_pause_until_tomorrow(harness: Harness) -> None:
    service, shown = harness.service()
    service.break_taken(harness.clock.now())
    harness.clock.advance(60 * MINUTE + 1)  # 10:00:01, the 10:00 one just shown
    wake(service)
    service.pause_until_tomorrow()
    assert service.paused_until() == at(9, day=6)  # Tuesday's start
    assert service.next_reminder() == at(10, day=6)
    harness.clock.advance(8 * 60 * MINUTE)  # 18:00
    wake(service)
    assert shown == [Shown("scheduled", at(10))]


def test_working_hours_from_settings_are_read_in_the_given_zone(harness: Harness) -> None:
    hours = WorkingHours(days=(1,), start="12:00", end="13:00")
    service, _ = harness.service(Settings(reminder_interval_minutes=30, working_hours=hours))
    service.check()  # first start at 09:00 local
    # 12:00 local (11:00 UTC) + 30 min; a UTC reading would say 13:30 local.
    assert service.next_reminder() == at(12, 30)
