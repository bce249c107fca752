"""Away: how long since the user last touched keyboard or mouse.

Backends, in order of preference on Linux:

- GNOME (X11 and Wayland): ``org.gnome.Mutter.IdleMonitor.GetIdletime``; the
  return is an event: an idle watch at the away threshold arms a one-shot
  user-active watch, whose ``WatchFired`` is the moment the user came back.
- KDE (X11 and Wayland): ``org.freedesktop.ScreenSaver.GetSessionIdleTime``
  (seconds; GNOME answers it with an error, so Mutter is asked first).
- X11 without those: the MIT-SCREEN-SAVER idle counter (ctypes, own connection);
  not under Wayland, where XWayland only sees X clients' input.
- Anything with logind: the session's ``IdleHint``/``IdleSinceHint``, set by
  desktops that report idleness (wlroots compositors through swayidle or a
  similar daemon); its ``PropertiesChanged`` is the return event.

Windows (``GetLastInputInfo``) and macOS (``HIDIdleTime``) are in
``away_other.py``. The time is a duration measured by the desktop; the only
wall-clock read is turning logind's ``IdleSinceHint`` timestamp into one.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from herstel.platform.senses.bus import Bus
from herstel.platform.senses.probe import Poke, Probe
from herstel.platform.senses.tasks import spawn

if TYPE_CHECKING:
    from jeepney import Message

    from herstel.platform.senses.x11 import X11Display

log = logging.getLogger(__name__)

MUTTER: Final = "org.gnome.Mutter.IdleMonitor"
MUTTER_PATH: Final = "/org/gnome/Mutter/IdleMonitor/Core"
SCREENSAVER: Final = "org.freedesktop.ScreenSaver"
LOGIN: Final = "org.freedesktop.login1"
LOGIN_PATH: Final = "/org/freedesktop/login1"
SESSION_IFACE: Final = "org.freedesktop.login1.Session"


class MutterIdle:
    """GNOME Shell's idle monitor; ``returned`` fires when the user comes back."""

    def __init__(self, bus: Bus, returned: Callable[[], None], away_ms: Callable[[], int]) -> None:
        self._bus = bus
        self._returned = returned
        self._away_ms = away_ms
        self._idle_watch: int | None = None
        self._active_watch: int | None = None

    async def read(self) -> float | None:
        body = await self._bus.call(MUTTER, MUTTER_PATH, MUTTER, "GetIdletime")
        return None if not body else body[0] / 1000.0

    async def start(self, poke: Poke) -> None:
        from jeepney import MatchRule

        rule = MatchRule(type="signal", interface=MUTTER, member="WatchFired", path=MUTTER_PATH)
        if not await self._bus.subscribe(rule, self._fired):
            return
        body = await self._bus.call(
            MUTTER, MUTTER_PATH, MUTTER, "AddIdleWatch", "t", (self._away_ms(),)
        )
        self._idle_watch = body[0] if body else None

    async def _arm_active_watch(self) -> None:
        body = await self._bus.call(MUTTER, MUTTER_PATH, MUTTER, "AddUserActiveWatch")
        self._active_watch = body[0] if body else None

    def _fired(self, message: Message) -> None:
        (watch,) = message.body
        if watch == self._idle_watch:
            spawn(self._arm_active_watch())
        elif watch == self._active_watch:
            self._active_watch = None
            self._returned()

    async def stop(self) -> None:
        for watch in (self._idle_watch, self._active_watch):
            if watch is not None:
                await self._bus.call(MUTTER, MUTTER_PATH, MUTTER, "RemoveWatch", "u", (watch,))
        self._idle_watch = self._active_watch = None


class ScreenSaverIdle:
    """KDE's ``GetSessionIdleTime`` (seconds) on ``org.freedesktop.ScreenSaver``."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> float | None:
        for path in ("/ScreenSaver", "/org/freedesktop/ScreenSaver"):
            body = await self._bus.call(SCREENSAVER, path, SCREENSAVER, "GetSessionIdleTime")
            if body:
                return float(body[0])
        return None

    async def start(self, poke: Poke) -> None:
        """No return event on D-Bus: the reminder service's minute check covers it."""

    async def stop(self) -> None:
        pass


class X11Idle:
    """The X server's screen-saver idle counter."""

    def __init__(self, display: X11Display) -> None:
        self._display = display

    async def read(self) -> float | None:
        milliseconds = self._display.idle_ms()
        return None if milliseconds is None else milliseconds / 1000.0

    async def start(self, poke: Poke) -> None:
        """X11 has idle alarms (XSync) but no cheap return event here: minute check."""

    async def stop(self) -> None:
        pass


class LogindIdle:
    """logind's idle hint for our session, where the desktop sets it."""

    def __init__(
        self,
        bus: Bus,
        returned: Callable[[], None],
        session_id: str | None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self._bus = bus
        self._returned = returned
        self._session_id = session_id
        self._wall = wall
        self._path: str | None = None
        self._idle = False

    async def _session_path(self) -> str | None:
        if self._path is None:
            manager = f"{LOGIN}.Manager"
            body = None
            if self._session_id:
                body = await self._bus.call(
                    LOGIN, LOGIN_PATH, manager, "GetSession", "s", (self._session_id,)
                )
            if not body:
                body = await self._bus.call(
                    LOGIN, LOGIN_PATH, manager, "GetSessionByPID", "u", (os.getpid(),)
                )
            self._path = str(body[0]) if body else None
        return self._path

    async def read(self) -> float | None:
        path = await self._session_path()
        if path is None:
            return None
        body = await self._bus.call(
            LOGIN, path, "org.freedesktop.DBus.Properties", "GetAll", "s", (SESSION_IFACE,)
        )
        if not body:
            return None
        properties: dict[str, tuple[str, Any]] = body[0]
        idle = bool(properties.get("IdleHint", ("b", False))[1])
        self._idle = idle
        if not idle:
            return 0.0
        since_us = int(properties.get("IdleSinceHint", ("t", 0))[1])
        if since_us <= 0:
            return 0.0
        return max(0.0, self._wall() - since_us / 1e6)

    async def start(self, poke: Poke) -> None:
        path = await self._session_path()
        if path is None:
            return
        from jeepney import MatchRule

        rule = MatchRule(
            type="signal",
            interface="org.freedesktop.DBus.Properties",
            member="PropertiesChanged",
            path=path,
        )
        await self._bus.subscribe(rule, self._changed)
        await self.read()

    def _changed(self, message: Message) -> None:
        interface, changed, _invalidated = message.body
        if interface != SESSION_IFACE or "IdleHint" not in changed:
            return
        idle = bool(changed["IdleHint"][1])
        was_idle, self._idle = self._idle, idle
        if was_idle and not idle:
            self._returned()

    async def stop(self) -> None:
        pass


class AwayProbe:
    """Idle seconds from the best backend this desktop has."""

    def __init__(self, backends: list[Probe[float]]) -> None:
        self._backends = backends
        self._chosen: Probe[float] | None = None
        self._started: Probe[float] | None = None

    async def read(self) -> float | None:
        if self._chosen is not None:
            value = await self._chosen.read()
            if value is not None:
                return value
        for backend in self._backends:
            value = await backend.read()
            if value is not None:
                self._chosen = backend
                return value
        return None

    async def start(self, poke: Poke) -> None:
        if self._chosen is None:
            await self.read()
        self._started = self._chosen
        if self._started is not None:
            await self._started.start(poke)

    async def stop(self) -> None:
        started, self._started = self._started, None
        if started is not None:
            await started.stop()


def linux_away(
    *,
    session_bus: Bus,
    system_bus: Bus,
    display: X11Display | None,
    returned: Callable[[], None],
    away_ms: Callable[[], int],
    session_id: str | None,
) -> AwayProbe:
    """The Linux backends in order of preference (``display`` None under Wayland)."""
    backends: list[Probe[float]] = [MutterIdle(session_bus, returned, away_ms)]
    backends.append(ScreenSaverIdle(session_bus))
    if display is not None:
        backends.append(X11Idle(display))
    backends.append(LogindIdle(system_bus, returned, session_id))
    return AwayProbe(backends)
