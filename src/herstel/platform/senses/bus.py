"""A D-Bus connection for the senses, on the asyncio (qasync) loop.

Why jeepney and not QtDBus: the senses must read structured replies such as
logind's ``ListInhibitors`` (``a(ssssuu)``), and PySide6's ``QDBusArgument``
cannot be read from Python. jeepney is pure Python, small, and speaks asyncio,
so calls are coroutines and a signal subscription costs nothing until the
desktop sends something.

Every failure — no bus, no such service, an error reply — reads as ``None``
("unknown"), logged once at debug level: a missing desktop service must never
stop a reminder.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from jeepney import MatchRule, Message
    from jeepney.io.asyncio import DBusConnection, DBusRouter

log = logging.getLogger(__name__)

SYSTEM_BUS_DEFAULT: Final = "unix:path=/run/dbus/system_bus_socket"
CONNECT_TIMEOUT_S: Final = 5.0


def session_address(env: Mapping[str, str]) -> str | None:
    """The session bus address from the environment, or None."""
    return env.get("DBUS_SESSION_BUS_ADDRESS") or None


def system_address(env: Mapping[str, str]) -> str:
    """The system bus address from the environment, or the standard socket."""
    return env.get("DBUS_SYSTEM_BUS_ADDRESS") or SYSTEM_BUS_DEFAULT


class _Callback:
    """Looks like the asyncio.Queue jeepney's filters expect; calls a function instead."""

    def __init__(self, function: Callable[[Message], None]) -> None:
        self._function = function

    def put_nowait(self, message: Message) -> None:
        try:
            self._function(message)
        except Exception:
            log.exception("D-Bus signal handler failed")


class Bus:
    """One lazily opened connection to a bus, shared by the probes that use it."""

    def __init__(self, address: str | None, *, name: str) -> None:
        self._address = address
        self._name = name
        self._connection: DBusConnection | None = None
        self._router: DBusRouter | None = None
        self._opening: asyncio.Future[DBusRouter | None] | None = None
        self._failed = False
        self._filters: list[Any] = []
        self._complained: set[str] = set()

    @property
    def available(self) -> bool:
        """False once the bus could not be reached (until ``close``)."""
        return self._address is not None and not self._failed

    async def _open(self) -> DBusRouter | None:
        if self._router is not None:
            return self._router
        if not self.available:
            return None
        if self._opening is None:
            self._opening = asyncio.ensure_future(self._connect())
        # Shielded: a probe that stops waiting must not cut the handshake in half
        # (that would leak the socket); the next question finds it open.
        return await asyncio.shield(self._opening)

    async def _connect(self) -> DBusRouter | None:
        from jeepney.io.asyncio import DBusRouter, open_dbus_connection

        try:
            connection = await asyncio.wait_for(
                open_dbus_connection(self._address), CONNECT_TIMEOUT_S
            )
        except (OSError, ValueError, KeyError, RuntimeError, TimeoutError) as error:
            log.debug("no %s bus at %s: %r", self._name, self._address, error)
            self._failed = True
            self._opening = None
            return None
        self._connection = connection
        self._router = DBusRouter(connection)
        return self._router

    async def call(
        self,
        service: str,
        path: str,
        interface: str,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...] | None:
        """The reply's body, or None when the bus, service or method is not there."""
        router = await self._open()
        if router is None:
            return None
        from jeepney import DBusAddress, MessageFlag, MessageType, new_method_call

        address = DBusAddress(path, bus_name=service, interface=interface)
        message = new_method_call(address, method, signature, body)
        # Ask only what is running: never start a desktop service just to ask it
        # (bus activation of a missing notification server costs ~10 ms a call).
        message.header.flags |= MessageFlag.no_auto_start
        # Shielded: when the aggregator stops waiting (a slow service), the call
        # still ends cleanly when its reply or the connection's end comes.
        reply = await asyncio.shield(self._send(router, message))
        if reply is None:
            return None
        if reply.header.message_type == MessageType.error:
            key = f"{service} {interface}.{method}"
            if key not in self._complained:
                self._complained.add(key)
                log.debug("%s: %s %s", key, reply.header.fields.get(4), reply.body)
            return None
        body_out: tuple[Any, ...] = reply.body
        return body_out

    async def _send(self, router: DBusRouter, message: Message) -> Message | None:
        try:
            return await router.send_and_get_reply(message)
        except Exception as error:  # connection closed or broken: jeepney raises several kinds
            log.debug("%s bus call ended without a reply: %r", self._name, error)
            return None

    async def get_property(self, service: str, path: str, interface: str, name: str) -> Any:
        """A property's value, or None when it cannot be read."""
        body = await self.call(
            service, path, "org.freedesktop.DBus.Properties", "Get", "ss", (interface, name)
        )
        if not body:
            return None
        _signature, value = body[0]
        return value

    async def subscribe(self, rule: MatchRule, handler: Callable[[Message], None]) -> bool:
        """Call ``handler`` for each message matching ``rule`` until ``close``."""
        router = await self._open()
        if router is None:
            return False
        from jeepney.bus_messages import message_bus

        self._filters.append(router.filter(rule, queue=_Callback(handler)))
        reply = await router.send_and_get_reply(message_bus.AddMatch(rule))
        from jeepney import MessageType

        return bool(reply.header.message_type != MessageType.error)

    async def close(self) -> None:
        """Drop subscriptions and the connection; the next call opens a new one."""
        for handle in self._filters:
            handle.close()
        self._filters.clear()
        opening, self._opening = self._opening, None
        if opening is not None and not opening.done():
            await asyncio.wait([opening])  # let a handshake in flight finish, then close it
        router, self._router = self._router, None
        connection, self._connection = self._connection, None
        self._failed = False
        if router is not None:
            with contextlib.suppress(Exception):  # a receiver that already failed
                await router.__aexit__(None, None, None)
        if connection is not None:
            await connection.close()
