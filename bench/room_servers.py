"""The desktop parts the senses talk to, for benchmarks: a PulseAudio server with
a virtual microphone in a private runtime dir, and openbox on a given display."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def _wait(predicate: object, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise SystemExit(f"bench: {what} did not come up")


@contextlib.contextmanager
def room(env: dict[str, str]) -> Iterator[dict[str, str]]:
    """``env`` plus PulseAudio (source "mic", sink "speakers") and openbox on its DISPLAY.

    The system bus is pointed at the session bus, so logind questions get a
    real (negative) answer from a real bus instead of touching the host's.
    """
    for tool in ("pulseaudio", "pactl", "openbox"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: needs {tool} (apt-get install pulseaudio-utils openbox)")
    runtime = Path(tempfile.mkdtemp(prefix="herstel-bench-room-"))
    runtime.chmod(0o700)
    env = dict(env)
    env.update(
        XDG_RUNTIME_DIR=str(runtime),
        PULSE_SERVER=f"unix:{runtime}/pulse/native",
        HOME=str(runtime),
    )
    if "DBUS_SESSION_BUS_ADDRESS" in env:
        env["DBUS_SYSTEM_BUS_ADDRESS"] = env["DBUS_SESSION_BUS_ADDRESS"]
    pulse = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "-n",
            "--load=module-native-protocol-unix",
            "--load=module-null-source source_name=mic",
            "--load=module-null-sink sink_name=speakers",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    openbox = subprocess.Popen(
        ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(
            lambda: subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0,
            "PulseAudio",
        )
        _wait(
            lambda: (
                "window id"
                in subprocess.run(
                    ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                    env=env,
                    capture_output=True,
                    text=True,
                ).stdout
            ),
            "openbox",
        )
        yield env
    finally:
        for process in (openbox, pulse):
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(runtime, ignore_errors=True)
