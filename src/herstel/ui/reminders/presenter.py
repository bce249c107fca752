"""Puts a due reminder in front of the user, one at a time, and reports the answer.

Which form it takes follows the reminder style (``effective_reminder_style``:
on X11 a prompt by default, on Wayland a notification):

- a desktop notification with Start now / In 10 min / Skip when the server
  shows actions (clicking the notification itself starts the break);
- on X11 without that, a plain tray message (clicking it starts a break);
- otherwise the small prompt window; on Wayland a fixed-size one, which tiling
  compositors float, and which no key can answer by accident.

Left alone, any of them counts as missed after ``PROMPT_TIMEOUT``; a new
reminder replaces an open one, and one answered elsewhere is withdrawn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from herstel.core.reminder_flow import PROMPT_TIMEOUT, Outcome, Shown
from herstel.core.settings import ReminderStyle, Settings, effective_reminder_style
from herstel.platform.notifications import DISMISSED, DesktopNotifications
from herstel.ui.reminders.prompt import ReminderPrompt
from herstel.ui.reminders.service import ReminderService
from herstel.ui.shell.tray import Tray

log = logging.getLogger(__name__)

# The notification's action keys; "default" is a click on the notification itself.
ACTIONS: Final = {
    "default": Outcome.TAKEN,
    "start": Outcome.TAKEN,
    "snooze": Outcome.SNOOZED,
    "skip": Outcome.SKIPPED,
}


def on_wayland() -> bool:
    return QGuiApplication.platformName() == "wayland"


class ReminderPresenter(QObject):
    take_break = Signal(object)  # the Shown whose "Start now" was chosen

    def __init__(
        self,
        service: ReminderService,
        settings: Callable[[], Settings],
        tray: Callable[[], Tray | None],
        parent: QObject | None = None,
        *,
        notifications: DesktopNotifications | None = None,
        wayland: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings
        self._tray = tray
        self._wayland = on_wayland() if wayland is None else wayland
        self._notifications = notifications
        if notifications is not None:
            notifications.action_invoked.connect(self._action_invoked)
            notifications.closed.connect(self._notification_closed)
        self._prompt: ReminderPrompt | None = None
        self._notified: Shown | None = None
        self._notified_by_server = False
        self._listening_to: Tray | None = None
        self._notification_timeout = QTimer(self)
        self._notification_timeout.setSingleShot(True)
        self._notification_timeout.timeout.connect(self._notification_missed)
        service.due.connect(self.present)

    def connect_if_used(self) -> None:
        """Connect to the notification server once reminders come as notifications.

        With prompts (X11's default) no connection is opened at all: an app
        idling in the tray then holds no D-Bus client and loads no D-Bus library.
        Called at start and on every settings change.
        """
        style = effective_reminder_style(self._settings().reminder_style, self._wayland)
        if style is ReminderStyle.NOTIFICATION and self._notifications is not None:
            self._notifications.start()

    @property
    def prompt(self) -> ReminderPrompt | None:
        return self._prompt

    def present(self, shown: Shown) -> None:
        self.withdraw()
        settings = self._settings()
        style = effective_reminder_style(settings.reminder_style, self._wayland)
        if style is ReminderStyle.NOTIFICATION:
            notifications = self._notifications
            if notifications is not None and notifications.supports_actions:
                self._notify_with_actions(notifications, shown, settings.snooze_minutes)
                return
            tray = self._tray()
            if not self._wayland and tray is not None and tray.icon.supportsMessages():
                self._notify(tray, shown)
                return
        prompt = ReminderPrompt(shown, settings.snooze_minutes, floating=self._wayland)
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

    def _notify_with_actions(
        self, notifications: DesktopNotifications, shown: Shown, snooze_minutes: int
    ) -> None:
        self._notified = shown
        self._notified_by_server = True
        if shown.reset:
            title = self.tr("A one-minute reset after your call?")
            body = self.tr("One minute of slow, gentle breathing before you carry on.")
        else:
            if shown.kind == "timer":
                title = self.tr("Your reminder: a breathing break")
            else:
                title = self.tr("Time for a breathing break")
            body = self.tr(
                "A few minutes of slow, gentle breathing: in through your nose, "
                "out a little longer."
            )
        notifications.show(
            title,
            body,
            [
                ("default", self.tr("Start now")),
                ("start", self.tr("Start now")),
                ("snooze", self.tr("In %n min", "", snooze_minutes)),
                ("skip", self.tr("Skip")),
            ],
            PROMPT_TIMEOUT,
        )
        log.info("reminder shown as a desktop notification")
        self._notification_timeout.start(int(PROMPT_TIMEOUT.total_seconds() * 1000))

    def _action_invoked(self, key: str) -> None:
        outcome = ACTIONS.get(key)
        if outcome is None:
            return
        shown = self._end_notification()
        if shown is not None:
            self._answered(shown, outcome)

    def _notification_closed(self, reason: int) -> None:
        """Closed by the server: dismissed is a "no", expired or anything else is missed."""
        self._notified_by_server = False  # nothing left to withdraw
        shown = self._end_notification()
        if shown is not None:
            self._answered(shown, Outcome.SKIPPED if reason == DISMISSED else Outcome.MISSED)

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
        if self._notified_by_server and self._notifications is not None:
            self._notifications.withdraw()  # answered or missed: take it off the screen
        self._notified_by_server = False
        return shown

    def _answered(self, shown: Shown, outcome: Outcome) -> None:
        log.info("%s reminder due %s: %s", shown.kind, shown.due_at.isoformat(), outcome.value)
        self._service.answer(shown, outcome)
        if outcome is Outcome.TAKEN:
            self.take_break.emit(shown)

    def _forget(self, prompt: ReminderPrompt) -> None:
        if self._prompt is prompt:
            self._prompt = None
