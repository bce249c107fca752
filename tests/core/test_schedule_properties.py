"""Properties of the reminder schedule for any settings, any state and any moment.

Working hours are checked against an oracle that shares no code with the
schedule: it finds a window's ends by stepping a real clock minute by minute
("the first moment the local clock shows the time or later"), so gaps and
repeated hours are handled by brute force rather than by fold arithmetic.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from herstel.core.schedule import (
    ReminderState,
    ScheduleConfig,
    decide,
    next_scheduled_due,
    next_wakeup,
    next_working_start,
    pause_until_tomorrow,
)

ZONES: list[tzinfo] = [
    ZoneInfo("Europe/Amsterdam"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Australia/Lord_Howe"),  # a half-hour DST shift
    ZoneInfo("Asia/Kolkata"),
    UTC,
]
MINUTE = timedelta(minutes=1)


@cache
def first_showing(day: date, wall: time, tz: tzinfo) -> datetime:
    """The first whole minute at which the clock in ``tz`` shows ``wall`` or later on ``day``."""
    target = datetime.combine(day, wall)
    moment = target.replace(tzinfo=UTC) - timedelta(hours=15)  # before it in every zone
    while moment.astimezone(tz).replace(tzinfo=None) < target:
        moment += MINUTE
    return moment


def window_of(moment: datetime, config: ScheduleConfig) -> tuple[datetime, datetime] | None:
    """The oracle: the working window ``moment`` lies in, if any."""
    local_day = moment.astimezone(config.tz).date()
    for offset in (-1, 0, 1):
        day = local_day + timedelta(days=offset)
        if day.isoweekday() in config.days:
            start = first_showing(day, config.start, config.tz)
            end = first_showing(day, config.end, config.tz)
            if start <= moment < end:
                return start, end
    return None


def in_hours(moment: datetime, config: ScheduleConfig) -> bool:
    return window_of(moment, config) is not None


def half_hours() -> st.SearchStrategy[tuple[time, time]]:
    """start < end on the half-hour grid."""
    slots = st.lists(st.integers(0, 47), min_size=2, max_size=2, unique=True).map(sorted)
    return slots.map(lambda s: (time(s[0] // 2, 30 * (s[0] % 2)), time(s[1] // 2, 30 * (s[1] % 2))))


@st.composite
def configs(draw: st.DrawFn) -> ScheduleConfig:
    start, end = draw(half_hours())
    return ScheduleConfig(
        enabled=draw(st.integers(0, 9)) > 0,  # mostly on
        interval=timedelta(minutes=draw(st.integers(10, 240))),
        snooze=timedelta(minutes=draw(st.integers(1, 60))),
        days=draw(st.frozensets(st.integers(1, 7), min_size=1)),
        start=start,
        end=end,
        tz=draw(st.sampled_from(ZONES)),
    )


YEAR_START = datetime(2026, 1, 1, tzinfo=UTC)
DST_CHANGES = [  # Europe, the US and Lord Howe, spring and autumn 2026
    datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
    datetime(2026, 11, 1, 6, 0, tzinfo=UTC),
    datetime(2026, 4, 4, 15, 0, tzinfo=UTC),
    datetime(2026, 10, 3, 15, 30, tzinfo=UTC),
]

nows = st.one_of(
    st.integers(0, 365 * 24 * 60).map(lambda m: YEAR_START + m * MINUTE),
    st.builds(
        lambda change, seconds: change + timedelta(seconds=seconds),
        st.sampled_from(DST_CHANGES),
        st.integers(-3 * 86400, 3 * 86400),
    ),
)


@st.composite
def around(
    draw: st.DrawFn, now: datetime, low: int, high: int, *, absent: float = 0.25
) -> datetime | None:
    """None with probability about ``absent``, else ``now`` plus some minutes:
    half the time within a few hours, half the time anywhere in ``low``..``high``."""
    if draw(st.integers(0, 99)) < absent * 100:
        return None
    if draw(st.booleans()):
        return now + draw(st.integers(max(low, -300), min(high, 300))) * MINUTE
    return now + draw(st.integers(low, high)) * MINUTE


@st.composite
def working_moments(draw: st.DrawFn, config: ScheduleConfig) -> datetime:
    """A moment whose local clock reads inside working hours on a working day."""
    day = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    while day.isoweekday() not in config.days:
        day += timedelta(days=1)
    span = (datetime.combine(day, config.end) - datetime.combine(day, config.start)) // MINUTE
    wall = datetime.combine(day, config.start) + draw(st.integers(0, span - 1)) * MINUTE
    seconds = draw(st.integers(0, 59))
    return wall.replace(tzinfo=config.tz).astimezone(UTC) + timedelta(seconds=seconds)


@st.composite
def situations(draw: st.DrawFn) -> tuple[ScheduleConfig, ReminderState, datetime]:
    config = draw(configs())
    now = draw(nows | working_moments(config))
    state = ReminderState(
        # Mostly the past (up to two weeks: long sleeps), now and then a clock set back.
        last_break_at=draw(around(now, -14 * 1440, 10)),
        last_prompt_at=draw(around(now, -14 * 1440, 10)),
        paused_until=draw(around(now, -1440, 2 * 1440, absent=0.7)),
        snoozed_until=draw(around(now, -1440, 60, absent=0.7)),
        timer_due_at=draw(around(now, -1440, 720, absent=0.8)),
    )
    return config, state, now


def anchor(state: ReminderState) -> datetime | None:
    times = [t for t in (state.last_break_at, state.last_prompt_at) if t is not None]
    return max(times) if times else None


@settings(deadline=None, max_examples=300)
@given(situations())
def test_next_scheduled_due_is_in_working_hours_and_never_in_a_pause(
    situation: tuple[ScheduleConfig, ReminderState, datetime],
) -> None:
    config, state, now = situation
    due = next_scheduled_due(state, config, now)
    if not config.enabled:
        assert due is None
        return
    if due is None:
        return
    assert due > now
    assert in_hours(due, config)
    if state.paused_until is not None:
        assert due >= state.paused_until
    base = anchor(state) or now
    if state.snoozed_until is not None and state.snoozed_until > base:
        assert due >= state.snoozed_until  # nothing comes before a snooze


@settings(deadline=None, max_examples=400)
@given(situations())
def test_decide_fires_at_most_one_thing_and_never_out_of_hours_or_paused(
    situation: tuple[ScheduleConfig, ReminderState, datetime],
) -> None:
    config, state, now = situation
    decision = decide(state, config, now, session_running=False, screen_locked=False)
    assert (decision.fire is None) == (decision.due_at is None)  # one thing or nothing
    base = anchor(state)
    if decision.fire == "timer":
        assert decision.due_at == state.timer_due_at
        assert decision.due_at is not None and decision.due_at <= now
    if decision.fire == "scheduled":
        assert config.enabled
        assert decision.due_at is not None and decision.due_at <= now
        assert in_hours(decision.due_at, config) and in_hours(now, config)
        assert state.paused_until is None or now >= state.paused_until
        assert state.paused_until is None or decision.due_at >= state.paused_until
        assert decision.due_at not in decision.missed
        assert base is not None and decision.due_at > base
    # Missed reminders: real scheduled times, oldest first, each reported once.
    missed = decision.missed
    assert list(missed) == sorted(set(missed))
    for due in missed:
        assert config.enabled
        assert due <= now and base is not None and due > base
        assert in_hours(due, config)
        assert state.paused_until is None or due >= state.paused_until
    if missed and decision.fire == "scheduled":
        assert decision.due_at is not None and missed[-1] < decision.due_at
    # Only a reminder from the window we are still in may show.
    if decision.fire == "scheduled":
        assert decision.due_at is not None
        assert window_of(decision.due_at, config) == window_of(now, config)
    # Within one window the grid steps by exactly the interval in real time
    # (a snooze is the one time off the grid).
    scheduled = list(missed)
    if decision.fire == "scheduled" and decision.due_at is not None:
        scheduled.append(decision.due_at)
    for earlier, later in pairwise(scheduled):
        same_window = window_of(earlier, config) == window_of(later, config)
        if same_window and earlier != state.snoozed_until and later != state.snoozed_until:
            assert later - earlier == config.interval


@settings(deadline=None)
@given(situations(), st.booleans())
def test_nothing_happens_during_a_session_or_a_locked_screen(
    situation: tuple[ScheduleConfig, ReminderState, datetime], session: bool
) -> None:
    config, state, now = situation
    decision = decide(state, config, now, session_running=session, screen_locked=not session)
    assert decision.empty


@settings(deadline=None, max_examples=300)
@given(situations(), st.floats(0.0, 1.0, exclude_min=True, exclude_max=True))
def test_recorded_decisions_never_repeat_and_the_wakeup_is_exact(
    situation: tuple[ScheduleConfig, ReminderState, datetime], fraction: float
) -> None:
    config, state, now = situation
    state = state.recorded(decide(state, config, now, session_running=False, screen_locked=False))
    # Asking again at the same moment reports nothing twice.
    again = decide(state, config, now, session_running=False, screen_locked=False)
    assert again.empty
    wake = next_wakeup(state, config, now)
    if wake is None:
        return
    assert wake > now
    # Before the wake-up nothing new comes due; at it, something fires.
    between = now + (wake - now) * fraction
    if now < between < wake:
        quiet = decide(state, config, between, session_running=False, screen_locked=False)
        assert (quiet.fire, quiet.missed) == (None, ())
    due = decide(state, config, wake, session_running=False, screen_locked=False)
    assert due.fire is not None and due.missed == ()


@settings(deadline=None)
@given(configs(), nows)
def test_pauses_end_at_a_working_start(config: ScheduleConfig, now: datetime) -> None:
    start = next_working_start(now, config)
    assert start > now
    local_day = start.astimezone(config.tz).date()
    assert start == first_showing(local_day, config.start, config.tz)
    assert local_day.isoweekday() in config.days
    tomorrow = pause_until_tomorrow(now, config)
    assert tomorrow >= start
    assert (
        tomorrow.astimezone(config.tz).date()
        > (now.astimezone(config.tz) - timedelta(hours=4)).date()
    )
