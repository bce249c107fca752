"""All senses behind one object for the reminder service.

``snapshot()`` asks every switched-on sense at once (a reminder's due time;
each probe gets ``PROBE_TIMEOUT_S``; a hung desktop service reads as unknown).
``start()``/``stop()`` subscribe to the desktop's change events only while a
reminder waits: an app idling in the tray holds no connection, imports no
probe library and wakes for nothing. While started, ``changed`` is emitted when
a sensed yes/no flips, and ``returned`` when the desktop says the user came
back after being away (GNOME, and logind where the desktop sets its idle hint);
elsewhere the reminder service checks ``snapshot()`` once a minute.

Probes are built on first use, for this platform: see ``docs/smart-pause.md``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QObject, Signal

from herstel.core.room import RoomSnapshot, Sense
from herstel.platform.senses.probe import Probe
from herstel.platform.senses.tasks import spawn

if TYPE_CHECKING:
    from herstel.platform.senses.build import Probes

log = logging.getLogger(__name__)

# A safety net against a hung desktop service (D-Bus's own timeout is 25 s), not
# the budget: probes answer in a few ms (bench/bench_senses.py); the first
# snapshot also opens the connections.
PROBE_TIMEOUT_S: Final = 0.25
DEFAULT_AWAY_S: Final = 300.0


class Senses(QObject):
    """What the room says: call, full screen, Do Not Disturb, time away."""

    changed = Signal()
    returned = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        env: Mapping[str, str] | None = None,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(parent)
        self._env = dict(os.environ if env is None else env)
        self._platform = platform
        self._enabled = set(Sense)
        self._away_after_s = DEFAULT_AWAY_S
        self._probes: Probes | None = None
        self._started: set[Sense] = set()
        self._watching = False
        self._last: dict[Sense, Any] = {}
        self._following: asyncio.Lock | None = None

    # -- steering -------------------------------------------------------------

    def enabled(self, sense: Sense) -> bool:
        return sense in self._enabled

    def set_enabled(self, sense: Sense, on: bool) -> None:
        """Switch one sense on or off (a switched-off sense reads False/None)."""
        if on:
            self._enabled.add(sense)
        else:
            self._enabled.discard(sense)
        if self._watching:
            spawn(self._follow())

    def set_away_after(self, seconds: float) -> None:
        """The away threshold: where the desktop has idle watches, ``returned`` uses it."""
        self._away_after_s = max(1.0, seconds)

    @property
    def watching(self) -> bool:
        return self._watching

    def start(self) -> asyncio.Task[None] | None:
        """Subscribe to change events (a reminder is waiting); await it to know they run."""
        self._watching = True
        return self._spawn_follow()

    def stop(self) -> asyncio.Task[None] | None:
        """Drop every subscription and connection (nothing is waiting)."""
        self._watching = False
        if not self._started and self._probes is None:
            return None  # never asked: nothing to let go of
        return self._spawn_follow()

    def watch(self, on: bool) -> None:
        """``start()`` or ``stop()``: watch for changes only while a reminder waits."""
        if on:
            self.start()
        else:
            self.stop()

    def _spawn_follow(self) -> asyncio.Task[None] | None:
        try:
            return spawn(self._follow())
        except RuntimeError:  # no event loop (yet, or any more): nothing can be watched
            log.debug("no event loop: the senses do not watch")
            return None

    async def close(self) -> None:
        """Stop and let go of everything; for quitting and tests."""
        self._watching = False
        await self._follow()

    # -- asking ---------------------------------------------------------------

    async def snapshot(self) -> RoomSnapshot:
        """Every switched-on sense's answer now."""
        probes = self._ensure_probes()
        asked = {sense: probes.get(sense) for sense in Sense if sense in self._enabled}
        present = {sense: probe for sense, probe in asked.items() if probe is not None}
        answers = await asyncio.gather(*(self._ask(probe) for probe in present.values()))
        values = dict(zip(present, answers, strict=True))
        for sense, value in values.items():
            if sense is not Sense.AWAY:
                self._last[sense] = bool(value)
        idle = values.get(Sense.AWAY)
        return RoomSnapshot(
            in_call=bool(values.get(Sense.CALL)),
            full_screen=bool(values.get(Sense.FULL_SCREEN)),
            do_not_disturb=bool(values.get(Sense.DO_NOT_DISTURB)),
            idle_seconds=None if idle is None else float(idle),
        )

    async def _ask(self, probe: Probe[Any]) -> Any:
        try:
            return await asyncio.wait_for(probe.read(), PROBE_TIMEOUT_S)
        except TimeoutError:
            log.debug("%s did not answer in time", type(probe).__name__)
        except Exception:
            log.exception("%s failed", type(probe).__name__)
        return None

    # -- events ---------------------------------------------------------------

    async def _follow(self) -> None:
        """Make the running subscriptions match ``watching`` and the switches."""
        if self._following is None:
            self._following = asyncio.Lock()
        async with self._following:
            await self._follow_now()

    async def _follow_now(self) -> None:
        probes = self._ensure_probes()
        wanted = set(self._enabled) if self._watching else set()
        for sense in self._started - wanted:
            self._started.discard(sense)
            probe = probes.get(sense)
            try:
                if probe is not None:
                    await probe.stop()
            except Exception:
                log.exception("stopping the %s sense failed", sense)
        for sense in wanted - self._started:
            self._started.add(sense)
            probe = probes.get(sense)
            try:
                if probe is not None:
                    await probe.start(partial(self._poked, sense))
            except Exception:
                log.exception("watching the %s sense failed", sense)
        if not self._watching:
            await probes.close()

    def _poked(self, sense: Sense) -> None:
        if sense in self._started and sense is not Sense.AWAY:
            spawn(self._recheck(sense))

    async def _recheck(self, sense: Sense) -> None:
        probe = self._ensure_probes().get(sense)
        if probe is None:
            return
        value = bool(await self._ask(probe))
        if sense in self._started and self._last.get(sense) != value:
            self._last[sense] = value
            self.changed.emit()

    def _came_back(self) -> None:
        if Sense.AWAY in self._started:
            self.returned.emit()

    # -- building -------------------------------------------------------------

    def _ensure_probes(self) -> Probes:
        if self._probes is None:
            from herstel.platform.senses.build import Probes

            self._probes = Probes(
                env=self._env,
                platform=self._platform,
                returned=self._came_back,
                away_ms=self._away_ms,
            )
        return self._probes

    def _away_ms(self) -> int:
        return int(self._away_after_s * 1000)
