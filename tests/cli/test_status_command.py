"""`herstel status` words and keys, and its promise to load no Qt at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import PySide6
import pytest

from herstel import status_command
from herstel.core.status import AppStatus
from herstel.platform.qm_catalogue import QmCatalogue, languages

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=ZONE)
TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "herstel_nl.ts"
LRELEASE = Path(PySide6.__file__).resolve().parent / "lrelease"


@pytest.fixture
def english() -> Iterator[None]:
    status_command._catalogue = QmCatalogue()
    yield
    status_command._catalogue = None


@pytest.fixture
def dutch(tmp_path: Path) -> Iterator[None]:
    """The catalogue compiled from this checkout's .ts, as the build does."""
    qm = tmp_path / "herstel_nl.qm"
    subprocess.run([str(LRELEASE), "-silent", "-nounfinished", str(TS), "-qm", str(qm)], check=True)
    status_command._catalogue = QmCatalogue.load(tmp_path, {"LANG": "nl_NL.UTF-8"})
    yield
    status_command._catalogue = None


@pytest.mark.parametrize(
    ("status", "line"),
    [
        (AppStatus(session_running=True, waiting_reason="call"), "Breathing now"),
        (AppStatus(waiting_reason="call"), "Waiting: you are in a call"),
        (AppStatus(waiting_reason="full_screen"), "Waiting: something is full screen"),
        (AppStatus(waiting_reason="do_not_disturb"), "Waiting: Do Not Disturb is on"),
        (AppStatus(waiting_reason="away"), "Waiting: you are away"),
        (AppStatus(next_reminder=NOW + timedelta(hours=2, minutes=30)), "Next break at 14:30"),
        (AppStatus(next_reminder=NOW + timedelta(days=1)), "Next break tomorrow at 12:00"),
        (AppStatus(next_reminder=NOW + timedelta(days=2)), "Next break on 2026-12-07 at 12:00"),
        (AppStatus(paused_until=NOW + timedelta(hours=3)), "Reminders paused until 15:00"),
        (AppStatus(), "No break planned"),
    ],
)
def test_the_line_for_people(english: None, status: AppStatus, line: str) -> None:
    assert status_command.describe(status, NOW) == line


def test_times_are_shown_in_the_local_zone(english: None) -> None:
    due = datetime(2026, 12, 5, 13, 30, tzinfo=UTC)
    assert status_command.describe(AppStatus(next_reminder=due), NOW) == "Next break at 14:30"


@pytest.mark.parametrize(
    ("status", "line"),
    [
        (AppStatus(session_running=True), "Je ademt nu"),
        (AppStatus(waiting_reason="call"), "Wacht: je zit in een gesprek"),
        (AppStatus(next_reminder=NOW + timedelta(hours=2, minutes=30)), "Volgende pauze om 14:30"),
        (AppStatus(paused_until=NOW + timedelta(hours=3)), "Herinneringen gepauzeerd tot 15:00"),
    ],
)
def test_the_line_in_dutch(dutch: None, status: AppStatus, line: str) -> None:
    assert status_command.describe(status, NOW) == line


def test_the_json_keys(english: None) -> None:
    status = AppStatus(next_reminder=NOW + timedelta(hours=1), today_minutes=12.5)
    document = json.loads(status_command.json_line(status, NOW))
    assert document == {
        "v": 1,
        "running": True,
        "session_running": False,
        "next_reminder": "2026-12-05T13:00:00+01:00",
        "timer_due": None,
        "paused_until": None,
        "waiting_reason": "",
        "today_minutes": 12.5,
        "text": "Next break at 13:00",
        "tooltip": "Next break at 13:00\n12 min of slow breathing today",
        "class": "next",
    }


def test_the_json_when_not_running_has_the_same_keys(english: None) -> None:
    running = json.loads(status_command.json_line(AppStatus(), NOW))
    stopped = json.loads(status_command.json_line(None, NOW))
    assert set(stopped) == set(running)
    assert (stopped["running"], stopped["class"], stopped["next_reminder"]) == (
        False,
        "stopped",
        None,
    )


def test_status_loads_no_qt(tmp_path: Path) -> None:
    """What keeps `herstel status` faster than `herstel --version`."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "herstel",
            "status",
            "--data-dir",
            str(tmp_path / "d"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "herstel.status_command" in imported
    assert not [name for name in imported if name.startswith(("PySide6", "shiboken6"))]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, ["nl_NL", "nl"]),
        ({"LC_ALL": "nl_BE.UTF-8@euro", "LANG": "en_GB.UTF-8"}, ["nl_BE", "nl"]),
        ({"LC_MESSAGES": "nl_NL", "LANG": "en_US.UTF-8"}, ["nl_NL", "nl"]),
        ({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, ["nl", "en", "en_US"]),
        ({"LANG": "C.UTF-8"}, []),
        ({}, []),
    ],
)
def test_the_language_follows_the_environment_as_qt_does(
    env: dict[str, str], expected: list[str]
) -> None:
    assert languages(env) == expected


def test_english_and_unknown_languages_translate_nothing(tmp_path: Path) -> None:
    for env in ({"LANG": "en_GB.UTF-8"}, {"LANG": "fr_FR.UTF-8"}, {"LANGUAGE": "en:nl"}):
        assert QmCatalogue.load(tmp_path, env).translate("", "Breathing now") == "Breathing now"


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a qm file",
        QM_MAGIC + b"\x69\x00\x00\x00\x05\x63junk",  # an unknown message tag
        QM_MAGIC + b"\x69\x00\x00\x00\x03\x03\x00\x00",  # a length cut short
        QM_MAGIC + b"\x69\x00\x00\x00\x06\x03\x00\x00\x00\x09\x00",  # past the end
    ],
)
def test_a_broken_catalogue_means_english(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "herstel_nl.qm").write_bytes(data)
    catalogue = QmCatalogue.load(tmp_path, {"LANG": "nl_NL.UTF-8"})
    assert catalogue.translate("", "Breathing now") == "Breathing now"
