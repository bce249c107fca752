"""A private X server with a session bus and a tray host, for end-to-end tests.

The tests run the real ``herstel`` process on it, as a user would. Where the
tools are missing the tests skip locally, but fail on CI (CI=true), where
.ci/run installs them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sway_session import SwaySession, SwayUnavailable, start_sway

TOOLS = ("Xvfb", "dbus-launch", "trayer", "xdotool", "xwininfo")


TRAYER = (
    "trayer",
    "--edge",
    "top",
    "--align",
    "right",
    "--SetDockType",
    "true",
    "--expand",
    "true",
    "--widthtype",
    "request",
    "--height",
    "24",
)


@dataclass
class Desktop:
    env: dict[str, str]
    tray: subprocess.Popen[bytes] | None = None
    apps: list[subprocess.Popen[str]] = field(default_factory=list)
    """Every Herstel launched here, so a wait that times out can say what they printed."""

    def ensure_tray(self) -> None:
        """A running tray host with its panel mapped.

        trayer can die when an embedded icon's process is killed under it; each
        test that needs the tray gets a live one rather than inheriting a corpse.
        """
        if self.tray is None or self.tray.poll() is not None:
            self.tray = subprocess.Popen(
                TRAYER, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        wait_for(self._panel_mapped, 10, "the trayer panel")

    def _panel_mapped(self) -> bool:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"], env=self.env, capture_output=True, text=True
        ).stdout
        return '("panel" "trayer")' in tree

    def stop_tray(self) -> None:
        if self.tray is not None and self.tray.poll() is None:
            self.tray.terminate()
            self.tray.wait(timeout=5)

    def herstel(self, *args: str) -> subprocess.Popen[str]:
        app = subprocess.Popen(
            [sys.executable, "-m", "herstel", *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.apps.append(app)
        return app

    def visible_windows(self, pid: int) -> list[str]:
        result = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
            env=self.env,
            capture_output=True,
            text=True,
        )
        return result.stdout.split()

    def unread_apps(self) -> list[subprocess.Popen[str]]:
        """The launched apps whose stderr the tests have not read yet."""
        return [a for a in self.apps if a.stderr is not None and not a.stderr.closed]

    def wait_for(self, predicate: Callable[[], object], timeout: float, what: str) -> None:
        """Like ``wait_for``; on a time-out the error ends with each app's stderr."""
        try:
            wait_for(predicate, timeout, what)
        except AssertionError as error:
            raise AssertionError(
                "\n".join([str(error), *(app_stderr(app) for app in self.unread_apps())])
            ) from None


def app_stderr(app: subprocess.Popen[str]) -> str:
    """What ``app`` wrote to stderr, for a failure message; ends it if it still runs.

    The test has failed by then; the process's ``communicate`` afterwards returns
    nothing more, so the test's own clean-up still works.
    """
    if app.poll() is None:
        app.terminate()
    try:
        _out, err = app.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        app.kill()
        _out, err = app.communicate()
    return f"--- stderr of herstel (pid {app.pid}, exit {app.returncode}):\n{err or ''}"


def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> None:
    """Poll an outside process's observable state (not a timing assumption)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture(scope="session")
def desktop() -> Iterator[Desktop]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"end-to-end tools missing on CI: {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")
    processes: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryFile() as display_file:
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(display_file.fileno()),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                # Without it the server resets when its last client leaves, and a
                # launch at that moment dies with "could not connect to display".
                "-noreset",
            ],
            pass_fds=(display_file.fileno(),),
            stderr=subprocess.DEVNULL,
        )
        processes.append(xvfb)
        wait_for(lambda: os.fstat(display_file.fileno()).st_size > 0, 20, "Xvfb")
        display_file.seek(0)
        display = ":" + display_file.read().decode().strip()
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "HERSTEL_DATA_DIR"}}
    env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"
    bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True)
    bus_pid = None
    for line in bus.stdout.splitlines():
        key, _, value = line.partition("=")
        value = value.rstrip(";").strip("'")
        if key == "DBUS_SESSION_BUS_ADDRESS":
            env[key] = value
        elif key == "DBUS_SESSION_BUS_PID":
            bus_pid = int(value)
    desktop = Desktop(env)
    try:
        yield desktop
    finally:
        desktop.stop_tray()
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
        if bus_pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(bus_pid, 15)


@pytest.fixture
def desktop_with_tray(desktop: Desktop) -> Desktop:
    desktop.ensure_tray()
    return desktop


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="module")
def sway() -> Iterator[SwaySession]:
    """A headless sway session (swaybar tray host, mako) run as an unprivileged user."""
    try:
        session = start_sway()
    except SwayUnavailable as why:
        if os.environ.get("CI"):
            pytest.fail(f"the sway session cannot run on CI: {why}")
        pytest.skip(str(why))
    try:
        yield session
    finally:
        session.stop()
