"""Keeping the screen awake through the XDG desktop portal's ``Inhibit``.

Where ``org.freedesktop.ScreenSaver`` is not there — inside a Flatpak, and on
desktops whose portal offers ``Inhibit`` instead — the portal is how an app
asks that the session not go idle. ``Inhibit`` returns a request handle;
``Request.Close`` on it releases the inhibition, and so does leaving the bus
(each inhibition has its own connection, closed on release).

jeepney on the asyncio loop that qasync drives, as in notifications.py:
``Inhibit``'s flags are a D-Bus ``uint32``, which PySide6 cannot send.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Final

log = logging.getLogger(__name__)

SERVICE: Final = "org.freedesktop.portal.Desktop"
PATH: Final = "/org/freedesktop/portal/desktop"
INTERFACE: Final = "org.freedesktop.portal.Inhibit"
REQUEST_INTERFACE: Final = "org.freedesktop.portal.Request"
IDLE: Final = 8  # "Inhibit the session going idle" (screen saver, blanking)
CALL_TIMEOUT: Final = 5.0  # seconds


class PortalInhibitor:
    """One idle inhibition at a time through the portal; ``address`` picks a test bus."""

    def __init__(self, reason: str, address: str | None = None) -> None:
        self._reason = reason
        self._bus = address or "SESSION"
        self._connection: Any = None
        self._handle: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._wanted = False

    @property
    def inhibited(self) -> bool:
        return self._handle is not None

    def inhibit(self) -> None:
        """Ask the portal; does nothing when asked already or without an event loop."""
        self._wanted = True
        if self._task is not None or self._connection is not None:
            return
        try:
            self._task = asyncio.ensure_future(self._inhibit())
        except RuntimeError:  # no event loop (a bare test): nothing to inhibit with
            log.debug("no event loop: the portal's Inhibit is not available")

    def release(self) -> None:
        """Let the session go idle again; safe to call any number of times."""
        self._wanted = False
        if self._task is None:
            self._close()
        # else: released as soon as the Inhibit reply arrives

    async def _inhibit(self) -> None:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.asyncio import open_dbus_connection
        from jeepney.wrappers import unwrap_msg

        try:
            self._connection = await asyncio.wait_for(open_dbus_connection(self._bus), CALL_TIMEOUT)
            portal = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
            message = new_method_call(
                portal, "Inhibit", "sua{sv}", ("", IDLE, {"reason": ("s", self._reason)})
            )
            reply = await asyncio.wait_for(self._send_and_receive(message), CALL_TIMEOUT)
            (self._handle,) = unwrap_msg(reply)
            log.debug("idle inhibited through the portal (%s)", self._handle)
        except Exception as error:  # no bus, no portal, no Inhibit: carry on uninhibited
            log.debug("the portal's Inhibit is not available: %s", error)
            self._handle = None
        finally:
            self._task = None
        if self._handle is None or not self._wanted:
            self._close()

    async def _send_and_receive(self, message: Any) -> Any:
        from jeepney import HeaderFields

        serial = next(self._connection.outgoing_serial)
        await self._connection.send(message, serial=serial)
        while True:
            reply = await self._connection.receive()
            if reply.header.fields.get(HeaderFields.reply_serial) == serial:
                return reply

    def _close(self) -> None:
        """Close the request (where the portal honours it) and leave the bus."""
        connection, self._connection = self._connection, None
        handle, self._handle = self._handle, None
        if connection is None:
            return
        if handle is not None:
            from jeepney import DBusAddress, new_method_call

            request = DBusAddress(handle, bus_name=SERVICE, interface=REQUEST_INTERFACE)
            # Written now, sent as the loop turns; then the connection closes.
            serial = next(connection.outgoing_serial)
            connection.writer.write(new_method_call(request, "Close").serialise(serial))
            log.debug("portal idle inhibition released (%s)", handle)
        with contextlib.suppress(OSError, RuntimeError):
            connection.writer.close()
