"""Reading the room: worked examples of ``core.room_flow.check`` over a Monday.

Monday 5 January 2026 in Amsterdam, office hours 09:00-17:30, a reminder
every 60 minutes after a 09:00 break, so the first is due at 10:00. Each test
walks the check the service runs: without a snapshot it asks for one; with
one it decides. Expected times are worked out by hand from the rules in the
``herstel.core.room`` docstring.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from herstel.core.room import (
    LONG_CALL,
    MAX_WAIT,
    RoomConfig,
    RoomSnapshot,
    RoomState,
    Sense,
    busy_reason,
    is_away,
    wait_limit,
)
from herstel.core.room_flow import Check, check
from herstel.core.schedule import ReminderState, ScheduleConfig, next_scheduled_due
from herstel.core.settings import Settings

AMS = ZoneInfo("Europe/Amsterdam")
OFFICE = ScheduleConfig(
    enabled=True,
    interval=timedelta(minutes=60),
    snooze=timedelta(minutes=10),
    days=frozenset({1, 2, 3, 4, 5}),
    start=time(9, 0),
    end=time(17, 30),
    tz=AMS,
)
ROOM = RoomConfig()
FREE = RoomSnapshot(idle_seconds=3)
IN_CALL = RoomSnapshot(in_call=True, idle_seconds=3)
FULL = RoomSnapshot(full_screen=True, idle_seconds=3)
DND = RoomSnapshot(do_not_disturb=True, idle_seconds=3)


def at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A local Amsterdam wall time on Monday 5 January 2026, as UTC."""
    return datetime(2026, 1, 5, hour, minute, second, tzinfo=AMS).astimezone(UTC)


def away_for(minutes: float) -> RoomSnapshot:
    return RoomSnapshot(idle_seconds=minutes * 60)


AFTER_BREAK = ReminderState(last_break_at=at(9))


class Room:
    """Runs checks the way the service does, keeping the schedule and room state."""

    def __init__(self, state: ReminderState = AFTER_BREAK, config: RoomConfig = ROOM) -> None:
        self.state = state
        self.room = RoomState()
        self.config = config
        self.last: Check | None = None

    def at(self, now: datetime, snapshot: RoomSnapshot | None) -> Check:
        first = check(
            self.state,
            self.room,
            OFFICE,
            self.config,
            now,
            None,
            session_running=False,
            screen_locked=False,
        )
        result = first
        if first.needs_room:
            assert snapshot is not None, "the check asked for the senses"
            result = check(
                self.state,
                self.room,
                OFFICE,
                self.config,
                now,
                snapshot,
                session_running=False,
                screen_locked=False,
            )
        self.state, self.room, self.last = result.state, result.room, result
        return result


def test_nothing_due_needs_no_senses() -> None:
    result = check(
        AFTER_BREAK,
        RoomState(),
        OFFICE,
        ROOM,
        at(9, 30),
        None,
        session_running=False,
        screen_locked=False,
    )
    assert not result.needs_room
    assert result.show is None


def test_a_free_user_sees_the_reminder_when_it_is_due() -> None:
    first = check(
        AFTER_BREAK,
        RoomState(),
        OFFICE,
        ROOM,
        at(10),
        None,
        session_running=False,
        screen_locked=False,
    )
    assert first.needs_room and first.state == AFTER_BREAK  # due: the senses are asked first
    room = Room()
    result = room.at(at(10), FREE)
    assert result.show is not None and result.show.due_at == at(10)
    assert result.episodes == ()
    assert next_scheduled_due(room.state, OFFICE, at(10)) == at(11)


@pytest.mark.parametrize(
    ("snapshot", "reason"),
    [(IN_CALL, Sense.CALL), (FULL, Sense.FULL_SCREEN), (DND, Sense.DO_NOT_DISTURB)],
)
def test_a_busy_user_gets_the_reminder_when_free_with_the_wait_recorded(
    snapshot: RoomSnapshot, reason: Sense
) -> None:
    room = Room()
    waiting = room.at(at(10), snapshot)
    assert waiting.show is None and waiting.waiting is reason
    assert room.at(at(10, 1), snapshot).show is None  # the minute check: still busy
    shown = room.at(at(10, 2), FREE)
    assert shown.show is not None and shown.show.due_at == at(10)
    assert [(e.reason, e.started_at, e.ended_at, e.kind, e.due_at) for e in shown.episodes] == [
        (reason, at(10), at(10, 2), "scheduled", at(10))
    ]
    # Shown at 10:02 for the 10:00 slot: the grid keeps its rhythm.
    assert next_scheduled_due(room.state, OFFICE, at(10, 2)) == at(11)


def test_a_switched_off_sense_does_not_hold_a_reminder_back() -> None:
    room = Room(config=RoomConfig(senses=frozenset(Sense) - {Sense.CALL}))
    assert room.at(at(10), IN_CALL).show is not None


def test_busy_reasons_in_order_and_only_when_switched_on() -> None:
    everything = RoomSnapshot(in_call=True, full_screen=True, do_not_disturb=True)
    assert busy_reason(everything, ROOM) is Sense.CALL
    no_call = RoomConfig(senses=frozenset({Sense.FULL_SCREEN, Sense.DO_NOT_DISTURB}))
    assert busy_reason(everything, no_call) is Sense.FULL_SCREEN
    assert busy_reason(everything, RoomConfig(senses=frozenset())) is None
    assert busy_reason(RoomSnapshot(), ROOM) is None


def test_a_change_of_reason_is_a_new_stretch_of_the_wait() -> None:
    room = Room()
    room.at(at(10), IN_CALL)
    changed = room.at(at(10, 20), FULL)
    assert [(e.reason, e.started_at, e.ended_at) for e in changed.episodes] == [
        (Sense.CALL, at(10), at(10, 20))
    ]
    shown = room.at(at(10, 25), FREE)
    assert [(e.reason, e.started_at, e.ended_at) for e in shown.episodes] == [
        (Sense.FULL_SCREEN, at(10, 20), at(10, 25))
    ]


def test_a_scheduled_reminder_waits_no_longer_than_its_limit_and_is_missed() -> None:
    room = Room(state=ReminderState(last_break_at=at(14, 30)))  # due 15:30
    assert wait_limit(at(15, 30), OFFICE) == at(17, 30)  # the end of working hours comes first
    assert wait_limit(at(10), OFFICE) == at(10) + MAX_WAIT
    room.at(at(15, 30), FULL)
    still = room.at(at(16, 29), FULL)
    assert still.waiting is Sense.FULL_SCREEN and not still.missed
    # At 16:30 the next slot replaces it: the 15:30 one is missed, never a burst.
    replaced = room.at(at(16, 30), FULL)
    assert replaced.missed == (("scheduled", at(15, 30)),)
    assert [(e.due_at, e.ended_at) for e in replaced.episodes] == [(at(15, 30), at(16, 30))]
    assert replaced.waiting is Sense.FULL_SCREEN and replaced.room.waiting is not None
    assert replaced.room.waiting.due_at == at(16, 30)
    # The 16:30 one waits until working hours end at 17:30, then it too is missed.
    late = room.at(at(17, 30), FULL)
    assert late.missed == (("scheduled", at(16, 30)),)
    assert late.show is None and late.waiting is None
    assert room.at(at(17, 45), FREE).show is None  # nothing comes back after hours


def test_the_limit_gives_up_before_the_next_slot_with_a_long_interval() -> None:
    config = replace(OFFICE, interval=timedelta(minutes=240))
    state = ReminderState(last_break_at=at(9))  # due 13:00, next 17:00
    room = RoomState()
    for now in (at(13), at(14), at(14, 59)):
        result = check(
            state, room, config, ROOM, now, DND, session_running=False, screen_locked=False
        )
        state, room = result.state, result.room
        assert result.show is None and not result.missed
    result = check(
        state, room, config, ROOM, at(15), DND, session_running=False, screen_locked=False
    )
    assert result.missed == (("scheduled", at(13)),)
    assert result.room.waiting is None
    assert next_scheduled_due(result.state, config, at(15)) == at(17)


def test_a_timer_waits_through_a_call_as_long_as_it_takes() -> None:
    room = Room(state=ReminderState(last_break_at=at(9), timer_due_at=at(9, 20)))
    for minute in range(20, 60 * 9, 7):  # all day and past working hours
        result = room.at(at(9) + timedelta(minutes=minute), IN_CALL)
        assert result.show is None
        assert all(kind != "timer" for kind, _ in result.missed)
    shown = room.at(at(18, 30), FREE)
    assert shown.show is not None and shown.show.kind == "timer"
    assert room.state.timer_due_at is None


def test_time_away_is_a_natural_break_and_the_interval_restarts_on_return() -> None:
    room = Room()
    # Gone since 09:40; the 10:00 reminder is settled, not shown, not missed.
    result = room.at(at(10), away_for(20))
    assert result.show is None and result.missed == ()
    assert result.room.away_since == at(9, 40)
    # Still away at the minute checks; nothing fires.
    for minute in range(1, 50, 9):
        assert room.at(at(10, minute), away_for(20 + minute)).show is None
    # Back at 10:52 (seen at 10:53, idle one minute): a natural break 09:40-10:52.
    back = room.at(at(10, 53), away_for(1))
    assert [(e.reason, e.started_at, e.ended_at, e.natural_break) for e in back.episodes] == [
        (Sense.AWAY, at(9, 40), at(10, 52), True)
    ]
    assert back.show is None and not back.room.watching
    assert next_scheduled_due(room.state, OFFICE, at(10, 53)) == at(11, 52)
    assert room.state.last_break_at == at(9)  # a natural break is not a session


def test_a_short_time_away_is_not_a_break() -> None:
    room = Room()
    result = room.at(at(10), away_for(4.9))
    assert result.show is not None


def test_away_threshold_follows_the_setting() -> None:
    ten = RoomConfig(away_after=timedelta(minutes=10))
    assert not is_away(away_for(9), ten)
    assert is_away(away_for(10), ten)
    assert not is_away(away_for(60), RoomConfig(senses=frozenset({Sense.CALL})))
    assert not is_away(RoomSnapshot(idle_seconds=None), ROOM)


def test_a_timer_due_while_away_shows_on_return() -> None:
    room = Room(state=ReminderState(last_break_at=at(9), timer_due_at=at(9, 30)))
    assert room.at(at(9, 30), away_for(10)).show is None
    for minute in range(31, 120, 11):
        now = at(9) + timedelta(minutes=minute)
        assert room.at(now, away_for(minute - 20)).show is None
    back = room.at(at(11, 5), away_for(0.5))
    assert back.show is not None and back.show.kind == "timer" and back.show.due_at == at(9, 30)
    assert [e.reason for e in back.episodes] == [Sense.AWAY]


def test_a_timer_due_while_away_waits_for_a_call_after_the_return() -> None:
    room = Room(state=ReminderState(last_break_at=at(9), timer_due_at=at(9, 30)))
    room.at(at(9, 30), away_for(10))
    back_in_a_call = room.at(at(9, 50), RoomSnapshot(in_call=True, idle_seconds=5))
    assert back_in_a_call.show is None and back_in_a_call.waiting is Sense.CALL
    assert room.at(at(9, 55), FREE).show is not None


def test_after_a_long_call_a_one_minute_reset_is_offered_when_switched_on() -> None:
    reset_on = RoomConfig(post_call_reset=True)
    room = Room(config=reset_on)
    room.at(at(10), IN_CALL)
    shown = room.at(at(10) + LONG_CALL, FREE)
    assert shown.show is not None and shown.show.reset
    short = Room(config=reset_on)
    short.at(at(10), IN_CALL)
    result = short.at(at(10) + LONG_CALL - timedelta(seconds=1), FREE)
    assert result.show is not None and not result.show.reset
    off = Room()
    off.at(at(10), IN_CALL)
    result = off.at(at(10, 30), FREE)
    assert result.show is not None and not result.show.reset


def test_a_session_or_a_locked_screen_still_holds_everything_back() -> None:
    room = Room()
    room.at(at(10), IN_CALL)
    for running, locked in ((True, False), (False, True)):
        result = check(
            room.state,
            room.room,
            OFFICE,
            ROOM,
            at(10, 5),
            FREE,
            session_running=running,
            screen_locked=locked,
        )
        assert result.show is None and not result.needs_room
        assert [e.reason for e in result.episodes] == [Sense.CALL]  # the wait closes


def test_room_config_from_settings() -> None:
    settings = Settings(sense_call=False, away_minutes=12, post_call_reset=True)
    config = RoomConfig.from_settings(settings)
    assert config.senses == {Sense.AWAY, Sense.FULL_SCREEN, Sense.DO_NOT_DISTURB}
    assert config.away_after == timedelta(minutes=12)
    assert config.post_call_reset
    assert RoomConfig.from_settings(Settings()).senses == set(Sense)
