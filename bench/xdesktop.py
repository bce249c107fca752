"""A private Xvfb display with a session bus and a tray host, for benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator


@contextlib.contextmanager
def x_desktop(tray: bool = True) -> Iterator[dict[str, str]]:
    """Yields an environment whose DISPLAY is a fresh Xvfb (and a trayer if asked)."""
    for tool in ("Xvfb", "dbus-launch", "xdotool") + (("trayer",) if tray else ()):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: needs {tool} (apt-get install xvfb dbus-x11 xdotool trayer)")
    processes: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryFile() as display_file:
        processes.append(
            subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(display_file.fileno()),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ],
                pass_fds=(display_file.fileno(),),
                stderr=subprocess.DEVNULL,
            )
        )
        while os.fstat(display_file.fileno()).st_size == 0:
            time.sleep(0.01)
        display_file.seek(0)
        display = ":" + display_file.read().decode().strip()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    bus = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True)
    bus_pid = 0
    for line in bus.stdout.splitlines():
        key, _, value = line.partition("=")
        value = value.rstrip(";").strip("'")
        if key == "DBUS_SESSION_BUS_ADDRESS":
            env[key] = value
        elif key == "DBUS_SESSION_BUS_PID":
            bus_pid = int(value)
    if tray:
        processes.append(
            subprocess.Popen(
                [
                    "trayer",
                    "--edge",
                    "top",
                    "--align",
                    "right",
                    "--height",
                    "24",
                    "--widthtype",
                    "request",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(0.5)  # let the tray host claim the selection before apps start
    try:
        yield env
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=5)
        if bus_pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(bus_pid, 15)


def wait_visible_window(pid: int, env: dict[str, str], timeout: float = 30.0) -> float:
    """Monotonic time at which process ``pid`` first has a visible X window."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
            env=env,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if found:
            return time.monotonic()
        time.sleep(0.005)
    raise RuntimeError(f"process {pid} showed no window within {timeout} s")
