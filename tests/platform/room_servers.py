"""Helpers around the real servers of the senses' tests: PulseAudio, an X server with a window
manager, and a private D-Bus bus with python-dbusmock services on it.

Each server is private to the test run (own runtime dir, own bus, own display);
nothing of the user's desktop is touched. Missing tools skip locally and fail
on CI (CI=true), where .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")
DBUSMOCK_PYTHON = "/usr/bin/python3"  # Debian's python3-dbusmock (needs python3-gi)


def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> None:
    """Poll an outside process's observable state (not a timing assumption)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"tools missing on CI: {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")


def stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def start_pulseaudio(env: dict[str, str]) -> subprocess.Popen[Any]:
    """A PulseAudio server in ``env``'s runtime dir (source "mic", sink "speakers"), ready."""
    server = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disable-shm",
            "-n",
            "--load=module-native-protocol-unix",
            "--load=module-null-source source_name=mic",
            "--load=module-null-sink sink_name=speakers",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(
        lambda: subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0,
        20,
        "PulseAudio",
    )
    return server


@dataclass
class Pulse:
    env: dict[str, str]
    children: list[subprocess.Popen[Any]] = field(default_factory=list)

    @property
    def server(self) -> str:
        return self.env["PULSE_SERVER"]

    def record(self, source: str) -> subprocess.Popen[Any]:
        """A ``parecord`` from ``source`` to /dev/null, running once the server lists it."""
        process = subprocess.Popen(
            ["parecord", "-d", source, "/dev/null"], env=self.env, stderr=subprocess.DEVNULL
        )
        self.children.append(process)
        wait_for(lambda: str(process.pid) in self.streams(), 10, "parecord's stream")
        return process

    def peak_meter(self, source: str) -> subprocess.Popen[str]:
        """A pavucontrol-like peak-detect stream on ``source``."""
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("peak_meter.py")), source],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.children.append(process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        return process

    def end(self, process: subprocess.Popen[Any]) -> None:
        pid = str(process.pid)
        stop(process)
        wait_for(lambda: pid not in self.streams(), 10, "the stream to go")

    def streams(self) -> str:
        """The server's source outputs, as ``pactl`` prints them (pids included)."""
        return subprocess.run(
            ["pactl", "list", "source-outputs"], env=self.env, capture_output=True, text=True
        ).stdout


@dataclass
class XDesktop:
    env: dict[str, str]
    children: list[subprocess.Popen[Any]] = field(default_factory=list)

    def x(self, *command: str) -> str:
        return subprocess.run(
            command, env=self.env, capture_output=True, text=True, check=True
        ).stdout

    def window(self, title: str) -> subprocess.Popen[Any]:
        """An ``xmessage`` window titled ``title``, mapped and active."""
        process = subprocess.Popen(
            ["xmessage", "-title", title, "-geometry", "240x80+40+40", title],
            env=self.env,
            stderr=subprocess.DEVNULL,
        )
        self.children.append(process)
        wait_for(lambda: title in self.x("wmctrl", "-l"), 10, f"window {title}")
        self.x("wmctrl", "-a", title)
        wait_for(lambda: self.active_title() == title, 10, f"{title} to be active")
        return process

    def active_title(self) -> str:
        result = subprocess.run(
            ["xdotool", "getactivewindow", "getwindowname"],
            env=self.env,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    def window_id(self, title: str) -> str:
        return self.x("xdotool", "search", "--name", f"^{title}$").split()[0]

    def claim(self, title: str, pid: int) -> None:
        """Set the window's ``_NET_WM_PID`` (xmessage sets none), as if ``pid`` owned it."""
        window = self.window_id(title)
        self.x("xprop", "-id", window, "-f", "_NET_WM_PID", "32c", "-set", "_NET_WM_PID", str(pid))

    def full_screen(self, title: str, on: bool) -> None:
        self.x("wmctrl", "-r", title, "-b", ("add" if on else "remove") + ",fullscreen")
        wanted = on

        def state_is_set() -> bool:
            state = self.x("xprop", "-id", self.window_id(title), "_NET_WM_STATE")
            return ("_NET_WM_STATE_FULLSCREEN" in state) == wanted

        wait_for(state_is_set, 10, f"{title} full screen {on}")


@dataclass
class MockBus:
    address: str
    env: dict[str, str]
    mocks: list[subprocess.Popen[Any]] = field(default_factory=list)

    def spawn(self, *arguments: str) -> None:
        """Start a dbusmock service (a template or NAME PATH INTERFACE)."""
        process = subprocess.Popen(
            [DBUSMOCK_PYTHON, "-m", "dbusmock", *arguments],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.mocks.append(process)

    def wait_name(self, name: str) -> None:
        wait_for(lambda: self.has_name(name), 20, f"{name} on the bus")

    def has_name(self, name: str) -> bool:
        reply = self.call(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "NameHasOwner",
            "s",
            (name,),
        )
        return bool(reply[0])

    def call(
        self,
        service: str,
        path: str,
        interface: str,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...]:
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.address) as connection:
            message = new_method_call(
                DBusAddress(path, service, interface), method, signature, body
            )
            reply = connection.send_and_get_reply(message, timeout=10)
        assert reply.header.message_type == MessageType.method_return, reply.body
        result: tuple[Any, ...] = reply.body
        return result

    def mock(
        self, service: str, path: str, method: str, signature: str, body: tuple[Any, ...]
    ) -> None:
        """Call a method of dbusmock's control interface on ``path``."""
        self.call(service, path, "org.freedesktop.DBus.Mock", method, signature, body)

    def mock_calls(self, service: str, path: str) -> list[tuple[int, str, list[Any]]]:
        """The methods called on a dbusmock object so far (its GetCalls)."""
        (calls,) = self.call(service, path, "org.freedesktop.DBus.Mock", "GetCalls")
        return list(calls)

    def inhibit(self, what: str, who: str) -> Any:
        """Take a logind inhibitor; it lasts until the returned descriptor is closed."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        manager = DBusAddress(
            "/org/freedesktop/login1", "org.freedesktop.login1", "org.freedesktop.login1.Manager"
        )
        message = new_method_call(manager, "Inhibit", "ssss", (what, who, "test", "block"))
        with open_dbus_connection(self.address, enable_fds=True) as connection:
            (descriptor,) = connection.send_and_get_reply(message, timeout=10).body
        return descriptor

    def stop_mocks(self) -> None:
        for process in self.mocks:
            stop(process)
        self.mocks.clear()
