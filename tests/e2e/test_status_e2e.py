"""`herstel status` and the D-Bus service against the real app on a private X server and bus.

The watcher is a real `herstel status --watch --json` process; the change comes
from another process (`herstel remind 5`, then D-Bus calls); PropertiesChanged
is received by a real `gdbus monitor`.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Desktop


pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def gdbus_tool() -> None:
    """Skip without gdbus, but fail on CI, where .ci/run installs it (libglib2.0-bin)."""
    if shutil.which("gdbus") is None:
        if os.environ.get("CI"):
            pytest.fail("gdbus missing on CI")
        pytest.skip("needs gdbus")


OBJECT = ("--dest", "io.github.herstel.Herstel", "--object-path", "/io/github/herstel/Herstel")
IFACE = "io.github.herstel.Herstel1"


def run(desktop: Desktop, *args: str) -> subprocess.CompletedProcess[str]:
    process = desktop.herstel(*args)
    out, err = process.communicate(timeout=30)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def gdbus(desktop: Desktop, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["gdbus", "call", "--session", *OBJECT, *args],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def read_line(process: subprocess.Popen[str], timeout: float = 20) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise AssertionError(f"no line within {timeout:.0f} s")
    return process.stdout.readline()


@pytest.fixture
def app(desktop_with_tray: Desktop, data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    process = desktop_with_tray.herstel("--tray", "--data-dir", str(data_dir))
    try:
        desktop_with_tray.wait_for(
            lambda: run(desktop_with_tray, "status", "--data-dir", str(data_dir)).returncode == 0,
            30,
            "the app to answer herstel status",
        )
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        process.communicate(timeout=15)


def test_status_without_an_instance_says_so_and_exits_3(desktop: Desktop, data_dir: Path) -> None:
    plain = run(desktop, "status", "--data-dir", str(data_dir))
    assert (plain.returncode, plain.stdout, plain.stderr) == (3, "Herstel is not running\n", "")
    as_json = run(desktop, "status", "--json", "--data-dir", str(data_dir))
    assert as_json.returncode == 3
    document = json.loads(as_json.stdout)
    assert document["running"] is False and document["class"] == "stopped"


def test_watch_prints_a_line_when_another_process_sets_a_reminder_and_ends_with_the_app(
    desktop_with_tray: Desktop, data_dir: Path, app: subprocess.Popen[str]
) -> None:
    desktop = desktop_with_tray
    watcher = desktop.herstel("status", "--watch", "--json", "--data-dir", str(data_dir))
    try:
        first = json.loads(read_line(watcher))
        assert first["running"] is True and first["timer_due"] is None
        assert run(desktop, "remind", "5", "--data-dir", str(data_dir)).returncode == 0
        second = json.loads(read_line(watcher))
        assert second["timer_due"] is not None
        due = time.strptime(second["timer_due"][11:16], "%H:%M")
        assert second["text"].endswith(time.strftime("%H:%M", due))
        app.send_signal(signal.SIGTERM)
        last = json.loads(read_line(watcher))
        assert last["running"] is False
        assert watcher.wait(timeout=15) == 3
    finally:
        if watcher.poll() is None:
            watcher.kill()
        watcher.communicate()


def test_watch_sees_a_session_start_and_end_and_todays_minutes_grow(
    desktop_with_tray: Desktop, data_dir: Path, app: subprocess.Popen[str]
) -> None:
    desktop = desktop_with_tray
    watcher = desktop.herstel("status", "--watch", "--json", "--data-dir", str(data_dir))
    try:
        first = json.loads(read_line(watcher))
        assert (first["session_running"], first["today_minutes"]) == (False, 0.0)
        breathe = ("breathe", "--pattern", "2-2", "--breaths", "1", "--no-check")
        assert run(desktop, *breathe, "--data-dir", str(data_dir)).returncode == 0
        started = json.loads(read_line(watcher))
        assert (started["session_running"], started["class"]) == (True, "breathing")
        ended = json.loads(read_line(watcher, timeout=60))
        while ended["today_minutes"] == 0.0:  # the end, then the stored session
            assert ended["session_running"] is False
            ended = json.loads(read_line(watcher, timeout=30))
        assert ended["session_running"] is False and ended["today_minutes"] > 0
    finally:
        if watcher.poll() is None:
            watcher.kill()
        watcher.communicate()


def test_watch_ends_quietly_when_its_reader_leaves(
    desktop_with_tray: Desktop, data_dir: Path, app: subprocess.Popen[str]
) -> None:
    """`herstel status --watch | head -1`, or a panel that restarts."""
    desktop = desktop_with_tray
    watcher = desktop.herstel("status", "--watch", "--data-dir", str(data_dir))
    assert watcher.stdout is not None
    read_line(watcher)
    watcher.stdout.close()  # the reader leaves
    assert run(desktop, "remind", "7", "--data-dir", str(data_dir)).returncode == 0
    _, err = watcher.communicate(timeout=15)
    assert (watcher.returncode, err) == (0, "")
    assert app.poll() is None


def properties(desktop: Desktop) -> str:
    result = gdbus(desktop, "--method", "org.freedesktop.DBus.Properties.GetAll", IFACE)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_dbus_interface_answers_every_method_and_property(
    desktop_with_tray: Desktop, data_dir: Path, app: subprocess.Popen[str]
) -> None:
    desktop = desktop_with_tray
    monitor = subprocess.Popen(
        ["gdbus", "monitor", "--session", "--dest", "io.github.herstel.Herstel"],
        env=desktop.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert "is owned by" in read_line(monitor) + read_line(monitor)
        introspection = gdbus(desktop, "--method", "org.freedesktop.DBus.Introspectable.Introspect")
        for name in ("StartBreak", "RemindIn", "PauseReminders", "ResumeReminders", "OpenHistory"):
            assert f'name="{name}"' in introspection.stdout
        for name in ("NextReminder", "WaitingReason", "SessionRunning", "TodayMinutes"):
            value = gdbus(desktop, "--method", "org.freedesktop.DBus.Properties.Get", IFACE, name)
            assert value.returncode == 0, value.stderr
        assert "'PausedUntil': <''>" in properties(desktop)

        assert gdbus(desktop, "--method", f"{IFACE}.RemindIn", "5").returncode == 0
        changed = read_line(monitor)
        assert "PropertiesChanged" in changed and "NextReminder" in changed
        assert gdbus(desktop, "--method", f"{IFACE}.PauseReminders", "30").returncode == 0
        assert "PausedUntil" in read_line(monitor)
        assert "'PausedUntil': <''>" not in properties(desktop)
        assert gdbus(desktop, "--method", f"{IFACE}.ResumeReminders").returncode == 0
        assert "PausedUntil" in read_line(monitor)
        assert "'PausedUntil': <''>" in properties(desktop)

        for bad in (("RemindIn", "0"), ("RemindIn", "721"), ("PauseReminders", "9999")):
            refused = gdbus(desktop, "--method", f"{IFACE}.{bad[0]}", bad[1])
            assert "org.freedesktop.DBus.Error.InvalidArgs" in refused.stderr
        refused = gdbus(desktop, "--method", f"{IFACE}.StartBreak", "'99-1'", "5")
        assert "InvalidArgs" in refused.stderr
        assert app.poll() is None  # still running after every refusal

        assert gdbus(desktop, "--method", f"{IFACE}.StartBreak", "'5-5'", "1").returncode == 0
        started = read_line(monitor)
        assert "SessionRunning" in started and "<true>" in started
        assert "'SessionRunning': <true>" in properties(desktop)
        assert gdbus(desktop, "--method", f"{IFACE}.OpenHistory").returncode == 0
        desktop.wait_for(
            lambda: len(desktop.visible_windows(app.pid)) >= 2, 20, "the history window"
        )
    finally:
        monitor.terminate()
        monitor.communicate(timeout=5)
