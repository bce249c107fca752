"""The recovery check as a user answers it: keyboard only, on a real X server."""

from __future__ import annotations

import json
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


def test_answer_the_check_with_digits_and_enter_then_export_has_those_answers(
    desktop: Desktop, data_dir: Path
) -> None:
    app = desktop.herstel(
        "breathe", "--inhale", "2", "--exhale", "2", "--breaths", "1", "--data-dir", str(data_dir)
    )
    try:
        desktop.wait_for(lambda: "ended completed" in log_text(data_dir), 40, "the breath")

        def session_window() -> str | None:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Breathing session|Herstel"],
                env=desktop.env,
                capture_output=True,
                text=True,
            ).stdout.split()
            return found[-1] if found else None

        window = session_window()
        assert window is not None
        # First check of the day: two sleep items, six signals, then the change (1–5).
        sleep, signals, change = ["5", "4"], ["6", "5", "4", "3", "2", "1"], "4"
        subprocess.run(
            [
                "xdotool",
                "windowfocus",
                "--sync",
                window,
                "key",
                "--delay",
                "80",
                *sleep,
                *signals,
                change,
                "Return",
            ],
            env=desktop.env,
            check=True,
        )
        desktop.wait_for(
            lambda: "check answered" in log_text(data_dir), 15, "the check to be stored"
        )
        desktop.wait_for(lambda: "result shown" in log_text(data_dir), 5, "the result screen")
    finally:
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=20)
    assert app.returncode == 0, err

    export = subprocess.run(
        [
            sys.executable,
            "-m",
            "herstel",
            "export",
            "--format",
            "json",
            "--data-dir",
            str(data_dir),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(export.stdout)
    [session] = data["sessions"]
    assert session["pattern"] == "2-2"
    assert session["trigger"] == "cli"
    assert session["check_status"] == "answered"
    after = session["after"]
    names = ["breathing", "body", "head", "energy", "muscles", "mood"]
    assert [after[name] for name in names] == [int(v) for v in signals]
    assert after["change"] == int(change)
    [night] = data["nights"]
    assert (night["slept_deeply"], night["woke_rested"]) == (5, 4)
