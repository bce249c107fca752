"""When the next break reminder is due, computed afresh from the wall clock.

Nothing here counts down. Every question ("what is due now?", "when should I
wake up next?") is answered from a small persisted ``ReminderState``, the
settings and the ``now`` the caller passes in, so a suspended machine, a
restarted app or a clock that jumps all get the right answer on the next call.
The caller arms one single-shot timer for ``next_wakeup`` and also asks again
on resume from suspend (or at most once a minute).

Rules (DESIGN §5; where the design leaves a choice, the choice is written here):

* **Time.** All datetimes must be timezone-aware; every result is in UTC
  (show it with ``.astimezone(config.tz)``). "Every N minutes" is absolute
  time: across a DST change an hourly reminder stays 60 real minutes apart.
* **Working windows.** On each working weekday the window runs from the first
  moment the local clock shows ``start`` (or later) to the first moment it
  shows ``end``: a start or end in a DST gap moves forward to the end of the
  gap, and an ambiguous one (the repeated hour) takes its first occurrence
  (``fold=0``). A window that comes out empty has no reminders.
* **The grid.** Scheduled reminders are counted from an anchor: the last break
  taken, or the last scheduled reminder already accounted for
  (``last_prompt_at``: shown, missed, or settled), whichever is later. In a
  window [S, E) the reminders fall at ``max(anchor, S) + k·interval`` (k ≥ 1)
  while before E; one that would fall at or after E does not happen, and the
  next window starts afresh at S' + interval. So the first reminder of a day is
  an interval after the start of working hours, and an ignored reminder is
  followed by the next one an interval later.
* **First run / reminders off.** A state with no break and no reminder yet, and
  any state while reminders are switched off, counts from ``now``: ``decide``
  returns ``settled=now`` so that switching reminders on (or a first start)
  never produces a backlog of "missed" reminders.
* **Snooze** puts the next scheduled reminder at ``snoozed_until`` and nothing
  before it; the grid continues from there. A snooze that ends outside working
  hours or inside a pause falls away: the next reminder is the grid's next one
  after it (normally the next window's start + interval).
* **Skip** counts like a break for the grid (the next reminder is a full
  interval after the skip) but is not a break: ``last_break_at`` is untouched,
  so history can tell them apart. Snooze, by contrast, comes back after the
  short snooze time.
* **Pause** suppresses every scheduled reminder before ``paused_until``; they
  are neither shown nor missed. The grid keeps its rhythm through the pause,
  so the first reminder after it is the grid's next point at or after its end.
  ``resume(now)`` ends a pause early without reviving what it suppressed.
  "Until tomorrow" ends at the first working start on a later day, the day
  turning at 04:00 as everywhere in Herstel (so 00:30 still belongs to today).
* **Timer** ("remind me in …") is one-shot at a wall-clock time and ignores
  working hours, pauses and the reminders-off switch: the user asked for it.
  To snooze a timer reminder, set the timer again.
* **Never a burst.** ``decide`` fires at most one thing. Of the scheduled
  reminders that came due since the last one accounted for, only the latest
  may fire, and only if ``now`` is still inside the same working window; all
  others (and that one, when it cannot fire) come back in ``missed``. Recording
  the decision (``ReminderState.recorded``) marks them all as accounted for, so
  no due time is ever reported twice.
* **Sessions and a locked screen** hold everything back (``decide`` returns
  nothing): a timer fires when they end; a scheduled reminder that came due is
  normally answered by the session itself (``after_break`` moves the anchor),
  and after a locked screen it follows the rule above (fire if still in its
  window, otherwise missed).
* **Timer and schedule at once.** The timer fires and the scheduled reminder
  it coincides with is settled (``settled``), not shown and not missed.
* **Clock set back.** A last break or reminder later than ``now`` means the
  clock went back; ``decide`` then settles at ``now`` and ``recorded`` pulls
  those times back, so reminders resume an interval later instead of waiting
  for the old time to come round again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Final, Literal

from herstel.core.checkin import DAY_STARTS_AT
from herstel.core.settings import Settings

TIMER_MINUTES_RANGE: Final = (1, 720)
"""Inclusive range of the one-shot "remind me in …" timer, in minutes."""

SEARCH_DAYS: Final = 400
"""How far ahead to look for a scheduled reminder before concluding there is none.

Only a configuration whose windows are all shorter than the interval gets that
far; more than a year keeps the rare DST-lengthened window in reach.
"""

Fire = Literal["timer", "scheduled"]


def _utc(moment: datetime, name: str = "moment") -> datetime:
    """``moment`` in UTC; naive datetimes are refused, never guessed."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {moment!r}")
    return moment.astimezone(UTC)


def _whole_minutes(minutes: int, low: int, high: int | None, what: str) -> timedelta:
    # bool is an int, but `True` minutes is a bug upstream, not one minute.
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise ValueError(f"{what} must be a whole number of minutes, got {minutes!r}")
    if minutes < low or (high is not None and minutes > high):
        limits = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise ValueError(f"{what} must be {limits} minutes, got {minutes}")
    return timedelta(minutes=minutes)


@dataclass(frozen=True, slots=True)
class ScheduleConfig:
    """The reminder settings in the form the schedule computes with."""

    enabled: bool
    interval: timedelta
    snooze: timedelta
    days: frozenset[int]  # ISO weekdays, 1 = Monday … 7 = Sunday
    start: time  # local wall time, naive
    end: time  # local wall time, naive, after start
    tz: tzinfo  # the zone working hours are read in

    def __post_init__(self) -> None:
        if self.interval <= timedelta(0) or self.snooze <= timedelta(0):
            raise ValueError("interval and snooze must be positive")
        days = frozenset(self.days)  # also accepts a set; must be hashable for the cache
        if not days or not days <= frozenset(range(1, 8)):
            raise ValueError(f"days must be a non-empty set of ISO weekdays 1-7, got {self.days}")
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("start and end are local wall times and must be naive")
        if not self.start < self.end:
            raise ValueError(f"start ({self.start}) must be before end ({self.end})")
        if not isinstance(self.tz, tzinfo):
            raise ValueError(f"tz must be a tzinfo, got {self.tz!r}")
        object.__setattr__(self, "days", days)

    @classmethod
    def from_settings(cls, settings: Settings, tz: tzinfo) -> ScheduleConfig:
        """The schedule for ``settings``, with working hours read in ``tz``."""
        hours = settings.working_hours
        return cls(
            enabled=settings.reminders_enabled,
            interval=timedelta(minutes=settings.reminder_interval_minutes),
            snooze=timedelta(minutes=settings.snooze_minutes),
            days=frozenset(hours.days),
            start=time.fromisoformat(hours.start),
            end=time.fromisoformat(hours.end),
            tz=tz,
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do at one moment: fire at most one reminder and record the rest.

    ``settled`` is the latest scheduled due time this decision accounts for
    (fired, missed, or passed over); the caller stores it with
    ``ReminderState.recorded`` (or ``prompted``) so it is never reported again.
    """

    fire: Fire | None
    due_at: datetime | None  # the due time of what fires
    missed: tuple[datetime, ...] = ()  # scheduled due times to record as missed, oldest first
    settled: datetime | None = None

    @property
    def empty(self) -> bool:
        """True when there is nothing to show, record or store."""
        return self.fire is None and not self.missed and self.settled is None


_NOTHING: Final = Decision(fire=None, due_at=None)


@dataclass(frozen=True, slots=True)
class ReminderState:
    """The reminder facts worth persisting; everything else is derived from them.

    All times are stored in UTC. Methods return a new state; see the module
    docstring for what each one means to the schedule.
    """

    last_break_at: datetime | None = None  # the last session taken: any session is a break
    paused_until: datetime | None = None  # no scheduled reminder before this
    snoozed_until: datetime | None = None  # the next scheduled reminder, chosen by a snooze
    last_prompt_at: datetime | None = None  # the latest scheduled due time accounted for
    timer_due_at: datetime | None = None  # the one-shot "remind me in …" timer

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is not None:
                object.__setattr__(self, f.name, _utc(value, f.name))

    def after_break(self, at: datetime) -> ReminderState:
        """A session was taken at ``at``: the grid restarts there and a snooze is answered."""
        return dataclasses.replace(self, last_break_at=at, snoozed_until=None)

    def pause_until(self, until: datetime) -> ReminderState:
        """No scheduled reminder before ``until`` (see ``pause_for``, ``pause_until_tomorrow``)."""
        return dataclasses.replace(self, paused_until=until)

    def resume(self, now: datetime | None = None) -> ReminderState:
        """End a pause.

        With ``now`` the pause ends at ``now`` and what fell due during it stays
        suppressed; without it the pause is forgotten, so a reminder it held
        back comes due again.
        """
        if now is None or self.paused_until is None:
            return dataclasses.replace(self, paused_until=None)
        return dataclasses.replace(self, paused_until=min(self.paused_until, _utc(now, "now")))

    def snooze(self, now: datetime, config: ScheduleConfig) -> ReminderState:
        """The reminder's "In 10 min": the next scheduled one comes a snooze time after ``now``."""
        return dataclasses.replace(self, snoozed_until=_utc(now, "now") + config.snooze)

    def skip(self, now: datetime) -> ReminderState:
        """Skip this one: the next scheduled reminder is a full interval after ``now``."""
        last = _utc(now, "now")
        if self.last_prompt_at is not None:
            last = max(last, self.last_prompt_at)
        return dataclasses.replace(self, last_prompt_at=last, snoozed_until=None)

    def after_natural_break(self, returned_at: datetime) -> ReminderState:
        """Back from time away (``core.room``): the interval restarts at ``returned_at``.

        Like a skip for the grid, and like one it leaves ``last_break_at`` (the
        sessions taken) alone; the time away itself is recorded in history.
        """
        return self.skip(returned_at)

    def set_timer(self, now: datetime, minutes: int) -> ReminderState:
        """Set "remind me in ``minutes``" (1–720), replacing any running timer."""
        low, high = TIMER_MINUTES_RANGE
        delta = _whole_minutes(minutes, low, high, "the timer")
        return dataclasses.replace(self, timer_due_at=_utc(now, "now") + delta)

    def cancel_timer(self) -> ReminderState:
        """Forget the one-shot timer."""
        return dataclasses.replace(self, timer_due_at=None)

    def prompted(self, due_at: datetime) -> ReminderState:
        """The scheduled reminder due at ``due_at`` was shown (or recorded): never again."""
        due = _utc(due_at, "due_at")
        last = due if self.last_prompt_at is None else max(self.last_prompt_at, due)
        snoozed = self.snoozed_until
        if snoozed is not None and snoozed <= last:
            snoozed = None
        return dataclasses.replace(self, last_prompt_at=last, snoozed_until=snoozed)

    def recorded(self, decision: Decision) -> ReminderState:
        """The state once ``decision`` has been acted on: a fired timer is used up and
        every scheduled due time it accounts for is settled."""
        state = self
        if decision.fire == "timer" and decision.due_at == state.timer_due_at:
            state = state.cancel_timer()
        settled = decision.settled
        if settled is None:
            return state
        base = _base(state)
        if base is not None and settled < base:
            # Only a clock that went back settles before the anchor: pull it back.
            last_break = state.last_break_at
            if last_break is not None:
                last_break = min(last_break, settled)
            state = dataclasses.replace(state, last_break_at=last_break, last_prompt_at=settled)
        return state.prompted(settled)


def is_paused(state: ReminderState, now: datetime) -> bool:
    """Whether a pause is in force at ``now`` (an expired one is harmless history)."""
    return state.paused_until is not None and _utc(now, "now") < state.paused_until


def pause_for(now: datetime, minutes: int) -> datetime:
    """The end of a pause of ``minutes`` starting at ``now``."""
    return _utc(now, "now") + _whole_minutes(minutes, 1, None, "a pause")


# --- working windows --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Window:
    day: date  # the local date the window belongs to
    start: datetime  # UTC
    end: datetime  # UTC, after start


def _first_showing(day: date, wall: time, tz: tzinfo) -> datetime:
    """The first moment on ``day`` at which the clock in ``tz`` shows ``wall`` or later."""
    naive = datetime.combine(day, wall)
    earliest = naive.replace(tzinfo=tz).astimezone(UTC)  # fold=0: first of a repeated hour
    if earliest.astimezone(tz).replace(tzinfo=None) == naive:
        return earliest
    # ``wall`` lies in a gap. The two readings of it bracket the transition:
    # before it the clock shows less than ``wall``, from it on more. Find the
    # transition to the second (zones change offset on whole seconds).
    other = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    low, high = min(earliest, other), max(earliest, other)
    below, above = 0, int((high - low).total_seconds())
    while above - below > 1:
        middle = (below + above) // 2
        shown = (low + timedelta(seconds=middle)).astimezone(tz).replace(tzinfo=None)
        if shown >= naive:
            above = middle
        else:
            below = middle
    return low + timedelta(seconds=above)


@lru_cache(maxsize=1024)
def _window(day: date, config: ScheduleConfig) -> _Window | None:
    """The working window of local date ``day``, if it is a working day."""
    if day.isoweekday() not in config.days:
        return None
    start = _first_showing(day, config.start, config.tz)
    end = _first_showing(day, config.end, config.tz)
    if end <= start:  # both ends in one DST gap
        return None
    return _Window(day, start, end)


def _windows(
    after: datetime,
    config: ScheduleConfig,
    *,
    days: int = SEARCH_DAYS,
    until: datetime | None = None,
) -> Iterator[_Window]:
    """Working windows that end after ``after`` (UTC), in order.

    They run for about ``days`` days, or, given ``until``, up to the window
    that starts after it however far that is (a long-closed app catches up).
    """
    day = after.astimezone(config.tz).date() - timedelta(days=1)
    last = day + timedelta(days=days + 1)
    if until is not None:
        last = until.astimezone(config.tz).date() + timedelta(days=1)
    while day <= last:
        window = _window(day, config)
        if window is not None and window.end > after:
            yield window
        day += timedelta(days=1)


def _window_at(moment: datetime, config: ScheduleConfig) -> _Window | None:
    """The working window containing ``moment`` (UTC), if any."""
    for window in _windows(moment, config, days=1):
        return window if window.start <= moment else None
    return None


def in_working_hours(moment: datetime, config: ScheduleConfig) -> bool:
    """Whether ``moment`` lies inside a working window."""
    return _window_at(_utc(moment), config) is not None


def working_window_end(moment: datetime, config: ScheduleConfig) -> datetime | None:
    """The end (UTC) of the working window containing ``moment``, or None outside one."""
    window = _window_at(_utc(moment), config)
    return window.end if window is not None else None


def next_working_start(after: datetime, config: ScheduleConfig) -> datetime:
    """The first working-window start strictly after ``after``."""
    after = _utc(after, "after")
    for window in _windows(after, config):
        if window.start > after:
            return window.start
    raise AssertionError("a validated config has a working window every week")


def pause_until_tomorrow(now: datetime, config: ScheduleConfig) -> datetime:
    """The end of "pause until tomorrow": the first working start on a later day.

    "Today" is the day as the rest of Herstel counts it, starting at 04:00
    (``DAY_STARTS_AT``): at 00:30 after a late evening, "tomorrow" is the coming
    morning, not the one after it. A pause taken before today's start skips it.
    """
    now = _utc(now, "now")
    local = now.astimezone(config.tz)
    today = local.date() - timedelta(days=1) if local.time() < DAY_STARTS_AT else local.date()
    for window in _windows(now, config):
        if window.day > today and window.start > now:
            return window.start
    raise AssertionError("a validated config has a working window every week")


# --- the scheduled grid -----------------------------------------------------


def _base(state: ReminderState) -> datetime | None:
    """The later of the last break and the last reminder accounted for."""
    times = [t for t in (state.last_break_at, state.last_prompt_at) if t is not None]
    return max(times) if times else None


def _ceil_steps(span: timedelta, step: timedelta) -> int:
    """The least whole k with k·step ≥ span."""
    return -((-span) // step)


def _grid(
    state: ReminderState,
    config: ScheduleConfig,
    anchor: datetime,
    *,
    after: datetime | None = None,
    until: datetime | None = None,
) -> Iterator[datetime]:
    """The scheduled due times from ``anchor`` on, oldest first (UTC).

    Only times after ``after`` and up to ``until`` are produced. These are the
    due times the state implies if each is accounted for as it comes.
    """
    pause = state.paused_until
    snoozed = state.snoozed_until
    if snoozed is not None and snoozed > anchor:
        allowed = (pause is None or snoozed >= pause) and _window_at(snoozed, config) is not None
        if allowed and (after is None or snoozed > after) and (until is None or snoozed <= until):
            yield snoozed
        anchor = snoozed  # nothing before the snooze; the grid continues from it
    interval = config.interval
    lower = anchor if after is None else max(anchor, after)
    for window in _windows(lower, config, until=until):
        if until is not None and window.start >= until:
            return
        start = max(anchor, window.start)
        steps = 1  # the least k ≥ 1 with start + k·interval after ``after``, not before ``pause``
        if after is not None and after >= start:
            steps = max(steps, (after - start) // interval + 1)
        if pause is not None and pause > start:
            steps = max(steps, _ceil_steps(pause - start, interval))
        due = start + steps * interval
        while due < window.end:
            if until is not None and due > until:
                return
            yield due
            due += interval


def next_scheduled_due(
    state: ReminderState, config: ScheduleConfig, now: datetime
) -> datetime | None:
    """The next scheduled reminder strictly after ``now`` (UTC); None when reminders are off.

    Always inside working hours and never inside a pause. What is already due
    at ``now`` is ``decide``'s business.
    """
    now = _utc(now, "now")
    if not config.enabled:
        return None
    anchor = _base(state) or now  # a first run counts from now
    return next(_grid(state, config, anchor, after=now), None)


def next_timer_due(state: ReminderState) -> datetime | None:
    """When the one-shot timer is due; working hours and pauses do not apply."""
    return state.timer_due_at


def next_wakeup(state: ReminderState, config: ScheduleConfig, now: datetime) -> datetime | None:
    """The earliest moment after ``now`` at which ``decide`` may have something new.

    The caller arms one single-shot timer for it. Only the future counts, so a
    reminder held back by a session or a locked screen never makes the caller
    spin: call ``decide`` again when the session ends or the screen unlocks.
    """
    now = _utc(now, "now")
    times = [t for t in (next_scheduled_due(state, config, now), state.timer_due_at) if t]
    future = [t for t in times if t > now]
    return min(future) if future else None


def _scheduled(
    state: ReminderState, config: ScheduleConfig, now: datetime
) -> tuple[datetime | None, tuple[datetime, ...], datetime | None]:
    """The scheduled part of a decision: (fires, missed, settled)."""
    base = _base(state)
    if base is not None and base > now:  # the clock went back
        return None, (), now
    if not config.enabled or base is None:  # reminders off, or a first run
        return None, (), now if state.last_prompt_at is None or state.last_prompt_at < now else None
    passed = tuple(_grid(state, config, base, until=now))
    if not passed:
        return None, (), None
    latest = passed[-1]
    window = _window_at(now, config)
    if window is not None and window.start <= latest and not is_paused(state, now):
        return latest, passed[:-1], latest
    return None, passed, latest


def decide(
    state: ReminderState,
    config: ScheduleConfig,
    now: datetime,
    *,
    session_running: bool,
    screen_locked: bool,
) -> Decision:
    """What to do at ``now``: at most one reminder to show, and what to record.

    Apply the result with ``state.recorded(decision)`` (and record each of
    ``missed`` as a missed reminder).
    """
    now = _utc(now, "now")
    if session_running or screen_locked:
        return _NOTHING  # everything waits until the break or the lock ends
    fires, missed, settled = _scheduled(state, config, now)
    timer = state.timer_due_at
    if timer is not None and timer <= now:
        return Decision(fire="timer", due_at=timer, missed=missed, settled=settled)
    if fires is not None:
        return Decision(fire="scheduled", due_at=fires, missed=missed, settled=settled)
    return Decision(fire=None, due_at=None, missed=missed, settled=settled)
