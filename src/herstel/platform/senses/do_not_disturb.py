"""Do Not Disturb, as the desktop's notification server sees it.

- KDE (and any server that has it): the ``Inhibited`` property of
  ``org.freedesktop.Notifications``, with ``PropertiesChanged`` as the event.
- GNOME: ``show-banners`` off in ``org.gnome.desktop.notifications``, read
  through the desktop portal's Settings interface (no gsettings subprocess, no
  dconf file parsing; the portal is there on every GNOME), with the portal's
  ``SettingChanged`` as the event.
- mako (sway and other wlroots desktops): the ``do-not-disturb`` mode in the
  ``Modes`` property of ``fr.emersion.Mako`` (the name mako's docs use for
  that mode; a user may name it otherwise).

Windows Focus Assist and macOS Focus have no supported public query; see
docs/smart-pause.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from herstel.platform.senses.bus import Bus
from herstel.platform.senses.probe import AnyOf, Poke

if TYPE_CHECKING:
    from jeepney import Message

NOTIFICATIONS: Final = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH: Final = "/org/freedesktop/Notifications"
PORTAL: Final = "org.freedesktop.portal.Desktop"
PORTAL_PATH: Final = "/org/freedesktop/portal/desktop"
PORTAL_SETTINGS: Final = "org.freedesktop.portal.Settings"
GNOME_NOTIFICATIONS: Final = "org.gnome.desktop.notifications"
MAKO_PATH: Final = "/fr/emersion/Mako"
MAKO: Final = "fr.emersion.Mako"
MAKO_DND_MODE: Final = "do-not-disturb"


def _properties_rule(path: str) -> Any:
    from jeepney import MatchRule

    return MatchRule(
        type="signal",
        interface="org.freedesktop.DBus.Properties",
        member="PropertiesChanged",
        path=path,
    )


class NotificationsInhibited:
    """The notification server's ``Inhibited`` property."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> bool | None:
        value = await self._bus.get_property(
            NOTIFICATIONS, NOTIFICATIONS_PATH, NOTIFICATIONS, "Inhibited"
        )
        return None if value is None else bool(value)

    async def start(self, poke: Poke) -> None:
        def changed(message: Message) -> None:
            if message.body[0] == NOTIFICATIONS:
                poke()

        await self._bus.subscribe(_properties_rule(NOTIFICATIONS_PATH), changed)

    async def stop(self) -> None:
        pass


class GnomeBanners:
    """GNOME's Do Not Disturb is ``show-banners`` set to false."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> bool | None:
        key = (GNOME_NOTIFICATIONS, "show-banners")
        body = await self._bus.call(PORTAL, PORTAL_PATH, PORTAL_SETTINGS, "ReadOne", "ss", key)
        if body is None:
            # Portals before version 2 only have Read, which wraps the value twice.
            body = await self._bus.call(PORTAL, PORTAL_PATH, PORTAL_SETTINGS, "Read", "ss", key)
            if body is None:
                return None
            _signature, inner = body[0]
            body = (inner,)
        signature, value = body[0]
        if signature != "b":
            return None
        return not value

    async def start(self, poke: Poke) -> None:
        from jeepney import MatchRule

        def changed(message: Message) -> None:
            namespace, key, _value = message.body
            if namespace == GNOME_NOTIFICATIONS and key == "show-banners":
                poke()

        rule = MatchRule(
            type="signal", interface=PORTAL_SETTINGS, member="SettingChanged", path=PORTAL_PATH
        )
        await self._bus.subscribe(rule, changed)

    async def stop(self) -> None:
        pass


class MakoMode:
    """mako's ``do-not-disturb`` mode."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus

    async def read(self) -> bool | None:
        modes = await self._bus.get_property(NOTIFICATIONS, MAKO_PATH, MAKO, "Modes")
        if modes is None:
            return None
        return MAKO_DND_MODE in modes

    async def start(self, poke: Poke) -> None:
        def changed(message: Message) -> None:
            if message.body[0] == MAKO:
                poke()

        await self._bus.subscribe(_properties_rule(MAKO_PATH), changed)

    async def stop(self) -> None:
        pass


def linux_do_not_disturb(session_bus: Bus) -> AnyOf:
    """The three ways a Linux desktop says Do Not Disturb."""
    return AnyOf(
        [NotificationsInhibited(session_bus), GnomeBanners(session_bus), MakoMode(session_bus)]
    )
