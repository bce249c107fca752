"""Playing a session's sound cues on time, whether or not its window is on screen.

One single-shot precise timer is armed for the next cue each time: its moment is
computed afresh from the run's monotonic clock (``CueSequencer`` over
``SessionRun.monotonic_at``), never by chaining durations, so lateness of one
wake-up never carries over to the next cue. The player watches the run: a pause
stops the timer (no cue during a pause), resuming re-arms it, Stop and "I feel
dizzy" end it (no bell). The frame timer of the window plays no part — with the
eyes closed the window may well be hidden — and the cues go to a ``CueSink``.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from herstel.core.clock import Clock
from herstel.core.cues import CueSequencer, ScheduledCue
from herstel.core.session import SessionRun
from herstel.platform.sound import CueSink

log = logging.getLogger(__name__)


class CuePlayer(QObject):
    """Sends each cue of ``run`` to ``sink`` at its phase boundary.

    ``played(ScheduledCue)`` follows every cue sent; ``due`` is the monotonic time
    the timer is armed for (None when nothing is waiting).
    """

    played = Signal(object)

    def __init__(
        self, run: SessionRun, sink: CueSink, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._sink = sink
        self._clock = clock
        self._sequencer = CueSequencer(run)
        self._due: float | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._fire)
        run.watch(self.arm)
        self.arm()  # a run already going (sound turned on mid-session) joins in

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def due(self) -> float | None:
        return self._due

    @property
    def run(self) -> SessionRun:
        return self._run

    def arm(self) -> None:
        """Wait for the next cue, or for nothing (paused, ended, all played)."""
        if self._closed:
            return
        now = self._clock.monotonic()
        self._sequencer.catch_up(now)  # joined late, or the app was busy: no stale cues
        upcoming = self._sequencer.next()
        if upcoming is None:
            self._timer.stop()
            self._due = None
            return
        _cue, due = upcoming
        self._due = due
        # Qt timers count whole milliseconds: round up, so the cue is never early.
        delay = max(0, math.ceil((due - now) * 1000.0))
        self._timer.start(delay)

    def close(self) -> None:
        """Stop for good and forget the run (its window has gone)."""
        if self._closed:
            return
        self._closed = True
        self._run.unwatch(self.arm)
        self._timer.stop()
        self._due = None

    def _fire(self) -> None:
        cue: ScheduledCue | None = self._sequencer.take_due(self._clock.monotonic())
        if cue is not None:
            try:
                self._sink.play(cue.cue)
            except Exception:  # a sound system failing must never end a session
                log.exception("could not play the %s cue", cue.cue.value)
            self.played.emit(cue)
        self.arm()
