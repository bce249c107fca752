"""The tray as a user meets it: a real X server, the trayer panel, xdotool clicks.

Covers the issue's must-show: the icon embeds in the tray host, the menu's
start action opens a session, a one-shot timer set from the menu fires, and a
scheduled reminder fires and its "Start now" starts a session that is stored
with trigger "reminder".
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Desktop

pytestmark = pytest.mark.e2e


def log_text(data_dir: Path) -> str:
    log = data_dir / "logs" / "herstel.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def tray_icon(desktop: Desktop) -> tuple[int, int] | None:
    """Centre of Herstel's icon if it is embedded in trayer's panel."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=desktop.env, capture_output=True, text=True
    ).stdout
    in_panel = False
    for line in tree.splitlines():
        if '"panel": ("panel" "trayer")' in line:
            in_panel = True
            continue
        if in_panel and '"Herstel"' in line:
            match = re.search(r"(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(\d+)\+(\d+)", line)
            if match:
                width, height, x, y = map(int, match.groups())
                return x + width // 2, y + height // 2
    return None


def xdo(desktop: Desktop, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=desktop.env, check=True)


def open_tray_menu(desktop: Desktop) -> None:
    position = tray_icon(desktop)
    assert position is not None
    xdo(desktop, "mousemove", str(position[0]), str(position[1]), "click", "3")


def write_settings(data_dir: Path, **values: object) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    settings = {"version": 1, "first_run_done": True, "tray_hint_shown": True, **values}
    (data_dir / "settings.json").write_text(json.dumps(settings))


def stop(app: subprocess.Popen[str]) -> str:
    app.send_signal(signal.SIGTERM)
    _out, err = app.communicate(timeout=20)
    assert app.returncode == 0, err
    assert "Traceback" not in err
    return err


def exported(data_dir: Path) -> dict[str, list[dict[str, object]]]:
    result = subprocess.run(
        [sys.executable, "-m", "herstel", "export", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_icon_embeds_and_the_menu_starts_a_break_and_sets_a_timer(
    desktop_with_tray: Desktop, data_dir: Path
) -> None:
    desktop = desktop_with_tray
    write_settings(
        data_dir,
        reminders_enabled=False,
        check_after=False,
        pattern="2-2",
        length_unit="breaths",
        breaths=1,
    )
    app = desktop.herstel("--tray", "--data-dir", str(data_dir))
    try:
        desktop.wait_for(lambda: "tray icon shown" in log_text(data_dir), 30, "the tray icon")
        desktop.wait_for(lambda: tray_icon(desktop) is not None, 10, "the icon in the panel")
        assert "main window shown" not in log_text(data_dir)  # --tray opens no window

        open_tray_menu(desktop)
        xdo(desktop, "sleep", "0.5", "key", "Down", "Return")  # "Start a break"
        desktop.wait_for(
            lambda: "session starting" in log_text(data_dir), 10, "the session to start"
        )
        assert "from window" in log_text(data_dir)
        desktop.wait_for(lambda: "ended completed" in log_text(data_dir), 20, "the break to end")

        open_tray_menu(desktop)
        # "Remind me in" ▸ "Other time…": Up wraps to the last entry of the submenu.
        xdo(desktop, "sleep", "0.5", "key", "Down", "Down", "Right", "Up", "Return")
        xdo(desktop, "sleep", "1", "key", "ctrl+a", "type", "1")
        xdo(desktop, "key", "Return")
        desktop.wait_for(
            lambda: (
                "timer reminder set" in log_text(data_dir)
                or '"timer_due_at": "' in (data_dir / "reminders.json").read_text()
                if (data_dir / "reminders.json").exists()
                else False
            ),
            10,
            "the timer to be set",
        )
        desktop.wait_for(
            lambda: "timer reminder due" in log_text(data_dir), 75, "the timer reminder"
        )
    finally:
        stop(app)


def test_a_scheduled_reminder_fires_and_start_now_is_stored_as_reminder(
    desktop_with_tray: Desktop, data_dir: Path
) -> None:
    desktop = desktop_with_tray
    write_settings(
        data_dir,
        reminders_enabled=True,
        reminder_interval_minutes=10,
        working_hours={"days": [1, 2, 3, 4, 5, 6, 7], "start": "00:00", "end": "23:59"},
        check_after=False,
        pattern="2-2",
        length_unit="breaths",
        breaths=1,
    )
    # The last break was almost one interval ago: the next reminder is seconds away.
    last_break = datetime.now(UTC) - timedelta(minutes=10) + timedelta(seconds=4)
    (data_dir / "reminders.json").write_text(
        json.dumps(
            {
                "version": 1,
                "last_break_at": last_break.isoformat(),
                "last_prompt_at": None,
                "paused_until": None,
                "snoozed_until": None,
                "timer_due_at": None,
            }
        )
    )
    app = desktop.herstel("--tray", "--data-dir", str(data_dir))
    try:
        desktop.wait_for(
            lambda: "scheduled reminder due" in log_text(data_dir), 40, "the scheduled reminder"
        )

        def prompt() -> str | None:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Time for a breathing break"],
                env=desktop.env,
                capture_output=True,
                text=True,
            ).stdout.split()
            return found[0] if found else None

        desktop.wait_for(lambda: prompt() is not None, 10, "the reminder prompt")
        window = prompt()
        assert window is not None
        xdo(desktop, "windowfocus", "--sync", window, "key", "Return")  # Start now
        desktop.wait_for(
            lambda: "ended completed" in log_text(data_dir), 30, "the short session to end"
        )
        sessions = exported(data_dir)["sessions"]
        assert [s["trigger"] for s in sessions] == ["reminder"]
        reminders = exported(data_dir)["reminders"]
        assert [(r["kind"], r["outcome"]) for r in reminders] == [("scheduled", "taken")]
    finally:
        stop(app)
