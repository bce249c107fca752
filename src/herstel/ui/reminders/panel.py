"""The home window's reminder line: when the next break is, and "Remind me in …".

Shares the tray's status snapshot and its timer presets, so both places offer
the same choices and say the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from herstel.ui.reminders.waiting import waiting_text
from herstel.ui.shell.tray import (
    TIMER_PRESETS,
    TrayStatus,
    ask_timer_minutes,
    clock_time,
    minutes_left,
)


class ReminderPanel(QWidget):
    timer_requested = Signal(int)
    timer_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status: TrayStatus | None = None
        self.label = QLabel()
        self.label.setProperty("role", "muted")
        self.button = QToolButton()
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._rebuild_menu)
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.button)
        layout.addWidget(self.label, 1)
        self._retranslate()

    def set_status(self, status: TrayStatus) -> None:
        self._status = status
        self._show_status()

    def _show_status(self) -> None:
        status = self._status
        if status is None:
            return
        if status.waiting is not None and waiting_text(status.waiting):
            text = waiting_text(status.waiting)
        elif status.timer_due is not None:
            text = self.tr("Your reminder: %1").replace(
                "%1", clock_time(status.timer_due, status.now)
            )
        elif status.paused_until is not None:
            text = self.tr("Reminders paused until %1").replace(
                "%1", clock_time(status.paused_until, status.now)
            )
        elif status.next_reminder is not None:
            text = self.tr("Next break: %1").replace(
                "%1", clock_time(status.next_reminder, status.now)
            )
        else:
            text = self.tr("No reminder planned")
        self.label.setText(text)
        self.button.setAccessibleDescription(text)

    def _rebuild_menu(self) -> None:
        self.menu.clear()
        for minutes in TIMER_PRESETS:
            action = self.menu.addAction(self.tr("%n minutes", "", minutes))
            action.triggered.connect(lambda _=False, m=minutes: self.timer_requested.emit(m))
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Other time…")).triggered.connect(self._ask_custom)
        status = self._status
        if status is not None and status.timer_due is not None:
            left = minutes_left(status.now, status.timer_due)
            cancel = self.menu.addAction(self.tr("Cancel reminder (in %n min)", "", left))
            cancel.triggered.connect(self.timer_cancelled.emit)

    def _ask_custom(self) -> None:
        ask_timer_minutes(self, self.timer_requested.emit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.button.setText(self.tr("Remind me in …"))
        self.button.setAccessibleName(self.tr("Remind me in"))
        self._show_status()
