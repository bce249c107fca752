"""The windows and what they say: home, history, settings, the tray icon and notices.

The shell owns every top-level window except the session's (``SessionFlow``
owns that one). The home window is built the first time it is shown, so
``herstel --tray`` never loads it while it idles; its two sections (today at a
glance, the reminder line) are added once the services behind them are up,
because before that there is nothing true to say.

It decides what the user is told about the tray and the data: without a tray
the window stays and says why, once; closing the window with a tray says once
that Herstel runs on; a damaged history file that was moved aside is told in
the home window (later, when ``--tray`` has not opened it yet).

History and Settings read the history through the store the services hand
over in ``attach``; asked for before that (the first moments of a start),
they open as soon as it is there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from herstel import APP_NAME
from herstel.core.clock import Clock
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.shell.commands import Commands

if TYPE_CHECKING:
    from herstel.storage.database import Database
    from herstel.storage.history import HistoryStore
    from herstel.storage.paths import DataPaths
    from herstel.ui.history.window import HistoryWindow
    from herstel.ui.home.today_glance import TodayGlance
    from herstel.ui.home.window import HomeWindow
    from herstel.ui.reminders.panel import ReminderPanel
    from herstel.ui.reminders.service import ReminderService
    from herstel.ui.session.flow import SessionFlow
    from herstel.ui.settings.dialog import SettingsDialog
    from herstel.ui.shell.close_guard import CloseGuard
    from herstel.ui.shell.tray import Tray, TrayStatus

log = logging.getLogger(__name__)

READ_WAIT = 0.2  # seconds a screen waits for a database another program holds


class Shell(QObject):
    quit_requested = Signal()

    def __init__(
        self,
        hub: SettingsHub,
        commands: Commands,
        clock: Clock,
        paths: DataPaths,
        zone: Callable[[], tzinfo],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub
        self._commands = commands
        self._clock = clock
        self._paths = paths
        self._zone = zone
        self._db: Database | None = None
        self._store: Callable[[], HistoryStore] | None = None
        self._waiting: list[Callable[[], None]] = []  # windows asked for before ``attach``
        self._reminders: ReminderService | None = None
        self._flow: SessionFlow | None = None
        self._home: HomeWindow | None = None
        self._history: HistoryWindow | None = None
        self._settings_dialog: SettingsDialog | None = None
        self.glance: TodayGlance | None = None
        self.reminder_panel: ReminderPanel | None = None
        self.close_guard: CloseGuard | None = None
        self.tray: Tray | None = None
        self.has_tray: bool | None = None  # None until the tray wait is over
        self.start_hidden = False  # ``--tray``: without a tray, open minimized
        self._untold_move: Path | None = None  # told when the home window exists
        self._kept_notice = False  # the home window says a write is kept
        hub.changed.connect(self._settings_changed)

    # -- the services -----------------------------------------------------------------

    def attach(
        self,
        db: Database,
        store: Callable[[], HistoryStore],
        reminders: ReminderService,
        flow: SessionFlow,
    ) -> None:
        """The services are up: the home window can show today and the reminder line.

        ``store`` hands out the app's one ``HistoryStore``, built on first use so the
        history's modules stay out of an app idling in the tray.
        """
        self._db = db
        self._store = store
        self._reminders = reminders
        self._flow = flow
        reminders.changed.connect(self.refresh_status)
        flow.ended.connect(self.refresh_data)
        flow.checked.connect(self.refresh_data)
        if self._home is not None:
            self._add_sections(self._home)
        self.refresh_status()
        waiting, self._waiting = self._waiting, []
        for open_window in waiting:
            open_window()

    @property
    def ready(self) -> bool:
        return self._db is not None

    # -- the home window --------------------------------------------------------------

    @property
    def home(self) -> HomeWindow:
        """The home window, built on first use (``--tray`` may never need it)."""
        if self._home is None:
            self._home = self._build_home()
        return self._home

    def has_home(self) -> bool:
        return self._home is not None

    def _build_home(self) -> HomeWindow:
        from herstel.ui.home.window import HomeWindow
        from herstel.ui.shell.close_guard import CloseGuard

        home = HomeWindow(self._hub.settings)
        self.close_guard = CloseGuard(home, lambda: bool(self.has_tray))
        home.start_requested.connect(lambda: self._commands.start_break())
        home.settings_changed.connect(self._hub.update)
        home.history_requested.connect(self.open_history)
        home.settings_requested.connect(self.open_settings)
        home.rhythm_finder_requested.connect(lambda: self._commands.find_rhythm())
        self.close_guard.hidden_to_tray.connect(self._hidden_to_tray)
        self.close_guard.quit_requested.connect(self.quit_requested)
        self._home = home
        if self.ready:  # otherwise they come with the services
            self._add_sections(home)
        return home

    def _add_sections(self, home: HomeWindow) -> None:
        """Today at a glance and the reminder line, which need the services."""
        from herstel.ui.home.today_glance import TodayGlance
        from herstel.ui.reminders.panel import ReminderPanel

        self.glance = TodayGlance()
        self.reminder_panel = ReminderPanel()
        home.add_section(self.glance)
        home.add_section(self.reminder_panel)
        self.reminder_panel.timer_requested.connect(self._commands.set_timer)
        self.reminder_panel.timer_cancelled.connect(self._commands.cancel_timer)
        self.refresh_today()
        self.refresh_status()
        if self._untold_move is not None:
            self.tell_database_moved(self._untold_move)

    def show_home(self) -> None:
        from herstel.ui.common.windows import bring_to_front

        home = self.home
        if home.isMinimized():
            home.showNormal()
        bring_to_front(home)
        log.info("main window shown")

    # -- other windows ----------------------------------------------------------------

    def open_history(self) -> None:
        from herstel.ui.common.windows import bring_to_front
        from herstel.ui.history.window import HistoryWindow

        if self._store is None:  # the services are still starting
            self._waiting.append(self.open_history)
            return
        if self._history is None:
            self._history = HistoryWindow(self._store(), self._clock)
            self._history.start_requested.connect(lambda: self._commands.start_break())
        bring_to_front(self._history)

    def open_settings(self) -> None:
        from herstel.ui.common.windows import bring_to_front
        from herstel.ui.settings.dialog import SettingsDialog

        if self._store is None:  # the services are still starting
            self._waiting.append(self.open_settings)
            return
        if self._settings_dialog is None:
            self._settings_dialog = SettingsDialog(
                self._hub.settings, paths=self._paths, store=self._store()
            )
            self._settings_dialog.changed.connect(self._hub.update)
            self._settings_dialog.data_deleted.connect(self.refresh_data)
        bring_to_front(self._settings_dialog)

    def _settings_changed(self, settings: object, _old: object) -> None:
        from herstel.core.settings import Settings

        assert isinstance(settings, Settings)
        if self._home is not None:
            self._home.set_settings(settings)
        if self._settings_dialog is not None:
            self._settings_dialog.set_settings(settings)

    # -- what the windows show ----------------------------------------------------------

    def refresh_data(self, *_: object) -> None:
        """The stored sessions changed (a session ended, a check, a delete): show it."""
        self.refresh_today()
        if self._history is not None:
            self._history.refresh()

    def refresh_today(self) -> None:
        if self.glance is None or self._db is None:
            return  # the home window reads it when it is built
        import sqlite3

        from herstel.core.checkin import check_day
        from herstel.storage.connection import StorageError

        now = self._clock.now()
        try:
            with self._db.waiting_at_most(READ_WAIT):
                summary = self._db.today_summary(check_day(now), self._zone())
        except (StorageError, sqlite3.Error) as error:  # another program holds the file
            log.warning("today at a glance not refreshed: %s", error)
            return
        self.glance.set_summary(summary)

    def status(self) -> TrayStatus:
        from herstel.ui.shell.tray import TrayStatus

        reminders, flow = self._reminders, self._flow
        if reminders is None or flow is None:  # the menu opened in the first moments
            return TrayStatus(self._clock.now(), False, None, None, None)
        return TrayStatus(
            now=self._clock.now(),
            session_running=flow.is_running,
            timer_due=reminders.timer_due(),
            paused_until=reminders.paused_until(),
            next_reminder=reminders.next_reminder(),
            waiting=reminders.waiting_reason(),
        )

    def refresh_status(self) -> None:
        if self.reminder_panel is not None and self.ready:
            self.reminder_panel.set_status(self.status())
        if self.tray is not None:
            self.tray.refresh_tooltip()

    # -- the tray ---------------------------------------------------------------------

    def show_tray_now(self) -> None:
        """``--tray``: the icon at once when a tray host is there already.

        With none yet, :meth:`tray_decided` settles it after the tray wait.
        """
        from PySide6.QtWidgets import QSystemTrayIcon

        if QSystemTrayIcon.isSystemTrayAvailable():
            self.has_tray = True
            self._show_tray()

    def tray_decided(self, available: bool) -> None:
        """The tray wait is over: an icon, or the window that says why there is none."""
        self.has_tray = available
        if available:
            if self.tray is None:
                self._show_tray()
            else:
                self.refresh_status()
            return
        log.info("no system tray: Herstel works as a normal window")
        if self.start_hidden:
            self.home.showMinimized()
        elif not self.home.isVisible():
            self.show_home()
        if not self._hub.settings.tray_hint_shown:
            self.home.show_notice(
                QCoreApplication.translate(
                    "Herstel",
                    "This desktop shows no tray icon, so Herstel stays in this window. "
                    "Closing it asks whether to keep your reminders running.",
                )
            )
            self._hub.mark(tray_hint_shown=True)

    def _show_tray(self) -> None:
        from herstel.ui.shell.tray import Tray

        tray = Tray(self.status)
        commands = self._commands
        tray.start_requested.connect(lambda: commands.start_break())
        tray.open_requested.connect(self.show_home)
        tray.history_requested.connect(self.open_history)
        tray.settings_requested.connect(self.open_settings)
        tray.quit_requested.connect(self.quit_requested)
        tray.timer_requested.connect(commands.set_timer)
        tray.timer_cancelled.connect(commands.cancel_timer)
        tray.pause_requested.connect(commands.pause_reminders)
        tray.pause_tomorrow_requested.connect(commands.pause_until_tomorrow)
        tray.resume_requested.connect(commands.resume_reminders)
        self.tray = tray
        tray.show()
        tray.refresh_tooltip()
        log.info("tray icon shown")

    def _hidden_to_tray(self) -> None:
        if self.tray is not None and not self._hub.settings.tray_hint_shown:
            self.tray.notify(
                APP_NAME,
                QCoreApplication.translate(
                    "Herstel",
                    "Herstel keeps running in the tray to remind you of your breaks. "
                    "Quit it from the tray menu.",
                ),
            )
            self._hub.mark(tray_hint_shown=True)

    # -- notices ----------------------------------------------------------------------

    def tell_database_moved(self, moved: Path) -> None:
        if self._home is None:  # --tray: say it when the window is first opened
            self._untold_move = moved
            return
        self._untold_move = None
        self.home.show_notice(
            QCoreApplication.translate(
                "Herstel",
                "Your history file was damaged and could not be read. It was kept as %1 "
                "and a new one was started.",
            ).replace("%1", str(moved))
        )

    def tell_writes_kept(self) -> None:
        """Said once, calmly, in the window: nothing is lost, and what to do if it lasts."""
        text = QCoreApplication.translate(
            "Herstel",
            "Your history file is busy or cannot be written just now (another program may be "
            "using it, or the disk is full). Nothing is lost: your session is kept safely "
            "beside it and Herstel adds it as soon as it can. If this message stays, close "
            "other programs that use the file or free some disk space.",
        )
        log.warning("a write is kept beside the database until it can be written")
        self.home.show_notice(text)
        self._kept_notice = True
        if self.tray is not None and not self.home.isVisible():
            self.tray.notify(APP_NAME, text)

    def tell_kept_writes_written(self) -> None:
        log.info("kept writes are in the database now")
        if self._home is not None and self._kept_notice:
            self._home.hide_notice()
        self._kept_notice = False
        self.refresh_data()

    # -- the end ----------------------------------------------------------------------

    def close(self) -> None:
        """Quitting: let the home window close and take the tray icon away."""
        if self.close_guard is not None:
            self.close_guard.allow_close()
        if self.tray is not None:
            self.tray.close()

    def abandon(self) -> None:
        """The services could not start: take the window away before saying why."""
        if self.close_guard is not None:
            self.close_guard.allow_close()
        if self._home is not None:
            self._home.hide()
