"""Full screen or presenting: a full-screen active window, or an idle inhibitor
held by someone other than Herstel.

- X11: the EWMH active window has ``_NET_WM_STATE_FULLSCREEN`` (not one of
  ours, by ``_NET_WM_PID``); PropertyNotify on the root and that window is the
  change event.
- logind: ``ListInhibitors`` has a blocking inhibitor whose *what* includes
  ``idle`` (video players, presentation tools); no change signal, so the
  reminder service's minute check covers it.
- GNOME: ``org.gnome.SessionManager.GetInhibitors``, each inhibitor's flags
  include 8 (idle), with ``InhibitorAdded``/``InhibitorRemoved`` as events.
  Herstel's own screen-saver inhibition (platform/screensaver.py) shows up
  there under its app id and is left out — ``IsInhibited(8)`` cannot tell
  whose an inhibitor is, so it is not used.
- KDE: ``org.kde.Solid.PowerManagement.PolicyAgent.ListInhibitions`` (the
  inhibitions behind ``org.freedesktop.ScreenSaver.Inhibit``), ours left out.

Any backend saying yes is a yes; unknown everywhere is None.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import TYPE_CHECKING, Final

from herstel import APP_ID, APP_NAME
from herstel.platform.senses.bus import Bus
from herstel.platform.senses.probe import AnyOf, Poke, Probe

if TYPE_CHECKING:
    from jeepney import Message

    from herstel.platform.senses.x11 import X11Display

log = logging.getLogger(__name__)

OURS: Final = frozenset({APP_NAME, APP_NAME.lower(), APP_ID, f"{APP_ID}.desktop"})
IDLE_FLAG: Final = 8
GNOME_SM: Final = "org.gnome.SessionManager"
GNOME_SM_PATH: Final = "/org/gnome/SessionManager"
KDE_PM: Final = "org.kde.Solid.PowerManagement"
KDE_POLICY_PATH: Final = "/org/kde/Solid/PowerManagement/PolicyAgent"
KDE_POLICY: Final = "org.kde.Solid.PowerManagement.PolicyAgent"


class X11FullScreen:
    """The active X11 window is full screen."""

    def __init__(self, display: X11Display) -> None:
        self._display = display
        self._poke: Poke | None = None
        self._fd: int | None = None

    async def read(self) -> bool | None:
        answer = self._display.full_screen_window(os.getpid())
        if self._poke is not None:
            # Our requests may have pulled events into Xlib's queue; handle them now.
            self._on_readable()
        return answer

    async def start(self, poke: Poke) -> None:
        fd = self._display.fileno()
        if fd is None:
            return
        self._poke = poke
        self._display.watch_properties()
        self._fd = fd
        asyncio.get_running_loop().add_reader(fd, self._on_readable)

    def _on_readable(self) -> None:
        if self._display.drain() and self._poke is not None:
            # The active window may be another one now: follow it, then tell.
            self._display.watch_properties()
            self._display.drain()
            self._poke()

    async def stop(self) -> None:
        if self._fd is not None:
            asyncio.get_running_loop().remove_reader(self._fd)
            self._fd = None
        self._poke = None
        self._display.unwatch()
        self._display.drain()


class LogindInhibitors:
    """Someone holds a logind inhibitor that blocks idle."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> bool | None:
        body = await self._bus.call(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "ListInhibitors",
        )
        if body is None:
            return None
        for what, who, _why, mode, _uid, pid in body[0]:
            if "idle" not in what.split(":") or mode != "block":
                continue
            if who in OURS or pid == os.getpid():
                continue
            return True
        return False

    async def start(self, poke: Poke) -> None:
        """logind announces no inhibitor changes: the minute check covers it."""

    async def stop(self) -> None:
        pass


class GnomeInhibitors:
    """An inhibitor of idle in GNOME's session manager, other than ours."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> bool | None:
        body = await self._bus.call(GNOME_SM, GNOME_SM_PATH, GNOME_SM, "GetInhibitors")
        if body is None:
            return None
        interface = f"{GNOME_SM}.Inhibitor"
        for path in body[0]:
            flags = await self._bus.call(GNOME_SM, path, interface, "GetFlags")
            if not flags or not flags[0] & IDLE_FLAG:
                continue
            app = await self._bus.call(GNOME_SM, path, interface, "GetAppId")
            if app and app[0] in OURS:
                continue
            return True
        return False

    async def start(self, poke: Poke) -> None:
        from jeepney import MatchRule

        def changed(_message: Message) -> None:
            poke()

        for member in ("InhibitorAdded", "InhibitorRemoved"):
            rule = MatchRule(type="signal", interface=GNOME_SM, member=member, path=GNOME_SM_PATH)
            await self._bus.subscribe(rule, changed)

    async def stop(self) -> None:
        pass


class KdeInhibitors:
    """An inhibition in KDE's power management policy agent, other than ours."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> bool | None:
        body = await self._bus.call(KDE_PM, KDE_POLICY_PATH, KDE_POLICY, "ListInhibitions")
        if body is None:
            return None
        return any(app not in OURS for app, _reason in body[0])

    async def start(self, poke: Poke) -> None:
        """The policy agent's change signals are not public API: minute check."""

    async def stop(self) -> None:
        pass


def linux_full_screen(*, session_bus: Bus, system_bus: Bus, display: X11Display | None) -> AnyOf:
    """Every Linux backend (``display`` None under Wayland); those a desktop lacks answer None."""
    backends: list[Probe[bool]] = []
    if display is not None:
        backends.append(X11FullScreen(display))
    backends += [
        LogindInhibitors(system_bus),
        GnomeInhibitors(session_bus),
        KdeInhibitors(session_bus),
    ]
    return AnyOf(backends)
