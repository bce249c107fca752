"""The running session: countdown, breathing, pauses and how it ended.

The session window only renders what this says. The stage is derived from the
injected clock whenever asked (no timers), so a missed frame or a suspended machine
never puts the rhythm out of step.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final

from herstel.core.clock import Clock
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.core.rhythm import RhythmState, SessionPlan


class Stage(StrEnum):
    """Where a session run is; ENDED covers every way of ending."""

    COUNTDOWN = "countdown"
    BREATHING = "breathing"
    PAUSED = "paused"
    ENDED = "ended"


COUNTDOWN_SECONDS: Final[float] = 3.0
"""The "get ready" countdown before the first inhale."""


@dataclass(frozen=True, slots=True)
class SessionOutcome:
    """What a finished run amounts to, ready for the record and the summary."""

    ended_how: EndedHow
    done_seconds: float
    done_breaths: int


class SessionRun:
    """One run of a plan against a clock; every reading is computed from the clock.

    "Active" time is monotonic time since ``start()`` minus paused time. The first
    ``COUNTDOWN_SECONDS`` of it are the countdown, the rest is breathing, so a pause
    freezes whichever is running and resuming continues exactly where it stopped.
    Commands given in the wrong stage do nothing: the UI may send them freely.

    Whoever keeps time beside the picture (the sound cues) ``watch``es the run: the
    callbacks are called after every start, pause, resume, Stop and "I feel dizzy",
    whichever part of the UI gave the command. Completion is not announced: it is
    a point on the clock (``monotonic_at(plan.duration)``), not a command.
    """

    def __init__(self, plan: SessionPlan, clock: Clock) -> None:
        self._plan = plan
        self._clock = clock
        self._start_mono: float | None = None
        self._started_at: datetime | None = None
        self._paused_total = 0.0
        self._paused_since: float | None = None
        self._ended_how: EndedHow | None = None
        self._ended_active: float | None = None
        self._watchers: list[Callable[[], None]] = []

    @property
    def plan(self) -> SessionPlan:
        """The plan this run follows."""
        return self._plan

    @property
    def started(self) -> bool:
        """Whether ``start()`` has been called; before that nothing runs."""
        return self._start_mono is not None

    @property
    def started_at(self) -> datetime | None:
        """Wall-clock time of ``start()``, for the stored record; None before."""
        return self._started_at

    def watch(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after each start, pause, resume, Stop and dizzy."""
        self._watchers.append(callback)

    def unwatch(self, callback: Callable[[], None]) -> None:
        """Stop calling ``callback`` (nothing happens if it was not watching)."""
        if callback in self._watchers:
            self._watchers.remove(callback)

    def _changed(self) -> None:
        for callback in tuple(self._watchers):  # a callback may unwatch itself
            callback()

    def monotonic_now(self) -> float:
        """The run's monotonic clock now, for schedules that must agree with its readings."""
        return self._clock.monotonic()

    def monotonic_at(self, breathing_seconds: float) -> float | None:
        """The monotonic reading at which the breathing reaches ``breathing_seconds``.

        A closed form of the start, the paused time and the countdown, valid as long
        as the run goes on unpaused; it is the same sum ``breathing_elapsed`` inverts,
        so a cue at this time lands exactly on the phase the picture shows. None before
        ``start()``, while paused and after Stop or "I feel dizzy" (a completed run
        keeps its times, so the end bell can still be placed).
        """
        if self._start_mono is None or self._paused_since is not None:
            return None
        if self._ended_how is not None:
            return None
        return self._start_mono + self._paused_total + COUNTDOWN_SECONDS + breathing_seconds

    def start(self) -> None:
        """Begin the countdown now; a second call does nothing."""
        if self._start_mono is not None:
            return
        self._start_mono = self._clock.monotonic()
        self._started_at = self._clock.now()
        self._changed()

    def _active(self) -> float:
        """Unpaused seconds since start, frozen while paused or after Stop/dizzy."""
        if self._start_mono is None:
            return 0.0
        if self._ended_active is not None:
            return self._ended_active
        now = self._paused_since if self._paused_since is not None else self._clock.monotonic()
        return max(0.0, now - self._start_mono - self._paused_total)

    def _ended(self) -> EndedHow | None:
        """How the run ended, if it has; completion is noticed on read."""
        if self._ended_how is not None:
            return self._ended_how
        if self.started and self._active() - COUNTDOWN_SECONDS >= self._plan.duration:
            return EndedHow.COMPLETED
        return None

    @property
    def stage(self) -> Stage:
        """The current stage, derived from the clock (before start: a frozen countdown)."""
        if self._ended() is not None:
            return Stage.ENDED
        if self._paused_since is not None:
            return Stage.PAUSED
        if self._active() < COUNTDOWN_SECONDS:
            return Stage.COUNTDOWN
        return Stage.BREATHING

    def countdown_left(self) -> float:
        """Seconds of "get ready" still to go (0 once breathing has begun)."""
        return max(0.0, COUNTDOWN_SECONDS - self._active())

    def breathing_elapsed(self) -> float:
        """Breathing seconds so far, pauses excluded, capped at the planned duration."""
        return min(max(self._active() - COUNTDOWN_SECONDS, 0.0), self._plan.duration)

    def state(self) -> RhythmState:
        """The breath to draw now."""
        return self._plan.state_at(self.breathing_elapsed())

    def pause(self) -> None:
        """Freeze the countdown or the rhythm (also used on screen lock and suspend)."""
        if self.started and self.stage in (Stage.COUNTDOWN, Stage.BREATHING):
            self._paused_since = self._clock.monotonic()
            self._changed()

    def resume(self) -> None:
        """Continue exactly where the pause froze the run."""
        if self._paused_since is not None and self.stage is Stage.PAUSED:
            self._paused_total += max(0.0, self._clock.monotonic() - self._paused_since)
            self._paused_since = None
            self._changed()

    def toggle_pause(self) -> None:
        """Space: pause when running, resume when paused."""
        if self.stage is Stage.PAUSED:
            self.resume()
        else:
            self.pause()

    def _end(self, how: EndedHow) -> None:
        """End now, keeping the breathing time done so far."""
        if not self.started or self.stage is Stage.ENDED:
            return
        self._ended_active = self._active()
        self._ended_how = how
        self._paused_since = None
        self._changed()

    def stop(self) -> None:
        """Esc / Stop: end early; the recovery check may follow."""
        self._end(EndedHow.STOPPED)

    def dizzy(self) -> None:
        """End for "I feel dizzy": at once, and the UI advises breathing normally."""
        self._end(EndedHow.DIZZY)

    def finished_completed(self) -> bool:
        """True once the run has reached the end of its last planned breath."""
        return self._ended() is EndedHow.COMPLETED

    def outcome(self) -> SessionOutcome:
        """How the run ended and how much was breathed; only once it has ended."""
        how = self._ended()
        if how is None:
            raise RuntimeError("the session has not ended; call stop() first")
        done = self.breathing_elapsed()
        if how is EndedHow.COMPLETED:
            breaths = self._plan.breaths
        else:  # an interrupted last breath does not count, even if θ rounds up
            breaths = min(math.floor(self._plan.breaths_at(done)), self._plan.breaths - 1)
        return SessionOutcome(ended_how=how, done_seconds=done, done_breaths=breaths)

    def to_record(self, trigger: Trigger, session_id: str | None = None) -> SessionRecord:
        """The record to store for this ended run."""
        outcome = self.outcome()
        if self._started_at is None:  # an ended run was always started
            raise RuntimeError("the session was never started")
        return SessionRecord(
            id=session_id if session_id is not None else new_session_id(),
            started_at=self._started_at,
            pattern=self._plan.pattern.label,
            planned_seconds=self._plan.duration,
            planned_breaths=self._plan.breaths,
            done_seconds=outcome.done_seconds,
            done_breaths=outcome.done_breaths,
            ended_how=outcome.ended_how,
            trigger=trigger,
        )
