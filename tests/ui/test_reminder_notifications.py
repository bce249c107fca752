"""Reminders as desktop notifications, against a stand-in notification server.

A private ``dbus-daemon`` carries a stand-in ``org.freedesktop.Notifications``
(exported with QtDBus in this process) that keeps the notifications it shows
open until they are closed, as a real server does. Herstel's client runs on a
qasync loop, as in the app; the reminders are answered through the real
ReminderService into a real database.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import qasync
from PySide6.QtCore import ClassInfo, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.reminder_flow import Shown
from herstel.core.settings import ReminderStyle, Settings
from herstel.platform.notifications import DesktopNotifications
from herstel.storage.database import Database
from herstel.ui.reminders.presenter import ReminderPresenter
from herstel.ui.reminders.service import ReminderService

PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
NOON = datetime(2026, 1, 5, 11, 0, tzinfo=UTC)

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")


@ClassInfo({"D-Bus Interface": INTERFACE})
class StandInServer(QObject):
    """Shows notifications until closed; ``open`` is what a user would see."""

    def __init__(self, capabilities: list[str]) -> None:
        super().__init__()
        self.capabilities = capabilities
        self.open: dict[int, dict[str, Any]] = {}
        self.closed: list[int] = []
        self._next = 0

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return self.capabilities

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        app: str,
        replaces: int,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, Any],
        timeout: int,
    ) -> int:
        if replaces not in self.open:
            self._next += 1
            replaces = self._next
        self.open[replaces] = {
            "app": app,
            "summary": summary,
            "actions": dict(zip(actions[::2], actions[1::2], strict=True)),
            "timeout": timeout,
        }
        return replaces

    @Slot("uint")
    def CloseNotification(self, notification: int) -> None:
        if self.open.pop(notification, None) is not None:
            self.closed.append(notification)


@pytest.fixture
def private_bus() -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=5)
        process.stdout.close()


@pytest.fixture
def loop(qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    event_loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(event_loop)
    try:
        yield event_loop
    finally:
        asyncio.set_event_loop(None)
        event_loop.close()


def run_until(loop: asyncio.AbstractEventLoop, done: Callable[[], object], what: str) -> None:
    async def poll() -> None:
        deadline = time.monotonic() + 5
        while not done():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.01)

    loop.run_until_complete(poll())


def serve(address: str, capabilities: list[str]) -> tuple[QDBusConnection, StandInServer]:
    bus = QDBusConnection.connectToBus(address, "herstel-test-notifications")
    server = StandInServer(capabilities)
    assert bus.registerObject(PATH, server, QDBusConnection.RegisterOption.ExportAllSlots)
    assert bus.registerService(INTERFACE)
    return bus, server


def click(bus: QDBusConnection, server: StandInServer, notification: int, key: str) -> None:
    """What a server does when the user picks an action: tell, then close it."""
    del server.open[notification]
    for member, arguments in (
        ("ActionInvoked", [notification, key]),
        ("NotificationClosed", [notification, 2]),
    ):
        signal = QDBusMessage.createSignal(PATH, INTERFACE, member)
        signal.setArguments(arguments)
        bus.send(signal)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "herstel.db")
    yield database
    database.close()


def presenter_for(
    db: Database, tmp_path: Path, notifications: DesktopNotifications
) -> tuple[ReminderPresenter, list[Shown]]:
    settings = Settings(reminder_style=ReminderStyle.AUTOMATIC)
    service = ReminderService(
        ManualClock(NOON),
        tmp_path / "reminders.json",
        settings,
        ZoneInfo("Europe/Amsterdam"),
        db.record_reminder,
        lambda: False,
    )
    presenter = ReminderPresenter(
        service, lambda: settings, lambda: None, notifications=notifications, wayland=True
    )
    taken: list[Shown] = []
    presenter.take_break.connect(taken.append)
    return presenter, taken


def outcomes(db: Database) -> list[tuple[str, str]]:
    return [(kind, outcome) for kind, _due, outcome, _at in db.iter_reminder_rows()]


def test_one_notification_at_a_time_and_start_now_takes_the_break(
    loop: asyncio.AbstractEventLoop, private_bus: str, db: Database, tmp_path: Path
) -> None:
    bus, server = serve(private_bus, ["actions", "body"])
    notifications = DesktopNotifications(
        "Herstel", "io.github.herstel.Herstel", address=private_bus
    )
    presenter, taken = presenter_for(db, tmp_path, notifications)
    try:
        notifications.start()
        run_until(loop, lambda: notifications.supports_actions, "the server's capabilities")

        first = Shown("scheduled", NOON)
        presenter.present(first)
        run_until(loop, lambda: server.open, "the first notification")
        (shown,) = server.open.values()
        assert shown["app"] == "Herstel"
        assert shown["summary"] == "Time for a breathing break"
        assert shown["actions"] == {
            "default": "Start now",
            "start": "Start now",
            "snooze": "In 10 min",
            "skip": "Skip",
        }
        assert shown["timeout"] == 10 * 60 * 1000  # missed after the prompt's ten minutes

        second = Shown("timer", NOON)
        presenter.present(second)  # replaces the first: never two on screen
        run_until(loop, lambda: server.closed == [1] and len(server.open) == 1, "the swap")
        (current,) = server.open
        assert server.open[current]["summary"] == "Your reminder: a breathing break"

        click(bus, server, current, "start")
        run_until(loop, lambda: taken, "the break to be taken")
        assert taken == [second]
        assert outcomes(db) == [("scheduled", "missed"), ("timer", "taken")]

        presenter.present(Shown("scheduled", NOON, reset=True))  # after a long call
        run_until(loop, lambda: server.open, "a third notification")
        (third,) = server.open.values()
        assert third["summary"] == "A one-minute reset after your call?"
        presenter.withdraw()  # answered elsewhere (the tray, the window)
        run_until(loop, lambda: not server.open, "the notification to be withdrawn")
        assert outcomes(db)[-1] == ("scheduled", "missed")
    finally:
        notifications.close()
        QDBusConnection.disconnectFromBus("herstel-test-notifications")


def test_without_actions_the_reminder_is_a_floating_prompt(
    loop: asyncio.AbstractEventLoop, private_bus: str, db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    _bus, server = serve(private_bus, ["body"])
    notifications = DesktopNotifications(
        "Herstel", "io.github.herstel.Herstel", address=private_bus
    )
    presenter, _taken = presenter_for(db, tmp_path, notifications)
    try:
        notifications.start()
        run_until(loop, lambda: notifications.available, "the server's capabilities")
        presenter.present(Shown("scheduled", NOON))
        prompt = presenter.prompt
        assert prompt is not None and server.open == {}
        qtbot.waitExposed(prompt)
        assert prompt.minimumSize() == prompt.maximumSize()  # floats on a tiling compositor
        presenter.withdraw()
    finally:
        notifications.close()
        QDBusConnection.disconnectFromBus("herstel-test-notifications")


@pytest.mark.parametrize("wayland", [False, True])
def test_the_server_is_reached_only_once_reminders_use_notifications(
    loop: asyncio.AbstractEventLoop, private_bus: str, db: Database, tmp_path: Path, wayland: bool
) -> None:
    _bus, _server = serve(private_bus, ["actions", "body"])
    notifications = DesktopNotifications("Herstel", "herstel", address=private_bus)
    settings = Settings(reminder_style=ReminderStyle.AUTOMATIC)
    service = ReminderService(
        ManualClock(NOON), tmp_path / "reminders.json", settings,
        ZoneInfo("Europe/Amsterdam"), db.record_reminder, lambda: False,
    )  # fmt: skip
    presenter = ReminderPresenter(
        service, lambda: settings, lambda: None, notifications=notifications, wayland=wayland
    )
    try:
        presenter.connect_if_used()  # automatic: a prompt on X11, a notification on Wayland
        assert notifications.started is wayland
        if wayland:
            run_until(loop, lambda: notifications.available, "the connection to the server")
        settings = Settings(reminder_style=ReminderStyle.NOTIFICATION)
        presenter.connect_if_used()
        run_until(loop, lambda: notifications.available, "the connection to the server")
        assert notifications.supports_actions
    finally:
        notifications.close()
        service.stop()
        QDBusConnection.disconnectFromBus("herstel-test-notifications")
