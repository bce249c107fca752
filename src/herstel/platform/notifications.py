"""Desktop notifications with actions, over ``org.freedesktop.Notifications``.

One notification at a time: a new one replaces the one still open (never a
stack), ``withdraw`` takes it away, and only events about the current one are
passed on. Whether the server can show buttons (the ``actions`` capability) is
asked once, when the client starts.

Why jeepney rather than QtDBus: ``Notify``'s ``replaces_id`` and
``CloseNotification``'s id are D-Bus ``uint32``, and PySide6 sends a Python
int only as ``int32`` (see screensaver.py), which notification servers refuse.
jeepney writes the exact types, and runs on the asyncio loop that qasync
drives, so no call blocks the event loop. Imported only when the services
start, never before the first window.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Final

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

SERVICE: Final = "org.freedesktop.Notifications"
PATH: Final = "/org/freedesktop/Notifications"
INTERFACE: Final = "org.freedesktop.Notifications"
CALL_TIMEOUT: Final = 5.0  # seconds; a server that hangs must not hold a reminder forever

# NotificationClosed reasons (Desktop Notifications Specification).
EXPIRED: Final = 1
DISMISSED: Final = 2
CLOSED_BY_CALL: Final = 3


class DesktopNotifications(QObject):
    """A client of the desktop's notification server, as Qt signals.

    ``ready(bool)`` once started: whether the server shows actions.
    ``action_invoked(str)``: an action key of the current notification ("default"
    when the notification itself was clicked). ``closed(int)``: the current
    notification went away (a reason above); not emitted after ``withdraw``.
    """

    ready = Signal(bool)
    action_invoked = Signal(str)
    closed = Signal(int)

    def __init__(
        self,
        app_name: str,
        desktop_entry: str,
        parent: QObject | None = None,
        *,
        address: str | None = None,
    ) -> None:
        """``address`` selects a bus other than the session bus (used by tests)."""
        super().__init__(parent)
        self._bus = address or "SESSION"
        self._app_name = app_name
        self._desktop_entry = desktop_entry
        self._connection: Any = None  # jeepney's DBusConnection once connected
        self._replies: dict[int, asyncio.Future[Any]] = {}
        self._lock: asyncio.Lock | None = None
        self._current: int = 0  # the id of the open notification; 0 = none
        self._tasks: set[asyncio.Task[None]] = set()
        self.available = False
        self.supports_actions = False
        self.started = False

    # -- the Qt side: fire and forget, in order -----------------------------------------

    def start(self) -> None:
        """Connect and ask the server what it can do; ``ready`` tells the answer.

        Once: a second call does nothing (the connection is kept until ``close``).
        """
        if self.started:
            return
        self.started = True
        self._spawn(self._start())

    def show(
        self, summary: str, body: str, actions: Sequence[tuple[str, str]], timeout: timedelta
    ) -> None:
        """Show a notification (replacing the open one) with (key, label) actions."""
        self._spawn(self._show(summary, body, actions, timeout))

    def withdraw(self) -> None:
        """Take the open notification away (answered elsewhere, or no longer due)."""
        self._spawn(self._withdraw())

    def close(self) -> None:
        """At quit, with the event loop ending: drop the connection without waiting.

        A notification still open expires by itself (it was shown with the
        prompt timeout), and its buttons then do nothing.
        """
        self.available = False
        for task in list(self._tasks):
            task.cancel()
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.writer.close()

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- the D-Bus side ---------------------------------------------------------------

    async def _start(self) -> None:
        from jeepney import DBusAddress, MatchRule, message_bus
        from jeepney.io.asyncio import open_dbus_connection

        self._lock = asyncio.Lock()
        self._address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        try:
            self._connection = await asyncio.wait_for(open_dbus_connection(self._bus), CALL_TIMEOUT)
            self._spawn(self._receive())
            for member in ("ActionInvoked", "NotificationClosed"):
                rule = MatchRule(type="signal", interface=INTERFACE, path=PATH, member=member)
                await self._send_and_wait(message_bus.AddMatch(rule))
            (capabilities,) = await self._call("GetCapabilities")
        except (OSError, KeyError, TimeoutError, RuntimeError, ValueError) as error:
            # No session bus, no server, or a server that does not answer.
            log.info("no desktop notifications: %s", error or type(error).__name__)
            await self._close_connection()
            self.ready.emit(False)
            return
        self.available = True
        self.supports_actions = "actions" in capabilities
        log.info("desktop notifications: %s", ", ".join(sorted(capabilities)) or "no capabilities")
        self.ready.emit(self.supports_actions)

    async def _send_and_wait(self, message: Any) -> Any:
        """The reply to ``message``; the first one counts (some servers send two)."""
        serial = next(self._connection.outgoing_serial)
        reply: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._replies[serial] = reply
        try:
            await self._connection.send(message, serial=serial)
            return await asyncio.wait_for(reply, CALL_TIMEOUT)
        finally:
            self._replies.pop(serial, None)

    async def _call(
        self, method: str, signature: str | None = None, body: tuple[Any, ...] = ()
    ) -> Any:
        from jeepney import DBusErrorResponse, new_method_call
        from jeepney.wrappers import unwrap_msg

        reply = await self._send_and_wait(new_method_call(self._address, method, signature, body))
        try:
            return unwrap_msg(reply)
        except DBusErrorResponse as error:
            raise RuntimeError(f"{method}: {error.name}") from None

    async def _receive(self) -> None:
        """Replies to their callers, our notification's signals to Qt."""
        from jeepney import HeaderFields, MessageType

        while True:
            try:
                message = await self._connection.receive()
            except (OSError, ValueError) as error:
                log.info("notification server connection lost: %s", error)
                self.available = False
                return
            fields = message.header.fields
            reply = self._replies.pop(fields.get(HeaderFields.reply_serial, -1), None)
            if reply is not None:
                if not reply.done():
                    reply.set_result(message)
                continue
            if message.header.message_type is not MessageType.signal:
                continue
            if fields.get(HeaderFields.interface) != INTERFACE:
                continue
            member = fields.get(HeaderFields.member)
            notification, detail = message.body
            if not notification or notification != self._current:
                continue  # an earlier one, another app's, or one we withdrew
            if member == "ActionInvoked":
                self.action_invoked.emit(str(detail))
            elif member == "NotificationClosed":
                self._current = 0
                self.closed.emit(int(detail))

    async def _show(
        self, summary: str, body: str, actions: Sequence[tuple[str, str]], timeout: timedelta
    ) -> None:
        if not self.available or self._lock is None:
            return
        flat = [part for action in actions for part in action]
        hints = {
            "desktop-entry": ("s", self._desktop_entry),
            "urgency": ("y", 1),
            "category": ("s", "presence"),
        }
        async with self._lock:
            try:
                (self._current,) = await self._call(
                    "Notify",
                    "susssasa{sv}i",
                    (
                        self._app_name,
                        self._current,  # replaces the open one, if any
                        self._desktop_entry,
                        summary,
                        body,
                        flat,
                        hints,
                        int(timeout.total_seconds() * 1000),
                    ),
                )
                log.debug("notification %d shown", self._current)
            except (OSError, TimeoutError, RuntimeError) as error:
                log.warning("could not show the notification: %s", error)

    async def _withdraw(self) -> None:
        if self._lock is None:
            return
        async with self._lock:
            current, self._current = self._current, 0
            if not current:
                return
            try:
                await self._call("CloseNotification", "u", (current,))
            except (OSError, TimeoutError, RuntimeError) as error:
                log.debug("closing notification %d: %s", current, error)

    async def _close_connection(self) -> None:
        self.available = False
        for task in list(self._tasks):
            if task is not asyncio.current_task():
                task.cancel()
        if self._connection is not None:
            connection, self._connection = self._connection, None
            with contextlib.suppress(OSError):
                await connection.close()
