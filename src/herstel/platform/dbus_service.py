"""Herstel on the session bus: ``io.github.herstel.Herstel`` for panels, scripts and desktops.

Object ``/io/github/herstel/Herstel``, interface ``io.github.herstel.Herstel1``
(the ``1`` is its version: a change that breaks callers gets a new interface
beside it). Documented with examples in docs/dbus.md; :data:`INTERFACE_XML` is
what ``Introspect`` returns. Properties are read-only and announced with
``org.freedesktop.DBus.Properties.PropertiesChanged`` only when their value
changes: :meth:`DBusService.publish` is called on the app's own change events,
never on a timer.

Why a ``QDBusVirtualObject``: PySide6 cannot export a ``QDBusAbstractAdaptor``'s
slots and properties from Python (it needs moc-generated metadata), while a
virtual object sees each raw message and answers it itself, with the exact
D-Bus types written here. Python values marshal as: str → ``s``, bool → ``b``,
float → ``d``, a dict → ``a{sv}``, ``QDBusVariant`` → ``v``; so every property
has one of those types (the next reminder is ISO 8601 text, not a number
whose D-Bus type would depend on its size).

A caller is another local program: every argument is checked (signature and
range, with the command line's own limits) and anything wrong gets a D-Bus
error reply. No exception reaches Qt's event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, Protocol

from PySide6.QtCore import QMetaType, QObject
from PySide6.QtDBus import (
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusVariant,
    QDBusVirtualObject,
)

from herstel.core.launch import REMIND_MINUTES_LIMITS, BreatheOptions
from herstel.core.rhythm import MINUTES_LIMITS, PatternError, parse_pattern
from herstel.core.status import AppStatus

log = logging.getLogger(__name__)

SERVICE: Final = "io.github.herstel.Herstel"
PATH: Final = "/io/github/herstel/Herstel"
INTERFACE: Final = "io.github.herstel.Herstel1"
PROPERTIES: Final = "org.freedesktop.DBus.Properties"

PAUSE_MINUTES_LIMITS: Final = REMIND_MINUTES_LIMITS
"""Minutes PauseReminders accepts; 0 means "until tomorrow" (as in the tray menu)."""

INTERFACE_XML: Final = f"""<interface name="{INTERFACE}">
  <method name="StartBreak">
    <arg name="pattern" type="s" direction="in"/>
    <arg name="minutes" type="u" direction="in"/>
  </method>
  <method name="RemindIn">
    <arg name="minutes" type="u" direction="in"/>
  </method>
  <method name="PauseReminders">
    <arg name="minutes" type="u" direction="in"/>
  </method>
  <method name="ResumeReminders"/>
  <method name="OpenHistory"/>
  <property name="NextReminder" type="s" access="read"/>
  <property name="PausedUntil" type="s" access="read"/>
  <property name="WaitingReason" type="s" access="read"/>
  <property name="SessionRunning" type="b" access="read"/>
  <property name="TodayMinutes" type="d" access="read"/>
</interface>
"""

_INVALID_ARGS: Final = "org.freedesktop.DBus.Error.InvalidArgs"
_UNKNOWN_METHOD: Final = "org.freedesktop.DBus.Error.UnknownMethod"
_UNKNOWN_INTERFACE: Final = "org.freedesktop.DBus.Error.UnknownInterface"
_UNKNOWN_PROPERTY: Final = "org.freedesktop.DBus.Error.UnknownProperty"
_READ_ONLY: Final = "org.freedesktop.DBus.Error.PropertyReadOnly"
_FAILED: Final = "org.freedesktop.DBus.Error.Failed"
_LEFT_TO_QT: Final = ("org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Peer")


class Actions(Protocol):
    """What the D-Bus methods ask the app to do (the app's own entry points)."""

    def start_break(self, options: BreatheOptions) -> None: ...
    def remind_in(self, minutes: int) -> None: ...
    def pause_reminders(self, minutes: int) -> None: ...
    def pause_until_tomorrow(self) -> None: ...
    def resume_reminders(self) -> None: ...
    def open_history(self) -> None: ...


class CallError(Exception):
    """A call the service refuses: sent back as the D-Bus error ``name``."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def _moment(value: datetime | None) -> str:
    """A time as D-Bus text: ISO 8601 with its UTC offset, "" for none."""
    return "" if value is None else value.isoformat(timespec="seconds")


def properties_of(status: AppStatus) -> dict[str, Any]:
    """The D-Bus properties for a status, as Python values of the documented types."""
    return {
        "NextReminder": _moment(status.next_reminder),
        "PausedUntil": _moment(status.paused_until),
        "WaitingReason": str(status.waiting_reason),
        "SessionRunning": bool(status.session_running),
        "TodayMinutes": float(round(status.today_minutes, 2)),
    }


def _whole(value: object, name: str, limits: tuple[int, int], *, zero_ok: bool) -> int:
    low, high = limits
    if not isinstance(value, int) or isinstance(value, bool):
        raise CallError(_INVALID_ARGS, f"{name} must be a whole number")
    if (zero_ok and value == 0) or low <= value <= high:
        return value
    allowed = f"0 or {low}–{high}" if zero_ok else f"{low}–{high}"
    raise CallError(_INVALID_ARGS, f"{name} must be {allowed} (got {value})")


def _breathe_options(pattern: object, minutes: object) -> BreatheOptions:
    """StartBreak's arguments: "" is the saved pattern, 0 the saved length."""
    if not isinstance(pattern, str):
        raise CallError(_INVALID_ARGS, "pattern must be text")
    chosen = None
    if pattern:
        try:
            chosen = parse_pattern(pattern)
        except PatternError as error:
            raise CallError(_INVALID_ARGS, f"pattern: {error}") from None
    length = _whole(minutes, "minutes", MINUTES_LIMITS, zero_ok=True)
    return BreatheOptions(pattern=chosen, minutes=length or None)


def _empty_string_list() -> QDBusArgument:
    """An empty ``as`` (a plain empty list would go out as ``av``)."""
    argument = QDBusArgument()
    argument.beginArray(QMetaType(QMetaType.Type.QString))
    argument.endArray()
    return argument


class DBusService(QDBusVirtualObject):
    """The object at :data:`PATH`: answers calls, announces property changes."""

    def __init__(
        self,
        connection: QDBusConnection,
        snapshot: Callable[[], AppStatus],
        actions: Actions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._snapshot = snapshot
        self._actions = actions
        self._last = properties_of(snapshot())

    # -- what Qt asks ----------------------------------------------------------------

    def introspect(self, path: str) -> str:
        del path  # one object, one answer
        return INTERFACE_XML

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        """Answer one call; False leaves Introspect and Peer to Qt (it calls introspect())."""
        if message.interface() in _LEFT_TO_QT:
            return False
        try:
            reply = self._answer(message)
        except CallError as error:
            reply = message.createErrorReply(error.name, str(error))
        except Exception:  # a caller must never be able to raise into the event loop
            log.exception("D-Bus: unexpected error answering %s", message.member())
            reply = message.createErrorReply(_FAILED, "internal error; see Herstel's log")
        if not message.isReplyRequired():
            return True
        connection.send(reply)
        return True

    # -- the calls -------------------------------------------------------------------

    def _answer(self, message: QDBusMessage) -> QDBusMessage:
        interface, member = message.interface(), message.member()
        arguments = list(message.arguments())
        if interface == PROPERTIES:
            return self._properties(message, member, arguments)
        if interface not in (INTERFACE, ""):
            raise CallError(_UNKNOWN_INTERFACE, f"no interface {interface!r} here")
        signature = message.signature()
        expected = {
            "StartBreak": "su",
            "RemindIn": "u",
            "PauseReminders": "u",
            "ResumeReminders": "",
            "OpenHistory": "",
        }.get(member)
        if expected is None:
            raise CallError(_UNKNOWN_METHOD, f"no method {member!r} in {INTERFACE}")
        if signature != expected:
            raise CallError(_INVALID_ARGS, f"{member} takes ({expected}), not ({signature})")
        self._call(member, arguments)
        log.info("D-Bus: %s%s", member, tuple(arguments))
        return message.createReply()

    def _call(self, member: str, arguments: list[Any]) -> None:
        if member == "StartBreak":
            self._actions.start_break(_breathe_options(arguments[0], arguments[1]))
        elif member == "RemindIn":
            minutes = _whole(arguments[0], "minutes", REMIND_MINUTES_LIMITS, zero_ok=False)
            self._actions.remind_in(minutes)
        elif member == "PauseReminders":
            minutes = _whole(arguments[0], "minutes", PAUSE_MINUTES_LIMITS, zero_ok=True)
            if minutes == 0:
                self._actions.pause_until_tomorrow()
            else:
                self._actions.pause_reminders(minutes)
        elif member == "ResumeReminders":
            self._actions.resume_reminders()
        else:
            self._actions.open_history()

    def _properties(self, message: QDBusMessage, member: str, arguments: list[Any]) -> QDBusMessage:
        signature = message.signature()
        if member == "GetAll" and signature == "s":
            if arguments[0] != INTERFACE:
                raise CallError(_UNKNOWN_INTERFACE, f"no interface {arguments[0]!r} here")
            return message.createReply(properties_of(self._snapshot()))
        if member == "Get" and signature == "ss":
            if arguments[0] != INTERFACE:
                raise CallError(_UNKNOWN_INTERFACE, f"no interface {arguments[0]!r} here")
            values = properties_of(self._snapshot())
            if arguments[1] not in values:
                raise CallError(_UNKNOWN_PROPERTY, f"no property {arguments[1]!r}")
            return message.createReply(QDBusVariant(values[arguments[1]]))
        if member == "Set":
            raise CallError(_READ_ONLY, "Herstel's properties are read-only")
        raise CallError(_INVALID_ARGS, f"{PROPERTIES}.{member}({signature}) is not served")

    def unregister(self) -> None:
        """Leave the bus (the app is quitting), so the name is free for the next one at once."""
        self._connection.unregisterService(SERVICE)
        self._connection.unregisterObject(PATH)

    # -- change announcements --------------------------------------------------------

    def publish(self, status: AppStatus | None = None) -> None:
        """Emit PropertiesChanged for the properties whose values changed since the last one.

        ``status`` is the current status when the caller has it already.
        """
        current = properties_of(self._snapshot() if status is None else status)
        changed = {key: value for key, value in current.items() if self._last.get(key) != value}
        self._last = current
        if not changed:
            return
        signal = QDBusMessage.createSignal(PATH, PROPERTIES, "PropertiesChanged")
        signal.setArguments([INTERFACE, changed, _empty_string_list()])
        if not self._connection.send(signal):
            log.warning("D-Bus: could not send PropertiesChanged")


def register(
    snapshot: Callable[[], AppStatus],
    actions: Actions,
    parent: QObject | None = None,
    connection: QDBusConnection | None = None,
) -> DBusService | None:
    """Export the service on the session bus; None (logged) where that cannot be done.

    No session bus, or the name already taken (another Herstel with another
    data folder owns it): the app works on without D-Bus; the socket still
    forwards launches and serves ``herstel status``.
    """
    bus = connection if connection is not None else QDBusConnection.sessionBus()
    if not bus.isConnected():
        log.info("D-Bus: no session bus; the D-Bus interface is off")
        return None
    service = DBusService(bus, snapshot, actions, parent)
    if not bus.registerVirtualObject(PATH, service):
        log.warning("D-Bus: cannot export %s; the D-Bus interface is off", PATH)
        return None
    if not bus.registerService(SERVICE):
        log.info("D-Bus: %s is taken (another Herstel?); the D-Bus interface is off", SERVICE)
        bus.unregisterObject(PATH)
        return None
    log.info("D-Bus: serving %s on the session bus", SERVICE)
    return service
