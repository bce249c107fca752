"""SIGTERM in the first moments of a launch ends the app cleanly, whenever it lands.

The first window is painted before asyncio and the services load; a signal that
arrives in between must still end the process (it once left it waiting for a
quit that had already happened). The launch is watched from outside: SIGTERM
goes out at each point the log marks, the process must exit 0 soon after.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

# (what the log says, the exit codes that are right then): before the Qt loop's
# signal wake-up exists, SIGTERM's default action ends the process, which is fine
# (nothing is written yet); from then on the app quits on its own, with 0.
MARKS = {
    "starting": (0, -signal.SIGTERM),
    "main window shown": (0,),
    "single instance: listening": (0,),
}


def launch(data: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "herstel", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_mark(app: subprocess.Popen[str], log: Path, mark: str, seen: int = 0) -> None:
    """Until the log holds ``mark`` more than ``seen`` times."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if log.exists() and log.read_text(encoding="utf-8").count(mark) > seen:
            return
        assert app.poll() is None, app.communicate()[1]
        time.sleep(0.002)  # polling another process's log, not timing the app
    app.terminate()
    pytest.fail(f"no {mark!r} in {log}; stderr:\n{app.communicate(timeout=20)[1]}")


@pytest.mark.parametrize("mark", MARKS)
def test_sigterm_right_after_each_start_up_stage_ends_the_app(tmp_path: Path, mark: str) -> None:
    data = tmp_path / "data"
    app = launch(data)
    try:
        wait_for_mark(app, data / "logs" / "herstel.log", mark)
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode in MARKS[mark], err
    assert "Traceback" not in err
    log = data / "logs" / "herstel.log"
    listening = "single instance: listening"
    seen = log.read_text(encoding="utf-8").count(listening) if log.exists() else 0
    again = launch(data)  # and the next launch is not locked out
    try:
        wait_for_mark(again, log, listening, seen)
        again.send_signal(signal.SIGTERM)
        _out, err = again.communicate(timeout=20)
    finally:
        if again.poll() is None:
            again.kill()
            again.communicate()
    assert again.returncode == 0, err
