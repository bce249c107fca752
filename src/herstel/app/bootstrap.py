"""Bootstrap: Herstel's staged start-up. It wires the parts; it decides nothing.

Start-up order (each stage only needs the ones before it):

1. process  — locale (a missing system locale is not fatal), the data folder
               (a clear one-line error when unusable), logging, crash hook
2. Qt       — QApplication with the application id, name and icon; Herstel's
               translator
3. state    — the settings hub (a broken file is moved aside, bad values
               reported), the theme, the command queue and the shell
4. window   — for ``herstel`` and ``herstel breathe`` the home window is built,
               shown and painted now, on Qt's own event loop, before anything
               it does not need to draw; otherwise (``--tray``) the tray icon,
               when a tray host is already there; SIGINT/SIGTERM wake-up so
               Ctrl-C works
5. asyncio  — then asyncio and the qasync event loop (a fifth of the bare
               start-up time: loading them first would keep the window waiting)
6. services — from the first turn of that loop: Qt's own translator, then
               ``app.services.Services`` (the database, sessions, reminders,
               system events, the tray wait), the single-instance socket; then
               do what the command line asked
7. run      — until the app quits; then tear down in reverse

Where things live: windows and notices in ``ui.shell.shell.Shell``, every
user action in ``ui.shell.commands.Commands`` (queued until the services are
up), settings in ``ui.common.settings_hub.SettingsHub``, the session's start
and end in ``ui.session.flow.SessionFlow``.
"""

from __future__ import annotations

import locale
import logging
import os
import sys
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from herstel import APP_ID, APP_NAME, __version__
from herstel.core.clock import Clock, SystemClock
from herstel.core.launch import Action, BreatheOptions, LaunchRequest
from herstel.core.records import Trigger
from herstel.core.settings import Settings
from herstel.platform.logs import setup_logging
from herstel.storage.paths import DataDirError, DataPaths, ensure_private_dir

if TYPE_CHECKING:
    from herstel.app.services import Services
    from herstel.platform.single_instance import SingleInstance

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
    """The running app: the bootstrap's hold on its parts. It builds and connects; it decides
    nothing (each rule lives with its part: the flow, the reminders, the shell)."""

    def __init__(self, paths: DataPaths, clock: Clock) -> None:
        """Stages 2–3: what the first window needs, and nothing more."""
        from PySide6.QtWidgets import QApplication

        from herstel.ui.common import i18n
        from herstel.ui.common.icons import app_icon
        from herstel.ui.common.settings_hub import SettingsHub
        from herstel.ui.common.theme import ThemeFollower
        from herstel.ui.shell.commands import Commands
        from herstel.ui.shell.shell import Shell

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
        self.hub = SettingsHub(paths.settings_file, clock)
        # A guess that needs no Qt enums for the first frame; settled with the services.
        self.theme = ThemeFollower(self.qapp, self.hub.settings.theme, first_frame=True)
        self.hub.changed.connect(self._settings_changed)
        self.commands = Commands()
        self.shell = Shell(self.hub, self.commands, clock, paths, local_zone)
        self.shell.quit_requested.connect(self.quit)
        self.services: Services | None = None
        self.quitting = False  # True once quit() was asked for

    def _settings_changed(self, settings: Settings, old: Settings) -> None:
        if settings.theme != old.theme:
            self.theme.set_setting(settings.theme)
        if settings.autostart != old.autostart:
            apply_autostart(settings.autostart)

    def start_services(self) -> None:
        """Stage 6: the services behind the windows (raises DatabaseTooNew, DataFolderError)."""
        from herstel.app.services import Services
        from herstel.ui.common import i18n

        self.theme.settle()
        qt_translator = i18n.load_qt_translator()
        if qt_translator is not None:
            self.translators.append(qt_translator)
            self.qapp.installTranslator(qt_translator)
        services = Services(self.paths, self.clock, self.hub, self.shell, local_zone)
        self.services = services
        self.shell.attach(services.db, services.history, services.reminders, services.flow)
        self.commands.attach(services.flow, services.reminders)

    def start(self) -> None:
        """Stage 6b: things that need the event loop running."""
        assert self.services is not None
        self.services.start()
        if self.services.db_moved_to is not None:
            self.shell.tell_database_moved(self.services.db_moved_to)

    # -- stage 6: request -------------------------------------------------------------

    def handle(self, request: LaunchRequest) -> None:
        """A request from the command line or forwarded by another launch."""
        if shows_home_first(request):
            self.shell.show_home()
        self.act_on(request)

    def act_on(self, request: LaunchRequest) -> None:
        """The part of ``handle`` after the home window is shown."""
        if request.action is Action.BREATHE:
            self.commands.start_break(request.breathe or BreatheOptions(), Trigger.CLI)
        elif request.action is Action.HISTORY:
            self.shell.open_history()
        elif request.action is Action.REMIND and request.remind_minutes is not None:
            self.commands.set_timer(request.remind_minutes)
        elif request.action is Action.TRAY:
            self.shell.start_hidden = True

    def quit(self) -> None:
        self.quitting = True
        if self.services is not None:
            self.services.stop()
        self.shell.close()
        self.qapp.quit()

    def close(self) -> None:
        if self.services is not None:
            self.services.close()


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

        app.shell.show_home()
        paint_first_frame(app.shell.home)  # on screen before asyncio and the services load
    else:
        app.shell.show_tray_now()  # likewise the tray icon of ``--tray``, where a tray host is up
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
        from herstel.storage.connection import DatabaseTooNew, DataFolderError

        nonlocal exit_code
        if app.quitting:
            return
        try:
            app.start_services()
        except (DatabaseTooNew, DataFolderError) as error:
            exit_code = 1
            app.shell.abandon()
            _refuse_to_start(str(error))
            return
        from herstel.ui.shell import status_link

        assert app.services is not None
        status_link.init(  # herstel status and D-Bus
            app.services, app.commands, app.shell.open_history, app.clock, local_zone, instance
        )
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
