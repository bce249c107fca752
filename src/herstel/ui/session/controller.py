"""Opening the session window, one at a time.

The controller turns "start a session with this plan" into a ``SessionWindow``
over a ``SessionRun`` on the injected clock, raises the running window instead
of opening a second one, and reports each ended session as a ``SessionRecord``.
It stores nothing and decides nothing about the end: ``SessionFlow`` listens to
``session_ended`` and stores the record and puts up the end page.

With sound on (or eyes-closed mode) a ``CuePlayer`` plays the session's cues
through a sink opened on first use (QtMultimedia loads only then); where sound
cannot play, the session simply runs silent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from herstel.core.clock import Clock, SystemClock
from herstel.core.records import Trigger
from herstel.core.rhythm import SessionPlan
from herstel.core.session import SessionOutcome, SessionRun
from herstel.core.settings import Settings
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.common.theme import prefers_reduced_motion
from herstel.ui.common.windows import bring_to_front

if TYPE_CHECKING:
    from herstel.platform.sound import CueSink
    from herstel.ui.session.cue_player import CuePlayer
    from herstel.ui.session.window import SessionWindow

log = logging.getLogger(__name__)

InhibitorFactory = Callable[[QObject], ScreenSaverInhibitor]
SinkFactory = Callable[[int, QObject], "CueSink | None"]
"""Opens the speakers at a volume (%), or None where sound cannot play."""


def _open_sink(volume: int, parent: QObject) -> CueSink | None:
    from herstel.platform.sound import open_sink

    return open_sink(volume, parent)


class SessionController(QObject):
    """Owns the (single) session window.

    ``session_ended(SessionRecord, SessionWindow)`` is emitted once per session,
    for every way it ends (completed, Stop, "I feel dizzy", or the window closed
    mid-session); the window stays open for the end page.
    """

    session_started = Signal()  # a new session window opened (for status and D-Bus)
    session_ended = Signal(object, object)

    def __init__(
        self,
        clock: Clock | None = None,
        parent: QObject | None = None,
        *,
        settings: Settings | None = None,
        inhibitor_factory: InhibitorFactory | None = None,
        sink_factory: SinkFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._settings = settings if settings is not None else Settings()
        self._inhibitor_factory = inhibitor_factory
        self._sink_factory: SinkFactory = sink_factory if sink_factory else _open_sink
        self._sink: CueSink | None = None
        self._cues: CuePlayer | None = None
        self._window: SessionWindow | None = None

    @property
    def inhibitor_factory(self) -> InhibitorFactory | None:
        """How session windows hold off the screen saver (the rhythm finder's steps too)."""
        return self._inhibitor_factory

    @property
    def window(self) -> SessionWindow | None:
        """The session window while it is open (running or on its end page)."""
        return self._window

    @property
    def is_running(self) -> bool:
        """Whether a session is counting down, breathing or paused right now."""
        return self._window is not None and not self._window.is_finished()

    @property
    def cue_player(self) -> CuePlayer | None:
        """The current session's cue player, while it has sound."""
        return self._cues

    def set_settings(self, settings: Settings) -> None:
        """Display options (count, reduced motion, first run) for the next session.

        The volume applies at once; turning sound on or off also applies to a
        session already running.
        """
        self._settings = settings
        if self._sink is not None:
            self._sink.set_volume(settings.sound_volume)
        window = self._window
        if window is None or not self.is_running:
            return
        wanted = _wants_sound(settings, window.is_eyes_closed())
        if wanted and self._cues is None:
            self._cues = self._cue_player(window.run)
        elif not wanted:
            self._close_cues()

    def start(
        self,
        plan: SessionPlan,
        trigger: Trigger,
        *,
        show_count: bool | None = None,
        reduced_motion: bool | None = None,
        first_run: bool | None = None,
        eyes_closed: bool = False,
    ) -> SessionWindow:
        """Open a session for ``plan``; with one already running, raise that one instead.

        The display options default to the controller's settings (``set_settings``);
        reduced motion is also on when the system asks for it; ``eyes_closed`` turns
        eyes-closed mode on for this session even where the settings have it off.
        """
        if self._window is not None and self.is_running:
            log.info("a session is already running; raising it")
            self.raise_session()
            return self._window
        if self._window is not None:  # a finished session still showing its end page
            old, self._window = self._window, None
            old.close()
        from herstel.ui.session.window import SessionWindow  # loaded with the first session

        settings = self._settings
        eyes = settings.eyes_closed or eyes_closed
        no_sound = eyes and self._sound_sink() is None
        if no_sound:
            # Without its cues eyes-closed mode would be a dark screen guiding nobody.
            log.warning("eyes-closed mode needs sound, which cannot play here: showing the shape")
            eyes = False
        run = SessionRun(plan, self._clock)
        inhibitor = self._inhibitor_factory(self) if self._inhibitor_factory else None
        window = SessionWindow(
            run,
            show_count=settings.show_count if show_count is None else show_count,
            reduced_motion=prefers_reduced_motion(
                settings.reduced_motion if reduced_motion is None else reduced_motion
            ),
            first_run=not settings.first_run_done if first_run is None else first_run,
            inhibitor=inhibitor,
            eyes_closed=eyes,
        )
        if no_sound:
            window.tell_no_sound_for_eyes_closed()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.ended.connect(lambda outcome, w=window: self._ended(w, trigger, outcome))
        window.destroyed.connect(lambda _=None, w=window: self._forget(w))
        self._window = window
        self._close_cues()
        if _wants_sound(settings, window.is_eyes_closed()):
            self._cues = self._cue_player(run)  # before open(): the start is a cue's zero
        window.open()
        self.session_started.emit()
        return window

    def cues_for(self, run: SessionRun) -> CuePlayer | None:
        """Sound cues for a run shown elsewhere (the rhythm finder's steps), if sound is on.

        The caller closes the player when its run is over; make it before the run starts.
        """
        if not _wants_sound(self._settings, False):
            return None
        return self._cue_player(run)

    def _sound_sink(self) -> CueSink | None:
        """The sink to play cues through (made on first need, then shared); None: no sound."""
        if self._sink is None:
            self._sink = self._sink_factory(self._settings.sound_volume, self)
        return self._sink

    def _cue_player(self, run: SessionRun) -> CuePlayer | None:
        """A player for ``run`` through the (shared) sink; None where sound cannot play."""
        sink = self._sound_sink()
        if sink is None:
            return None
        from herstel.ui.session.cue_player import CuePlayer

        return CuePlayer(run, sink, self._clock, self)

    def _close_cues(self) -> None:
        if self._cues is not None:
            self._cues.close()
            self._cues.deleteLater()
            self._cues = None

    def stop_running(self) -> None:
        """Stop a running session (the app is quitting) so it is stored as stopped."""
        if self._window is not None and self.is_running:
            self._window.stop()

    def raise_session(self) -> None:
        """Bring the running session's window to the front (a second ``breathe``)."""
        window = self._window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        bring_to_front(window)

    def _ended(self, window: SessionWindow, trigger: Trigger, _outcome: SessionOutcome) -> None:
        self.session_ended.emit(window.run.to_record(trigger), window)

    def _forget(self, window: SessionWindow) -> None:
        if self._window is window:
            self._window = None
            self._close_cues()


def _wants_sound(settings: Settings, eyes_closed: bool) -> bool:
    """Sound cues play with sound on, and always in eyes-closed mode."""
    return settings.sound or eyes_closed
