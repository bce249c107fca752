"""Injected time.

Logic never reads the clock or sleeps by itself: it is handed a ``Clock``. Rhythm
and pauses use the monotonic reading (immune to clock changes); reminders and
stored timestamps use the wall clock (so they survive suspend). Tests use
``ManualClock`` to run a 20-minute session or a week of reminders in milliseconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where logic gets the time from."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (arbitrary origin)."""
        ...

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware (local zone)."""
        ...


class SystemClock:
    """The real clocks of this machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class ManualClock:
    """A clock that moves only when told to, for tests and benchmarks.

    ``advance`` moves both clocks together (time passing while awake);
    ``jump_wall`` moves only the wall clock (suspend, or the user changing the
    time), which is what a sleeping machine looks like to a monotonic clock that
    stops during suspend.
    """

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start if start is not None else datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._mono = monotonic_start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not run backwards; use jump_wall")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, delta: timedelta) -> None:
        self._wall += delta
