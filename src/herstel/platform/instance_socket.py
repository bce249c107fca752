"""The socket side of the single instance: the listener, one peer on it, one send from a client.

Plain Unix-domain sockets from Python's ``socket`` module, watched by the Qt
event loop through ``QSocketNotifier``. QtNetwork's QLocalServer would do the
same job but costs the idle app about 2.6 MiB (its library and the Kerberos
libraries it links), a fifth of Herstel's own memory beyond bare Qt. Kept apart
from :mod:`herstel.platform.single_instance`, so that a launch which simply takes the
lock does not load even this before its window is on screen.

Every socket here is non-blocking on the server side: a peer can never stall
the app. The client side blocks with timeouts, in a process about to exit.
"""

from __future__ import annotations

import enum
import logging
import os
import socket
import struct
import time
import weakref
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from herstel.core.launch import LaunchRequest
from herstel.core.messages import (
    ACK,
    HEADER_BYTES,
    NAK,
    MessageError,
    StatusRequest,
    decode_message,
    frame_length,
)

if TYPE_CHECKING:
    from herstel.platform.single_instance import SingleInstance

log = logging.getLogger(__name__)

READ_TIMEOUT_MS: Final = 2000
"""How long a peer has, from connecting, to deliver its whole message."""
_CHUNK: Final = 4096


WARNINGS_PER_MINUTE: Final = 10
"""A flood of bad peers writes this many lines a minute, then one line saying how many more."""


class RateLimit:
    """At most ``limit`` warnings per ``period`` seconds; the rest are counted and reported once."""

    def __init__(
        self,
        limit: int = WARNINGS_PER_MINUTE,
        period: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limit = limit
        self._period = period
        self._clock = clock
        self._window_start = -period
        self._count = 0
        self._suppressed = 0

    def warn(self, message: str) -> bool:
        """Log ``message`` unless the limit is reached; True when it was logged."""
        now = self._clock()
        if now - self._window_start >= self._period:
            if self._suppressed:
                log.warning("single instance: %d similar warnings not logged", self._suppressed)
            self._window_start, self._count, self._suppressed = now, 0, 0
        if self._count >= self._limit:
            self._suppressed += 1
            return False
        self._count += 1
        log.warning("single instance: %s", message)
        return True


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end (Linux SO_PEERCRED); None where unknown."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    try:
        raw = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    except OSError:
        return None
    _pid, uid, _gid = struct.unpack("3i", raw)
    return int(uid)


def peer_is_us(sock: socket.socket) -> bool:
    """Whether the peer runs as this user (true where the OS cannot tell: the file is 0600)."""
    uid = peer_uid(sock)
    return uid is None or uid == os.getuid()


def _owned_by_someone_else(path: str) -> bool:
    try:
        return os.lstat(path).st_uid != os.getuid()
    except FileNotFoundError:
        return False


class LinkError(OSError):
    """The listening socket could not be created; ``str()`` is one line."""


def unix_sockets_available() -> bool:
    """Whether this Python has Unix-domain sockets (not on Windows)."""
    return hasattr(socket, "AF_UNIX")


class Listener(QObject):
    """The instance's listening socket at ``path``, admitting only the current user.

    A socket file left there by a crash is replaced: only the lock holder ever
    listens, so whatever is at ``path`` is stale. ``on_peer`` gets each accepted
    (non-blocking) connection.
    """

    def __init__(
        self,
        path: str,
        backlog: int,
        on_peer: Callable[[socket.socket], None],
        parent: SingleInstance,
    ) -> None:
        super().__init__(parent)
        if not unix_sockets_available():
            raise LinkError("this system has no Unix-domain sockets")
        self._path = path
        # Weak, as in Connection: this child must not keep its parent's wrapper alive.
        self._on_peer = weakref.WeakMethod(on_peer)
        if _owned_by_someone_else(path):
            raise LinkError(f"{path} belongs to another user; it was left alone")
        with suppress(FileNotFoundError):
            Path(path).unlink()
        listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            old_mask = os.umask(0o177)  # the file is 0600 from its first moment
            try:
                listening.bind(path)
            finally:
                os.umask(old_mask)
            listening.listen(backlog)
            listening.setblocking(False)
        except OSError as error:
            listening.close()
            raise LinkError(f"cannot listen on {path}: {error.strerror or error}") from None
        self._socket = listening
        self._notifier = QSocketNotifier(listening.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    @property
    def path(self) -> str:
        return self._path

    @property
    def is_listening(self) -> bool:
        return self._socket.fileno() >= 0

    def _accept(self) -> None:
        while True:
            try:
                peer, _address = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:  # e.g. out of file descriptors: try again on the next one
                log.warning("single instance: cannot accept a connection: %s", error)
                return
            on_peer = self._on_peer()
            if on_peer is None:
                peer.close()
                continue
            try:
                peer.setblocking(False)
                on_peer(peer)
            except Exception:
                log.exception("single instance: unexpected error accepting a connection")
                peer.close()

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        if self._socket.fileno() < 0:
            return
        self._notifier.setEnabled(False)
        self._socket.close()
        with suppress(FileNotFoundError):
            Path(self._path).unlink()


Request = LaunchRequest | StatusRequest


class Connection(QObject):
    """One peer on the server side: at most one frame, within READ_TIMEOUT_MS.

    Reports exactly once through ``on_done`` (a bound method of the instance):
    the request, or None when the connection was dropped. After a status
    request the socket stays open for the status frames: whoever serves them
    takes it with :meth:`take_socket` (the read deadline is over by then).
    """

    def __init__(
        self,
        peer: socket.socket,
        on_done: Callable[[Connection, Request | None], None],
        parent: SingleInstance,
    ) -> None:
        super().__init__(parent)
        self._socket = peer
        # Weak: a strong reference would let the deletion of the last pending
        # connection release the instance's wrapper, deleting the instance (and
        # so this half-destroyed child again) from inside this one's destructor.
        self._on_done = weakref.WeakMethod(on_done)
        self._warn = weakref.WeakMethod(parent.warn)
        self._buffer = bytearray()
        self._expected: int | None = None
        self._finished = False
        self._notifier = QSocketNotifier(peer.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_TIMEOUT_MS)
        self._timer.timeout.connect(self._timed_out)
        self._timer.start()

    def start(self) -> None:
        self._read()  # bytes may have arrived before the notifier was connected

    # Slots: each catches everything, because a peer must never be able to
    # raise into the event loop.

    def _read(self) -> None:
        if self._finished:
            return
        try:
            request, left = self._consume()
        except MessageError as error:
            self._finish(None, f"ignored a malformed request: {error}", answer=NAK)
        except Exception:
            log.exception("single instance: unexpected error reading a request")
            self._finish(None, None, answer=None)
        else:
            if request is not None:
                self._finish(request, None, answer=ACK)
            elif left:
                self._finish(None, "ignored a peer that left before sending a whole request", None)

    def _receive(self, wanted: int) -> bytes | None:
        """Up to ``wanted`` bytes; None when nothing is there yet, b"" when the peer left."""
        try:
            return self._socket.recv(wanted)
        except (BlockingIOError, InterruptedError):
            return None
        except ConnectionError:
            return b""

    def _consume(self) -> tuple[Request | None, bool]:
        """What has arrived: (the request once the frame is complete, whether the peer left)."""
        while True:
            if self._expected is None:
                chunk = self._receive(HEADER_BYTES - len(self._buffer))
                if not chunk:
                    return None, chunk == b""
                self._buffer += chunk
                if len(self._buffer) < HEADER_BYTES:
                    continue
                self._expected = frame_length(bytes(self._buffer))
                self._buffer.clear()
                continue
            chunk = self._receive(min(_CHUNK, self._expected - len(self._buffer)))
            if not chunk:
                return None, chunk == b""
            self._buffer += chunk
            if len(self._buffer) == self._expected:
                if self._receive(1):
                    raise MessageError("more bytes than the length prefix announced")
                return decode_message(bytes(self._buffer)), False

    def _timed_out(self) -> None:
        if self._finished:
            return
        what = "only part of a request" if self._buffer or self._expected else "nothing"
        self._finish(None, f"dropped a peer that sent {what} within {READ_TIMEOUT_MS} ms", None)

    def _finish(self, request: Request | None, problem: str | None, answer: bytes | None) -> None:
        self._finished = True
        self._timer.stop()
        if problem is not None:
            warn = self._warn()
            if warn is not None:
                warn(problem)
        try:
            if answer is not None:
                with suppress(OSError):  # the peer may be gone already
                    self._socket.send(answer)  # one byte: always fits the send buffer
            if isinstance(request, StatusRequest):
                self._notifier.setEnabled(False)  # the socket now belongs to take_socket()
            else:
                self._close_socket()
        finally:
            on_done = self._on_done()
            if on_done is not None:
                on_done(self, request)

    def take_socket(self) -> socket.socket:
        """The peer's socket after a status request; the caller closes it."""
        return self._socket

    def _close_socket(self) -> None:
        self._notifier.setEnabled(False)
        self._socket.close()

    def drop(self) -> None:
        """Close without acting (the instance is shutting down)."""
        if not self._finished:
            self._finished = True
            self._timer.stop()
            self._close_socket()


class Outcome(enum.Enum):
    ACCEPTED = enum.auto()
    REFUSED = enum.auto()  # NAK: a complete message the instance would not act on
    UNREACHABLE = enum.auto()  # nobody listening (yet): worth retrying
    NO_ANSWER = enum.auto()  # sent, but no answer: resending could act twice


def send_once(name: str, message: bytes, answer_timeout: float) -> Outcome:
    """One connection: send ``message`` (already framed), read the one-byte answer."""
    if not unix_sockets_available():
        return Outcome.UNREACHABLE
    deadline = time.monotonic() + answer_timeout

    def remaining() -> float:
        return max(0.001, deadline - time.monotonic())

    if _owned_by_someone_else(name):
        log.warning("single instance: %s belongs to another user; not connecting", name)
        return Outcome.UNREACHABLE
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
        try:
            link.settimeout(remaining())
            link.connect(name)
        except OSError:  # no file, nobody listening, not ours: all "not reachable (yet)"
            return Outcome.UNREACHABLE
        if not peer_is_us(link):  # a socket swapped in by someone else: tell it nothing
            log.warning("single instance: %s is served by another user; not sending", name)
            return Outcome.UNREACHABLE
        try:
            link.settimeout(remaining())
            link.sendall(message)
            # The instance answers and hangs up at once; the byte arrives before the end.
            link.settimeout(remaining())
            answer = link.recv(1)
        except OSError:  # includes the timeout
            return Outcome.NO_ANSWER
    if answer == ACK:
        return Outcome.ACCEPTED
    return Outcome.REFUSED if answer == NAK else Outcome.NO_ANSWER
