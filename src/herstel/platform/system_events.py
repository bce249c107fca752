"""Suspend/resume and screen-lock notices from the desktop, over D-Bus.

Qt's timers run on a clock that stops during suspend, so reminders re-check
the wall clock when logind says the machine woke up (``PrepareForSleep(false)``).
The lock state comes from ``org.freedesktop.ScreenSaver.ActiveChanged``. Where
either bus or service is missing (a bare X server, CI, Windows, macOS) nothing
is emitted, and the once-a-minute check covers suspend instead.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


class SystemEvents(QObject):
    resumed = Signal()  # the machine woke from suspend
    locked_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locked = False
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                SLOT("_prepare_for_sleep(bool)"),  # type: ignore[call-overload]
            )
        else:
            log.debug("no system bus: resume is noticed by the minute check")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            session.connect(
                "",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                "ActiveChanged",
                self,
                SLOT("_active_changed(bool)"),  # type: ignore[call-overload]
            )

    @property
    def locked(self) -> bool:
        return self._locked

    @Slot(bool)
    def _prepare_for_sleep(self, going_to_sleep: bool) -> None:
        log.info("system %s", "suspending" if going_to_sleep else "resumed")
        if not going_to_sleep:
            self.resumed.emit()

    @Slot(bool)
    def _active_changed(self, active: bool) -> None:
        self._locked = bool(active)
        self.locked_changed.emit(self._locked)
