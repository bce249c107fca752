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
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from herstel import APP_ID, APP_NAME, __version__
from herstel.core.clock import Clock, SystemClock
from herstel.core.launch import Action, BreatheOptions, LaunchRequest, plan_for
from herstel.core.records import SessionRecord, Trigger
from herstel.core.settings import Settings
from herstel.logs import setup_logging
from herstel.storage.paths import DataDirError, DataPaths, ensure_private_dir
from herstel.storage.settings_file import load_settings, save_settings

if TYPE_CHECKING:
    from herstel.ui.single_instance import SingleInstance

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
        self.translators = [t for t in (i18n.load_qt_translator(), i18n.load_app_translator()) if t]
        for translator in self.translators:
            self.qapp.installTranslator(translator)
        self._settings_writable = True
        self.settings = self._load_settings()
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

    # -- stage 5: UI ------------------------------------------------------------------

    def _build_ui(self) -> None:
        from herstel.ui.home_window import HomeWindow
        from herstel.ui.session_controller import SessionController
        from herstel.ui.theme import apply_theme

        apply_theme(self.qapp, self.settings.theme)
        self.home = HomeWindow(self.settings)
        self.sessions = SessionController(self.clock)
        self.home.start_requested.connect(self.start_from_window)
        self.home.settings_changed.connect(self.update_settings)
        self.sessions.session_ended.connect(self.on_session_ended)

    def update_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.home.set_settings(settings)
        self._save_settings(settings)

    def start_from_window(self) -> None:
        self.start_session(BreatheOptions(), Trigger.WINDOW)

    def start_session(self, options: BreatheOptions, trigger: Trigger) -> None:
        if self.sessions.is_running:
            self.sessions.raise_session()
            return
        plan = plan_for(options, self.settings)
        if plan.pattern.rate_warning():
            log.info("pattern %s is outside 3-10 breaths a minute", plan.pattern.label)
        no_check = options.no_check or not self.settings.check_after
        self.sessions.start(
            plan,
            trigger,
            no_check=no_check,
            show_count=self.settings.show_count,
            reduced_motion=self.settings.reduced_motion,
            first_run=not self.settings.first_run_done,
        )

    def on_session_ended(self, record: SessionRecord) -> None:
        log.info(
            "session %s ended %s after %.0f s, %d breaths",
            record.id,
            record.ended_how,
            record.done_seconds,
            record.done_breaths,
        )
        if not self.settings.first_run_done:
            self.update_settings(replace(self.settings, first_run_done=True))

    # -- stage 6: request -------------------------------------------------------------

    def show_home(self) -> None:
        self.home.show()
        self.home.raise_()
        self.home.activateWindow()
        log.info("main window shown")

    def handle(self, request: LaunchRequest) -> None:
        if request.action is Action.BREATHE:
            self.show_home()
            self.start_session(request.breathe or BreatheOptions(), Trigger.CLI)
        elif request.action is Action.SHOW:
            self.show_home()
        # Action.TRAY: no window (the tray icon arrives with the tray issue)


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

    app = Herstel(paths, clock or SystemClock())
    loop = qasync.QEventLoop(app.qapp)
    asyncio.set_event_loop(loop)
    quit_requested = asyncio.Event()
    app.qapp.aboutToQuit.connect(quit_requested.set)
    wakeup = SigintWakeup(app.qapp.quit)
    if instance is not None:
        instance.request_received.connect(app.handle)
        try:
            instance.listen()
        except SingleInstanceError as error:
            log.warning("%s; other launches cannot reach this one", error)
    app.handle(request)
    try:
        with loop:
            loop.run_until_complete(quit_requested.wait())
    finally:
        wakeup.close()
        if instance is not None:
            instance.close()
        log.info("Herstel stopped")
    return 0
