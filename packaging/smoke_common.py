"""What the wheel and the frozen-app smoke tests share: starting the app until it shows."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

WINDOW_SHOWN = "main window shown"
START_TIMEOUT = 60.0


def wait_for_window(
    program: Path, work: Path, env: dict[str, str], fail: Callable[[str], NoReturn]
) -> None:
    """Start ``program`` on a fresh data folder until its log says the window is
    shown, then stop it with SIGTERM and expect a clean exit."""
    data = work / "app-data"
    log = data / "logs" / "herstel.log"
    app = subprocess.Popen([str(program), "--data-dir", str(data)], cwd=work, env=env)
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while time.monotonic() < deadline:
            if log.exists() and WINDOW_SHOWN in log.read_text(encoding="utf-8"):
                break
            if app.poll() is not None:
                fail(f"the app exited early with code {app.returncode}")
            time.sleep(0.1)  # polling a child process from outside, not timing logic
        else:
            fail(f"no '{WINDOW_SHOWN}' in {log} within {START_TIMEOUT:.0f} s")
        app.send_signal(signal.SIGTERM)
        code = app.wait(timeout=20)
        if code != 0:
            fail(f"the app exited {code} after SIGTERM")
    finally:
        if app.poll() is None:
            app.kill()
