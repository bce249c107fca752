"""Idle inhibition through the XDG desktop portal, where no ScreenSaver service is.

A private ``dbus-daemon`` carries only a stand-in portal (exported with QtDBus
in this process); Herstel's inhibitor finds no ``org.freedesktop.ScreenSaver``
there and asks the portal, on a qasync loop as in the app.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import ClassInfo, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusObjectPath
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.platform.screensaver import ScreenSaverInhibitor

HANDLE = "/org/freedesktop/portal/desktop/request/1_1/herstel"


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Inhibit"})
class StandInPortal(QObject):
    def __init__(self, calls: list[tuple[object, ...]]) -> None:
        super().__init__()
        self.calls = calls

    @Slot(str, "uint", "QVariantMap", result=QDBusObjectPath)
    def Inhibit(self, window: str, flags: int, options: dict[str, Any]) -> QDBusObjectPath:
        self.calls.append(("Inhibit", window, flags, options.get("reason")))
        return QDBusObjectPath(HANDLE)


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Request"})
class StandInRequest(QObject):
    def __init__(self, calls: list[tuple[object, ...]]) -> None:
        super().__init__()
        self.calls = calls

    @Slot()
    def Close(self) -> None:
        self.calls.append(("Close",))


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


def run_until(loop: asyncio.AbstractEventLoop, done: Callable[[], bool], what: str) -> None:
    async def poll() -> None:
        deadline = time.monotonic() + 5
        while not done():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            await asyncio.sleep(0.01)

    loop.run_until_complete(poll())


def test_without_a_screensaver_service_the_portal_keeps_the_session_awake(
    loop: asyncio.AbstractEventLoop, private_bus: str
) -> None:
    calls: list[tuple[object, ...]] = []
    server = QDBusConnection.connectToBus(private_bus, "herstel-test-portal")
    portal, request = StandInPortal(calls), StandInRequest(calls)
    slots = QDBusConnection.RegisterOption.ExportAllSlots
    assert server.registerObject("/org/freedesktop/portal/desktop", portal, slots)
    assert server.registerObject(HANDLE, request, slots)
    assert server.registerService("org.freedesktop.portal.Desktop")
    inhibitor = ScreenSaverInhibitor(address=private_bus)
    try:
        inhibitor.inhibit()
        run_until(loop, lambda: inhibitor.inhibited, "the portal's inhibition")
        # Flags 8: the session must not go idle (no screen saver, no blanking).
        assert calls == [("Inhibit", "", 8, "A breathing session is running")]

        inhibitor.release()
        assert not inhibitor.inhibited
        run_until(loop, lambda: ("Close",) in calls, "the request to be closed")
    finally:
        inhibitor.close()
        QDBusConnection.disconnectFromBus("herstel-test-portal")  # and so leaves the bus
