"""Sound turned on where it cannot play: the real app starts, breathes and stays quiet."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Desktop


pytestmark = pytest.mark.e2e


def log_text(data_dir: Path) -> str:
    log = data_dir / "logs" / "herstel.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_sound_on_without_the_sound_package_or_a_device_runs_a_silent_session(
    desktop: Desktop, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = {"version": 1, "sound": True, "sound_volume": 40, "first_run_done": True}
    (data_dir / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    app = desktop.herstel(
        "breathe",
        "--inhale",
        "2",
        "--exhale",
        "2",
        "--breaths",
        "1",
        "--no-check",
        "--data-dir",
        str(data_dir),
    )
    try:
        desktop.wait_for(lambda: desktop.visible_windows(app.pid), 30, "the session window")
        desktop.wait_for(lambda: "ended completed" in log_text(data_dir), 40, "the session to end")
        assert app.poll() is None, "the app must stay open after the session"
        assert "sound cues are off" in log_text(data_dir)  # no extra, no device: it says why
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=20)
    assert app.returncode == 0, err
    assert "Traceback" not in err
