"""`herstel breathe` on a real X server, as a user would run it."""

from __future__ import annotations

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


def test_two_short_breaths_end_by_themselves_and_the_app_stays_open(
    desktop: Desktop, data_dir: Path
) -> None:
    app = desktop.herstel(
        "breathe",
        "--inhale",
        "2",
        "--exhale",
        "2",
        "--breaths",
        "2",
        "--no-check",
        "--data-dir",
        str(data_dir),
    )
    try:
        desktop.wait_for(lambda: desktop.visible_windows(app.pid), 30, "the session window")
        # 3 s countdown + 2 breaths of 4 s; the session ends on its own.
        desktop.wait_for(lambda: "ended completed" in log_text(data_dir), 40, "the session to end")
        assert app.poll() is None, "the app must stay open after the session"
        assert desktop.visible_windows(app.pid), "the summary stays on screen"
        assert "2 breaths" in log_text(data_dir)
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=20)
    assert app.returncode == 0, err
    assert "Traceback" not in err
