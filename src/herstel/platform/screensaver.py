"""Keeping the screen awake while a session runs, and noticing the screen lock.

Uses the freedesktop ``org.freedesktop.ScreenSaver`` service over the session
bus (KDE, GNOME, Xfce and most others provide it); where that service is
missing, the XDG desktop portal's ``Inhibit`` (portal_inhibit.py: inside a
Flatpak, and on desktops whose portal offers it). Where there is neither (a
bare X server, sway without a portal, Windows, macOS, a test run) everything
here quietly does nothing: the session simply runs without inhibition, and
that is logged at debug level only.

Nothing blocks the event loop: ``Inhibit`` is an asynchronous call whose cookie
is kept when the reply arrives; ``release`` before the reply came releases as
soon as it does.

Releasing: ``UnInhibit`` takes a D-Bus ``uint32`` cookie, and PySide6 has no way
to send a Python int as ``uint32`` (it marshals it as ``int32``, which strict
services refuse). So each inhibition is made over its own private bus
connection: ``release`` sends ``UnInhibit`` (honoured by lenient services) and
then closes that connection, and every screen saver service drops the
inhibitions of a client that leaves the bus. A crash releases it the same way.
"""

from __future__ import annotations

import itertools
import logging
from typing import Final

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

from herstel import APP_NAME
from herstel.platform.portal_inhibit import PortalInhibitor

log = logging.getLogger(__name__)

SERVICE: Final = "org.freedesktop.ScreenSaver"
PATH: Final = "/org/freedesktop/ScreenSaver"
INTERFACE: Final = "org.freedesktop.ScreenSaver"
CALL_TIMEOUT_MS: Final = 3000

_names = itertools.count(1)


class ScreenSaverInhibitor(QObject):
    """Inhibit the screen saver during a session; report the screen lock.

    ``locked_changed(bool)`` follows the service's ``ActiveChanged`` signal
    (True when the screen saver / lock screen comes on), so a session can pause.
    ``address`` selects a bus other than the session bus (used by tests).
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        address: str | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self._address = address
        self._reason = reason or self.tr("A breathing session is running")
        self._cookie: int | None = None
        self._connection_name: str | None = None
        self._pending: QDBusPendingCallWatcher | None = None
        self._wanted = False
        self._listen_name: str | None = None
        self._portal = PortalInhibitor(self._reason, address)
        if address is None:
            self._bus = QDBusConnection.sessionBus()
        else:
            self._listen_name = f"herstel-screensaver-listen-{next(_names)}"
            self._bus = QDBusConnection.connectToBus(address, self._listen_name)
        if not self._bus.isConnected():
            log.debug("no D-Bus session bus: screen saver inhibition is not available")
            return
        listening = self._bus.connect(
            "",
            PATH,
            INTERFACE,
            "ActiveChanged",
            self,
            SLOT("_on_active_changed(bool)"),  # type: ignore[call-overload]
        )
        if not listening:
            log.debug("could not listen to %s.ActiveChanged", INTERFACE)

    @property
    def available(self) -> bool:
        """Whether there is a session bus to talk to (the service may still be missing)."""
        return self._bus.isConnected()

    @property
    def inhibited(self) -> bool:
        """Whether the screen saver is inhibited by us right now."""
        return self._cookie is not None or self._portal.inhibited

    @property
    def connection_name(self) -> str | None:
        """The private connection holding the inhibition, while there is one."""
        return self._connection_name

    def inhibit(self) -> None:
        """Ask the screen saver to stay away; does nothing if already asked."""
        self._wanted = True
        if self._connection_name is not None or not self._bus.isConnected():
            return
        name = f"herstel-screensaver-{next(_names)}"
        if self._address is None:
            connection = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        else:
            connection = QDBusConnection.connectToBus(self._address, name)
        if not connection.isConnected():
            QDBusConnection.disconnectFromBus(name)
            log.debug("could not open a bus connection for the screen saver")
            return
        self._connection_name = name
        message = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "Inhibit")
        message.setArguments([APP_NAME, self._reason])
        watcher = QDBusPendingCallWatcher(connection.asyncCall(message, CALL_TIMEOUT_MS), self)
        watcher.finished.connect(self._inhibit_answered)
        self._pending = watcher

    def release(self) -> None:
        """Let the screen saver come again; safe to call any number of times."""
        self._wanted = False
        self._portal.release()
        self._release_service()

    def _release_service(self) -> None:
        """Release the ScreenSaver service's inhibition and its private connection."""
        if self._pending is not None:
            return  # released as soon as the Inhibit reply arrives
        name, self._connection_name = self._connection_name, None
        cookie, self._cookie = self._cookie, None
        if name is None:
            return
        if cookie is not None:
            message = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "UnInhibit")
            message.setArguments([cookie])
            QDBusConnection(name).send(message)
            log.debug("screen saver inhibition released (cookie %s)", cookie)
        # Leaving the bus drops the inhibition even where UnInhibit was refused.
        QDBusConnection.disconnectFromBus(name)

    def close(self) -> None:
        """Release everything, including the listening connection of a test bus."""
        self.release()
        if self._listen_name is not None:
            QDBusConnection.disconnectFromBus(self._listen_name)
            # Drop our reference too: that is what finally closes the connection.
            self._bus = QDBusConnection(self._listen_name)
            self._listen_name = None

    def _inhibit_answered(self, watcher: QDBusPendingCallWatcher) -> None:
        self._pending = None
        reply = watcher.reply()
        watcher.deleteLater()
        if reply.type() == QDBusMessage.MessageType.ReplyMessage:
            arguments = reply.arguments()
            if arguments and isinstance(arguments[0], int):
                self._cookie = int(arguments[0])
                log.debug("screen saver inhibited (cookie %s)", self._cookie)
            else:
                log.debug("unexpected reply to Inhibit: %r", arguments)
        else:
            log.debug("screen saver inhibition not available: %s", reply.errorName())
            if self._wanted:
                self._portal.inhibit()  # the portal may offer what the service does not
        if self._cookie is None or not self._wanted:
            # No service (or released meanwhile): close the private connection.
            self._release_service()

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        log.debug("screen saver active: %s", active)
        self.locked_changed.emit(bool(active))
