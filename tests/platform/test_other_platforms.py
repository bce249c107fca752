"""On Windows and macOS only the away sense exists; the others are not asked.

The Windows and macOS idle probes themselves cannot run here (no user32, no
IOKit): on Linux they answer "unknown", which is what this checks of them.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from herstel.core.room import RoomSnapshot, Sense
from herstel.platform.senses.aggregator import Senses

Run = Callable[[Coroutine[Any, Any, Any]], Any]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_only_time_away_is_sensed_elsewhere(platform: str, run: Run) -> None:
    senses = Senses(env={"DISPLAY": ":0", "PULSE_SERVER": "unix:/nonexistent"}, platform=platform)
    assert run(senses.snapshot()) == RoomSnapshot()
    probes = senses._probes
    assert probes is not None
    assert [type(probes.get(sense)).__name__ for sense in (Sense.AWAY, Sense.CALL)] == [
        {"win32": "WindowsIdle", "darwin": "MacIdle"}[platform],
        "NoneType",
    ]
    run(senses.close())
