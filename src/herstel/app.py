"""Bootstrap: Herstel's staged start-up. It wires the parts; it decides nothing.

Start-up order (each stage only needs the ones before it):

1. process  — locale (a missing system locale is not fatal), the data folder
               (a clear one-line error when unusable), logging, crash hook
2. Qt       — QApplication with the application id, name and icon; translators
3. asyncio  — the qasync event loop; SIGINT/SIGTERM wake-up so Ctrl-C works
4. state    — settings loaded (a broken file is moved aside, bad values reported)
5. UI       — windows and controllers, connected to each other
6. request  — do what the command line asked (show, tray, breathe)
7. run      — until the app quits; then tear down in reverse
"""

from __future__ import annotations

import asyncio
import locale
import logging
import os
import sys
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from herstel import APP_ID, APP_NAME, __version__
from herstel.core.checkin import check_day
from herstel.core.clock import Clock, SystemClock
from herstel.core.launch import Action, BreatheOptions, LaunchRequest, plan_for
from herstel.core.records import SessionRecord, Trigger
from herstel.core.settings import Settings
from herstel.logs import setup_logging
from herstel.storage.database import (
    Database,
    DatabaseTooNew,
    DataFolderError,
    open_or_recover,
)
from herstel.storage.paths import DataDirError, DataPaths, ensure_private_dir
from herstel.storage.settings_file import load_settings, save_settings

if TYPE_CHECKING:
    from herstel.ui.history_window import HistoryWindow
    from herstel.ui.settings_dialog import SettingsDialog
    from herstel.ui.single_instance import SingleInstance
    from herstel.ui.tray import Tray, TrayStatus

log = logging.getLogger(__name__)


def _tolerate_missing_locale() -> None:
    """Use the user's locale for formatting; carry on in C when it isn't installed."""
    try:
        locale.setlocale(locale.LC_ALL, "")
    except locale.Error as error:
        log.warning("system locale unavailable (%s); using the default", error)


def _prepare_process(paths: DataPaths) -> bool:
    """Stage 1. False (after a one-line message) when the data folder is unusable."""
    _tolerate_missing_locale()
    try:
        ensure_private_dir(paths.data_dir)
        log_file = setup_logging(paths.log_dir)
    except DataDirError as error:
        print(f"herstel: {error}", file=sys.stderr)
        return False
    except OSError as error:
        print(
            f"herstel: cannot write the log in {paths.log_dir}: {error.strerror}", file=sys.stderr
        )
        return False
    from herstel.ui.crash import install_excepthook

    install_excepthook(log_file)
    log.info("Herstel %s starting; data in %s", __version__, paths.data_dir)
    return True


class Herstel:
    """The running app: holds the parts and connects them. No business logic."""

    def __init__(self, paths: DataPaths, clock: Clock) -> None:
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from herstel.ui import i18n
        from herstel.ui.assets import app_icon_path

        self.paths = paths
        self.clock = clock
        existing = QApplication.instance()
        self.qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        self.qapp.setApplicationName(APP_NAME)
        self.qapp.setApplicationDisplayName(APP_NAME)
        self.qapp.setApplicationVersion(__version__)
        self.qapp.setDesktopFileName(APP_ID)
        self.qapp.setWindowIcon(QIcon(str(app_icon_path())))
        self.qapp.setQuitOnLastWindowClosed(False)  # Herstel lives on for its reminders
        self.translators = [t for t in (i18n.load_qt_translator(), i18n.load_app_translator()) if t]
        for translator in self.translators:
            self.qapp.installTranslator(translator)
        self._settings_writable = True
        self.settings = self._load_settings()
        self.db, self.db_moved_to = self._open_database()
        self.tray: Tray | None = None
        self.has_tray: bool | None = None  # None until the tray wait is over
        self._start_hidden = False
        self._settings_dialog: SettingsDialog | None = None
        self._history: HistoryWindow | None = None
        self._build_ui()

    # -- stage 4: state ---------------------------------------------------------------

    def _load_settings(self) -> Settings:
        try:
            loaded = load_settings(self.paths.settings_file, self.clock.now())
        except OSError as error:
            # Unreadable (not merely invalid): keep the user's file, don't save over it.
            print(
                f"herstel: cannot read the settings file {self.paths.settings_file}: "
                f"{error.strerror or error}; using defaults for now",
                file=sys.stderr,
            )
            self._settings_writable = False
            return Settings()
        for issue in loaded.issues:
            log.warning("settings: %s: %s", issue.key, issue.problem)
        if loaded.moved_aside is not None:
            print(
                f"herstel: the settings file could not be read; it was moved to "
                f"{loaded.moved_aside} and defaults are used",
                file=sys.stderr,
            )
            self._save_settings(loaded.settings)
        return loaded.settings

    def _save_settings(self, settings: Settings) -> None:
        if not self._settings_writable:
            return
        try:
            save_settings(self.paths.settings_file, settings)
        except OSError as error:
            log.error("could not save settings: %s", error)

    def _open_database(self) -> tuple[Database, Path | None]:
        """Stage 4b. A damaged file is moved aside and the user told (after the UI is up)."""
        database, moved = open_or_recover(self.paths.database, self.clock.now())
        if moved is not None:
            print(
                f"herstel: the database was damaged; it was moved to {moved} "
                "and a new one was started",
                file=sys.stderr,
            )
            log.error("damaged database moved to %s", moved)
        return database, moved

    # -- stage 5: UI ------------------------------------------------------------------

    def _build_ui(self) -> None:
        from herstel.ui.close_guard import CloseGuard
        from herstel.ui.home_window import HomeWindow
        from herstel.ui.reminder_panel import ReminderPanel
        from herstel.ui.reminder_presenter import ReminderPresenter
        from herstel.ui.reminders import ReminderService
        from herstel.ui.session_controller import SessionController
        from herstel.ui.session_flow import SessionFlow
        from herstel.ui.system_events import SystemEvents
        from herstel.ui.theme import ThemeFollower
        from herstel.ui.today_glance import TodayGlance
        from herstel.ui.tray import TrayWaiter

        self.theme = ThemeFollower(self.qapp, self.settings.theme)
        self.home = HomeWindow(self.settings)
        self.glance = TodayGlance()
        self.reminder_panel = ReminderPanel()
        self.home.add_section(self.glance)
        self.home.add_section(self.reminder_panel)
        self.sessions = SessionController(self.clock, settings=self.settings)
        self.flow = SessionFlow(self.sessions, self.db, self.clock, lambda: self.settings)
        self.events = SystemEvents()
        self.reminders = ReminderService(
            self.clock,
            self.paths.data_dir / "reminders.json",
            self.settings,
            local_zone(),
            self.db.record_reminder,
            busy=lambda: self.sessions.is_running or self.events.locked,
        )
        self.presenter = ReminderPresenter(self.reminders, lambda: self.settings, lambda: self.tray)
        self.close_guard = CloseGuard(self.home, lambda: bool(self.has_tray))
        self.tray_waiter = TrayWaiter()

        self.home.start_requested.connect(self.start_from_window)
        self.home.settings_changed.connect(self.update_settings)
        self.home.history_requested.connect(self.open_history)
        self.home.settings_requested.connect(self.open_settings)
        self.reminder_panel.timer_requested.connect(self.reminders.set_timer)
        self.reminder_panel.timer_cancelled.connect(self.reminders.cancel_timer)
        self.flow.ended.connect(self.on_session_ended)
        self.flow.checked.connect(self.on_session_checked)
        self.reminders.changed.connect(self.refresh_status)
        self.presenter.take_break.connect(self.start_from_reminder)
        self.events.resumed.connect(self.reminders.check)
        self.events.locked_changed.connect(self.on_lock_changed)
        self.close_guard.hidden_to_tray.connect(self.on_hidden_to_tray)
        self.close_guard.quit_requested.connect(self.quit)
        self.tray_waiter.decided.connect(self.on_tray_decided)
        self.refresh_today()
        self.refresh_status()

    def start(self) -> None:
        """Stage 6b: things that need the event loop running."""
        self.tray_waiter.start()
        self.reminders.check()
        if self.db_moved_to is not None:
            self._tell_database_moved(self.db_moved_to)

    def update_settings(self, settings: Settings) -> None:
        old, self.settings = self.settings, settings
        self.home.set_settings(settings)
        self.sessions.set_settings(settings)
        if self._settings_dialog is not None:
            self._settings_dialog.set_settings(settings)
        if settings.theme != old.theme:
            self.theme.set_setting(settings.theme)
        if settings.autostart != old.autostart:
            apply_autostart(settings.autostart)
        self.reminders.apply_settings(settings)
        self._save_settings(settings)

    # -- sessions ---------------------------------------------------------------------

    def start_from_window(self) -> None:
        self.start_session(BreatheOptions(), Trigger.WINDOW)

    def start_from_reminder(self, _shown: object) -> None:
        self.start_session(BreatheOptions(), Trigger.REMINDER)

    def start_session(self, options: BreatheOptions, trigger: Trigger) -> None:
        if self.sessions.is_running:
            self.sessions.raise_session()
            return
        self.presenter.withdraw()
        plan = plan_for(options, self.settings)
        if plan.pattern.rate_warning():
            log.info("pattern %s is outside 3-10 breaths a minute", plan.pattern.label)
        self.flow.start(plan, trigger, no_check=options.no_check)

    def on_session_checked(self, _record: SessionRecord) -> None:
        self.refresh_today()
        if self._history is not None:
            self._history.refresh()

    def on_session_ended(self, record: SessionRecord) -> None:
        log.info(
            "session %s ended %s after %.0f s, %d breaths",
            record.id,
            record.ended_how,
            record.done_seconds,
            record.done_breaths,
        )
        self.reminders.break_taken(record.started_at + timedelta(seconds=record.done_seconds))
        self.refresh_today()
        if self._history is not None:
            self._history.refresh()
        if not self.settings.first_run_done:
            self.update_settings(replace(self.settings, first_run_done=True))

    def on_lock_changed(self, locked: bool) -> None:
        if not locked:
            self.reminders.check()

    # -- windows ----------------------------------------------------------------------

    def show_home(self) -> None:
        from herstel.ui.session_window import bring_to_front

        if self.home.isMinimized():
            self.home.showNormal()
        bring_to_front(self.home)
        log.info("main window shown")

    def open_history(self) -> None:
        from herstel.ui.history_window import HistoryWindow
        from herstel.ui.session_window import bring_to_front

        if self._history is None:
            self._history = HistoryWindow(self.paths.database, self.clock)
            self._history.start_requested.connect(self.start_from_window)
        bring_to_front(self._history)

    def open_settings(self) -> None:
        from herstel.ui.session_window import bring_to_front
        from herstel.ui.settings_dialog import SettingsDialog

        if self._settings_dialog is None:
            self._settings_dialog = SettingsDialog(self.settings)
            self._settings_dialog.changed.connect(self.update_settings)
        bring_to_front(self._settings_dialog)

    def refresh_today(self) -> None:
        now = self.clock.now()
        self.glance.set_summary(self.db.today_summary(check_day(now), local_zone()))

    def status(self) -> TrayStatus:
        from herstel.ui.tray import TrayStatus

        return TrayStatus(
            now=self.clock.now(),
            session_running=self.sessions.is_running,
            timer_due=self.reminders.timer_due(),
            paused_until=self.reminders.paused_until(),
            next_reminder=self.reminders.next_reminder(),
        )

    def refresh_status(self) -> None:
        status = self.status()
        self.reminder_panel.set_status(status)
        if self.tray is not None:
            self.tray.refresh_tooltip()

    # -- the tray ---------------------------------------------------------------------

    def on_tray_decided(self, available: bool) -> None:
        from herstel.ui.tray import Tray

        self.has_tray = available
        if not available:
            log.info("no system tray: Herstel works as a normal window")
            if self._start_hidden:
                self.home.showMinimized()
            elif not self.home.isVisible():
                self.show_home()
            if not self.settings.tray_hint_shown:
                self.home.show_notice(
                    self.home.tr(
                        "This desktop shows no tray icon, so Herstel stays in this window. "
                        "Closing it asks whether to keep your reminders running."
                    )
                )
                self.update_settings(replace(self.settings, tray_hint_shown=True))
            return
        tray = Tray(self.status)
        tray.start_requested.connect(self.on_tray_start)
        tray.open_requested.connect(self.show_home)
        tray.history_requested.connect(self.open_history)
        tray.settings_requested.connect(self.open_settings)
        tray.quit_requested.connect(self.quit)
        tray.timer_requested.connect(self.reminders.set_timer)
        tray.timer_cancelled.connect(self.reminders.cancel_timer)
        tray.pause_requested.connect(self.reminders.pause)
        tray.pause_tomorrow_requested.connect(self.reminders.pause_until_tomorrow)
        tray.resume_requested.connect(self.reminders.resume)
        self.tray = tray
        tray.show()
        tray.refresh_tooltip()
        log.info("tray icon shown")

    def on_tray_start(self) -> None:
        if self.sessions.is_running:
            self.sessions.raise_session()
        else:
            self.start_from_window()

    def on_hidden_to_tray(self) -> None:
        if self.tray is not None and not self.settings.tray_hint_shown:
            self.tray.notify(
                APP_NAME,
                self.home.tr(
                    "Herstel keeps running in the tray to remind you of your breaks. "
                    "Quit it from the tray menu."
                ),
            )
            self.update_settings(replace(self.settings, tray_hint_shown=True))

    def _tell_database_moved(self, moved: Path) -> None:
        self.home.show_notice(
            self.home.tr(
                "Your history file was damaged and could not be read. It was kept as %1 "
                "and a new one was started."
            ).replace("%1", str(moved))
        )

    # -- stage 6: request -------------------------------------------------------------

    def handle(self, request: LaunchRequest) -> None:
        if request.action is Action.BREATHE:
            self.show_home()
            self.start_session(request.breathe or BreatheOptions(), Trigger.CLI)
        elif request.action is Action.SHOW:
            self.show_home()
        elif request.action is Action.HISTORY:
            self.open_history()
        elif request.action is Action.REMIND and request.remind_minutes is not None:
            self.reminders.set_timer(request.remind_minutes)
            log.info("timer reminder set for %d minutes", request.remind_minutes)
        elif request.action is Action.TRAY:
            self._start_hidden = True

    def quit(self) -> None:
        self.presenter.withdraw()
        self.sessions.stop_running()
        self.close_guard.allow_close()
        self.reminders.stop()
        if self.tray is not None:
            self.tray.close()
        self.qapp.quit()

    def close(self) -> None:
        self.db.close()


def _refuse_to_start(reason: str) -> None:
    """Say why the app cannot start: on stderr and, for launches from a menu, in a window."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    print(f"herstel: {reason}", file=sys.stderr)
    log.error("cannot start: %s", reason)
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication) or qapp.platformName() in {"offscreen", "minimal"}:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, reason[:1].upper() + reason[1:] + ".")
    box.finished.connect(qapp.quit)
    box.open()
    qapp.exec()


def local_zone() -> tzinfo:
    """The system's time zone with its DST rules (a fixed offset would break reminders)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = datetime.now().astimezone().tzinfo
        assert zone is not None
        return zone


def apply_autostart(enabled: bool) -> None:
    """Write or remove the XDG autostart entry (Linux; see packaging/README.md elsewhere)."""
    from herstel import desktop_entry

    if not sys.platform.startswith("linux"):
        return
    config_home = desktop_entry.xdg_config_home(os.environ)
    try:
        if enabled:
            program = desktop_entry.herstel_executable(
                sys.argv[0], sys.executable, getattr(sys, "frozen", False)
            )
            if program is None:
                log.error("start at login: cannot find the herstel program")
                return
            desktop_entry.enable_autostart(config_home, program)
        else:
            desktop_entry.disable_autostart(config_home)
    except OSError as error:
        log.error("start at login: %s", error)


def run_app(
    request: LaunchRequest,
    paths: DataPaths,
    clock: Clock | None = None,
    instance: SingleInstance | None = None,
) -> int:
    """Run the app until it quits; returns the process exit code.

    ``instance`` holds this data folder's single-instance lock; its socket
    starts listening once the windows exist, so a forwarded request always
    finds someone to act on it.
    """
    if not _prepare_process(paths):
        if instance is not None:
            instance.close()
        return 1
    import qasync

    from herstel.ui.crash import SigintWakeup
    from herstel.ui.single_instance import SingleInstanceError

    try:
        app = Herstel(paths, clock or SystemClock())
    except (DatabaseTooNew, DataFolderError) as error:
        _refuse_to_start(str(error))
        if instance is not None:
            instance.close()
        return 1
    loop = qasync.QEventLoop(app.qapp)
    asyncio.set_event_loop(loop)
    quit_requested = asyncio.Event()
    app.qapp.aboutToQuit.connect(quit_requested.set)
    wakeup = SigintWakeup(app.quit)
    if instance is not None:
        instance.request_received.connect(app.handle)
        try:
            instance.listen()
        except SingleInstanceError as error:
            log.warning("%s; other launches cannot reach this one", error)
    app.handle(request)
    app.start()
    try:
        with loop:
            loop.run_until_complete(quit_requested.wait())
    finally:
        wakeup.close()
        app.close()
        if instance is not None:
            instance.close()
        log.info("Herstel stopped")
    return 0
