"""Suspend/resume and screen-lock notices from D-Bus.

In this process the session bus is whatever QtDBus cached first, so the
wiring to a real bus is tested in a child process on a private
``dbus-daemon`` that plays both the system and the session bus.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QtMsgType
from pytestqt.qtbot import QtBot

from herstel.platform.system_events import SystemEvents


@pytest.fixture
def events(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> SystemEvents:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("DBUS_SYSTEM_BUS_ADDRESS", raising=False)
    return SystemEvents()


def test_constructs_quietly_without_a_bus(events: SystemEvents, qtlog: Any) -> None:
    noisy = [r.message for r in qtlog.records if r.type != QtMsgType.QtDebugMsg]
    assert noisy == []
    assert events.locked is False


def test_waking_up_emits_resumed(qtbot: QtBot, events: SystemEvents) -> None:
    resumed: list[None] = []
    events.resumed.connect(lambda: resumed.append(None))
    events._prepare_for_sleep(True)  # going to sleep: nothing to do yet
    assert resumed == []
    with qtbot.waitSignal(events.resumed, timeout=1000):
        events._prepare_for_sleep(False)
    assert len(resumed) == 1


def test_the_screen_lock_is_tracked(events: SystemEvents) -> None:
    changes: list[bool] = []
    events.locked_changed.connect(changes.append)
    events._active_changed(True)
    assert events.locked is True
    events._active_changed(False)
    assert events.locked is False
    assert changes == [True, False]


# -- on a real (private) bus ------------------------------------------------------------

CHILD = r"""
import json, os
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, qInstallMessageHandler
from PySide6.QtDBus import QDBusConnection, QDBusMessage

messages = []
qInstallMessageHandler(lambda kind, context, text: messages.append(text))
app = QCoreApplication([])
from herstel.platform.system_events import SystemEvents

events = SystemEvents()
seen = []
events.resumed.connect(lambda: seen.append("resumed"))
events.locked_changed.connect(lambda locked: seen.append(f"locked={locked}"))
address = os.environ["DBUS_SESSION_BUS_ADDRESS"]
impostor = QDBusConnection.connectToBus(address, "impostor")
logind = QDBusConnection.connectToBus(address, "logind")
assert impostor.isConnected() and logind.isConnected()


def sleep_signal(going):
    message = QDBusMessage.createSignal(
        "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"
    )
    message.setArguments([going])
    return message


def lock_signal(active):
    message = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
    )
    message.setArguments([active])
    return message


def until(marker, *sends):
    # Messages from one connection arrive in order: once the marker shows,
    # everything sent before it on that connection has been handled.
    for _ in range(100):
        for connection, message in sends:
            connection.send(message)
        loop = QEventLoop()
        QTimer.singleShot(100, loop.quit)
        loop.exec()
        if marker in seen:
            return
    raise SystemExit(f"timed out waiting for {marker}: {seen}")


# 1. A wake-up from someone who is not logind is ignored (the lock signal may
#    come from any screen saver, so it serves as the barrier).
until("locked=True", (impostor, sleep_signal(False)), (impostor, lock_signal(True)))
phase1 = list(seen)
# 2. logind going to sleep does nothing; 3. logind waking up emits resumed.
assert logind.registerService("org.freedesktop.login1")
until("locked=False", (logind, sleep_signal(True)), (logind, lock_signal(False)))
phase2 = list(seen)
until("resumed", (logind, sleep_signal(False)))
print(json.dumps({"phase1": phase1, "phase2": phase2, "locked": events.locked,
                  "messages": messages}))
"""


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dbus-daemon is missing; .ci/run installs it")
        pytest.skip("needs dbus-daemon")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:dir={tmp_path}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()  # printed once it listens
        assert address.startswith("unix:"), address
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def test_signals_from_a_real_bus_arrive(private_bus: str) -> None:
    env = dict(os.environ)
    env["DBUS_SESSION_BUS_ADDRESS"] = private_bus
    env["DBUS_SYSTEM_BUS_ADDRESS"] = private_bus
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["messages"] == []  # no Qt warning: the slot signatures match
    assert report["phase1"] == ["locked=True"]  # the impostor's wake-up was ignored
    assert report["phase2"] == ["locked=True", "locked=False"]  # going to sleep: nothing
    assert report["locked"] is False
