"""Everything behind the windows, built in one place once the first window is on screen.

The database, the session flow, system events, the reminder service and its
presenter, the tray wait: each is made here, handed what it needs, and
connected to the others. No rules live here — who reacts to what is wiring;
*how* each reacts is the part's own business (and tested there).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from herstel import APP_ID, APP_NAME
from herstel.core.clock import Clock
from herstel.core.settings import Settings
from herstel.platform.notifications import DesktopNotifications
from herstel.platform.system_events import SystemEvents
from herstel.storage.database import Database, open_or_recover
from herstel.storage.paths import DataPaths
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.reminders.presenter import ReminderPresenter
from herstel.ui.reminders.setup import build_reminder_service
from herstel.ui.session.controller import SessionController
from herstel.ui.session.flow import SessionFlow
from herstel.ui.shell.shell import Shell
from herstel.ui.shell.tray import TrayWaiter

log = logging.getLogger(__name__)


def open_database(paths: DataPaths, clock: Clock) -> tuple[Database, Path | None]:
    """The database, opened and checked; a damaged file is moved aside (and said)."""
    database, moved = open_or_recover(paths.database, clock.now())
    if moved is not None:
        print(
            f"herstel: the database was damaged; it was moved to {moved} and a new one was started",
            file=sys.stderr,
        )
        log.error("damaged database moved to %s", moved)
    return database, moved


class Services:
    """The app's working parts. Raises DatabaseTooNew or DataFolderError from the database."""

    def __init__(
        self,
        paths: DataPaths,
        clock: Clock,
        hub: SettingsHub,
        shell: Shell,
        zone: Callable[[], tzinfo],
    ) -> None:
        self.db, self.db_moved_to = open_database(paths, clock)
        settings = hub.settings
        self.sessions = SessionController(clock, settings=settings)
        self.flow = SessionFlow(self.sessions, self.db, clock, hub)
        self.events = SystemEvents()
        self.reminders = build_reminder_service(
            clock, paths.data_dir, settings, zone(), self.db,
            busy=lambda: self.flow.is_running or self.events.locked,
        )  # fmt: skip
        self.notifications = DesktopNotifications(APP_NAME, APP_ID)
        self.presenter = ReminderPresenter(
            self.reminders,
            lambda: hub.settings,
            lambda: shell.tray,
            notifications=self.notifications,
        )
        self.tray_waiter = TrayWaiter()

        hub.changed.connect(self._settings_changed)
        self.flow.starting.connect(self.presenter.withdraw)
        self.flow.ended.connect(self.reminders.session_ended)
        self.presenter.take_break.connect(self.flow.start_from_reminder)
        self.events.resumed.connect(self.reminders.check)
        self.events.locked_changed.connect(self.reminders.lock_changed)
        self.tray_waiter.decided.connect(shell.tray_decided)

    def _settings_changed(self, settings: Settings, _old: Settings) -> None:
        self.sessions.set_settings(settings)
        self.reminders.apply_settings(settings)

    def start(self) -> None:
        """What needs the event loop running: the tray wait, notifications, the first check."""
        self.tray_waiter.start()
        self.notifications.start()
        self.reminders.check()

    def stop(self) -> None:
        """Quitting: no reminder left on screen, a running session stored as stopped."""
        self.presenter.withdraw()
        self.flow.stop_running()
        self.reminders.stop()

    def close(self) -> None:
        self.notifications.close()
        self.db.close()
