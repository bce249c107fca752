"""Reading the room: whether a due reminder shows now, waits, or gives way to a break.

A reminder that interrupts a call, a full-screen presentation or Do Not
Disturb teaches people to quit the app. The platform probes
(``herstel.platform.senses``) only report *whether* the user is busy or away,
as a ``RoomSnapshot``; every decision is made here, in plain code with the
time passed in, so the rules are tested without a desktop.

Rules (DESIGN §5 "Reading the room"):

* **Busy** — a switched-on sense says the user is in a call, has something
  full screen, or has Do Not Disturb on: a due reminder waits and shows as soon
  as they are free. A scheduled reminder gives up at its limit (see
  ``wait_limit``) and counts as missed; the one-shot timer never gives up.
* **Away** — input idle for at least the away threshold is a natural break.
  A scheduled reminder that falls due while away is settled (neither shown
  nor missed); on return the interval restarts from the return. A timer that
  fell due while away waits and shows on return: the user asked for it.
* **After a long call** (optional) — a reminder that waited through a call of
  ``LONG_CALL`` or more is offered as a one-minute reset.
* Each wait and each natural break is reported as an ``Episode`` so history can
  show why reminders waited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

from herstel.core.schedule import Fire, ScheduleConfig, working_window_end
from herstel.core.settings import Settings, sense_enabled


class Sense(StrEnum):
    """What Herstel can notice about the user's situation (never its content)."""

    AWAY = "away"
    CALL = "call"
    FULL_SCREEN = "full_screen"
    DO_NOT_DISTURB = "do_not_disturb"


@dataclass(frozen=True, slots=True)
class RoomSnapshot:
    """What the senses report at one moment. Unknown reads as "not busy"."""

    in_call: bool = False
    full_screen: bool = False
    do_not_disturb: bool = False
    idle_seconds: float | None = None  # input idle time at the snapshot; None = unknown


LONG_CALL: Final = timedelta(minutes=15)
"""A call at least this long may be followed by a one-minute reset instead of a full break."""

MAX_WAIT: Final = timedelta(hours=2)
"""A scheduled reminder waits at most this long (and never past its working window)."""

RESET_MINUTES: Final = 1
"""The length of the reset offered after a long call."""

_BUSY_ORDER: Final = (Sense.CALL, Sense.FULL_SCREEN, Sense.DO_NOT_DISTURB)


@dataclass(frozen=True, slots=True)
class RoomConfig:
    """Which senses the user switched on, and what counts as away."""

    senses: frozenset[Sense] = frozenset(Sense)
    away_after: timedelta = timedelta(minutes=5)
    post_call_reset: bool = False

    def __post_init__(self) -> None:
        if self.away_after <= timedelta(0):
            raise ValueError(f"away_after must be positive, got {self.away_after}")
        object.__setattr__(self, "senses", frozenset(self.senses))

    @classmethod
    def from_settings(cls, settings: Settings) -> RoomConfig:
        return cls(
            senses=frozenset(sense for sense in Sense if sense_enabled(settings, sense)),
            away_after=timedelta(minutes=settings.away_minutes),
            post_call_reset=settings.post_call_reset,
        )


def busy_reason(snapshot: RoomSnapshot, config: RoomConfig) -> Sense | None:
    """Why the user is busy by a switched-on sense (a call first), or None when free."""
    says = {
        Sense.CALL: snapshot.in_call,
        Sense.FULL_SCREEN: snapshot.full_screen,
        Sense.DO_NOT_DISTURB: snapshot.do_not_disturb,
    }
    for sense in _BUSY_ORDER:
        if says[sense] and sense in config.senses:
            return sense
    return None


def is_away(snapshot: RoomSnapshot, config: RoomConfig) -> bool:
    """Whether the input has been idle for the away threshold (and the sense is on)."""
    idle = snapshot.idle_seconds
    return (
        Sense.AWAY in config.senses
        and idle is not None
        and idle >= config.away_after.total_seconds()
    )


def _last_input(snapshot: RoomSnapshot, now: datetime) -> datetime:
    """When the user last touched keyboard or mouse, as far as the snapshot knows."""
    idle = snapshot.idle_seconds
    if idle is None or idle < 0 or idle != idle:  # unknown, nonsense or NaN
        return now
    try:
        return now - timedelta(seconds=idle)
    except OverflowError:
        return now


def wait_limit(due_at: datetime, config: ScheduleConfig) -> datetime:
    """When a scheduled reminder stops waiting and counts as missed.

    ``MAX_WAIT`` after it fell due, and never past the end of its working
    window: a reminder for this afternoon is no use tomorrow morning.
    """
    limit = due_at + MAX_WAIT
    end = working_window_end(due_at, config)
    return min(limit, end) if end is not None else limit


@dataclass(frozen=True, slots=True)
class Pending:
    """A reminder the schedule wants on screen now."""

    kind: Fire
    due_at: datetime
    give_up_at: datetime | None = None  # None: waits as long as it takes (the timer)


@dataclass(frozen=True, slots=True)
class Episode:
    """A stretch of time a reminder waited, or a natural break, for history.

    ``reason`` is ``Sense.AWAY`` exactly for natural breaks; ``kind`` and
    ``due_at`` name the reminder that waited (None for a natural break).
    """

    reason: Sense
    started_at: datetime
    ended_at: datetime
    kind: Fire | None = None
    due_at: datetime | None = None

    @property
    def natural_break(self) -> bool:
        return self.reason is Sense.AWAY


@dataclass(frozen=True, slots=True)
class RoomState:
    """What the room logic remembers between checks (in memory only).

    ``waiting`` is the reminder held back, ``reason`` and ``since`` the current
    stretch of its wait; ``call_since`` is when the current call was first
    seen; ``away_since`` the start of the current time away.
    """

    waiting: Pending | None = None
    reason: Sense | None = None
    since: datetime | None = None
    call_since: datetime | None = None
    away_since: datetime | None = None

    @property
    def watching(self) -> bool:
        """True while the senses must be asked again (a reminder waits, or the user is away)."""
        return self.waiting is not None or self.away_since is not None


class Action(StrEnum):
    NONE = "none"  # nothing is due
    SHOW = "show"  # show the pending reminder now
    WAIT = "wait"  # hold it back; ask again on a change or within a minute
    MISS = "miss"  # it waited past its limit: record it as missed
    SETTLE = "settle"  # a natural break took its place: neither shown nor missed


@dataclass(frozen=True, slots=True)
class Step:
    """The outcome of one look at the room."""

    state: RoomState
    action: Action
    offer_reset: bool = False  # show it as a one-minute reset after a long call
    episodes: tuple[Episode, ...] = ()  # finished waits and natural breaks, to record
    restart_at: datetime | None = None  # back from a natural break: the interval restarts here


def _closed(state: RoomState, now: datetime) -> Episode | None:
    """The wait stretch ``state`` has open, ended at ``now`` (away waits are natural breaks)."""
    waiting, reason, since = state.waiting, state.reason, state.since
    if waiting is None or reason is None or since is None or reason is Sense.AWAY:
        return None
    return Episode(reason, since, max(now, since), waiting.kind, waiting.due_at)


def finish(state: RoomState, now: datetime) -> tuple[Episode, ...]:
    """The episodes still open at ``now``, ended there (the app stops, or the senses go off)."""
    episodes = [e for e in (_closed(state, now),) if e is not None]
    if state.away_since is not None:
        episodes.append(Episode(Sense.AWAY, state.away_since, max(now, state.away_since)))
    return tuple(episodes)


def step(
    state: RoomState,
    pending: Pending | None,
    snapshot: RoomSnapshot,
    config: RoomConfig,
    now: datetime,
) -> Step:
    """Decide what ``pending`` does given what the senses say at ``now``.

    Busy (a switched-on call, full-screen or Do Not Disturb sense) holds it
    back; so does time away, for the timer. Nothing is ever shown while either
    holds. See the module docstring for the rest.
    """
    episodes: list[Episode] = []
    away = is_away(snapshot, config)
    away_since = state.away_since
    restart_at: datetime | None = None
    if away:
        if away_since is None:
            away_since = min(_last_input(snapshot, now), now)
    elif away_since is not None:
        back = max(min(_last_input(snapshot, now), now), away_since)
        episodes.append(Episode(Sense.AWAY, away_since, back))
        restart_at, away_since = back, None

    reason = Sense.AWAY if away else busy_reason(snapshot, config)
    since = state.since
    if state.waiting is not None and (pending != state.waiting or reason != state.reason):
        closed = _closed(state, now)
        if closed is not None:
            episodes.append(closed)
        since = None
    call_since = (state.call_since or now) if reason is Sense.CALL else None

    def done(action: Action, *, offer_reset: bool = False, open_wait: bool = False) -> Step:
        if open_wait:
            room = RoomState(pending, reason, since or now, call_since, away_since)
        else:
            room = RoomState(call_since=call_since, away_since=away_since)
        return Step(room, action, offer_reset, tuple(episodes), restart_at)

    if pending is None:
        return done(Action.NONE)
    if pending.kind == "scheduled" and (away or restart_at is not None):
        # Time away is the break this reminder asked for; the interval restarts on return.
        return done(Action.SETTLE)
    if reason is not None:
        if pending.give_up_at is not None and now >= pending.give_up_at:
            if since is not None:  # the stretch still open ends with the give-up
                closed = _closed(state, now)
                if closed is not None:
                    episodes.append(closed)
            return done(Action.MISS)
        return done(Action.WAIT, open_wait=True)
    long_call = (
        config.post_call_reset
        and pending.kind == "scheduled"
        and state.call_since is not None
        and now - state.call_since >= LONG_CALL
    )
    return done(Action.SHOW, offer_reset=long_call)
