"""Serves ``herstel status`` on the instance socket: one status frame, or a frame per change.

The single instance hands over each status request's open socket
(:meth:`SingleInstance.serve_status`). A plain request gets the current status
and is closed; a watcher gets it at once and then one more frame each time
:meth:`StatusFeed.publish` sees a different status. Nothing here runs on a
timer: a watcher costs the idle app one file descriptor and one socket
notifier that fires only when the watcher hangs up (or writes, which it must
not: it is then dropped).

Sends never block: a watcher whose socket buffer is full (it stopped reading
several hundred frames ago) is dropped rather than allowed to stall the app.
When the app quits, :meth:`close` hangs up on every watcher, which ends their
``herstel status --watch``.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from contextlib import suppress
from typing import Final

from PySide6.QtCore import QObject, QSocketNotifier

from herstel.core.messages import StatusRequest, frame
from herstel.core.status import AppStatus, encode_status

log = logging.getLogger(__name__)

MAX_WATCHERS: Final = 16
"""Watchers served at once; more get one frame and are closed."""


class _Watcher(QObject):
    """One ``--watch`` peer: its socket and the notifier that sees it leave."""

    def __init__(self, peer: socket.socket, on_gone: Callable[[_Watcher], None]) -> None:
        super().__init__()
        self.peer = peer
        self._on_gone = on_gone
        self._notifier = QSocketNotifier(peer.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    def _readable(self) -> None:
        # A watcher sends nothing after its request: bytes or the end both mean "drop it".
        try:
            data = self.peer.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if data:
            log.warning("status: a watcher wrote after its request; dropped it")
        self._on_gone(self)

    def send(self, message: bytes) -> bool:
        """Whether the whole frame went out at once (never waits)."""
        try:
            return self.peer.send(message) == len(message)
        except OSError:  # gone, or its buffer is full: a watcher that stopped reading
            return False

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self.peer.close()


class StatusFeed(QObject):
    """Status frames for ``herstel status``; ``snapshot`` gives the current status."""

    def __init__(self, snapshot: Callable[[], AppStatus], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._watchers: list[_Watcher] = []
        self._last: AppStatus | None = None

    @property
    def watchers(self) -> int:
        """How many ``--watch`` peers are attached (for diagnostics and tests)."""
        return len(self._watchers)

    def serve(self, peer: socket.socket, request: StatusRequest) -> None:
        """A status request's socket (ACK already sent): answer it, and keep it if it watches."""
        peer.setblocking(False)
        status = self._snapshot()
        message = frame(encode_status(status))
        try:
            sent = peer.send(message)
        except OSError:
            sent = -1
        if sent != len(message) or not request.watch or len(self._watchers) >= MAX_WATCHERS:
            if request.watch and sent == len(message):
                log.warning("status: too many watchers; closed one after its first line")
            with suppress(OSError):
                peer.shutdown(socket.SHUT_RDWR)
            peer.close()
            return
        self._last = status
        self._watchers.append(_Watcher(peer, self._drop))
        log.info("status: a watcher attached (%d now)", len(self._watchers))

    def publish(self, status: AppStatus | None = None) -> None:
        """Send ``status`` (else a fresh snapshot) to every watcher, if it differs from the last."""
        if not self._watchers:
            self._last = None
            return
        status = self._snapshot() if status is None else status
        if status == self._last:
            return
        self._last = status
        message = frame(encode_status(status))
        for watcher in list(self._watchers):
            if not watcher.send(message):
                log.info("status: a watcher stopped reading or left; dropped it")
                self._drop(watcher)

    def _drop(self, watcher: _Watcher) -> None:
        if watcher in self._watchers:
            self._watchers.remove(watcher)
        watcher.close()
        watcher.deleteLater()

    def close(self) -> None:
        """Hang up on every watcher (the app is quitting)."""
        for watcher in list(self._watchers):
            self._drop(watcher)
