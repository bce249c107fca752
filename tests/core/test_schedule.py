"""The reminder schedule on a manual clock: a realistic week, suspends, DST, timers.

Every expected time below is worked out by hand from the rules in the
``herstel.core.schedule`` docstring (comments show the sum), never copied from
the implementation's output. Clocks run in UTC: ``ManualClock`` adds to its wall
time directly, and wall arithmetic in a DST zone would be wrong by design.
"""

from __future__ import annotations

import time as perf
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from herstel.core.clock import ManualClock
from herstel.core.schedule import (
    Decision,
    ReminderState,
    ScheduleConfig,
    decide,
    in_working_hours,
    is_paused,
    next_scheduled_due,
    next_timer_due,
    next_wakeup,
    next_working_start,
    pause_for,
    pause_until_tomorrow,
)
from herstel.core.settings import Settings, WorkingHours

AMS = ZoneInfo("Europe/Amsterdam")
HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)

OFFICE = ScheduleConfig(
    enabled=True,
    interval=HOUR,
    snooze=timedelta(minutes=10),
    days=frozenset({1, 2, 3, 4, 5}),
    start=time(9, 0),
    end=time(17, 30),
    tz=AMS,
)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0, *, fold: int = 0) -> datetime:
    """A local Amsterdam wall time as a UTC instant (fold=1: the second 02:xx in autumn)."""
    return datetime(y, mo, d, h, mi, tzinfo=AMS, fold=fold).astimezone(UTC)


def mar(d: int, h: int, mi: int = 0) -> datetime:
    """A wall time in Amsterdam in March 2026 (the simulated week is 23–30 March)."""
    return local(2026, 3, d, h, mi)


def wall(moment: datetime) -> tuple[str, str]:
    """How a moment reads on a clock in Amsterdam: ("HH:MM", "+HHMM")."""
    shown = moment.astimezone(AMS)
    return shown.strftime("%H:%M"), shown.strftime("%z")


def now_decide(
    state: ReminderState,
    now: datetime,
    config: ScheduleConfig = OFFICE,
    *,
    session: bool = False,
    locked: bool = False,
) -> Decision:
    return decide(state, config, now, session_running=session, screen_locked=locked)


def seen(last: datetime) -> ReminderState:
    """A state whose latest accounted-for reminder was at ``last``."""
    return ReminderState(last_prompt_at=last)


class Desk:
    """A stand-in for the app around the schedule.

    It does what app.py is meant to do: one single-shot wake-up at
    ``next_wakeup``, a re-check at least once a minute and on resume from
    suspend, and ``state.recorded(decision)`` after every decision.
    """

    def __init__(self, config: ScheduleConfig, start: datetime) -> None:
        self.config = config
        self.clock = ManualClock(start=start.astimezone(UTC))
        self.state = ReminderState()
        self.session = False
        self.locked = False
        self.shown: list[tuple[str, datetime, datetime]] = []  # (kind, due at, shown at)
        self.missed: list[datetime] = []
        self.decisions = 0
        self.check()

    @property
    def now(self) -> datetime:
        return self.clock.now()

    def check(self) -> Decision:
        decision = decide(
            self.state,
            self.config,
            self.now,
            session_running=self.session,
            screen_locked=self.locked,
        )
        self.decisions += 1
        assert (decision.fire is None) == (decision.due_at is None)
        if decision.fire is not None:
            assert decision.due_at is not None
            self.shown.append((decision.fire, decision.due_at, self.now))
        self.missed.extend(decision.missed)
        self.state = self.state.recorded(decision)
        return decision

    def wait_until(self, until: datetime) -> None:
        """Time passes while the machine is awake."""
        while self.now < until:
            wake = next_wakeup(self.state, self.config, self.now)
            poll = self.now + MINUTE
            target = min(t for t in (wake, poll, until) if t is not None)
            self.clock.advance((target - self.now).total_seconds())
            self.check()

    def breathe(self, minutes: int = 5) -> None:
        """A session from now; when it ends it counts as a break."""
        self.session = True
        self.wait_until(self.now + minutes * MINUTE)
        self.session = False
        self.state = self.state.after_break(self.now)
        self.check()

    def lock_until(self, until: datetime) -> None:
        self.locked = True
        self.wait_until(until)
        self.locked = False
        self.check()

    def suspend(self, length: timedelta) -> None:
        """The machine sleeps: only the wall clock moves, then it checks on resume."""
        self.clock.jump_wall(length)
        self.check()


def run_week() -> Desk:
    """A week at an office desk, Monday 23 March to Monday 30 March 2026 (DST on Sunday)."""
    desk = Desk(OFFICE, mar(23, 7, 0))

    # Monday: first start at 07:00 counts from the 09:00 start -> 10:00.
    desk.wait_until(mar(23, 10, 0))
    desk.breathe()  # 10:00-10:05 -> next 11:05
    desk.wait_until(mar(23, 11, 5))
    desk.state = desk.state.snooze(desk.now, OFFICE)  # -> 11:15
    desk.wait_until(mar(23, 11, 15))
    desk.breathe()  # 11:15-11:20 -> next 12:20
    desk.wait_until(mar(23, 12, 20))
    desk.state = desk.state.skip(desk.now)  # -> a full hour: 13:20
    desk.wait_until(mar(23, 14, 0))  # 13:20 shown and ignored -> next would be 14:20
    desk.breathe()  # a break of her own at 14:00-14:05 -> next 15:05
    desk.wait_until(mar(23, 15, 30))  # 15:05 shown, ignored
    desk.state = desk.state.pause_until(pause_for(desk.now, 60))  # until 16:30: 16:05 is quiet
    desk.wait_until(mar(23, 23, 0))  # the grid goes on: 17:05; 18:05 is after 17:30

    # Tuesday: out of office. Pause until tomorrow, and a timer in the evening.
    desk.wait_until(mar(24, 9, 30))
    desk.state = desk.state.pause_until(pause_until_tomorrow(desk.now, OFFICE))  # Wed 09:00
    desk.wait_until(mar(24, 19, 0))
    desk.state = desk.state.set_timer(desk.now, 30)  # 19:30: after hours and paused, still fires

    # Wednesday: 10:00 and 11:00 come; asleep 11:30-14:30; locked 15:50-16:20.
    desk.wait_until(mar(25, 11, 30))
    desk.suspend(3 * HOUR)  # 12:00, 13:00, 14:00 fell due: 14:00 fires, the others missed
    desk.wait_until(mar(25, 15, 50))  # 15:00
    desk.lock_until(mar(25, 16, 20))  # 16:00 waits for the unlock
    desk.wait_until(mar(25, 23, 0))  # 17:00

    # Thursday: asleep 14:45-18:30 (lands after hours), then overnight until Fri 10:30.
    desk.wait_until(mar(26, 14, 45))  # 10:00 ... 14:00
    desk.suspend(timedelta(hours=3, minutes=45))  # 15:00, 16:00, 17:00 all missed
    desk.wait_until(mar(26, 18, 40))
    desk.suspend(mar(27, 10, 30) - desk.now)

    # Friday: 10:00 shown at 10:30; a session across 12:00; a timer at the day's end.
    desk.wait_until(mar(27, 11, 58))  # 11:00
    desk.breathe()  # 11:58-12:03: 12:00 is answered by the session -> next 13:03
    desk.wait_until(mar(27, 16, 0))  # 13:03, 14:03, 15:03
    desk.state = desk.state.set_timer(desk.now, 90)  # 17:30, the first minute after hours
    desk.wait_until(mar(27, 23, 0))  # 16:03, 17:03, timer 17:30

    # Saturday: a timer that comes due during a session waits for its end;
    # a timer across the DST night.
    desk.wait_until(mar(28, 10, 30))
    desk.state = desk.state.set_timer(desk.now, 30)  # 11:00
    desk.wait_until(mar(28, 10, 58))
    desk.breathe(6)  # 10:58-11:04
    desk.wait_until(mar(28, 23, 30))
    desk.state = desk.state.set_timer(desk.now, 180)  # 3 real hours: 23:30 CET + 3 h = 03:30 CEST

    # Sunday (clocks go forward) and the Monday after.
    desk.wait_until(mar(30, 12, 0))  # 10:00, 11:00 and 12:00 summer time
    return desk


def test_a_simulated_week_fires_exactly_the_expected_reminders() -> None:
    desk = run_week()
    s, t = "scheduled", "timer"
    expected = [
        # Monday
        (s, mar(23, 10, 0), mar(23, 10, 0)),  # 09:00 + 1 h
        (s, mar(23, 11, 5), mar(23, 11, 5)),  # break ended 10:05 + 1 h
        (s, mar(23, 11, 15), mar(23, 11, 15)),  # snoozed at 11:05 + 10 min
        (s, mar(23, 12, 20), mar(23, 12, 20)),  # break ended 11:20 + 1 h
        (s, mar(23, 13, 20), mar(23, 13, 20)),  # skipped at 12:20 + 1 h
        (s, mar(23, 15, 5), mar(23, 15, 5)),  # own break ended 14:05 + 1 h (14:20 never came)
        (s, mar(23, 17, 5), mar(23, 17, 5)),  # 16:05 fell in the pause; the grid goes on
        # Tuesday: paused all day; only the timer (19:00 + 30 min)
        (t, mar(24, 19, 30), mar(24, 19, 30)),
        # Wednesday
        (s, mar(25, 10, 0), mar(25, 10, 0)),  # the pause ended at 09:00 + 1 h
        (s, mar(25, 11, 0), mar(25, 11, 0)),
        (s, mar(25, 14, 0), mar(25, 14, 30)),  # the latest of three, shown on resume
        (s, mar(25, 15, 0), mar(25, 15, 0)),
        (s, mar(25, 16, 0), mar(25, 16, 20)),  # held back by the lock, shown on unlock
        (s, mar(25, 17, 0), mar(25, 17, 0)),
        # Thursday
        *((s, mar(26, h, 0), mar(26, h, 0)) for h in (10, 11, 12, 13, 14)),
        # Friday
        (s, mar(27, 10, 0), mar(27, 10, 30)),  # fell due during the overnight sleep
        (s, mar(27, 11, 0), mar(27, 11, 0)),
        *((s, mar(27, h, 3), mar(27, h, 3)) for h in (13, 14, 15, 16, 17)),  # 12:03 + k h
        (t, mar(27, 17, 30), mar(27, 17, 30)),  # 16:00 + 90 min, after hours
        # Saturday: 10:30 + 30 min, shown when the session ends at 11:04
        (t, mar(28, 11, 0), mar(28, 11, 4)),
        # Sunday: 23:30 CET + 3 h
        (t, local(2026, 3, 29, 3, 30), local(2026, 3, 29, 3, 30)),
        # Monday after DST: 09:00 CEST + 1 h, + 2 h, and + 3 h at the moment the run stops
        *((s, mar(30, h, 0), mar(30, h, 0)) for h in (10, 11, 12)),
    ]
    assert desk.shown == expected
    assert desk.missed == [
        mar(25, 12, 0),
        mar(25, 13, 0),
        mar(26, 15, 0),
        mar(26, 16, 0),
        mar(26, 17, 0),
    ]
    # The DST checks in plain clock terms.
    assert wall(local(2026, 3, 29, 3, 30)) == ("03:30", "+0200")
    assert (local(2026, 3, 29, 3, 30) - mar(28, 23, 30)) == 3 * HOUR
    assert wall(mar(30, 10, 0)) == ("10:00", "+0200")


def test_a_simulated_week_runs_in_well_under_a_second() -> None:
    started = perf.perf_counter()
    desk = run_week()
    elapsed = perf.perf_counter() - started
    assert desk.decisions > 8000  # it really polled about once a minute while awake
    assert elapsed < 1.0, f"a simulated week took {elapsed:.2f} s"


# --- config -----------------------------------------------------------------


def test_config_from_settings() -> None:
    settings = Settings(
        reminders_enabled=False,
        reminder_interval_minutes=45,
        snooze_minutes=5,
        working_hours=WorkingHours(days=(1, 3, 6), start="08:15", end="12:45"),
    )
    config = ScheduleConfig.from_settings(settings, AMS)
    assert config == ScheduleConfig(
        enabled=False,
        interval=timedelta(minutes=45),
        snooze=timedelta(minutes=5),
        days=frozenset({1, 3, 6}),
        start=time(8, 15),
        end=time(12, 45),
        tz=AMS,
    )


@pytest.mark.parametrize(
    "change",
    [
        {"interval": timedelta(0)},
        {"snooze": timedelta(minutes=-1)},
        {"days": frozenset()},
        {"days": frozenset({0, 1})},
        {"days": frozenset({8})},
        {"start": time(17, 30), "end": time(9, 0)},
        {"start": time(9, 0), "end": time(9, 0)},
        {"start": time(9, 0, tzinfo=UTC)},
    ],
)
def test_config_refuses_what_cannot_be_scheduled(change: dict[str, object]) -> None:
    fields: dict[str, object] = {
        "enabled": True,
        "interval": HOUR,
        "snooze": timedelta(minutes=10),
        "days": frozenset({1}),
        "start": time(9, 0),
        "end": time(17, 0),
        "tz": AMS,
    }
    fields.update(change)
    with pytest.raises(ValueError):
        ScheduleConfig(**fields)  # type: ignore[arg-type]


def test_naive_times_are_refused_not_guessed() -> None:
    naive = datetime(2026, 3, 23, 10, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        now_decide(ReminderState(), naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        ReminderState(last_break_at=naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        in_working_hours(naive, OFFICE)


def test_state_times_are_kept_in_utc() -> None:
    state = ReminderState(last_break_at=datetime(2026, 3, 23, 10, 0, tzinfo=AMS))
    assert state.last_break_at == datetime(2026, 3, 23, 9, 0, tzinfo=UTC)
    assert state.last_break_at is not None and state.last_break_at.tzinfo is UTC


# --- working hours and DST --------------------------------------------------


def test_working_hours_are_half_open_local_windows() -> None:
    assert not in_working_hours(mar(23, 8, 59), OFFICE)
    assert in_working_hours(mar(23, 9, 0), OFFICE)
    assert in_working_hours(mar(23, 17, 29), OFFICE)
    assert not in_working_hours(mar(23, 17, 30), OFFICE)
    assert not in_working_hours(mar(28, 12, 0), OFFICE)  # Saturday


def test_next_working_start_is_strictly_after() -> None:
    assert next_working_start(mar(23, 8, 0), OFFICE) == mar(23, 9, 0)
    assert next_working_start(mar(23, 9, 0), OFFICE) == mar(24, 9, 0)
    assert next_working_start(mar(27, 12, 0), OFFICE) == mar(30, 9, 0)  # Fri -> Mon (CEST)


def test_the_dst_monday_keeps_nine_to_half_past_five_local() -> None:
    # Friday before: 09:00 CET = 08:00 UTC; the Monday after: 09:00 CEST = 07:00 UTC.
    assert next_working_start(mar(27, 12, 0), OFFICE) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert in_working_hours(datetime(2026, 3, 30, 15, 29, tzinfo=UTC), OFFICE)  # 17:29 CEST
    assert not in_working_hours(datetime(2026, 3, 30, 15, 30, tzinfo=UTC), OFFICE)
    # An hourly reminder after the 09:00 start is at 10:00 local on both Mondays.
    spring = next_scheduled_due(seen(mar(27, 17, 0)), OFFICE, mar(27, 17, 0))
    assert spring == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    assert spring is not None and wall(spring) == ("10:00", "+0200")
    autumn = next_scheduled_due(
        seen(local(2026, 10, 23, 17, 0)), OFFICE, local(2026, 10, 23, 17, 0)
    )
    assert autumn == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert autumn is not None and wall(autumn) == ("10:00", "+0100")


def sunday_config(start: time, end: time, interval: timedelta = HOUR) -> ScheduleConfig:
    return ScheduleConfig(
        enabled=True,
        interval=interval,
        snooze=timedelta(minutes=10),
        days=frozenset({7}),
        start=start,
        end=end,
        tz=AMS,
    )


def reminders_of_the_day(config: ScheduleConfig, day: date) -> list[datetime]:
    """Every scheduled reminder of one local day, each accounted for as it comes."""
    now = datetime.combine(day, time(0), tzinfo=AMS).astimezone(UTC) - HOUR
    state = seen(now)
    found = []
    while (due := next_scheduled_due(state, config, now)) is not None:
        if due.astimezone(AMS).date() != day:
            break
        found.append(due)
        state, now = state.prompted(due), due
    return found


def test_hourly_reminders_across_spring_forward_are_sixty_real_minutes_apart() -> None:
    config = sunday_config(time(0, 0), time(23, 59))
    dues = reminders_of_the_day(config, date(2026, 3, 29))
    # The clock skips 02:00-03:00: one hour after 01:00 CET the clock shows 03:00 CEST.
    expected = [("01:00", "+0100")] + [(f"{h:02}:00", "+0200") for h in range(3, 24)]
    assert [wall(d) for d in dues] == expected
    assert all(b - a == HOUR for a, b in pairwise(dues))


def test_hourly_reminders_across_fall_back_include_the_repeated_hour() -> None:
    config = sunday_config(time(0, 0), time(23, 59))
    dues = reminders_of_the_day(config, date(2026, 10, 25))
    # 02:00 comes twice: first in summer time, then an hour later in winter time.
    expected = [("01:00", "+0200"), ("02:00", "+0200"), ("02:00", "+0100")]
    expected += [(f"{h:02}:00", "+0100") for h in range(3, 24)]
    assert [wall(d) for d in dues] == expected
    assert all(b - a == HOUR for a, b in pairwise(dues))


def test_a_window_start_in_the_spring_gap_moves_to_the_end_of_the_gap() -> None:
    config = sunday_config(time(2, 30), time(6, 0), interval=timedelta(minutes=30))
    # 02:30 does not exist on 29 March: the clock shows 03:00 CEST first.
    start = next_working_start(mar(28, 12, 0), config)
    assert wall(start) == ("03:00", "+0200")
    assert next_scheduled_due(ReminderState(), config, mar(28, 12, 0)) == start + 30 * MINUTE


def test_a_window_end_in_the_spring_gap_closes_at_the_end_of_the_gap() -> None:
    config = sunday_config(time(1, 0), time(2, 30))
    assert in_working_hours(local(2026, 3, 29, 1, 59), config)  # 01:59 CET
    assert not in_working_hours(local(2026, 3, 29, 3, 0), config)  # 03:00 CEST, the gap's end


def test_a_window_start_in_the_repeated_hour_takes_its_first_occurrence() -> None:
    config = sunday_config(time(2, 30), time(6, 0))
    first = local(2026, 10, 25, 2, 30, fold=0)
    assert next_working_start(local(2026, 10, 24, 12, 0), config) == first
    assert first == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    # The window is one stretch of real time: the second 02:15 lies inside it.
    assert in_working_hours(local(2026, 10, 25, 2, 15, fold=1), config)
    assert not in_working_hours(local(2026, 10, 25, 2, 15, fold=0), config)


# --- the grid -----------------------------------------------------------------


def test_first_start_counts_from_now_and_leaves_no_backlog() -> None:
    # First start at 14:05 on a Monday: nothing before it is missed or fired.
    now = mar(23, 14, 5)
    decision = now_decide(ReminderState(), now)
    assert decision == Decision(fire=None, due_at=None, missed=(), settled=now)
    state = ReminderState().recorded(decision)
    assert next_scheduled_due(state, OFFICE, now) == now + HOUR
    # Before working hours the first reminder is an interval after the start.
    early = ReminderState().recorded(now_decide(ReminderState(), mar(23, 7, 0)))
    assert next_scheduled_due(early, OFFICE, mar(23, 7, 0)) == mar(23, 10, 0)


def test_a_break_before_working_hours_counts_from_the_start() -> None:
    state = ReminderState(last_break_at=mar(23, 8, 50))
    assert next_scheduled_due(state, OFFICE, mar(23, 8, 55)) == mar(23, 10, 0)


def test_a_reminder_that_would_pass_the_end_moves_to_the_next_window() -> None:
    state = ReminderState(last_break_at=mar(23, 16, 45))  # 17:45 is after 17:30
    assert next_scheduled_due(state, OFFICE, mar(23, 16, 50)) == mar(24, 10, 0)
    friday = ReminderState(last_break_at=mar(27, 16, 45))
    assert next_scheduled_due(friday, OFFICE, mar(27, 16, 50)) == mar(30, 10, 0)


def test_an_interval_longer_than_the_window_never_reminds() -> None:
    config = ScheduleConfig(
        enabled=True,
        interval=timedelta(minutes=240),
        snooze=timedelta(minutes=10),
        days=frozenset({1}),
        start=time(9, 0),
        end=time(12, 0),
        tz=AMS,
    )
    assert next_scheduled_due(ReminderState(), config, mar(23, 8, 0)) is None
    assert next_wakeup(ReminderState(), config, mar(23, 8, 0)) is None


def test_reminders_off_means_no_schedule_and_no_backlog_when_switched_on() -> None:
    off = ScheduleConfig(
        enabled=False,
        interval=OFFICE.interval,
        snooze=OFFICE.snooze,
        days=OFFICE.days,
        start=OFFICE.start,
        end=OFFICE.end,
        tz=AMS,
    )
    state = seen(mar(23, 10, 0))
    assert next_scheduled_due(state, off, mar(23, 10, 30)) is None
    decision = now_decide(state, mar(23, 15, 10), off)
    assert (decision.fire, decision.missed) == (None, ())
    state = state.recorded(decision)
    # Switched back on at 15:10: nothing from 11:00-15:00 is reported; next is 16:10.
    assert now_decide(state, mar(23, 15, 10)).empty
    assert next_scheduled_due(state, OFFICE, mar(23, 15, 10)) == mar(23, 16, 10)


# --- snooze, skip, prompt -------------------------------------------------------


def test_snooze_and_skip_differ() -> None:
    shown = seen(mar(23, 10, 0))
    snoozed = shown.snooze(mar(23, 10, 1), OFFICE)
    skipped = shown.skip(mar(23, 10, 1))
    assert next_scheduled_due(snoozed, OFFICE, mar(23, 10, 1)) == mar(23, 10, 11)  # + 10 min
    assert next_scheduled_due(skipped, OFFICE, mar(23, 10, 1)) == mar(23, 11, 1)  # + 1 h
    assert skipped.last_break_at is None  # a skip is not a break


def test_after_a_snoozed_reminder_the_grid_continues_from_it() -> None:
    state = seen(mar(23, 10, 0)).snooze(mar(23, 10, 2), OFFICE)  # 10:12
    decision = now_decide(state, mar(23, 10, 12))
    assert (decision.fire, decision.due_at) == ("scheduled", mar(23, 10, 12))
    state = state.recorded(decision)
    assert state.snoozed_until is None
    assert next_scheduled_due(state, OFFICE, mar(23, 10, 12)) == mar(23, 11, 12)


def test_a_snooze_overrides_an_earlier_regular_reminder() -> None:
    # Every 10 minutes, snoozed for 10 minutes at 10:03: not 10:10, but 10:13.
    config = ScheduleConfig(
        enabled=True,
        interval=timedelta(minutes=10),
        snooze=timedelta(minutes=10),
        days=OFFICE.days,
        start=OFFICE.start,
        end=OFFICE.end,
        tz=AMS,
    )
    state = seen(mar(23, 10, 0)).snooze(mar(23, 10, 3), config)
    assert next_scheduled_due(state, config, mar(23, 10, 3)) == mar(23, 10, 13)
    assert now_decide(state, mar(23, 10, 10), config).empty


def test_a_snooze_past_the_end_of_the_day_moves_to_the_next_window() -> None:
    state = seen(mar(23, 17, 0)).snooze(mar(23, 17, 25), OFFICE)  # 17:35 is after hours
    assert next_scheduled_due(state, OFFICE, mar(23, 17, 25)) == mar(24, 10, 0)
    decision = now_decide(state, mar(23, 17, 40))
    assert decision.empty


def test_a_break_answers_a_snooze() -> None:
    state = seen(mar(23, 10, 0)).snooze(mar(23, 10, 1), OFFICE).after_break(mar(23, 10, 6))
    assert state.snoozed_until is None
    assert next_scheduled_due(state, OFFICE, mar(23, 10, 6)) == mar(23, 11, 6)


def test_never_the_same_due_time_twice() -> None:
    state = seen(mar(23, 10, 0))
    first = now_decide(state, mar(23, 11, 0))
    assert (first.fire, first.due_at) == ("scheduled", mar(23, 11, 0))
    prompted = state.prompted(mar(23, 11, 0))
    assert now_decide(prompted, mar(23, 11, 0)).empty
    assert now_decide(prompted, mar(23, 11, 30)).empty
    assert now_decide(state.recorded(first), mar(23, 11, 0)).empty


def test_an_ignored_reminder_is_followed_an_interval_later() -> None:
    state = seen(mar(23, 11, 0))
    assert next_scheduled_due(state, OFFICE, mar(23, 11, 10)) == mar(23, 12, 0)


# --- suspend and clock jumps ----------------------------------------------------


def test_waking_inside_working_hours_fires_only_the_latest() -> None:
    clock = ManualClock(start=mar(23, 10, 30))
    state = seen(mar(23, 10, 0))
    clock.jump_wall(3 * HOUR)  # asleep 10:30-13:30: 11:00, 12:00, 13:00 fell due
    decision = now_decide(state, clock.now())
    assert decision == Decision(
        fire="scheduled",
        due_at=mar(23, 13, 0),
        missed=(mar(23, 11, 0), mar(23, 12, 0)),
        settled=mar(23, 13, 0),
    )
    state = state.recorded(decision)
    assert now_decide(state, clock.now()).empty
    assert next_wakeup(state, OFFICE, clock.now()) == mar(23, 14, 0)


def test_waking_after_working_hours_fires_nothing_and_misses_all() -> None:
    clock = ManualClock(start=mar(23, 15, 30))
    state = seen(mar(23, 15, 0))
    clock.jump_wall(3 * HOUR)  # 18:30: 16:00 and 17:00 fell due, 18:00 is after hours
    decision = now_decide(state, clock.now())
    assert decision == Decision(
        fire=None, due_at=None, missed=(mar(23, 16, 0), mar(23, 17, 0)), settled=mar(23, 17, 0)
    )
    assert now_decide(state.recorded(decision), clock.now()).empty


def test_an_overnight_sleep_misses_yesterdays_and_fires_todays() -> None:
    clock = ManualClock(start=mar(23, 16, 30))
    state = seen(mar(23, 16, 0))
    clock.jump_wall(mar(24, 10, 30) - mar(23, 16, 30))
    decision = now_decide(state, clock.now())
    # Yesterday's 17:00 is missed; today's 10:00 (09:00 + 1 h) is still in its window.
    assert decision == Decision(
        fire="scheduled", due_at=mar(24, 10, 0), missed=(mar(23, 17, 0),), settled=mar(24, 10, 0)
    )


def test_a_reminder_from_before_a_sleep_does_not_fire_in_the_next_window() -> None:
    state = seen(mar(23, 16, 0))
    decision = now_decide(state, mar(24, 9, 15))  # 17:00 yesterday; today's first is 10:00
    assert decision == Decision(
        fire=None, due_at=None, missed=(mar(23, 17, 0),), settled=mar(23, 17, 0)
    )


def test_dues_that_fell_in_a_pause_are_neither_fired_nor_missed() -> None:
    state = seen(mar(23, 10, 0)).pause_until(mar(23, 12, 30))
    decision = now_decide(state, mar(23, 12, 45))  # 11:00 and 12:00 were paused
    assert decision.empty
    assert next_scheduled_due(state, OFFICE, mar(23, 12, 45)) == mar(23, 13, 0)


def test_waking_inside_a_pause_fires_nothing() -> None:
    state = seen(mar(23, 10, 0)).pause_until(mar(23, 16, 0))
    assert now_decide(state, mar(23, 14, 30)).empty
    assert next_scheduled_due(state, OFFICE, mar(23, 14, 30)) == mar(23, 16, 0)


def test_a_sleep_across_fall_back_steps_through_the_repeated_hour() -> None:
    config = sunday_config(time(0, 0), time(6, 0), interval=30 * MINUTE)
    state = seen(local(2026, 10, 25, 1, 0))  # 01:00 CEST = 23:00 UTC
    # Asleep until 03:10 CET (02:10 UTC): every half hour of real time fell due,
    # 02:00 and 02:30 twice over (summer time, then winter time).
    decision = now_decide(state, local(2026, 10, 25, 3, 10), config)
    shown = [wall(d) for d in decision.missed]
    assert shown == [
        ("01:30", "+0200"),
        ("02:00", "+0200"),
        ("02:30", "+0200"),
        ("02:00", "+0100"),
        ("02:30", "+0100"),
    ]
    assert decision.due_at is not None and wall(decision.due_at) == ("03:00", "+0100")


def test_a_sleep_across_spring_forward_skips_the_missing_hour() -> None:
    config = sunday_config(time(0, 0), time(6, 0), interval=30 * MINUTE)
    state = seen(local(2026, 3, 29, 1, 0))  # 01:00 CET = 00:00 UTC
    # Asleep until 04:10 CEST (02:10 UTC): 00:30, 01:00, 01:30 UTC fell due.
    decision = now_decide(state, local(2026, 3, 29, 4, 10), config)
    shown = [wall(d) for d in decision.missed]
    assert shown == [("01:30", "+0100"), ("03:00", "+0200"), ("03:30", "+0200")]
    assert decision.due_at is not None and wall(decision.due_at) == ("04:00", "+0200")


def test_an_app_closed_for_two_years_catches_up_in_one_decision() -> None:
    # One reminder a week: Mondays 09:00-10:00, every 30 minutes -> only 09:30.
    config = ScheduleConfig(
        enabled=True,
        interval=30 * MINUTE,
        snooze=OFFICE.snooze,
        days=frozenset({1}),
        start=time(9, 0),
        end=time(10, 0),
        tz=AMS,
    )
    state = seen(local(2024, 3, 18, 9, 30))
    decision = now_decide(state, mar(23, 9, 45), config)
    assert decision.due_at == mar(23, 9, 30)
    mondays = [date(2024, 3, 25) + timedelta(weeks=w) for w in range(104)]  # to 16 March 2026
    assert mondays[-1] == date(2026, 3, 16)
    assert decision.missed == tuple(local(d.year, d.month, d.day, 9, 30) for d in mondays)
    assert now_decide(state.recorded(decision), mar(23, 9, 45), config).empty


def test_a_clock_set_back_resumes_an_interval_later() -> None:
    # The clock was a day ahead; now it is corrected to Monday 10:30.
    state = ReminderState(last_break_at=mar(24, 10, 0), last_prompt_at=mar(24, 11, 0))
    decision = now_decide(state, mar(23, 10, 30))
    assert decision == Decision(fire=None, due_at=None, missed=(), settled=mar(23, 10, 30))
    state = state.recorded(decision)
    assert state.last_break_at == mar(23, 10, 30)
    assert next_scheduled_due(state, OFFICE, mar(23, 10, 30)) == mar(23, 11, 30)


# --- pauses -------------------------------------------------------------------


def test_pause_for_an_hour_then_the_grid_goes_on() -> None:
    state = seen(mar(23, 10, 0))
    paused = state.pause_until(pause_for(mar(23, 10, 30), 60))  # 10:30-11:30
    assert is_paused(paused, mar(23, 11, 29)) and not is_paused(paused, mar(23, 11, 30))
    assert now_decide(paused, mar(23, 11, 0)).empty
    assert next_scheduled_due(paused, OFFICE, mar(23, 10, 30)) == mar(23, 12, 0)


def test_resume_with_now_does_not_revive_what_the_pause_held_back() -> None:
    paused = seen(mar(23, 10, 0)).pause_until(mar(23, 17, 30))
    resumed = paused.resume(mar(23, 11, 15))
    assert not is_paused(resumed, mar(23, 11, 15))
    assert now_decide(resumed, mar(23, 11, 15)).empty  # 11:00 stays quiet
    assert next_scheduled_due(resumed, OFFICE, mar(23, 11, 15)) == mar(23, 12, 0)
    # Without now the pause is forgotten and 11:00 comes due again (documented).
    forgotten = paused.resume()
    assert now_decide(forgotten, mar(23, 11, 15)).due_at == mar(23, 11, 0)


def test_pause_until_tomorrow() -> None:
    assert pause_until_tomorrow(mar(23, 12, 0), OFFICE) == mar(24, 9, 0)
    assert pause_until_tomorrow(mar(27, 12, 0), OFFICE) == mar(30, 9, 0)  # Friday -> Monday
    assert pause_until_tomorrow(mar(28, 12, 0), OFFICE) == mar(30, 9, 0)  # Saturday
    # Before today's start "tomorrow" still means the next day ...
    assert pause_until_tomorrow(mar(24, 7, 0), OFFICE) == mar(25, 9, 0)
    # ... but just after midnight the day has not turned yet (days start at 04:00).
    assert pause_until_tomorrow(mar(24, 0, 30), OFFICE) == mar(24, 9, 0)


def test_pause_for_refuses_nonsense() -> None:
    for minutes in (0, -5, True):
        with pytest.raises(ValueError):
            pause_for(mar(23, 10, 0), minutes)


# --- timer ----------------------------------------------------------------------


def test_timer_range() -> None:
    state = ReminderState()
    assert state.set_timer(mar(23, 10, 0), 1).timer_due_at == mar(23, 10, 1)
    assert state.set_timer(mar(23, 10, 0), 720).timer_due_at == mar(23, 22, 0)
    for minutes in (0, 721, -1, True):
        with pytest.raises(ValueError):
            state.set_timer(mar(23, 10, 0), minutes)


def test_timer_ignores_working_hours_pauses_and_the_reminders_switch() -> None:
    state = ReminderState().set_timer(mar(28, 21, 0), 30).pause_until(mar(30, 9, 0))
    assert next_timer_due(state) == mar(28, 21, 30)  # Saturday evening
    assert next_wakeup(state, OFFICE, mar(28, 21, 0)) == mar(28, 21, 30)
    decision = now_decide(state, mar(28, 21, 30))
    assert (decision.fire, decision.due_at) == ("timer", mar(28, 21, 30))
    assert state.recorded(decision).timer_due_at is None


def test_timer_survives_a_suspend() -> None:
    clock = ManualClock(start=mar(23, 10, 0))
    state = seen(mar(23, 9, 30)).set_timer(clock.now(), 20)  # due 10:20
    clock.jump_wall(2 * HOUR)  # asleep until 12:00
    decision = now_decide(state, clock.now())
    assert (decision.fire, decision.due_at) == ("timer", mar(23, 10, 20))
    # 10:30 and 11:30 fell due too: the timer fires instead of 11:30, 10:30 is missed.
    assert decision.missed == (mar(23, 10, 30),)
    assert decision.settled == mar(23, 11, 30)
    after = state.recorded(decision)
    assert now_decide(after, clock.now()).empty
    assert next_wakeup(after, OFFICE, clock.now()) == mar(23, 12, 30)


def test_timer_waits_for_a_session_and_a_locked_screen() -> None:
    state = ReminderState().set_timer(mar(23, 10, 0), 10)
    assert now_decide(state, mar(23, 10, 15), session=True).empty
    assert now_decide(state, mar(23, 10, 15), locked=True).empty
    # Waiting never makes the caller spin: the next wake-up is in the future.
    wake = next_wakeup(state, OFFICE, mar(23, 10, 15))
    assert wake is None or wake > mar(23, 10, 15)
    assert now_decide(state, mar(23, 10, 16)).fire == "timer"


def test_a_timer_and_a_scheduled_reminder_at_once_show_one_prompt() -> None:
    state = seen(mar(23, 10, 0)).set_timer(mar(23, 10, 30), 30)  # both due at 11:00
    decision = now_decide(state, mar(23, 11, 0))
    assert decision == Decision(
        fire="timer", due_at=mar(23, 11, 0), missed=(), settled=mar(23, 11, 0)
    )
    after = state.recorded(decision)
    assert now_decide(after, mar(23, 11, 1)).empty  # the scheduled one is satisfied
    assert next_wakeup(after, OFFICE, mar(23, 11, 1)) == mar(23, 12, 0)


def test_cancel_timer() -> None:
    state = ReminderState().set_timer(mar(23, 10, 0), 10).cancel_timer()
    assert next_timer_due(state) is None
    assert now_decide(state, mar(23, 10, 30)).fire is None


# --- sessions and locks ---------------------------------------------------------


def test_a_reminder_due_during_a_session_is_answered_by_it() -> None:
    state = seen(mar(23, 10, 0))
    assert now_decide(state, mar(23, 11, 0), session=True).empty
    state = state.after_break(mar(23, 11, 3))
    assert now_decide(state, mar(23, 11, 3)).empty
    assert next_scheduled_due(state, OFFICE, mar(23, 11, 3)) == mar(23, 12, 3)


def test_a_reminder_due_while_locked_shows_on_unlock_if_still_in_hours() -> None:
    state = seen(mar(23, 16, 0))
    assert now_decide(state, mar(23, 17, 0), locked=True).empty
    assert now_decide(state, mar(23, 17, 10)).due_at == mar(23, 17, 0)
    late = now_decide(state, mar(23, 17, 40))  # unlocked after hours
    assert (late.fire, late.missed) == (None, (mar(23, 17, 0),))
