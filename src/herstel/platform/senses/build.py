"""Which probe answers each sense on this platform, built when first asked.

A probe's libraries load with it: a user who switched the call sense off never
loads libpulse, one with only "away" on never loads the D-Bus client unless the
idle time has to come from D-Bus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from herstel.core.room import Sense
from herstel.platform.senses.probe import Probe

if TYPE_CHECKING:
    from herstel.platform.senses.bus import Bus
    from herstel.platform.senses.x11 import X11Display


class Probes:
    """The probes of one ``Senses``, and the connections they share."""

    def __init__(
        self,
        *,
        env: Mapping[str, str],
        platform: str,
        returned: Callable[[], None],
        away_ms: Callable[[], int],
    ) -> None:
        self._env = env
        self._platform = platform
        self._returned = returned
        self._away_ms = away_ms
        self._built: dict[Sense, Probe[Any] | None] = {}
        self._buses: dict[str, Bus] = {}
        self._display: X11Display | None = None

    def get(self, sense: Sense) -> Probe[Any] | None:
        """The probe for ``sense`` here, or None where this platform has none."""
        if sense not in self._built:
            self._built[sense] = self._build(sense)
        return self._built[sense]

    def _bus(self, kind: str) -> Bus:
        bus = self._buses.get(kind)
        if bus is None:
            from herstel.platform.senses.bus import Bus, session_address, system_address

            address = session_address(self._env) if kind == "session" else None
            if kind == "system":
                address = system_address(self._env)
            bus = self._buses[kind] = Bus(address, name=kind)
        return bus

    def _x11(self) -> X11Display | None:
        if self._display is None and self._env.get("DISPLAY"):
            from herstel.platform.senses.x11 import X11Display

            self._display = X11Display(self._env["DISPLAY"])
        return self._display

    def _build(self, sense: Sense) -> Probe[Any] | None:
        if self._platform == "win32":
            if sense is Sense.AWAY:
                from herstel.platform.senses.away_other import WindowsIdle

                return WindowsIdle()
            return None
        if self._platform == "darwin":
            if sense is Sense.AWAY:
                from herstel.platform.senses.away_other import MacIdle

                return MacIdle()
            return None
        wayland = bool(self._env.get("WAYLAND_DISPLAY"))
        if sense is Sense.AWAY:
            from herstel.platform.senses.away import linux_away

            return linux_away(
                session_bus=self._bus("session"),
                system_bus=self._bus("system"),
                display=None if wayland else self._x11(),
                returned=self._returned,
                away_ms=self._away_ms,
                session_id=self._env.get("XDG_SESSION_ID"),
            )
        if sense is Sense.FULL_SCREEN:
            from herstel.platform.senses.full_screen import linux_full_screen

            return linux_full_screen(
                session_bus=self._bus("session"),
                system_bus=self._bus("system"),
                display=None if wayland else self._x11(),
            )
        if sense is Sense.DO_NOT_DISTURB:
            from herstel.platform.senses.do_not_disturb import linux_do_not_disturb

            return linux_do_not_disturb(self._bus("session"))
        from herstel.platform.senses.call import linux_call

        return linux_call(self._env.get("PULSE_SERVER"), self._env.get("XDG_RUNTIME_DIR"))

    async def close(self) -> None:
        """Close the shared connections; probes reopen them when asked again."""
        for bus in self._buses.values():
            await bus.close()
        if self._display is not None:
            self._display.close()
