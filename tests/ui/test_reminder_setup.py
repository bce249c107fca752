"""Building the reminder service: senses whose start/stop mean "watch" are adapted."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Signal

from herstel.core.room import RoomSnapshot, Sense
from herstel.ui.reminders.setup import _StartStopSenses


class StartStopSenses(QObject):
    """The platform senses' shape: start() and stop() subscribe to and drop desktop events."""

    changed = Signal()
    returned = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    async def snapshot(self) -> RoomSnapshot:
        return RoomSnapshot(in_call=True)

    def set_enabled(self, sense: Sense, on: bool) -> None:
        self.calls.append(f"{sense.value}={on}")

    def set_away_after(self, seconds: float) -> None:
        self.calls.append(f"away_after={seconds:g}")

    def start(self) -> None:
        self.calls.append("start")

    def stop(self) -> None:
        self.calls.append("stop")


def test_watching_is_starting_and_stopping_the_platform_senses() -> None:
    senses = StartStopSenses()
    adapted = _StartStopSenses(senses)
    assert adapted.changed is not None and adapted.returned is not None
    adapted.watch(True)
    adapted.watch(False)
    adapted.set_enabled(Sense.CALL, False)
    adapted.set_away_after(300)
    adapted.stop()
    assert senses.calls == ["start", "stop", "call=False", "away_after=300", "stop"]
    assert asyncio.run(adapted.snapshot()) == RoomSnapshot(in_call=True)
