"""What a command line asks the app for: the request the running app acts on."""

from __future__ import annotations

from pathlib import Path

import pytest

from herstel.cli.launch_request import launch_request
from herstel.cli.parser import parse
from herstel.core.launch import Action, BreatheOptions, LaunchRequest
from herstel.core.rhythm import parse_pattern


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["breathe"], LaunchRequest(Action.BREATHE, BreatheOptions())),
        (
            ["breathe", "--pattern", "box", "--minutes", "3", "--no-check"],
            LaunchRequest(
                Action.BREATHE,
                BreatheOptions(pattern=parse_pattern("box"), minutes=3, no_check=True),
            ),
        ),
        (
            ["breathe", "--eyes-closed", "--breaths", "10"],
            LaunchRequest(Action.BREATHE, BreatheOptions(breaths=10, eyes_closed=True)),
        ),
        (["remind", "25"], LaunchRequest(Action.REMIND, remind_minutes=25)),
        ([], LaunchRequest(Action.SHOW)),
        (["--tray"], LaunchRequest(Action.TRAY)),
    ],
)
def test_each_command_line_becomes_one_request(
    argv: list[str], expected: LaunchRequest, tmp_path: Path
) -> None:
    args, _paths = parse([*argv, "--data-dir", str(tmp_path)])
    assert launch_request(args) == expected


def test_eyes_closed_is_off_unless_asked(tmp_path: Path) -> None:
    args, _paths = parse(["breathe", "--data-dir", str(tmp_path)])
    assert launch_request(args).breathe == BreatheOptions(eyes_closed=False)
