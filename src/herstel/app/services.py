"""Everything behind the windows, built in one place once the first window is on screen.

The database, the history store, the session flow, system events, the
reminder service and its presenter, the tray wait: each is made here, handed
what it needs, and connected to the others. The history store is made once and
handed to the windows that read the history; no widget opens the file. No
rules live here — who reacts to what is wiring; *how* each reacts is the part's
own business (and tested there).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from herstel import APP_ID, APP_NAME
from herstel.core.clock import Clock
from herstel.core.room import Episode
from herstel.core.settings import Settings
from herstel.platform.notifications import DesktopNotifications
from herstel.platform.system_events import SystemEvents
from herstel.storage.database import Database, open_or_recover
from herstel.storage.paths import DataPaths
from herstel.storage.pending import Keeper
from herstel.storage.pending_file import PendingFile, fallback_path, pending_path
from herstel.storage.pending_writes import ReminderWrite, WaitWrite
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import ReminderRecord
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.reminders.presenter import ReminderPresenter
from herstel.ui.reminders.setup import build_reminder_service
from herstel.ui.session.controller import SessionController
from herstel.ui.session.flow import SessionFlow
from herstel.ui.shell.kept_writes import KeptWrites
from herstel.ui.shell.shell import Shell
from herstel.ui.shell.tray import TrayWaiter

if TYPE_CHECKING:
    from herstel.storage.history import HistoryStore

log = logging.getLogger(__name__)

START_WAIT = 0.2  # seconds start-up waits for a database another program holds; then it defers


def open_database(paths: DataPaths, clock: Clock) -> tuple[Database, Path | None]:
    """The database, opened and checked; a damaged file is moved aside (and said)."""
    database, moved = open_or_recover(paths.database, clock.now(), defer_after=START_WAIT)
    if not database.settled:
        log.warning("the database is in use by another program; Herstel carries on")
    if moved is not None:
        print(
            f"herstel: the database was damaged; it was moved to {moved} and a new one was started",
            file=sys.stderr,
        )
        log.error("damaged database moved to %s", moved)
    return database, moved


def _fallback(database: Path) -> PendingFile:
    """Where a write goes when the data folder itself refuses it: the user's state folder."""
    import platformdirs

    state = platformdirs.user_state_path("herstel", appauthor=False)
    return PendingFile(fallback_path(database, state), private_folder=True)


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
        # Every write goes through here: into the database, or kept beside it until it can.
        self.kept_writes = KeptWrites(
            Keeper(self.db, PendingFile(pending_path(self.db.path)), _fallback(self.db.path))
        )
        self.kept_writes.kept.connect(shell.tell_writes_kept)
        self.kept_writes.written.connect(shell.tell_kept_writes_written)
        # What History and Settings › Data read and erase through: built when first opened.
        self._history: HistoryStore | None = None
        settings = hub.settings
        self.sessions = SessionController(clock, settings=settings)
        self.flow = SessionFlow(self.sessions, self.db, clock, hub, saver=self.kept_writes)
        self.events = SystemEvents()
        self.reminders = build_reminder_service(
            clock, paths.data_dir, settings, zone(), self.db,
            busy=lambda: self.flow.is_running or self.events.locked,
            record=self.record_reminder, record_wait=self.record_wait,
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

    def history(self) -> HistoryStore:
        """The one store History and Settings › Data read through, made on first use."""
        if self._history is None:
            from herstel.storage.history import HistoryStore

            self._history = HistoryStore(self.db.path)
        return self._history

    def record_reminder(self, kind: str, due_at: datetime, outcome: str, at: datetime) -> None:
        """A reminder's outcome, into the database or kept until it can be."""
        reminder = ReminderRecord(ReminderKind(kind), due_at, ReminderOutcome(outcome), at)
        self.kept_writes.save(ReminderWrite(reminder))

    def record_wait(self, episode: Episode) -> None:
        """A wait or a natural break, into the database or kept until it can be."""
        self.kept_writes.save(WaitWrite(episode))

    def _settings_changed(self, settings: Settings, _old: Settings) -> None:
        self.sessions.set_settings(settings)
        self.reminders.apply_settings(settings)
        self.presenter.connect_if_used()

    def start(self) -> None:
        """What needs the event loop: the tray wait, notifications if used, the first check."""
        self.tray_waiter.start()
        self.kept_writes.start()  # what an earlier run could not write
        self.presenter.connect_if_used()
        self.reminders.check()

    def stop(self) -> None:
        """Quitting: no reminder left on screen, a running session stored as stopped."""
        self.presenter.withdraw()
        self.flow.stop_running()
        self.reminders.stop()

    def close(self) -> None:
        self.notifications.close()
        if self._history is not None:
            self._history.close()
        self.db.close()
