"""Puts a due reminder in front of the user, one at a time, and reports the answer.

By default a small prompt window (works without a notification daemon); with
the notification setting and a tray that can show messages, a plain desktop
notification instead (clicking it starts a break; left alone it counts as
missed after the same ten minutes). A new reminder replaces an open one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from herstel.core.reminder_flow import PROMPT_TIMEOUT, Outcome, Shown
from herstel.core.settings import ReminderStyle, Settings
from herstel.ui.reminders.prompt import ReminderPrompt
from herstel.ui.reminders.service import ReminderService
from herstel.ui.shell.tray import Tray

log = logging.getLogger(__name__)


class ReminderPresenter(QObject):
    take_break = Signal(object)  # the Shown whose "Start now" was chosen

    def __init__(
        self,
        service: ReminderService,
        settings: Callable[[], Settings],
        tray: Callable[[], Tray | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings
        self._tray = tray
        self._prompt: ReminderPrompt | None = None
        self._notified: Shown | None = None
        self._listening_to: Tray | None = None
        self._notification_timeout = QTimer(self)
        self._notification_timeout.setSingleShot(True)
        self._notification_timeout.timeout.connect(self._notification_missed)
        service.due.connect(self.present)

    @property
    def prompt(self) -> ReminderPrompt | None:
        return self._prompt

    def present(self, shown: Shown) -> None:
        self.withdraw()
        settings = self._settings()
        tray = self._tray()
        if (
            settings.reminder_style is ReminderStyle.NOTIFICATION
            and tray is not None
            and tray.icon.supportsMessages()
        ):
            self._notify(tray, shown)
            return
        prompt = ReminderPrompt(shown, settings.snooze_minutes)
        prompt.answered.connect(lambda outcome, s=shown: self._answered(s, outcome))
        prompt.destroyed.connect(lambda _=None, p=prompt: self._forget(p))
        self._prompt = prompt
        prompt.present()

    def withdraw(self) -> None:
        """Close whatever is showing; it counts as missed (a new one replaces it)."""
        if self._prompt is not None:
            prompt, self._prompt = self._prompt, None
            prompt.dismiss_as_missed()
        if self._notified is not None:
            self._notification_missed()

    def _notify(self, tray: Tray, shown: Shown) -> None:
        self._notified = shown
        if tray is not self._listening_to:
            # Connected once per tray; a click with nothing pending is ignored.
            tray.icon.messageClicked.connect(self._notification_clicked)
            self._listening_to = tray
        tray.notify(
            self.tr("Time for a breathing break"),
            self.tr("Click here to start a few minutes of slow, gentle breathing."),
        )
        self._notification_timeout.start(int(PROMPT_TIMEOUT.total_seconds() * 1000))

    def _notification_clicked(self) -> None:
        shown = self._end_notification()
        if shown is not None:
            self._answered(shown, Outcome.TAKEN)

    def _notification_missed(self) -> None:
        shown = self._end_notification()
        if shown is not None:
            self._answered(shown, Outcome.MISSED)

    def _end_notification(self) -> Shown | None:
        shown, self._notified = self._notified, None
        self._notification_timeout.stop()
        return shown

    def _answered(self, shown: Shown, outcome: Outcome) -> None:
        log.info("%s reminder due %s: %s", shown.kind, shown.due_at.isoformat(), outcome.value)
        self._service.answer(shown, outcome)
        if outcome is Outcome.TAKEN:
            self.take_break.emit(shown)

    def _forget(self, prompt: ReminderPrompt) -> None:
        if self._prompt is prompt:
            self._prompt = None
