"""Bootstrap: Herstel's staged start-up. It wires the parts; it decides nothing.

Start-up order (each stage only needs the ones before it):

1. process  — locale (a missing system locale is not fatal), the data folder
               (a clear one-line error when unusable), logging, crash hook
2. Qt       — QApplication with the application id, name and icon; Herstel's
               translator
3. state    — settings loaded (a broken file is moved aside, bad values
               reported) and the theme applied
4. window   — for ``herstel`` and ``herstel breathe`` the home window is built,
               shown and painted now, on Qt's own event loop, before anything
               it does not need to draw; otherwise (``--tray``) the tray icon,
               when a tray host is already there; SIGINT/SIGTERM wake-up so
               Ctrl-C works
5. asyncio  — then asyncio and the qasync event loop (a fifth of the bare
               start-up time: loading them first would keep the window waiting)
6. services — from the first turn of that loop: Qt's own translator, the
               database (opened and checked), sessions, reminders, system
               events, the tray wait, the single-instance socket; then do what
               the command line asked
7. run      — until the app quits; then tear down in reverse

The home window is built the first time it is shown, so ``herstel --tray``
never loads it while it idles. Its two sections (today at a glance, the
reminder line) are added once the services behind them are up.
"""

from __future__ import annotations

import locale
import logging
import os
import sys
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from herstel import APP_ID, APP_NAME, __version__
from herstel.core.clock import Clock, SystemClock
from herstel.core.launch import Action, BreatheOptions, LaunchRequest, plan_for
from herstel.core.records import Trigger
from herstel.core.settings import Settings
from herstel.platform.logs import setup_logging
from herstel.storage.paths import DataDirError, DataPaths, ensure_private_dir
from herstel.storage.settings_file import load_settings, save_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from herstel.core.records import SessionRecord
    from herstel.platform.single_instance import SingleInstance
    from herstel.platform.system_events import SystemEvents
    from herstel.storage.database import Database
    from herstel.ui.history.window import HistoryWindow
    from herstel.ui.home.today_glance import TodayGlance
    from herstel.ui.home.window import HomeWindow
    from herstel.ui.reminders.panel import ReminderPanel
    from herstel.ui.reminders.presenter import ReminderPresenter
    from herstel.ui.reminders.service import ReminderService
    from herstel.ui.session.controller import SessionController
    from herstel.ui.session.flow import SessionFlow
    from herstel.ui.settings.dialog import SettingsDialog
    from herstel.ui.shell.close_guard import CloseGuard
    from herstel.ui.shell.tray import Tray, TrayStatus, TrayWaiter

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
    from herstel.platform.crash import install_excepthook

    install_excepthook(log_file)
    log.info("Herstel %s starting; data in %s", __version__, paths.data_dir)
    return True


class Herstel:
    """The running app: holds the parts and connects them. No business logic."""

    def __init__(self, paths: DataPaths, clock: Clock) -> None:
        """Stages 2–3: what the first window needs, and nothing more."""
        from PySide6.QtWidgets import QApplication

        from herstel.ui.common import i18n
        from herstel.ui.common.icons import app_icon
        from herstel.ui.common.theme import ThemeFollower

        self.paths = paths
        self.clock = clock
        existing = QApplication.instance()
        self.qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        self.qapp.setApplicationName(APP_NAME)
        self.qapp.setApplicationDisplayName(APP_NAME)
        self.qapp.setApplicationVersion(__version__)
        self.qapp.setDesktopFileName(APP_ID)
        self.qapp.setWindowIcon(app_icon())
        self.qapp.setQuitOnLastWindowClosed(False)  # Herstel lives on for its reminders
        # Qt's own catalogue (standard buttons) is only needed by later dialogs.
        self.translators = [t for t in (i18n.load_app_translator(),) if t]
        for translator in self.translators:
            self.qapp.installTranslator(translator)
        self._settings_writable = True
        self.settings = self._load_settings()
        # A guess that needs no Qt enums for the first frame; settled with the services.
        self.theme = ThemeFollower(self.qapp, self.settings.theme, first_frame=True)
        self.ready = False  # True once start_services() has run
        self.quitting = False  # True once quit() was asked for
        self._when_ready: list[Callable[[], None]] = []
        self.db: Database | None = None
        self.db_moved_to: Path | None = None
        self._untold_move: Path | None = None  # told when the home window exists
        self._home: HomeWindow | None = None
        self.glance: TodayGlance | None = None
        self.reminder_panel: ReminderPanel | None = None
        self.close_guard: CloseGuard | None = None
        self.tray: Tray | None = None
        self.has_tray: bool | None = None  # None until the tray wait is over
        self._start_hidden = False
        self._settings_dialog: SettingsDialog | None = None
        self._history: HistoryWindow | None = None

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
        """Stage 6a. A damaged file is moved aside and the user told (in the home window)."""
        from herstel.storage.database import open_or_recover

        database, moved = open_or_recover(self.paths.database, self.clock.now())
        if moved is not None:
            print(
                f"herstel: the database was damaged; it was moved to {moved} "
                "and a new one was started",
                file=sys.stderr,
            )
            log.error("damaged database moved to %s", moved)
        return database, moved

    # -- stage 4: the home window, built when first needed ---------------------------

    @property
    def home(self) -> HomeWindow:
        """The home window, built on first use (``--tray`` may never need it)."""
        if self._home is None:
            self._home = self._build_home()
        return self._home

    def _build_home(self) -> HomeWindow:
        from herstel.ui.home.window import HomeWindow
        from herstel.ui.shell.close_guard import CloseGuard

        home = HomeWindow(self.settings)
        self.close_guard = CloseGuard(home, lambda: bool(self.has_tray))
        home.start_requested.connect(self.start_from_window)
        home.settings_changed.connect(self.update_settings)
        home.history_requested.connect(self.open_history)
        home.settings_requested.connect(self.open_settings)
        self.close_guard.hidden_to_tray.connect(self.on_hidden_to_tray)
        self.close_guard.quit_requested.connect(self.quit)
        self._home = home
        if self.ready:  # otherwise they come with the services: nothing true to say yet
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
        self.reminder_panel.timer_requested.connect(self.set_timer)
        self.reminder_panel.timer_cancelled.connect(self.cancel_timer)
        self.refresh_today()
        self.refresh_status()
        if self._untold_move is not None:
            self._tell_database_moved(self._untold_move)

    def shown_window(self) -> HomeWindow | None:
        """The home window when it is on screen."""
        return self._home if self._home is not None and self._home.isVisible() else None

    # -- stage 6: services, once the first window is on screen -------------------------

    def start_services(self) -> None:
        """The database, sessions, reminders, system events and the tray wait.

        Raises DatabaseTooNew or DataFolderError when the database cannot be used.
        """
        from herstel.platform.system_events import SystemEvents
        from herstel.ui.common import i18n
        from herstel.ui.reminders.presenter import ReminderPresenter
        from herstel.ui.reminders.service import ReminderService
        from herstel.ui.session.controller import SessionController
        from herstel.ui.session.flow import SessionFlow
        from herstel.ui.shell.tray import TrayWaiter

        self.theme.settle()
        qt_translator = i18n.load_qt_translator()
        if qt_translator is not None:
            self.translators.append(qt_translator)
            self.qapp.installTranslator(qt_translator)
        db, self.db_moved_to = self._open_database()
        self.db = db
        self.sessions: SessionController = SessionController(self.clock, settings=self.settings)
        self.flow: SessionFlow = SessionFlow(self.sessions, db, self.clock, lambda: self.settings)
        self.events: SystemEvents = SystemEvents()
        self.reminders: ReminderService = ReminderService(
            self.clock,
            self.paths.data_dir / "reminders.json",
            self.settings,
            local_zone(),
            db.record_reminder,
            busy=lambda: self.sessions.is_running or self.events.locked,
        )
        self.presenter: ReminderPresenter = ReminderPresenter(
            self.reminders, lambda: self.settings, lambda: self.tray
        )
        self.tray_waiter: TrayWaiter = TrayWaiter()

        self.flow.ended.connect(self.on_session_ended)
        self.flow.checked.connect(self.on_session_checked)
        self.reminders.changed.connect(self.refresh_status)
        self.presenter.take_break.connect(self.start_from_reminder)
        self.events.resumed.connect(self.reminders.check)
        self.events.locked_changed.connect(self.on_lock_changed)
        self.tray_waiter.decided.connect(self.on_tray_decided)
        self.ready = True
        if self._home is not None:
            self._add_sections(self._home)
        waiting, self._when_ready = self._when_ready, []
        for action in waiting:  # e.g. Start clicked in the first moments
            action()

    def start(self) -> None:
        """Stage 6b: things that need the event loop running."""
        self.tray_waiter.start()
        self.reminders.check()
        if self.db_moved_to is not None:
            self._tell_database_moved(self.db_moved_to)

    def _once_ready(self, action: Callable[[], None]) -> bool:
        """False (and ``action`` kept for later) while the services are still starting."""
        if self.ready:
            return True
        self._when_ready.append(action)
        return False

    def update_settings(self, settings: Settings) -> None:
        old, self.settings = self.settings, settings
        if self._home is not None:
            self._home.set_settings(settings)
        if self._settings_dialog is not None:
            self._settings_dialog.set_settings(settings)
        if settings.theme != old.theme:
            self.theme.set_setting(settings.theme)
        if settings.autostart != old.autostart:
            apply_autostart(settings.autostart)
        if self.ready:  # otherwise the services start with these settings
            self.sessions.set_settings(settings)
            self.reminders.apply_settings(settings)
        self._save_settings(settings)

    # Reminder actions from the tray and the home window; the tray icon may be
    # there before the services (``--tray``), so each waits for them.

    def set_timer(self, minutes: int) -> None:
        if self._once_ready(lambda: self.set_timer(minutes)):
            self.reminders.set_timer(minutes)

    def cancel_timer(self) -> None:
        if self._once_ready(self.cancel_timer):
            self.reminders.cancel_timer()

    def pause_reminders(self, minutes: int) -> None:
        if self._once_ready(lambda: self.pause_reminders(minutes)):
            self.reminders.pause(minutes)

    def pause_until_tomorrow(self) -> None:
        if self._once_ready(self.pause_until_tomorrow):
            self.reminders.pause_until_tomorrow()

    def resume_reminders(self) -> None:
        if self._once_ready(self.resume_reminders):
            self.reminders.resume()

    # -- sessions ---------------------------------------------------------------------

    def start_from_window(self) -> None:
        self.start_session(BreatheOptions(), Trigger.WINDOW)

    def start_from_reminder(self, _shown: object) -> None:
        self.start_session(BreatheOptions(), Trigger.REMINDER)

    def start_session(self, options: BreatheOptions, trigger: Trigger) -> None:
        if not self._once_ready(lambda: self.start_session(options, trigger)):
            return
        if self.sessions.is_running:
            self.sessions.raise_session()
            return
        self.presenter.withdraw()
        plan = plan_for(options, self.settings)
        if plan.pattern.rate_warning():
            log.info("pattern %s is outside 3-10 breaths a minute", plan.pattern.label)
        self.flow.start(plan, trigger, no_check=options.no_check, eyes_closed=options.eyes_closed)

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

    def on_data_deleted(self) -> None:
        """The history was erased from the settings: show the empty history everywhere."""
        self.refresh_today()
        if self._history is not None:
            self._history.refresh()

    def on_lock_changed(self, locked: bool) -> None:
        if not locked:
            self.reminders.check()

    # -- windows ----------------------------------------------------------------------

    def show_home(self) -> None:
        from herstel.ui.common.windows import bring_to_front

        home = self.home
        if home.isMinimized():
            home.showNormal()
        bring_to_front(home)
        log.info("main window shown")

    def open_history(self) -> None:
        from herstel.ui.common.windows import bring_to_front
        from herstel.ui.history.window import HistoryWindow

        if self._history is None:
            self._history = HistoryWindow(self.paths.database, self.clock)
            self._history.start_requested.connect(self.start_from_window)
        bring_to_front(self._history)

    def open_settings(self) -> None:
        from herstel.ui.common.windows import bring_to_front
        from herstel.ui.settings.dialog import SettingsDialog

        if self._settings_dialog is None:
            self._settings_dialog = SettingsDialog(self.settings, paths=self.paths)
            self._settings_dialog.changed.connect(self.update_settings)
            self._settings_dialog.data_deleted.connect(self.on_data_deleted)
        bring_to_front(self._settings_dialog)

    def refresh_today(self) -> None:
        if self.glance is None or self.db is None:
            return  # the home window reads it when it is built
        from herstel.core.checkin import check_day

        now = self.clock.now()
        self.glance.set_summary(self.db.today_summary(check_day(now), local_zone()))

    def status(self) -> TrayStatus:
        from herstel.ui.shell.tray import TrayStatus

        if not self.ready:  # the tray menu opened in the first moments: nothing planned yet
            return TrayStatus(self.clock.now(), False, None, None, None)
        return TrayStatus(
            now=self.clock.now(),
            session_running=self.sessions.is_running,
            timer_due=self.reminders.timer_due(),
            paused_until=self.reminders.paused_until(),
            next_reminder=self.reminders.next_reminder(),
        )

    def refresh_status(self) -> None:
        if self.reminder_panel is not None and self.ready:
            self.reminder_panel.set_status(self.status())
        if self.tray is not None:
            self.tray.refresh_tooltip()

    # -- the tray ---------------------------------------------------------------------

    def show_tray_now(self) -> None:
        """Stage 4 for ``--tray``: the icon at once when a tray host is there already.

        With none yet, the tray wait decides once the services are up.
        """
        from PySide6.QtWidgets import QSystemTrayIcon

        if QSystemTrayIcon.isSystemTrayAvailable():
            self.has_tray = True
            self._show_tray()

    def on_tray_decided(self, available: bool) -> None:
        self.has_tray = available
        if not available:
            log.info("no system tray: Herstel works as a normal window")
            if self._start_hidden:
                self.home.showMinimized()
            elif not self.home.isVisible():
                self.show_home()
            if not self.settings.tray_hint_shown:
                self.home.show_notice(
                    QCoreApplication.translate(
                        "Herstel",
                        "This desktop shows no tray icon, so Herstel stays in this window. "
                        "Closing it asks whether to keep your reminders running.",
                    )
                )
                self.update_settings(replace(self.settings, tray_hint_shown=True))
            return
        if self.tray is None:
            self._show_tray()
        else:
            self.refresh_status()

    def _show_tray(self) -> None:
        from herstel.ui.shell.tray import Tray

        tray = Tray(self.status)
        tray.start_requested.connect(self.on_tray_start)
        tray.open_requested.connect(self.show_home)
        tray.history_requested.connect(self.open_history)
        tray.settings_requested.connect(self.open_settings)
        tray.quit_requested.connect(self.quit)
        tray.timer_requested.connect(self.set_timer)
        tray.timer_cancelled.connect(self.cancel_timer)
        tray.pause_requested.connect(self.pause_reminders)
        tray.pause_tomorrow_requested.connect(self.pause_until_tomorrow)
        tray.resume_requested.connect(self.resume_reminders)
        self.tray = tray
        tray.show()
        tray.refresh_tooltip()
        log.info("tray icon shown")

    def on_tray_start(self) -> None:
        if not self._once_ready(self.on_tray_start):
            return
        if self.sessions.is_running:
            self.sessions.raise_session()
        else:
            self.start_from_window()

    def on_hidden_to_tray(self) -> None:
        if self.tray is not None and not self.settings.tray_hint_shown:
            self.tray.notify(
                APP_NAME,
                QCoreApplication.translate(
                    "Herstel",
                    "Herstel keeps running in the tray to remind you of your breaks. "
                    "Quit it from the tray menu.",
                ),
            )
            self.update_settings(replace(self.settings, tray_hint_shown=True))

    def _tell_database_moved(self, moved: Path) -> None:
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

    # -- stage 6: request -------------------------------------------------------------

    def handle(self, request: LaunchRequest) -> None:
        """A request from the command line or forwarded by another launch."""
        if shows_home_first(request):
            self.show_home()
        self.act_on(request)

    def act_on(self, request: LaunchRequest) -> None:
        """The part of ``handle`` after the home window is shown."""
        if request.action is Action.BREATHE:
            self.start_session(request.breathe or BreatheOptions(), Trigger.CLI)
        elif request.action is Action.HISTORY:
            self.open_history()
        elif request.action is Action.REMIND and request.remind_minutes is not None:
            self.reminders.set_timer(request.remind_minutes)
            log.info("timer reminder set for %d minutes", request.remind_minutes)
        elif request.action is Action.TRAY:
            self._start_hidden = True

    def quit(self) -> None:
        self.quitting = True
        if self.ready:
            self.presenter.withdraw()
            self.sessions.stop_running()
            self.reminders.stop()
        if self.close_guard is not None:
            self.close_guard.allow_close()
        if self.tray is not None:
            self.tray.close()
        self.qapp.quit()

    def abandon(self) -> None:
        """The services could not start: take the window away before saying why."""
        if self.close_guard is not None:
            self.close_guard.allow_close()
        if self._home is not None:
            self._home.hide()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def shows_home_first(request: LaunchRequest) -> bool:
    """Whether ``request`` opens the home window (``herstel`` and ``herstel breathe``)."""
    return request.action in {Action.SHOW, Action.BREATHE}


def _refuse_to_start(reason: str) -> None:
    """Say why the app cannot start: on stderr and, for launches from a menu, in a window.

    Called from the running loop; the app quits once the window is closed.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    print(f"herstel: {reason}", file=sys.stderr)
    log.error("cannot start: %s", reason)
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        return
    if qapp.platformName() in {"offscreen", "minimal"}:
        qapp.quit()
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, reason[:1].upper() + reason[1:] + ".")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.finished.connect(qapp.quit)
    box.open()


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
    from herstel.platform import desktop_entry

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
    starts listening once the services exist, so a forwarded request always
    finds someone to act on it (a launch meanwhile keeps retrying).
    """
    if not _prepare_process(paths):
        if instance is not None:
            instance.close()
        return 1
    from herstel.platform.crash import SigintWakeup

    app = Herstel(paths, clock or SystemClock())
    wakeup = SigintWakeup(app.quit)
    if shows_home_first(request):
        from herstel.ui.common.windows import paint_first_frame

        app.show_home()
        paint_first_frame(app.home)  # on screen before asyncio and the services load
    else:
        app.show_tray_now()  # likewise the tray icon of ``--tray``, where a tray host is up
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app.qapp)
    asyncio.set_event_loop(loop)
    quit_requested = asyncio.Event()
    app.qapp.aboutToQuit.connect(quit_requested.set)
    if app.quitting:
        # Ctrl-C or SIGTERM came before this point (during the first frame or the
        # imports): Qt's aboutToQuit has come and gone, so end the loop at once.
        quit_requested.set()
    exit_code = 0

    def start_the_rest() -> None:
        from herstel.platform.single_instance import SingleInstanceError
        from herstel.storage.database import DatabaseTooNew, DataFolderError

        nonlocal exit_code
        if app.quitting:
            return
        try:
            app.start_services()
        except (DatabaseTooNew, DataFolderError) as error:
            exit_code = 1
            app.abandon()
            _refuse_to_start(str(error))
            return
        if instance is not None:
            instance.request_received.connect(app.handle)
            try:
                instance.listen()
            except SingleInstanceError as error:
                log.warning("%s; other launches cannot reach this one", error)
        app.act_on(request)
        app.start()

    QTimer.singleShot(0, start_the_rest)
    try:
        with loop:
            loop.run_until_complete(quit_requested.wait())
    finally:
        wakeup.close()
        app.close()
        if instance is not None:
            instance.close()
        log.info("Herstel stopped")
    return exit_code
