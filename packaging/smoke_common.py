"""What the wheel and the frozen-app smoke tests share: starting the app until it shows."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

WINDOW_SHOWN = "main window shown"
HOME_FOLDERS = {
    "XDG_CONFIG_HOME": ".config",
    "XDG_CACHE_HOME": ".cache",
    "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state",
}
START_TIMEOUT = 60.0


def app_env(work: Path, base: dict[str, str]) -> dict[str, str]:
    """``base`` for running the app: offscreen, outside the tree, with a home of its own.

    Qt and the app write into HOME and the XDG folders (QtProject.conf, caches);
    a smoke test must leave the real ones alone.
    """
    env = {k: v for k, v in base.items() if k not in {"PYTHONPATH", "HERSTEL_DATA_DIR"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    home = work / "home"
    env["HOME"] = str(home)
    for name, folder in HOME_FOLDERS.items():
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / folder)
    return env


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
