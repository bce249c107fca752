"""Real servers for the senses' tests: PulseAudio, an X server with a window
manager, and a private D-Bus bus with python-dbusmock services on it.

Each server is private to the test run (own runtime dir, own bus, own display);
nothing of the user's desktop is touched. Missing tools skip locally and fail
on CI (CI=true), where .ci/run installs them.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from room_servers import (
    DBUSMOCK_PYTHON,
    MockBus,
    Pulse,
    XDesktop,
    need,
    start_pulseaudio,
    stop,
    wait_for,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")


@pytest.fixture
def run(qapp: QApplication, qtbot: QtBot) -> Iterator[Callable[[Coroutine[Any, Any, T]], T]]:
    """Run a coroutine on a qasync loop driven by Qt's own event loop.

    The loop is "already running" (as in the app), so qtbot's waits drive both
    coroutines and Qt signals.
    """
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = qasync.QThreadExecutor(1)  # for asyncio.to_thread; shut down below
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)

    def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
        task = asyncio.ensure_future(coroutine)
        qtbot.waitUntil(task.done, timeout=10000)
        return task.result()

    yield run_coroutine
    executor.shutdown(wait=True)
    asyncio.set_event_loop(None)
    asyncio.events._set_running_loop(None)


# -- PulseAudio ---------------------------------------------------------------


@pytest.fixture(scope="session")
def pulse_server() -> Iterator[Pulse]:
    need("pulseaudio", "parecord", "pactl")
    runtime = Path(tempfile.mkdtemp(prefix="herstel-pulse-"))
    runtime.chmod(0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PULSE_", "DBUS_", "XDG_RUNTIME"))
    }
    env |= {
        "HOME": str(runtime),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(runtime / "config"),
        "PULSE_SERVER": f"unix:{runtime}/pulse/native",
    }
    server = start_pulseaudio(env)
    pulse = Pulse(env)
    try:
        yield pulse
    finally:
        for child in pulse.children:
            stop(child)
        stop(server)
        shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture
def pulse(pulse_server: Pulse) -> Iterator[Pulse]:
    """The session's server; streams a test started are ended after it."""
    yield pulse_server
    for child in pulse_server.children:
        stop(child)
    pulse_server.children.clear()


# -- X server with a window manager ---------------------------------------------


@pytest.fixture
def x_desktop(x_server: XDesktop) -> Iterator[XDesktop]:
    """The session's X server; windows a test opened are closed after it."""
    yield x_server
    for child in x_server.children:
        stop(child)
    x_server.children.clear()


@pytest.fixture(scope="session")
def x_server() -> Iterator[XDesktop]:
    need("Xvfb", "openbox", "wmctrl", "xdotool", "xprop", "xmessage")
    processes: list[subprocess.Popen[Any]] = []
    home = Path(tempfile.mkdtemp(prefix="herstel-x-"))
    with tempfile.TemporaryFile() as display_file:
        xvfb = subprocess.Popen(
            [
                *("Xvfb", "-displayfd", str(display_file.fileno())),
                *("-screen", "0", "800x600x24", "-nolisten", "tcp"),
            ],
            pass_fds=(display_file.fileno(),),
            stderr=subprocess.DEVNULL,
        )
        processes.append(xvfb)
        wait_for(lambda: os.fstat(display_file.fileno()).st_size > 0, 20, "Xvfb")
        display_file.seek(0)
        display = ":" + display_file.read().decode().strip()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "WAYLAND"))}
    env |= {"DISPLAY": display, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
    desktop = XDesktop(env)
    try:
        log = home / "openbox.log"
        with log.open("wb") as output:
            openbox = subprocess.Popen(
                ["openbox", "--sm-disable"], env=env, stdout=output, stderr=output
            )
        processes.append(openbox)

        def managed() -> bool:
            assert openbox.poll() is None, log.read_text()
            return "window id" in desktop.x("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")

        wait_for(managed, 20, "openbox")
        yield desktop
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(home, ignore_errors=True)


# -- D-Bus with dbusmock -------------------------------------------------------------


@pytest.fixture(scope="session")
def dbus_daemon() -> Iterator[MockBus]:
    need("dbus-daemon", DBUSMOCK_PYTHON)
    probe = subprocess.run(
        [DBUSMOCK_PYTHON, "-c", "import dbusmock, gi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail("python3-dbusmock missing on CI")
        pytest.skip("needs python3-dbusmock")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "DISPLAY"))}
    env |= {"DBUS_SESSION_BUS_ADDRESS": address, "DBUS_SYSTEM_BUS_ADDRESS": address}
    try:
        yield MockBus(address, env)
    finally:
        stop(daemon)


@pytest.fixture
def dbus(dbus_daemon: MockBus) -> Iterator[MockBus]:
    """The private bus; the mock services a test started are stopped after it."""
    yield dbus_daemon
    dbus_daemon.stop_mocks()
    wait_for(lambda: not dbus_daemon.has_name("org.freedesktop.login1"), 10, "mocks gone")
