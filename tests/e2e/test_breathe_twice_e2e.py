"""`herstel breathe` while a session runs: the session is raised, and the launch says so."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Desktop

pytestmark = pytest.mark.e2e


def log_text(data_dir: Path) -> str:
    log = data_dir / "logs" / "herstel.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_a_second_breathe_raises_the_running_session_and_prints_one_line(
    desktop: Desktop, data_dir: Path
) -> None:
    app = desktop.herstel("breathe", "--breaths", "20", "--no-check", "--data-dir", str(data_dir))
    try:
        desktop.wait_for(lambda: "session starting" in log_text(data_dir), 30, "the session")
        desktop.wait_for(lambda: "listening on" in log_text(data_dir), 30, "the socket")
        second = subprocess.run(
            [sys.executable, "-m", "herstel", "breathe", "--data-dir", str(data_dir)],
            env=desktop.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert second.stdout.splitlines() == [
            "A session is already running; it was brought to the front."
        ]
        assert second.stderr == ""
        desktop.wait_for(
            lambda: "a session is already running; raising it" in log_text(data_dir),
            10,
            "the running session to be raised",
        )
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=30)
    assert "Traceback" not in err
