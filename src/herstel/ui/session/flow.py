"""A session from start to its stored result: optional before-check, breathing,
the recovery check, the result screen.

Every session is stored the moment it ends (completed, stopped or dizzy), so
nothing is lost if the check is never answered; the check's answers are then
saved over it (same id) in one transaction. The rules for what the result
screen says live in :mod:`herstel.core.advice`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from herstel.core.checkin import CheckAnswers, CheckKind, CheckStatus, asks_sleep, night_for
from herstel.core.clock import Clock
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.rhythm import SessionPlan
from herstel.core.settings import Settings
from herstel.storage.database import Database, StorageError
from herstel.ui.session.controller import SessionController

if TYPE_CHECKING:  # the pages load when a session first needs them, not at start-up
    from herstel.ui.checkin.page import CheckResult
    from herstel.ui.session.window import SessionWindow

log = logging.getLogger(__name__)


class SessionFlow(QObject):
    ended = Signal(object)  # SessionRecord, stored as soon as the session ended
    checked = Signal(object)  # SessionRecord, after its check was stored

    def __init__(
        self,
        controller: SessionController,
        db: Database,
        clock: Clock,
        settings: Callable[[], Settings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._db = db
        self._clock = clock
        self._settings = settings
        self._before: CheckAnswers | None = None
        self._ask_after = True
        self._before_window: QWidget | None = None
        controller.session_ended.connect(self._session_ended)

    def start(
        self, plan: SessionPlan, trigger: Trigger, *, no_check: bool, eyes_closed: bool = False
    ) -> None:
        log.info(
            "session starting: %s, %d breaths, from %s", plan.pattern.label, plan.breaths, trigger
        )
        settings = self._settings()
        self._ask_after = settings.check_after and not no_check
        self._before = None
        if settings.check_before and self._ask_after:
            self._ask_before(plan, trigger, eyes_closed)
            return
        self._controller.start(plan, trigger, no_check=not self._ask_after, eyes_closed=eyes_closed)

    def _ask_before(self, plan: SessionPlan, trigger: Trigger, eyes_closed: bool) -> None:
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
            self._controller.start(plan, trigger, no_check=False, eyes_closed=eyes_closed)

        page.submitted.connect(answered)
        self._before_window = window
        window.resize(640, 720)
        window.show()

    def _save(self, record: SessionRecord, result: CheckResult | None, status: CheckStatus) -> bool:
        try:
            self._db.save_session(
                record,
                self._before,
                result.answers if result else None,
                result.night if result else None,
                status.value,
            )
        except (StorageError, OSError, ValueError) as error:
            log.error("could not store session %s: %s", record.id, error)
            return False
        return True

    def _session_ended(self, record: SessionRecord) -> None:
        window = self._controller.window
        wants_check = self._ask_after and record.ended_how is not EndedHow.DIZZY
        status = CheckStatus.SKIPPED if wants_check else CheckStatus.NONE
        self._save(record, None, status)
        self.ended.emit(record)
        if not wants_check or window is None:
            return  # the window shows its own summary or the dizzy advice
        from herstel.ui.checkin.page import CheckinPage

        now = self._clock.now()
        page = CheckinPage(CheckKind.AFTER, asks_sleep(now, self._db.last_check_at()), self._clock)
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
        night = result.night or self._db.load_night(night_for(now))
        shown = recovery_result(
            result.answers,
            night,
            self._before,
            self._db.recent_after_checks(limit=PROACTIVE_WINDOW),
            self._db.recent_after_checks(since=now - GP_WINDOW),
            now,
        )
        page = ResultPage(
            shown.levels, shown.changes, shown.suggestions, shown.proactive, shown.show_gp
        )
        page.done.connect(window.close)
        window.show_end_page(page)
        log.info("result shown: %d suggestion(s)", len(shown.suggestions))
