"""The tray icon and its menu: every action lives in the menu.

Click semantics differ per desktop, so nothing is reachable only by a click.
The menu is rebuilt each time it opens, so the time left on a timer or a
pause is computed then; no countdown runs while the app idles. The tooltip
names the clock time of the next reminder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QSystemTrayIcon, QWidget

from herstel.core.room import Sense
from herstel.core.schedule import TIMER_MINUTES_RANGE
from herstel.ui.common.icons import tray_icon

log = logging.getLogger(__name__)

TIMER_PRESETS = (5, 10, 15, 25, 30, 45, 60)
TRAY_WAIT_MS = 500
TRAY_WAIT_TRIES = 20  # ~10 s: at login the panel may appear after the app


@dataclass(frozen=True, slots=True)
class TrayStatus:
    """What the menu needs to know, read when it opens."""

    now: datetime
    session_running: bool
    timer_due: datetime | None
    paused_until: datetime | None
    next_reminder: datetime | None
    waiting: Sense | None = None  # why a due reminder is held back (core.room)


def clock_time(moment: datetime, now: datetime | None = None) -> str:
    """ "14:30" today; with ``now`` given, "tomorrow 09:00" or "Mon 09:00" further ahead."""
    local = moment.astimezone()
    text = local.strftime("%H:%M")
    if now is None:
        return text
    days = (local.date() - now.astimezone().date()).days
    if days <= 0:
        return text
    if days == 1:
        return QCoreApplication.translate("Tray", "tomorrow %1").replace("%1", text)
    day = QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day} {text}"


def minutes_left(now: datetime, then: datetime) -> int:
    return max(1, round((then - now).total_seconds() / 60))


class Tray(QObject):
    start_requested = Signal()
    open_requested = Signal()
    history_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    timer_requested = Signal(int)
    timer_cancelled = Signal()
    pause_requested = Signal(int)  # minutes
    pause_tomorrow_requested = Signal()
    resume_requested = Signal()

    def __init__(self, status: Callable[[], TrayStatus], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._dialog: QInputDialog | None = None
        self.icon = QSystemTrayIcon(tray_icon(), self)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.rebuild_menu()
        self.refresh_tooltip()

    def show(self) -> None:
        self.icon.show()

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def refresh_tooltip(self) -> None:
        from herstel.ui.reminders.waiting import waiting_text  # small; only once it is asked

        status = self._status()
        if status.waiting is not None and waiting_text(status.waiting):
            tip = waiting_text(status.waiting)
        elif status.paused_until is not None:
            tip = self.tr("Reminders paused until %1").replace(
                "%1", clock_time(status.paused_until, status.now)
            )
        elif status.next_reminder is not None:
            tip = self.tr("Next break: %1").replace(
                "%1", clock_time(status.next_reminder, status.now)
            )
        else:
            tip = self.tr("No reminder planned")
        self.icon.setToolTip(f"Herstel — {tip}")

    def rebuild_menu(self) -> None:
        status = self._status()
        menu = self.menu
        for action in menu.actions():  # clear() leaves submenus alive
            submenu = action.menu()
            if submenu is not None:
                submenu.deleteLater()
        menu.clear()
        start = menu.addAction(
            self.tr("Back to your session") if status.session_running else self.tr("Start a break")
        )
        start.triggered.connect(self.start_requested.emit)
        menu.addSeparator()

        remind = menu.addMenu(self.tr("Remind me in"))
        for minutes in TIMER_PRESETS:
            action = remind.addAction(self.tr("%n minutes", "", minutes))
            action.triggered.connect(lambda _=False, m=minutes: self.timer_requested.emit(m))
        remind.addSeparator()
        remind.addAction(self.tr("Other time…")).triggered.connect(self._ask_custom_timer)
        if status.timer_due is not None:
            left = minutes_left(status.now, status.timer_due)
            cancel = menu.addAction(
                self.tr("Cancel reminder (in %n min, at %1)", "", left).replace(
                    "%1", clock_time(status.timer_due, status.now)
                )
            )
            cancel.triggered.connect(self.timer_cancelled.emit)

        if status.paused_until is not None:
            resume = menu.addAction(
                self.tr("Resume reminders (paused until %1)").replace(
                    "%1", clock_time(status.paused_until, status.now)
                )
            )
            resume.triggered.connect(self.resume_requested.emit)
        else:
            pause = menu.addMenu(self.tr("Pause reminders"))
            pause.addAction(self.tr("For 30 minutes")).triggered.connect(
                lambda: self.pause_requested.emit(30)
            )
            pause.addAction(self.tr("For 1 hour")).triggered.connect(
                lambda: self.pause_requested.emit(60)
            )
            pause.addAction(self.tr("Until tomorrow")).triggered.connect(
                self.pause_tomorrow_requested.emit
            )
        if status.next_reminder is not None and status.paused_until is None:
            info = menu.addAction(
                self.tr("Next break: %1").replace(
                    "%1", clock_time(status.next_reminder, status.now)
                )
            )
            info.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Open Herstel")).triggered.connect(self.open_requested.emit)
        menu.addAction(self.tr("History")).triggered.connect(self.history_requested.emit)
        menu.addAction(self.tr("Settings…")).triggered.connect(self.settings_requested.emit)
        menu.addSeparator()
        quit_action: QAction = menu.addAction(self.tr("Quit Herstel"))
        quit_action.triggered.connect(self.quit_requested.emit)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def _ask_custom_timer(self) -> None:
        # A parentless dialog lives only while Python holds it: keep it here.
        self._dialog = ask_timer_minutes(None, self.timer_requested.emit)


def ask_timer_minutes(parent: QWidget | None, chosen: Callable[[int], object]) -> QInputDialog:
    """Ask for a custom "remind me in" time (1–720 minutes), without blocking the loop."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Tray", "Remind me"))
    dialog.setLabelText(
        QCoreApplication.translate("Tray", "Remind me in how many minutes? (1–720)")
    )
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(*TIMER_MINUTES_RANGE)
    dialog.setIntValue(20)
    dialog.intValueSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()  # never exec(): the qasync loop keeps running
    return dialog


class TrayWaiter(QObject):
    """Decides whether a tray exists, giving a late panel a few seconds to appear."""

    decided = Signal(bool)

    def __init__(
        self,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        parent: QObject | None = None,
        *,
        tries: int = TRAY_WAIT_TRIES,
    ) -> None:
        super().__init__(parent)
        self._available = available
        self._tries = tries
        self._timer = QTimer(self)
        self._timer.setInterval(TRAY_WAIT_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        if self._available():
            QTimer.singleShot(0, lambda: self.decided.emit(True))
        else:
            log.info("no system tray yet; waiting a few seconds for one")
            self._timer.start()

    def _poll(self) -> None:
        self._tries -= 1
        if self._available():
            self._timer.stop()
            self.decided.emit(True)
        elif self._tries <= 0:
            self._timer.stop()
            log.info("no system tray available")
            self.decided.emit(False)
