"""Properties of reading the room, over any run of checks the service could make.

Each example is a working week's worth of checks at random moments with
random senses, switches and sessions, run through ``room_flow.check`` exactly
as the service runs it (ask, then decide with the snapshot), against the real
schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from herstel.core.reminder_flow import Shown
from herstel.core.room import RoomConfig, RoomSnapshot, RoomState, Sense, busy_reason, is_away
from herstel.core.room_flow import Check, check
from herstel.core.schedule import ReminderState, ScheduleConfig, next_scheduled_due

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_8 = datetime(2026, 1, 5, 8, 0, tzinfo=AMS).astimezone(UTC)


@st.composite
def schedule_configs(draw: st.DrawFn) -> ScheduleConfig:
    start = draw(st.integers(6, 11))
    return ScheduleConfig(
        enabled=draw(st.integers(0, 9)) > 0,
        interval=timedelta(minutes=draw(st.integers(10, 240))),
        snooze=timedelta(minutes=10),
        days=frozenset({1, 2, 3, 4, 5}),
        start=time(start),
        end=time(draw(st.integers(start + 1, 23))),
        tz=AMS,
    )


room_configs = st.builds(
    RoomConfig,
    senses=st.frozensets(st.sampled_from(list(Sense))),
    away_after=st.integers(1, 30).map(lambda m: timedelta(minutes=m)),
    post_call_reset=st.booleans(),
)

snapshots = st.builds(
    RoomSnapshot,
    in_call=st.booleans(),
    full_screen=st.booleans(),
    do_not_disturb=st.booleans(),
    idle_seconds=st.one_of(st.none(), st.floats(0, 3 * 3600), st.integers(0, 600)),
)


@dataclass(frozen=True)
class Tick:
    minutes: int  # after the previous check
    snapshot: RoomSnapshot
    session_running: bool
    set_timer: int | None  # "remind me in …" set just before this check


ticks = st.builds(
    Tick,
    minutes=st.integers(0, 90),
    snapshot=snapshots,
    session_running=st.integers(0, 19).map(lambda n: n == 0),
    set_timer=st.one_of(st.none(), st.none(), st.none(), st.integers(1, 120)),
)


@dataclass
class Seen:
    now: datetime
    tick: Tick
    before: ReminderState
    result: Check


def run(
    config: ScheduleConfig, room_config: RoomConfig, start_offset: int, plan: list[Tick]
) -> list[Seen]:
    now = MONDAY_8 + timedelta(minutes=start_offset)
    state, room = ReminderState(last_break_at=now), RoomState()
    seen: list[Seen] = []
    for tick in plan:
        now += timedelta(minutes=tick.minutes)
        if tick.set_timer is not None:
            state = state.set_timer(now, tick.set_timer)
        flags = {"session_running": tick.session_running, "screen_locked": False}
        result = check(state, room, config, room_config, now, None, **flags)
        if result.needs_room:
            result = check(state, room, config, room_config, now, tick.snapshot, **flags)
        seen.append(Seen(now, tick, state, result))
        state, room = result.state, result.room
    return seen


runs = st.tuples(
    schedule_configs(), room_configs, st.integers(0, 600), st.lists(ticks, max_size=40)
)


@settings(max_examples=300, deadline=None)
@given(runs)
def test_no_reminder_shows_while_a_switched_on_sense_says_busy_or_away(
    case: tuple[ScheduleConfig, RoomConfig, int, list[Tick]],
) -> None:
    config, room_config, offset, plan = case
    for step in run(config, room_config, offset, plan):
        if step.result.show is not None:
            assert busy_reason(step.tick.snapshot, room_config) is None
            assert not is_away(step.tick.snapshot, room_config)
            assert not step.tick.session_running


@settings(max_examples=300, deadline=None)
@given(runs)
def test_a_due_timer_is_never_lost(
    case: tuple[ScheduleConfig, RoomConfig, int, list[Tick]],
) -> None:
    """A timer stays set until it is shown, is never missed, and shows at the first free check."""
    config, room_config, offset, plan = case
    for step in run(config, room_config, offset, plan):
        timer = step.before.timer_due_at  # including one set just before this check
        assert all(kind != "timer" for kind, _ in step.result.missed)
        if timer is None:
            continue
        shown = step.result.show == Shown("timer", timer)
        assert shown or step.result.state.timer_due_at == timer
        free = (
            busy_reason(step.tick.snapshot, room_config) is None
            and not is_away(step.tick.snapshot, room_config)
            and not step.tick.session_running
        )
        if free and timer <= step.now:
            assert shown


@settings(max_examples=300, deadline=None)
@given(runs)
def test_a_natural_break_restarts_the_interval_from_the_return(
    case: tuple[ScheduleConfig, RoomConfig, int, list[Tick]],
) -> None:
    config, room_config, offset, plan = case
    for step in run(config, room_config, offset, plan):
        breaks = [e for e in step.result.episodes if e.natural_break]
        if not breaks or step.tick.session_running:
            continue
        back = breaks[-1].ended_at
        assert back <= step.now
        assert step.result.show is None or step.result.show.kind == "timer"
        following = next_scheduled_due(step.result.state, config, step.now)
        assert following is None or following >= back + config.interval


@settings(max_examples=200, deadline=None)
@given(runs)
def test_each_scheduled_reminder_is_shown_or_missed_at_most_once(
    case: tuple[ScheduleConfig, RoomConfig, int, list[Tick]],
) -> None:
    config, room_config, offset, plan = case
    outcomes: list[tuple[str, datetime]] = []
    for step in run(config, room_config, offset, plan):
        outcomes.extend(step.result.missed)
        if step.result.show is not None:
            outcomes.append((step.result.show.kind, step.result.show.due_at))
        for episode in step.result.episodes:
            assert episode.started_at <= episode.ended_at <= step.now
    scheduled = [due for kind, due in outcomes if kind == "scheduled"]
    assert len(scheduled) == len(set(scheduled))
