"""The session window: get ready, breathe with the circle, end calmly.

The window renders a ``SessionRun``; it never keeps time itself. While it is
visible and the run is counting down or breathing, frames fall on a 16 ms grid:
each asks the run for its state (computed from the monotonic start, so missed
frames never shift the rhythm) and hands the volume to the ``BreathingView``.
When the next frame comes, and when a hidden window wakes to end on time, is
``frame_pacer``'s job; the words on screen are ``window_labels``'s, the widgets
``window_parts``'s. This module ties them to the run, the keys and full screen.

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
from PySide6.QtWidgets import QLabel, QWidget

from herstel import APP_NAME
from herstel.core.session import SessionRun, Stage
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.common.windows import bring_to_front
from herstel.ui.session.breathing_view import BreathingView
from herstel.ui.session.frame_pacer import FramePacer
from herstel.ui.session.window_labels import SessionLabels
from herstel.ui.session.window_parts import build_parts

log = logging.getLogger(__name__)

PREFERRED_SIZE: Final = QSize(680, 760)


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
        self._show_count = show_count
        self._eyes_closed = eyes_closed
        self._finished = False
        self._end_page: QWidget | None = None
        self._was_maximized = False
        self._shown_stage: Stage | None = None  # the pause button says what it does then

        self.setWindowTitle(APP_NAME)
        self.setObjectName("sessionWindow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)

        self._inhibitor = inhibitor if inhibitor is not None else ScreenSaverInhibitor(self)
        self._inhibitor.locked_changed.connect(self._screen_locked)

        parts = build_parts(
            self,
            reduced_motion=reduced_motion,
            first_run=first_run,
            actions=(self.toggle_pause, self.stop, self.dizzy, self.toggle_full_screen),
        )
        self._stack, self._page, self._view = parts.stack, parts.page, parts.view
        self._phase_label = parts.phase_label
        self._labels = SessionLabels(
            parts, show_count=show_count, first_run=first_run, eyes_closed=eyes_closed
        )
        self._pacer = FramePacer(run, self._view, self)
        self._pacer.full_frame_due.connect(self.tick)
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
        return self._pacer.timer

    def phase_text(self) -> str:
        """The phase word as shown (and read by screen readers)."""
        return self._phase_label.text()

    def last_announcement(self) -> str:
        """The last text announced to assistive technology."""
        return self._labels.last_announcement()

    def announcement_count(self) -> int:
        """How many announcements were made (one per phase onset, pause and end)."""
        return self._labels.announcement_count()

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
        self._pacer.sync()

    def pause(self) -> None:
        if self._finished:
            return
        self._run.pause()
        self._render()
        self._pacer.sync()

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
            self._labels.announce(announce.text(), announce)

    def tick(self) -> None:
        """One full frame: read the run's whole state and show all of it."""
        if self._finished:
            return
        if self._run.stage is Stage.ENDED:
            self._finish()
            return
        self._render()

    def tell_no_sound_for_eyes_closed(self) -> None:
        """Say in the window, not only the log, why eyes-closed mode was not used."""
        self._labels.no_sound_for_eyes_closed = True
        self._labels.forget_parts()
        self._retranslate()

    def _retranslate(self) -> None:
        self._labels.retranslate(paused=self._run.stage is Stage.PAUSED)

    # --- rendering -----------------------------------------------------------------

    def _render(self) -> None:
        """Show the run's current stage; runs often, so it only touches what changed."""
        self._pacer.forget_segment()
        run = self._run
        stage = run.stage
        if stage is Stage.ENDED:
            return
        labels = self._labels
        countdown = run.countdown_left()
        if countdown > 0:
            # Counting down (or paused during the countdown): the circle rests.
            if stage is Stage.PAUSED:
                labels.show_paused()
            else:
                labels.show_get_ready()
            labels.set_count(max(1, math.ceil(countdown - 1e-9)))
            labels.set_time_left(run.plan.duration)
            labels.show_parts(counting_down=True, full_screen=self.isFullScreen())
            self._view.set_state(0.0, 0.0)
        else:
            state = run.state()
            if stage is Stage.PAUSED:
                labels.show_paused()
            else:
                labels.show_phase(state.breath_index, state.phase)
            if self._show_count:
                labels.set_count(state.second_count)
            labels.set_time_left(state.remaining)
            labels.show_parts(counting_down=False, full_screen=self.isFullScreen())
            self._view.set_state(state.volume, state.session_progress)
            if stage is Stage.BREATHING:
                self._pacer.plan_segment(
                    state, shown_left=labels.shown_left, count_each_second=self._show_count
                )
        if stage is not self._shown_stage:
            self._shown_stage = stage
            labels.show_pause_button(paused=stage is Stage.PAUSED)

    # --- timers and window state ---------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pacer.resized()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._run.started:
            self._run.start()
            self._inhibitor.inhibit()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self._render()
        self._pacer.sync()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._pacer.sync()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.WindowStateChange:
            self._full_screen_changed()
            self._pacer.sync()
        elif kind == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window mid-session counts as Stop, so the breathing is kept.
        if not self._finished:
            self._run.stop()
            self._finish()
        self._pacer.finish()
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
        self._labels.forget_parts()
        if not self._finished:
            self._render()

    def _screen_locked(self, locked: bool) -> None:
        if locked and self._pacer.running():
            log.debug("screen locked: pausing the session")
            self.pause()

    # --- the end -------------------------------------------------------------------

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._pacer.finish()
        self._inhibitor.release()
        outcome = self._run.outcome()
        log.debug("session ended: %s", outcome)
        self.ended.emit(outcome)


def _first_focusable(widget: QWidget) -> QWidget | None:
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isEnabled():
            return child
    return None
