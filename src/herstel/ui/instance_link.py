"""The socket side of the single instance: one peer on the server, one send from a client.

Kept apart from :mod:`herstel.ui.single_instance` so that a launch which
simply takes the lock (the usual case) shows its window without loading
QtNetwork; the instance loads this once it starts listening, and a second
launch only when it has a request to hand over.
"""

from __future__ import annotations

import enum
import logging
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalSocket

from herstel.core.launch import LaunchRequest
from herstel.core.messages import (
    ACK,
    HEADER_BYTES,
    MAX_MESSAGE_BYTES,
    NAK,
    MessageError,
    decode_request,
    frame_length,
)

if TYPE_CHECKING:
    from herstel.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)

READ_TIMEOUT_MS: Final = 2000
"""How long a peer has, from connecting, to deliver its whole message."""


class Connection(QObject):
    """One peer on the server side: at most one frame, within READ_TIMEOUT_MS.

    Reports exactly once through ``on_done`` (a bound method of the instance):
    the request, or None when the connection was dropped.
    """

    def __init__(
        self,
        socket: QLocalSocket,
        on_done: Callable[[Connection, LaunchRequest | None], None],
        parent: SingleInstance,
    ) -> None:
        super().__init__(parent)
        self._socket = socket
        # Weak: a strong reference would let the deletion of the last pending
        # connection release the instance's wrapper, deleting the instance (and
        # so this half-destroyed child again) from inside this one's destructor.
        self._on_done = weakref.WeakMethod(on_done)
        self._buffer = bytearray()
        self._expected: int | None = None
        self._finished = False
        socket.setParent(self)
        socket.setReadBufferSize(HEADER_BYTES + MAX_MESSAGE_BYTES + 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_TIMEOUT_MS)
        self._timer.timeout.connect(self._timed_out)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._peer_left)
        self._timer.start()

    def start(self) -> None:
        self._read()  # bytes may have arrived before the signals were connected

    # Slots: each catches everything, because a peer must never be able to
    # raise into the event loop.

    def _read(self) -> None:
        if self._finished:
            return
        try:
            request = self._consume()
        except MessageError as error:
            self._finish(None, f"ignored a malformed request: {error}", answer=NAK)
        except Exception:
            log.exception("single instance: unexpected error reading a request")
            self._finish(None, None, answer=None)
        else:
            if request is not None:
                self._finish(request, None, answer=ACK)

    def _consume(self) -> LaunchRequest | None:
        """Take what has arrived; the request once the frame is complete."""
        socket = self._socket
        while socket.bytesAvailable() > 0:
            if self._expected is None:
                self._buffer += socket.read(HEADER_BYTES - len(self._buffer)).data()
                if len(self._buffer) < HEADER_BYTES:
                    return None
                self._expected = frame_length(bytes(self._buffer))
                self._buffer.clear()
                continue
            chunk = socket.read(self._expected - len(self._buffer)).data()
            if not chunk:
                return None
            self._buffer += chunk
            if len(self._buffer) == self._expected:
                if socket.bytesAvailable() > 0:
                    raise MessageError("more bytes than the length prefix announced")
                return decode_request(bytes(self._buffer))
        return None

    def _timed_out(self) -> None:
        if self._finished:
            return
        what = "only part of a request" if self._buffer or self._expected else "nothing"
        self._finish(None, f"dropped a peer that sent {what} within {READ_TIMEOUT_MS} ms", None)

    def _peer_left(self) -> None:
        if self._finished:
            return
        try:
            self._read()  # what arrived just before the peer closed
        except Exception:  # _read catches already; belt and braces in a slot
            log.exception("single instance: unexpected error")
        if not self._finished:
            self._finish(None, "ignored a peer that left before sending a whole request", None)

    def _finish(
        self, request: LaunchRequest | None, problem: str | None, answer: bytes | None
    ) -> None:
        self._finished = True
        self._timer.stop()
        if problem is not None:
            log.warning("single instance: %s", problem)
        socket = self._socket
        try:
            if (
                answer is not None
                and socket.state() is QLocalSocket.LocalSocketState.ConnectedState
            ):
                socket.write(answer)
                socket.flush()  # now: the socket is deleted before the loop would write it
                socket.disconnectFromServer()
            elif socket.state() is not QLocalSocket.LocalSocketState.UnconnectedState:
                socket.abort()
        finally:
            on_done = self._on_done()
            if on_done is not None:
                on_done(self, request)

    def drop(self) -> None:
        """Close without acting (the instance is shutting down)."""
        if not self._finished:
            self._finished = True
            self._timer.stop()
            self._socket.abort()


class Outcome(enum.Enum):
    ACCEPTED = enum.auto()
    REFUSED = enum.auto()  # NAK: a complete message the instance would not act on
    UNREACHABLE = enum.auto()  # nobody listening (yet): worth retrying
    NO_ANSWER = enum.auto()  # sent, but no answer: resending could act twice


def send_once(name: str, message: bytes, answer_timeout: float) -> Outcome:
    """One connection: send ``message`` (already framed), read the one-byte answer."""
    deadline = time.monotonic() + answer_timeout

    def remaining_ms() -> int:
        return max(0, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(remaining_ms()):
            return Outcome.UNREACHABLE
        socket.write(message)
        while socket.bytesToWrite() > 0:
            if not socket.waitForBytesWritten(remaining_ms()):
                return Outcome.NO_ANSWER
        # The instance answers and hangs up at once: the answer may arrive along
        # with the hang-up, when waitForReadyRead already reports false.
        while socket.bytesAvailable() < 1 and socket.waitForReadyRead(remaining_ms()):
            pass
        answer = socket.read(1).data() if socket.bytesAvailable() > 0 else b""
        if answer == ACK:
            return Outcome.ACCEPTED
        return Outcome.REFUSED if answer == NAK else Outcome.NO_ANSWER
    finally:
        socket.abort()
