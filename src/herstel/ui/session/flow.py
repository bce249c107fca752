"""A session from start to its stored result: optional before-check, breathing,
the recovery check, the result screen.

A session flows one way. A request (options and a trigger) is resolved once,
in core, into a ``SessionSpec``; the controller opens its window; when it ends
the flow stores the record and decides what the window shows next — the
check, or the end page (a summary, or the advice after "I feel dizzy"). With a
session already running, a new request only raises it: there is only ever one.

Every session is stored the moment it ends (completed, stopped or dizzy), so
nothing is lost if the check is never answered; the check's answers are then
saved over it (same id) in one transaction. The rules for what the result
screen says live in :mod:`herstel.core.advice`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from herstel.core.checkin import CheckAnswers, CheckKind, CheckStatus, asks_sleep, night_for
from herstel.core.clock import Clock
from herstel.core.launch import BreatheOptions
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.reminder_flow import Shown
from herstel.core.room import RESET_MINUTES
from herstel.core.session_spec import SessionSpec, resolve_session
from herstel.storage.connection import StorageError
from herstel.storage.database import Database
from herstel.storage.pending import Outcome, Saver
from herstel.storage.pending_writes import SessionWrite
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.rhythm.launcher import FinderLauncher
from herstel.ui.session.controller import SessionController

if TYPE_CHECKING:  # the pages load when a session first needs them, not at start-up
    from herstel.ui.checkin.page import CheckResult
    from herstel.ui.rhythm.finder_window import RhythmFinderWindow
    from herstel.ui.session.window import SessionWindow

log = logging.getLogger(__name__)
T = TypeVar("T")
READ_WAIT = 0.5  # seconds a screen waits for a locked database before it does without


class SessionFlow(QObject):
    starting = Signal()  # a new session is about to open (a reminder on screen can go)
    ended = Signal(object)  # SessionRecord, stored as soon as the session ended
    checked = Signal(object)  # SessionRecord, after its check was stored

    def __init__(
        self,
        controller: SessionController,
        db: Database,
        clock: Clock,
        hub: SettingsHub,
        parent: QObject | None = None,
        saver: Saver | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._db = db
        self._saver = saver
        self._clock = clock
        self._hub = hub
        self._spec: SessionSpec | None = None
        self._before: CheckAnswers | None = None
        self._before_window: QWidget | None = None
        self._finder = FinderLauncher(controller, clock, hub, self)
        controller.session_ended.connect(self._session_ended)
        self._finder.ended.connect(self._finder_ended)

    @property
    def is_running(self) -> bool:
        """Whether a session (or the rhythm finder, which is one) is open right now."""
        return self._controller.is_running or self._finder.is_open

    def start(self, options: BreatheOptions, trigger: Trigger) -> None:
        """A session as ``options`` ask (saved settings for the rest), or the running one raised."""
        if self._finder.is_open:
            log.info("the rhythm finder is open; raising it")
            self._finder.raise_window()
            return
        if self._controller.is_running:
            log.info("a session is already running; raising it")
            self._controller.raise_session()
            return
        spec = resolve_session(options, self._hub.settings, trigger)
        plan = spec.plan
        if plan.pattern.rate_warning():
            log.info("pattern %s is outside 3-10 breaths a minute", plan.pattern.label)
        log.info(
            "session starting: %s, %d breaths, from %s", plan.pattern.label, plan.breaths, trigger
        )
        self.starting.emit()
        self._spec = spec
        self._before = None
        if spec.check_before:
            self._ask_before(spec)
            return
        self._open(spec)

    def find_rhythm(self, trigger: Trigger = Trigger.WINDOW) -> None:
        """The guided rhythm finder (one session of five short runs), or what runs raised."""
        if self._controller.is_running:
            self._controller.raise_session()
            return
        if not self._finder.is_open:
            self.starting.emit()
        self._finder.open(trigger)

    @property
    def finder_window(self) -> RhythmFinderWindow | None:
        """The rhythm finder while it is open."""
        return self._finder.window

    def stop_running(self) -> None:
        """The app is quitting: a running session, or an open rhythm finder, stored as stopped."""
        self._controller.stop_running()
        self._finder.close()

    def _finder_ended(self, record: SessionRecord) -> None:
        """Stored like any session, without a check (the finder asked its own questions)."""
        self._before = None
        self._save(record, None, CheckStatus.NONE)
        log.info("rhythm finder %s ended %s", record.id, record.ended_how)
        if not self._hub.settings.first_run_done:
            self._hub.mark(first_run_done=True)
        self.ended.emit(record)

    def start_from_reminder(self, shown: Shown | None = None) -> None:
        """ "Start now" on a reminder: the saved session, or one minute after a long call."""
        reset = shown is not None and shown.reset
        self.start(BreatheOptions(minutes=RESET_MINUTES if reset else None), Trigger.REMINDER)

    def _open(self, spec: SessionSpec) -> None:
        self._controller.start(
            spec.plan,
            spec.trigger,
            show_count=spec.show_count,
            reduced_motion=spec.reduced_motion,
            first_run=spec.first_run,
            eyes_closed=spec.eyes_closed,
        )

    def _ask_before(self, spec: SessionSpec) -> None:
        """The optional before-check, in its own small window; then the session."""
        from herstel.ui.checkin.page import CheckinPage

        window = QWidget()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.setWindowTitle(self.tr("Before you start"))
        page = CheckinPage(CheckKind.BEFORE, False, self._clock, window)
        layout = QVBoxLayout(window)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(page)

        def answered(result: CheckResult) -> None:
            self._before = result.answers if result.status is CheckStatus.ANSWERED else None
            window.close()
            self._before_window = None
            self._open(spec)

        page.submitted.connect(answered)
        self._before_window = window
        window.resize(640, 720)
        window.show()

    def _save(self, record: SessionRecord, result: CheckResult | None, status: CheckStatus) -> bool:
        write = SessionWrite(
            record,
            self._before,
            result.answers if result else None,
            result.night if result else None,
            status.value,
        )
        try:
            if self._saver is not None:  # into the database, or kept beside it until it can
                return self._saver.save(write) is Outcome.SAVED
            write.apply(self._db)
        except (StorageError, OSError, ValueError, sqlite3.Error) as error:
            log.error("could not store session %s: %s", record.id, error)
            return False
        return True

    def _read(self, read: Callable[[], T], fallback: T) -> T:
        """A read for the screens; while another program holds the database, ``fallback``."""
        try:
            with self._db.waiting_at_most(READ_WAIT):
                return read()
        except (StorageError, sqlite3.Error) as error:
            log.warning("could not read the history: %s", error)
            return fallback

    def _session_ended(self, record: SessionRecord, window: SessionWindow) -> None:
        spec = self._spec
        wants_check = (
            spec is not None and spec.check_after and record.ended_how is not EndedHow.DIZZY
        )
        status = CheckStatus.SKIPPED if wants_check else CheckStatus.NONE
        self._save(record, None, status)
        log.info(
            "session %s ended %s after %.0f s, %d breaths",
            record.id,
            record.ended_how,
            record.done_seconds,
            record.done_breaths,
        )
        if not self._hub.settings.first_run_done:
            self._hub.mark(first_run_done=True)  # the safety note has been seen
        self.ended.emit(record)
        if not wants_check:
            from herstel.ui.session.end_page import EndPage

            end = EndPage(record, window)
            window.show_end_page(end, announce=end.heading)
            return
        from herstel.ui.checkin.page import CheckinPage

        now = self._clock.now()
        last = self._read(self._db.last_check_at, None)
        page = CheckinPage(CheckKind.AFTER, asks_sleep(now, last), self._clock)
        page.submitted.connect(lambda result: self._checked(record, result, window))
        window.show_end_page(page)

    def _checked(self, record: SessionRecord, result: CheckResult, window: SessionWindow) -> None:
        self._save(record, result, result.status)
        log.info("session %s check %s", record.id, result.status.value)
        self.checked.emit(record)
        if result.status is CheckStatus.SKIPPED or result.answers is None:
            window.close()
            return
        from herstel.core.advice import GP_WINDOW, PROACTIVE_WINDOW, recovery_result
        from herstel.ui.checkin.result_page import ResultPage

        now = self._clock.now()
        night = result.night or self._read(lambda: self._db.load_night(night_for(now)), None)
        shown = recovery_result(
            result.answers,
            night,
            self._before,
            self._read(lambda: self._db.recent_after_checks(limit=PROACTIVE_WINDOW), []),
            self._read(lambda: self._db.recent_after_checks(since=now - GP_WINDOW), []),
            now,
        )
        page = ResultPage(
            shown.levels, shown.changes, shown.suggestions, shown.proactive, shown.show_gp
        )
        page.done.connect(window.close)
        window.show_end_page(page)
        log.info("result shown: %d suggestion(s)", len(shown.suggestions))
