"""The session window's frames: on a 16 ms grid, and only when the picture changes.

While the window is on screen and the run is counting down or breathing, one
precise single-shot timer is re-armed after each frame for the next slot of the
grid at which anything visible changes (``core/frame_pacing``), so frames that
are due come as on a fixed-rate timer and frames that would draw nothing are
slept through. Inside a quiet stretch of a phase (no text changes) a frame only
moves the shape and the ring; the look-ahead asks the view's own repaint test
(``BreathingView.would_repaint``) about the very volumes those frames will hand
it, so the two always agree. Otherwise a frame is a full one: ``full_frame_due``
asks the window to show the run's whole state.

When no frames are wanted (hidden, minimised, paused, finished) a coarse timer
only wakes the window when the run would have ended, so ``ended`` is on time
even behind other windows.
"""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from herstel.core.frame_pacing import first_slot_after, next_frame_time
from herstel.core.rhythm import Phase, RhythmState, quiet_stretch
from herstel.core.session import SessionRun, Stage
from herstel.ui.session.breathing_view import BreathingView

FRAME_INTERVAL_MS: Final = 16
"""About 60 frames a second: smooth on any display, cheap with dirty-rect painting."""
FRAME_SECONDS: Final = FRAME_INTERVAL_MS / 1000.0

_Segment = tuple[Phase, float, float, float, float, float]
"""A quiet stretch of one phase: (phase, its start and length in breathing seconds, the
next text change, the session's duration, the monotonic reading at breathing second 0)."""


class FramePacer(QObject):
    """When the next frame of ``view`` in ``window`` comes, and what it has to do.

    A child of ``window`` that keeps no Python reference to it (``parent()``
    finds it), so the window's wrapper goes as soon as the window does.
    """

    full_frame_due = Signal()
    """Show the run's whole state now (the window's ``tick``)."""

    def __init__(self, run: SessionRun, view: BreathingView, window: QWidget) -> None:
        super().__init__(window)
        self._run = run
        self._view = view
        # The pattern's volume curve: a double inhale stops short, then tops up.
        self._volume_at = run.plan.pattern.volume_at
        self._finished = False
        # The phase being drawn, while nothing but the shape and the ring can change
        # (``_Segment``). Frames inside it skip the labels and the full state.
        self._segment: _Segment | None = None
        # One single-shot timer, re-armed by each frame for the next slot of a 16 ms
        # grid at which the picture changes (frame_pacing): frames that are due come
        # as on a fixed-rate timer; frames that would draw nothing are slept through.
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._frame)
        self._frame_origin = 0.0  # the grid's slot 0 on the run's monotonic clock
        # Wakes a hidden window at the moment the run would end, so `ended` is on time.
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.CoarseTimer)
        self._wake.timeout.connect(self.full_frame_due)

    @property
    def timer(self) -> QTimer:
        """The display-rate timer (active only while visible and running)."""
        return self._timer

    def running(self) -> bool:
        """Whether the run still counts down or breathes (frames or a wake are due)."""
        return not self._finished and self._run.stage in (Stage.COUNTDOWN, Stage.BREATHING)

    def forget_segment(self) -> None:
        """The next frame is a full one."""
        self._segment = None

    def plan_segment(
        self, state: RhythmState, *, shown_left: int | None, count_each_second: bool
    ) -> None:
        """The stretch of this phase in which no text changes, for the frames to come."""
        stretch = quiet_stretch(
            state, self._run.plan, shown_left=shown_left, count_each_second=count_each_second
        )
        base = self._run.monotonic_at(0.0)
        if stretch is None or base is None:
            self._segment = None
            return
        start, length, until = stretch
        self._segment = (state.phase, start, length, until, self._run.plan.duration, base)

    def sync(self) -> None:
        """Run the frame timer only while it shows anything; otherwise wake at the end."""
        self._segment = None  # the next frame is a full one
        if self.running() and self._on_screen():
            self._wake.stop()
            if not self._timer.isActive():
                self._frame_origin = self._run.monotonic_now()
                self._timer.start(FRAME_INTERVAL_MS)
            else:  # something changed (size, state): the next slot, not a planned one
                self._arm_frame(None, self._run.monotonic_now())
            return
        self._timer.stop()
        if self.running():
            run = self._run
            left = run.countdown_left() + run.plan.duration - run.breathing_elapsed()
            self._wake.start(max(1, math.ceil(left * 1000) + 1))
        else:
            self._wake.stop()

    def resized(self) -> None:
        """The look-ahead was for the old size of the shape: take the next slot."""
        if self._timer.isActive():
            self._arm_frame(None, self._run.monotonic_now())

    def finish(self) -> None:
        """The window has ended: no frame and no wake from now on."""
        self._finished = True
        self._timer.stop()
        self._wake.stop()

    def _on_screen(self) -> bool:
        """Frames only while the window is on screen."""
        window = self.parent()
        return isinstance(window, QWidget) and window.isVisible() and not window.isMinimized()

    def _frame(self) -> None:
        """The frame timer's slot: inside a phase only the shape and the ring move.

        The volume is still computed from the run's monotonic clock on every frame
        (the pattern's ``volume_at`` the phase progress at this moment), so nothing drifts;
        what is skipped is what cannot have changed since the phase began: the phase
        word, the time left, the count, and the rest of the run's state. At a phase
        change or a new second of the time left (or anything else) a full frame
        runs instead.
        """
        segment = self._segment
        if segment is not None:
            phase, start, length, until, duration, base = segment
            now = self._run.monotonic_now()
            elapsed = now - base  # breathing_elapsed(), while the run goes on unpaused
            if start <= elapsed < until:
                self._view.set_state(
                    self._volume_at(phase, (elapsed - start) / length), elapsed / duration
                )
                self._arm_frame(segment, now)
                return
        self.full_frame_due.emit()
        if self.running() and self._on_screen():
            self._arm_frame(self._segment, self._run.monotonic_now())

    def _arm_frame(self, segment: _Segment | None, now: float) -> None:
        """Sleep until the next slot at which anything visible changes.

        Inside a quiet segment only the shape and the ring move, and only one way,
        so the first slot at which the view would repaint (or the text changes) is
        found by looking ahead on the rhythm; anything else takes the next slot.
        """
        origin = self._frame_origin
        # This frame stands for its slot even if the clock reads a hair before it.
        after = now + 1e-6
        if segment is None:
            at = origin + first_slot_after(after, origin, FRAME_SECONDS) * FRAME_SECONDS
        else:
            phase, start, length, until, duration, base = segment
            would_repaint = self._view.would_repaint
            volume = self._volume_at

            def changes(t: float) -> bool:
                e = t - base
                return would_repaint(volume(phase, (e - start) / length), e / duration)

            at = next_frame_time(after, origin, FRAME_SECONDS, base + until, changes)
        self._timer.start(max(1, math.ceil((at - now) * 1000.0 - 1e-6)))
