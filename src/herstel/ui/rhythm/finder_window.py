"""The guided rhythm finder: intro, five short breathing runs with two questions each, a result.

One calm window. Each step is an ordinary ``SessionWindow`` (the same circle,
countdown, Pause, Stop and "I feel dizzy"), placed inside this window instead of
opening a window of its own, so the breathing looks and behaves as in any session.
What comes next is decided by ``herstel.core.rhythm_finder.RhythmFinder``.

The window stores nothing: ``ended(SessionRecord)`` hands the finder, as one
session (pattern label "finder"), to whoever stores sessions, once, when it ends;
``settings_chosen(Settings)`` hands over the settings with the saved rhythm.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLayout, QStackedWidget, QVBoxLayout, QWidget

from herstel import APP_NAME
from herstel.core.named_patterns import NamedPatternError, clean_name, saved
from herstel.core.records import SessionRecord, Trigger
from herstel.core.rhythm_finder import FinderStage, RhythmFinder
from herstel.core.session import COUNTDOWN_SECONDS, SessionOutcome, SessionRun
from herstel.core.settings import Settings
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.common.theme import prefers_reduced_motion
from herstel.ui.rhythm.pages import DizzyPage, IntroPage, QuestionsPage, ResultPage, step_line
from herstel.ui.session.window import SessionWindow

if TYPE_CHECKING:
    from herstel.ui.session.cue_player import CuePlayer

InhibitorFactory = Callable[[QObject], ScreenSaverInhibitor]
CuesFactory = Callable[[SessionRun], "CuePlayer | None"]

_PLAIN_KEYS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class RhythmFinderWindow(QWidget):
    """Runs one ``RhythmFinder`` from its intro to its result (or the dizzy advice)."""

    ended = Signal(object)  # SessionRecord, once, when the finder ends after any breathing
    settings_chosen = Signal(object)  # Settings with the saved rhythm (and maybe the default)

    def __init__(
        self,
        finder: RhythmFinder,
        settings: Settings,
        trigger: Trigger = Trigger.WINDOW,
        *,
        inhibitor: InhibitorFactory | None = None,
        cues: CuesFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._finder = finder
        self._settings = settings
        self._trigger = trigger
        self._make_inhibitor = inhibitor
        self._make_cues = cues
        self._cues: CuePlayer | None = None
        self._session: SessionWindow | None = None
        self._record_sent = False
        self.setObjectName("rhythmFinder")
        self.setWindowTitle(APP_NAME)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Size limits never go to the window system (no size-hint churn between pages).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._stack = QStackedWidget(self)
        layout.addWidget(self._stack)

        self.intro = IntroPage(self._stack)
        self.intro.begin.connect(self._begin)
        self.intro.not_now.connect(self.close)
        self._stack.addWidget(self.intro)
        self._step_page = QWidget(self._stack)
        self._step_page.setObjectName("finderStep")
        self._step_layout = step_layout = QVBoxLayout(self._step_page)
        step_layout.setContentsMargins(0, 14, 0, 0)
        step_layout.setSpacing(0)
        step_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._step_label = QLabel(self._step_page)
        self._step_label.setObjectName("finderStepLabel")
        self._step_label.setProperty("role", "muted")
        self._step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        step_layout.addWidget(self._step_label)
        self._stack.addWidget(self._step_page)
        self._page: QWidget = self.intro
        self._retranslate()
        self.resize(760, 640)

    # --- public ------------------------------------------------------------------------

    @property
    def finder(self) -> RhythmFinder:
        return self._finder

    @property
    def cue_player(self) -> CuePlayer | None:
        """The sound cues of the current (or last) step, when sound is on."""
        return self._cues

    @property
    def session(self) -> SessionWindow | None:
        """The breathing run shown now (inside this window), if a step is running."""
        return self._session

    def current_page(self) -> QWidget:
        return self._page

    def dizzy(self) -> None:
        """ "I feel dizzy" (D), from any page before the end: stop at once, calm advice."""
        if self._session is not None and not self._session.is_finished():
            self._session.dizzy()  # its `ended` brings the advice
            return
        self._finder.dizzy()
        self._follow()

    def stop(self) -> None:
        """Esc: end the step or skip the questions; the result shows what was rated."""
        if self._session is not None and not self._session.is_finished():
            self._session.stop()
            return
        self._finder.stop()
        self._follow()

    # --- flow ----------------------------------------------------------------------------

    def _begin(self) -> None:
        run = self._finder.begin()
        if run is not None:
            self._show_step(run)

    def _show_step(self, run: SessionRun) -> None:
        """Put a fresh session for ``run`` in the step page; showing it starts the run."""
        step = self._finder.step
        assert step is not None
        line = step_line(step, len(self._finder.steps))
        self._step_label.setText(line)
        settings = self._settings
        session = SessionWindow(
            run,
            show_count=settings.show_count,
            reduced_motion=prefers_reduced_motion(settings.reduced_motion),
            inhibitor=self._make_inhibitor(self) if self._make_inhibitor else None,
        )
        self._close_cues()  # the last step's bell has rung by now
        if self._make_cues is not None:  # before the run starts: its start is the cues' zero
            self._cues = self._make_cues(run)
        session.setWindowFlags(Qt.WindowType.Widget)
        session.setAccessibleName(line)  # inside this window it has no title to be named by
        session.setParent(self._step_page)
        session.installEventFilter(self)
        session.ended.connect(self._step_ended)
        self._step_layout.addWidget(session)
        old, self._session = self._session, session
        if old is not None:
            old.deleteLater()
        self._set_page(self._step_page)
        session.show()
        session.setFocus(Qt.FocusReason.OtherFocusReason)

    def _step_ended(self, _outcome: SessionOutcome) -> None:
        session = self._session
        if session is not None:
            session.show_end_page(QWidget())  # the finder says what comes next, not a summary
        self._follow()

    def _follow(self) -> None:
        """Show the page for the finder's stage now."""
        stage = self._finder.stage
        if stage is FinderStage.QUESTIONS:
            step = self._finder.step
            assert step is not None
            page = QuestionsPage(step, len(self._finder.steps), self._stack)
            page.retranslate()
            page.answered.connect(self._answered)
            page.dizzy.connect(self.dizzy)
            self._set_page(page)
        elif stage is FinderStage.RESULT:
            self._send_record()
            result = ResultPage(self._finder.recommendation(), self._stack)
            result.retranslate()
            result.save_requested.connect(self._save)
            result.done.connect(self.close)
            self._set_page(result)
        elif stage is FinderStage.DIZZY:
            self._send_record()
            dizzy = DizzyPage(self._stack)
            dizzy.retranslate()
            dizzy.done.connect(self.close)
            self._set_page(dizzy)

    def _answered(self, ease: int, calm: int) -> None:
        run = self._finder.answer(ease, calm)
        if run is not None:
            self._show_step(run)
        else:
            self._follow()

    def _save(self, name: str, make_default: bool) -> None:
        page = self._page
        assert isinstance(page, ResultPage)
        pattern = page.recommendation.pattern
        try:
            patterns = saved(self._settings.custom_patterns, name, pattern.label)
        except NamedPatternError as error:
            if error.reason == "full":
                page.show_problem(self.tr("You have 20 saved rhythms; delete one first."))
            else:
                page.show_problem(self.tr("Give your rhythm a short name."))
            return
        changes: dict[str, object] = {"custom_patterns": patterns}
        if make_default:
            changes["pattern"] = pattern.label
        self._settings = self._settings.replace(**changes)
        self.settings_chosen.emit(self._settings)
        page.show_saved(clean_name(name), make_default)

    def _send_record(self) -> None:
        if self._record_sent:
            return
        record: SessionRecord | None = self._finder.to_record(self._trigger)
        if record is not None:
            self._record_sent = True
            self.ended.emit(record)

    def _close_cues(self) -> None:
        if self._cues is not None:
            self._cues.close()
            self._cues = None

    def _set_page(self, page: QWidget) -> None:
        old = self._page
        if self._stack.indexOf(page) < 0:
            self._stack.addWidget(page)
        self._stack.setCurrentWidget(page)
        self._page = page
        if old is not page and old not in (self.intro, self._step_page):
            self._stack.removeWidget(old)
            old.deleteLater()
        if page is not self._step_page and self._session is not None:
            self._session.hide()
        focus = page.focusProxy() or page
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        total = sum(step.plan.duration for step in self._finder.steps)
        total += COUNTDOWN_SECONDS * len(self._finder.steps)
        self.intro.retranslate(math.ceil(total / 60.0))

    # --- events ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F inside a step makes this window full screen (the step is no window of its own)."""
        if watched is self._session and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = not (event.modifiers() & _PLAIN_KEYS)
            if event.key() == Qt.Key.Key_F and plain:
                self._toggle_full_screen()
                return True
            if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
                self.showNormal()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & _PLAIN_KEYS)
        key = event.key()
        ending = self._finder.stage in (FinderStage.RESULT, FinderStage.DIZZY)
        if key == Qt.Key.Key_D and plain and not ending:
            self.dizzy()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            elif ending or self._page is self.intro:
                self.close()
            else:
                self.stop()
        elif key == Qt.Key.Key_F and plain:
            self._toggle_full_screen()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            for page in (self._page,):
                retranslate = getattr(page, "retranslate", None)
                if callable(retranslate) and page is not self.intro:
                    retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-way counts as Stop: what was breathed is kept, as for any session."""
        if self._session is not None and not self._session.is_finished():
            self._session.close()  # stops the run; its `ended` moves the finder on
        if self._finder.stage not in (FinderStage.RESULT, FinderStage.DIZZY):
            self._finder.stop()
        self._send_record()
        self._close_cues()
        super().closeEvent(event)
