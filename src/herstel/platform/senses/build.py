"""Which probe answers each sense on this platform."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from herstel.core.room import Sense
from herstel.platform.senses.probe import Probe


@dataclass
class Built:
    probes: dict[Sense, Probe[Any]]
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)


def build_probes(
    *,
    env: Mapping[str, str],
    platform: str,
    returned: Callable[[], None],
    away_ms: Callable[[], int],
) -> Built:
    """Probes for Linux/BSD desktops, Windows and macOS (idle only there)."""
    if platform == "win32":
        from herstel.platform.senses.away_other import WindowsIdle

        return Built({Sense.AWAY: WindowsIdle()})
    if platform == "darwin":
        from herstel.platform.senses.away_other import MacIdle

        return Built({Sense.AWAY: MacIdle()})

    from herstel.platform.senses.away import linux_away
    from herstel.platform.senses.bus import Bus, session_address, system_address
    from herstel.platform.senses.call import linux_call
    from herstel.platform.senses.do_not_disturb import linux_do_not_disturb
    from herstel.platform.senses.full_screen import linux_full_screen

    session_bus = Bus(session_address(env), name="session")
    system_bus = Bus(system_address(env), name="system")
    display = None
    if env.get("DISPLAY"):
        from herstel.platform.senses.x11 import X11Display

        display = X11Display(env["DISPLAY"])

    async def close_display() -> None:
        if display is not None:
            display.close()

    probes: dict[Sense, Probe[Any]] = {
        Sense.AWAY: linux_away(
            env=env,
            session_bus=session_bus,
            system_bus=system_bus,
            display=display,
            returned=returned,
            away_ms=away_ms,
        ),
        Sense.FULL_SCREEN: linux_full_screen(
            session_bus=session_bus,
            system_bus=system_bus,
            display=display,
            wayland=bool(env.get("WAYLAND_DISPLAY")),
        ),
        Sense.DO_NOT_DISTURB: linux_do_not_disturb(session_bus),
        Sense.CALL: linux_call(env.get("PULSE_SERVER"), env.get("XDG_RUNTIME_DIR")),
    }
    return Built(probes, [session_bus.close, system_bus.close, close_display])
