"""The session window: get ready, breathe with the circle, end calmly.

The window renders a ``SessionRun``; it never keeps time itself. While it is
visible and the run is counting down or breathing, frames fall on a 16 ms grid:
each asks the run for its state (computed from the monotonic start, so missed
frames never shift the rhythm), hands the volume to the ``BreathingView`` and
re-arms one precise single-shot timer for the next slot at which the picture
changes (``core/frame_pacing``), so slots that would draw nothing are slept
through. The timer stops whenever the window is hidden, minimised, paused or
finished; another single-shot timer then only wakes the window when the run
would have ended, so ``ended`` is emitted on time even behind other windows.

Keys (all work without a mouse): Space pauses and resumes, Esc stops (in full
screen the first Esc only leaves full screen), D is "I feel dizzy", F toggles
full screen. In eyes-closed mode (``ui/eyes_closed.py``) the window opens full screen,
near-black, with only a faint phase word, and Esc stops at once.

When the run ends the window emits ``ended(SessionOutcome)`` and stays open;
what comes next in it (the recovery check, a short summary, calm advice after
"I feel dizzy") is the session flow's decision, put there with
``show_end_page``.
"""

from __future__ import annotations

import logging
import math
from typing import Final

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from herstel import APP_NAME
from herstel.core.announcements import PhaseAnnouncer
from herstel.core.frame_pacing import first_slot_after, next_frame_time
from herstel.core.rhythm import Phase, RhythmState, quiet_stretch
from herstel.core.session import SessionRun, Stage
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.common.i18n import fill
from herstel.ui.common.windows import bring_to_front
from herstel.ui.session.breathing_view import BreathingView
from herstel.ui.session.window_parts import build_parts

log = logging.getLogger(__name__)

FRAME_INTERVAL_MS: Final = 16
"""About 60 frames a second: smooth on any display, cheap with dirty-rect painting."""
FRAME_SECONDS: Final = FRAME_INTERVAL_MS / 1000.0

_Segment = tuple[Phase, float, float, float, float, float]
"""A quiet stretch of one phase: (phase, its start and length in breathing seconds, the
next text change, the session's duration, the monotonic reading at breathing second 0)."""

PREFERRED_SIZE: Final = QSize(680, 760)


def format_clock(seconds: float) -> str:
    """``m:ss`` for a time left, rounded up so 0:00 means done."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


class SessionWindow(QWidget):
    """The breathing session, from "Get ready" to the end page.

    ``ended`` carries the ``SessionOutcome`` once, when the run ends for any
    reason (completed, Stop, "I feel dizzy", or the window being closed).
    """

    ended = Signal(object)

    def __init__(
        self,
        run: SessionRun,
        *,
        show_count: bool = False,
        reduced_motion: bool = False,
        first_run: bool = False,
        inhibitor: ScreenSaverInhibitor | None = None,
        eyes_closed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._run = run
        # The pattern's volume curve: a double inhale stops short, then tops up.
        self._volume_at = run.plan.pattern.volume_at
        self._show_count = show_count
        self._first_run = first_run
        self._eyes_closed = eyes_closed
        self._no_sound_for_eyes_closed = False
        self._finished = False
        self._end_page: QWidget | None = None
        self._phase_key: tuple[object, ...] | None = None
        self._announcer = PhaseAnnouncer()
        self._last_announcement = ""
        self._announcements = 0
        self._was_maximized = False
        # What the labels show now, so a frame only touches what changed.
        self._shown_count: int | None = None
        self._shown_left: int | None = None
        self._shown_stage: Stage | None = None
        self._parts_key: tuple[bool, bool] | None = None
        # The phase being drawn, while nothing but the shape and the ring can change
        # (``_Segment``). Frames inside it skip the labels and the full state.
        self._segment: _Segment | None = None

        self.setWindowTitle(APP_NAME)
        self.setObjectName("sessionWindow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)

        self._inhibitor = inhibitor if inhibitor is not None else ScreenSaverInhibitor(self)
        self._inhibitor.locked_changed.connect(self._screen_locked)

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
        self._wake.timeout.connect(self.tick)

        parts = build_parts(
            self,
            reduced_motion=reduced_motion,
            first_run=first_run,
            actions=(self.toggle_pause, self.stop, self.dizzy, self.toggle_full_screen),
        )
        self._stack, self._page, self._view = parts.stack, parts.page, parts.view
        self._phase_label, self._count_label = parts.phase_label, parts.count_label
        self._note, self._time_label, self._hint = parts.note, parts.time_label, parts.hint
        self._buttons, self._pause_button = parts.buttons, parts.pause_button
        self._stop_button, self._dizzy_button = parts.stop_button, parts.dizzy_button
        self._full_button = parts.full_button
        if eyes_closed:
            from herstel.ui.session import eyes_closed as look

            look.apply(self, self._page, self._view)
        self._retranslate()
        self._render()
        self.place_on_pointer_screen()

    # --- public API ------------------------------------------------------------------

    @property
    def run(self) -> SessionRun:
        return self._run

    @property
    def view(self) -> BreathingView:
        return self._view

    @property
    def frame_timer(self) -> QTimer:
        """The display-rate timer (active only while visible and running)."""
        return self._timer

    def phase_text(self) -> str:
        """The phase word as shown (and read by screen readers)."""
        return self._phase_label.text()

    def last_announcement(self) -> str:
        """The last text announced to assistive technology."""
        return self._last_announcement

    def announcement_count(self) -> int:
        """How many announcements were made (one per phase onset, pause and end)."""
        return self._announcements

    def is_finished(self) -> bool:
        return self._finished

    def is_eyes_closed(self) -> bool:
        """Whether this session is in eyes-closed mode (full screen, near-black, cues)."""
        return self._eyes_closed

    def end_page(self) -> QWidget | None:
        return self._end_page

    def open(self) -> None:
        """Show the window on the screen under the pointer and give it focus."""
        self.place_on_pointer_screen()
        if self._eyes_closed:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        bring_to_front(self)

    def place_on_pointer_screen(self) -> None:
        """Centre the window on the screen under the mouse pointer."""
        if not QGuiApplication.screens():
            return
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(PREFERRED_SIZE.width(), int(available.width() * 0.9))
        height = min(PREFERRED_SIZE.height(), int(available.height() * 0.9))
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)

    def toggle_pause(self) -> None:
        """Space: pause or resume the countdown or the breathing."""
        if self._finished:
            return
        self._run.toggle_pause()
        self._render()
        self._sync_timer()

    def pause(self) -> None:
        if self._finished:
            return
        self._run.pause()
        self._render()
        self._sync_timer()

    def stop(self) -> None:
        """Esc / Stop: end now; the end page follows."""
        if self._finished:
            return
        self._run.stop()
        self.tick()

    def dizzy(self) -> None:
        """ "I feel dizzy": end at once and show calm advice."""
        if self._finished:
            return
        self._run.dizzy()
        self.tick()

    def toggle_full_screen(self) -> None:
        """F: full screen shows only the shape, the phase word and "Esc stops"."""
        if self.isFullScreen():
            self._leave_full_screen()
        else:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()

    def _leave_full_screen(self) -> None:
        if self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()

    def show_end_page(self, widget: QWidget, *, announce: QLabel | None = None) -> None:
        """Put ``widget`` where the session was (replacing any earlier end page).

        ``announce``: a label whose text screen readers hear at once (the end).
        """
        old = self._end_page
        self._end_page = widget
        self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)
        if old is not None and old is not widget:
            self._stack.removeWidget(old)
            old.deleteLater()
        focus = widget.focusProxy() or _first_focusable(widget) or widget
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        if announce is not None:
            self._announce(announce.text(), announce)

    def tick(self) -> None:
        """One full frame: read the run's whole state and show all of it."""
        if self._finished:
            return
        if self._run.stage is Stage.ENDED:
            self._finish()
            return
        self._render()

    def _frame(self) -> None:
        """The frame timer's slot: inside a phase only the shape and the ring move.

        The volume is still computed from the run's monotonic clock on every frame
        (the pattern's ``volume_at`` the phase progress at this moment), so nothing drifts;
        what is skipped is what cannot have changed since the phase began: the phase
        word, the time left, the count, and the rest of the run's state. At a phase
        change or a new second of the time left (or anything else) a full ``tick``
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
        self.tick()
        if self._running() and self._timer_wanted():
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

    def tell_no_sound_for_eyes_closed(self) -> None:
        """Say in the window, not only the log, why eyes-closed mode was not used."""
        self._no_sound_for_eyes_closed = True
        self._parts_key = None
        self._retranslate()

    def _retranslate(self) -> None:
        self._words = {
            Phase.INHALE: self.tr("Breathe in"),
            Phase.TOP_UP: self.tr("And in"),
            Phase.HOLD_IN: self.tr("Hold"),
            Phase.EXHALE: self.tr("Breathe out"),
            Phase.HOLD_OUT: self.tr("Hold"),
        }
        self._get_ready = self.tr("Get ready")
        self._paused = self.tr("Paused")
        self._left_text = self.tr("{time} left")
        notes = []
        if self._no_sound_for_eyes_closed:
            notes.append(
                self.tr(
                    "Eyes-closed mode needs sound, and no sound can play here, "
                    "so follow the shape on the screen."
                )
            )
        if self._first_run:
            notes.append(
                self.tr(
                    "Herstel is a relaxation aid, not a treatment. If you feel dizzy or "
                    "short of breath, stop and breathe normally."
                )
            )
        self._note.setText("\n\n".join(notes))
        self._hint.setText(self.tr("Esc stops"))
        self._stop_button.setText(self.tr("Stop"))
        self._stop_button.setAccessibleName(self.tr("Stop"))
        self._stop_button.setToolTip(self.tr("Stop the session (Esc)"))
        self._dizzy_button.setText(self.tr("I feel dizzy"))
        self._dizzy_button.setAccessibleName(self.tr("I feel dizzy"))
        self._dizzy_button.setToolTip(self.tr("End now and breathe normally (D)"))
        self._full_button.setText(self.tr("Full screen"))
        self._full_button.setAccessibleName(self.tr("Full screen"))
        self._full_button.setToolTip(self.tr("Full screen on or off (F)"))
        # The labels' names are their texts (the phase word, the count, "4:20 left"),
        # so a screen reader reads what is shown; the description says what it is.
        self._phase_label.setAccessibleDescription(self.tr("Breathing phase"))
        self._count_label.setAccessibleDescription(self.tr("Seconds"))
        self._time_label.setAccessibleDescription(self.tr("Time left"))
        self._view.setAccessibleName(self.tr("Breathing guide"))
        self._pause_text()
        # Show every text again, now in the new language.
        self._phase_key = None
        self._shown_count = None
        self._shown_left = None

    def _pause_text(self) -> None:
        paused = self._run.stage is Stage.PAUSED
        text = self.tr("Resume") if paused else self.tr("Pause")
        self._pause_button.setText(text)
        self._pause_button.setAccessibleName(text)
        self._pause_button.setToolTip(self.tr("Pause or resume (Space)"))

    # --- rendering -----------------------------------------------------------------

    def _render(self) -> None:
        """Show the run's current stage; runs often, so it only touches what changed."""
        self._segment = None
        run = self._run
        stage = run.stage
        if stage is Stage.ENDED:
            return
        countdown = run.countdown_left()
        if countdown > 0:
            # Counting down (or paused during the countdown): the circle rests.
            if stage is Stage.PAUSED:
                self._set_phase(("paused",), self._paused)
            else:
                self._set_phase(("ready",), self._get_ready)
            self._set_count(max(1, math.ceil(countdown - 1e-9)))
            self._set_time_left(run.plan.duration)
            self._show_parts(counting_down=True)
            self._view.set_state(0.0, 0.0)
        else:
            state = run.state()
            if stage is Stage.PAUSED:
                self._set_phase(("paused",), self._paused)
            else:
                key = (state.breath_index, state.phase)
                if key != self._phase_key:
                    self._set_phase(key, self._words[state.phase])
            if self._show_count:
                self._set_count(state.second_count)
            self._set_time_left(state.remaining)
            self._show_parts(counting_down=False)
            self._view.set_state(state.volume, state.session_progress)
            if stage is Stage.BREATHING:
                self._segment = self._quiet_segment(state)
        if stage is not self._shown_stage:
            self._shown_stage = stage
            self._pause_text()

    def _quiet_segment(self, state: RhythmState) -> _Segment | None:
        """The stretch of this phase in which no text changes, for ``_frame``."""
        stretch = quiet_stretch(
            state, self._run.plan, shown_left=self._shown_left, count_each_second=self._show_count
        )
        base = self._run.monotonic_at(0.0)
        if stretch is None or base is None:
            return None
        start, length, until = stretch
        return (state.phase, start, length, until, self._run.plan.duration, base)

    def _set_count(self, number: int) -> None:
        if number != self._shown_count:
            self._shown_count = number
            self._count_label.setText(str(number))

    def _set_time_left(self, seconds: float) -> None:
        whole = max(0, math.ceil(seconds - 1e-9))
        if whole != self._shown_left:
            self._shown_left = whole
            self._time_label.setText(fill(self._left_text, time=format_clock(whole)))

    def _show_parts(self, *, counting_down: bool) -> None:
        """Which quiet parts show: they depend on the stage and on full screen."""
        eyes_closed = self._eyes_closed  # only the faint phase word
        full = self.isFullScreen() or eyes_closed
        key = (counting_down, full)
        if key == self._parts_key:
            return
        self._parts_key = key
        self._count_label.setVisible(
            not eyes_closed and (counting_down or (self._show_count and not full))
        )
        self._note.setVisible(
            counting_down and (self._first_run or self._no_sound_for_eyes_closed) and not full
        )
        self._buttons.setVisible(not full)
        self._time_label.setVisible(not full)
        self._hint.setVisible(full and not eyes_closed)

    def _set_phase(self, key: tuple[object, ...], text: str) -> None:
        if key == self._phase_key:
            return
        self._phase_key = key
        if self._phase_label.text() != text:
            self._phase_label.setText(text)
        if self._announcer.decide(key):  # each phase once; resuming repeats nothing
            self._announce(text)

    def _announce(self, text: str, source: QWidget | None = None) -> None:
        """Tell screen readers about the new phase (once per phase) or the end."""
        self._last_announcement = text
        self._announcements += 1
        try:
            from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
        except ImportError:  # Qt older than 6.8: the label's name change is read instead
            return
        event = QAccessibleAnnouncementEvent(source or self._phase_label, text)
        QAccessible.updateAccessibility(event)

    # --- timers and window state ---------------------------------------------------

    def _running(self) -> bool:
        return not self._finished and self._run.stage in (Stage.COUNTDOWN, Stage.BREATHING)

    def _sync_timer(self) -> None:
        """Run the frame timer only while it shows anything; otherwise wake at the end."""
        self._segment = None  # the next frame is a full one
        if self._running() and self._timer_wanted():
            self._wake.stop()
            if not self._timer.isActive():
                self._frame_origin = self._run.monotonic_now()
                self._timer.start(FRAME_INTERVAL_MS)
            else:  # something changed (size, state): the next slot, not a planned one
                self._arm_frame(None, self._run.monotonic_now())
            return
        self._timer.stop()
        if self._running():
            run = self._run
            left = run.countdown_left() + run.plan.duration - run.breathing_elapsed()
            self._wake.start(max(1, math.ceil(left * 1000) + 1))
        else:
            self._wake.stop()

    def _timer_wanted(self) -> bool:
        """Frames only while the window is on screen."""
        return self.isVisible() and not self.isMinimized()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._timer.isActive():  # the look-ahead was for the old size of the shape
            self._arm_frame(None, self._run.monotonic_now())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._run.started:
            self._run.start()
            self._inhibitor.inhibit()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self._render()
        self._sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._sync_timer()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.WindowStateChange:
            self._full_screen_changed()
            self._sync_timer()
        elif kind == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window mid-session counts as Stop, so the breathing is kept.
        if not self._finished:
            self._run.stop()
            self._finish()
        self._timer.stop()
        self._wake.stop()
        self._inhibitor.release()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (
            event.modifiers()
            & (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
        )
        on_session = self._stack.currentWidget() is self._page
        if key == Qt.Key.Key_Escape:
            if self.isFullScreen() and not (self._eyes_closed and on_session):
                self._leave_full_screen()
            elif on_session:
                self.stop()
            else:
                self.close()
        elif key == Qt.Key.Key_Space and plain and on_session:
            self.toggle_pause()
        elif key == Qt.Key.Key_D and plain and on_session:
            self.dizzy()
        elif key == Qt.Key.Key_F and plain:
            self.toggle_full_screen()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _full_screen_changed(self) -> None:
        # Full screen shows only the shape, the phase word and "Esc stops".
        self._parts_key = None
        if not self._finished:
            self._render()

    def _screen_locked(self, locked: bool) -> None:
        if locked and self._running():
            log.debug("screen locked: pausing the session")
            self.pause()

    # --- the end -------------------------------------------------------------------

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._timer.stop()
        self._wake.stop()
        self._inhibitor.release()
        outcome = self._run.outcome()
        log.debug("session ended: %s", outcome)
        self.ended.emit(outcome)


def _first_focusable(widget: QWidget) -> QWidget | None:
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isEnabled():
            return child
    return None
