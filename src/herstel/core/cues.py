"""When the sound cues fall: one at every phase onset and a bell after the last breath.

The schedule is in breathing seconds, straight from ``SessionPlan.boundaries`` (the
same onsets the picture changes phase at), and ``CueSequencer`` maps it onto the
monotonic clock through ``SessionRun.monotonic_at`` — a closed form of the start,
the paused time and the countdown. Each cue's time is computed afresh from that
sum, never by adding up durations, so the sound cannot drift from the picture
however long the session runs, and a pause simply moves every later cue.

Cues: a rising tone for the in-breath, a lower falling one for the out-breath, a
bell at the end. Holds get a very soft short tone of their own: with the eyes
closed, box breathing (4-4-4-4) or 4-7-8 is otherwise four seconds of in-breath
and then silence, and nothing tells you when to stop breathing in.

No Qt here, and no clock reading of its own: the caller hands in "now".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from herstel.core.rhythm import Phase, SessionPlan
from herstel.core.session import SessionRun


class Cue(StrEnum):
    """One sound; the values name the files (``cue-in.wav`` …, ``bell.wav``)."""

    INHALE = "in"
    EXHALE = "out"
    HOLD = "hold"
    BELL = "bell"


CUE_FOR_PHASE: Final[dict[Phase, Cue]] = {
    Phase.INHALE: Cue.INHALE,
    Phase.TOP_UP: Cue.INHALE,  # the second inhale: the rising tone again, "and in"
    Phase.HOLD_IN: Cue.HOLD,
    Phase.EXHALE: Cue.EXHALE,
    Phase.HOLD_OUT: Cue.HOLD,
}

EARLY_SECONDS: Final = 0.005
"""A timer that wakes this much before a cue still plays it (timers round to ms)."""

LATE_SECONDS: Final = 0.25
"""A cue found later than this is skipped: a late "in" would contradict the picture."""


@dataclass(frozen=True, slots=True)
class ScheduledCue:
    """A cue at ``at`` breathing seconds (0 = the first inhale); ``index`` orders them."""

    index: int
    cue: Cue
    at: float
    breath: int


def cue_schedule(plan: SessionPlan) -> tuple[ScheduledCue, ...]:
    """Every cue of ``plan`` in order: each phase onset, then the bell at its end."""
    cues = [
        ScheduledCue(index, CUE_FOR_PHASE[phase], onset, breath)
        for index, (onset, phase, breath) in enumerate(plan.boundaries())
    ]
    cues.append(ScheduledCue(len(cues), Cue.BELL, plan.duration, plan.breaths))
    return tuple(cues)


def next_cue(
    schedule: tuple[ScheduledCue, ...], elapsed: float, after: int = -1
) -> ScheduledCue | None:
    """The first cue at or after ``elapsed`` breathing seconds with an index past ``after``."""
    times = [cue.at for cue in schedule]
    position = max(bisect.bisect_left(times, elapsed), after + 1)
    return schedule[position] if position < len(schedule) else None


class CueSequencer:
    """Which cue of one run is due, and when on the monotonic clock.

    ``next()`` says what to wait for; ``take_due(now)`` hands out the cue whose time
    has come (at most one per call) and remembers it, so no cue plays twice, not
    even when a pause is resumed right on a phase boundary. Nothing is due before
    the start, during a pause or after Stop and "I feel dizzy"; the bell only
    follows a run that reached its end.
    """

    def __init__(self, run: SessionRun) -> None:
        self._run = run
        self._schedule = cue_schedule(run.plan)
        self._done = -1  # the index of the last cue played or skipped

    @property
    def schedule(self) -> tuple[ScheduledCue, ...]:
        return self._schedule

    def next(self) -> tuple[ScheduledCue, float] | None:
        """The next cue not yet played and the monotonic time it falls due, if any."""
        position = self._done + 1
        if position >= len(self._schedule):
            return None
        cue = self._schedule[position]
        due = self._run.monotonic_at(cue.at)
        return None if due is None else (cue, due)

    def catch_up(self, now: float) -> None:
        """Pass over every cue more than ``LATE_SECONDS`` overdue at ``now``, silently."""
        while (upcoming := self.next()) is not None and now - upcoming[1] > LATE_SECONDS:
            self._done = upcoming[0].index

    def take_due(self, now: float) -> ScheduledCue | None:
        """The cue to play at monotonic ``now``, or None (too early, paused, or over).

        Cues more than ``LATE_SECONDS`` overdue are passed over silently (the app
        was busy, or the sequencer joined a running session); the first cue still
        in time is the one returned.
        """
        self.catch_up(now)
        upcoming = self.next()
        if upcoming is None or upcoming[1] > now + EARLY_SECONDS:
            return None
        self._done = upcoming[0].index
        return upcoming[0]
