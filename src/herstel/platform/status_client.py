"""The client side of ``herstel status``: ask the running instance, read its status frames.

Standard library only (no Qt): the command must answer faster than
``herstel --version``. One connection to the instance socket: the status
request (wire format version 3, :mod:`herstel.core.messages`), the one-byte
answer, then status frames until the instance hangs up (after one frame, or
for ``--watch`` when the app quits).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from herstel.core.messages import (
    ACK,
    HEADER_BYTES,
    NAK,
    MessageError,
    StatusRequest,
    encode_status_request,
    frame,
    frame_length,
)
from herstel.core.status import AppStatus, StatusError, decode_status

ANSWER_TIMEOUT: Final = 3.0
"""Seconds to wait for the instance's answer and first frame."""
START_TIMEOUT: Final = 10.0
"""Seconds to wait for an instance that holds the lock but does not listen yet (starting)."""
_RETRY: Final = 0.1


class NotRunning(Exception):
    """No instance listens for this data folder."""


class StatusUnavailable(Exception):
    """An instance runs but gave no status; ``str()`` is one line (in English, for logs)."""


class _Refused(StatusUnavailable):
    """The instance answered NAK: it is older than the status request."""


def _read_exactly(link: socket.socket, count: int) -> bytes | None:
    """``count`` bytes, or None when the instance hung up before the first of them."""
    data = bytearray()
    while len(data) < count:
        chunk = link.recv(count - len(data))
        if not chunk:
            if data:
                raise StatusUnavailable("the instance hung up in the middle of a frame")
            return None
        data += chunk
    return bytes(data)


def _frames(link: socket.socket, watch: bool) -> Iterator[AppStatus]:
    first = True
    while True:
        header = _read_exactly(link, HEADER_BYTES)
        if header is None:
            if first:
                raise StatusUnavailable("the instance closed the connection without a status")
            return
        try:
            payload = _read_exactly(link, frame_length(header))
        except MessageError as error:
            raise StatusUnavailable(f"a bad frame from the instance: {error}") from None
        if payload is None:
            raise StatusUnavailable("the instance hung up in the middle of a frame")
        try:
            yield decode_status(payload)
        except StatusError as error:
            raise StatusUnavailable(f"a status this version cannot read: {error}") from None
        if first and watch:
            link.settimeout(None)  # from now on frames come when something changes
        first = False


def lock_holder_alive(lock_file: Path) -> bool:
    """Whether the process recorded in the instance's lock file exists (it may be starting).

    The lock file is Qt's QLockFile: the process id on its first line.
    """
    try:
        pid = int(lock_file.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0])
    except (OSError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _connect(link: socket.socket, name: str, lock_file: Path | None) -> None:
    """Connect; while the lock's holder lives but does not listen yet, keep trying a while."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            link.connect(name)
            return
        except (FileNotFoundError, ConnectionRefusedError, NotADirectoryError):
            starting = lock_file is not None and lock_holder_alive(lock_file)
            if not starting or time.monotonic() >= deadline:
                raise NotRunning(name) from None
        time.sleep(_RETRY)  # a process about to print one line: nothing else to do


def statuses(
    name: str,
    *,
    watch: bool,
    lock_file: Path | None = None,
    timeout: float = ANSWER_TIMEOUT,
) -> Iterator[AppStatus]:
    """The instance's status frames: one, or (``watch``) one per change until it quits.

    Raises NotRunning when nobody listens at ``name`` (and, given the
    instance's ``lock_file``, no live process holds it: one that does is
    starting and is waited for up to START_TIMEOUT), StatusUnavailable when
    an instance answers but gives no status (e.g. one too old to know the
    request: ``is_refusal`` tells), OSError for anything else on the way.
    """
    if not hasattr(socket, "AF_UNIX"):  # Windows: the instance has no socket to ask
        raise StatusUnavailable("this system has no Unix-domain sockets")
    message = frame(encode_status_request(StatusRequest(watch=watch)))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
        link.settimeout(timeout)
        _connect(link, name, lock_file)
        # The whole request in one write, at once: the instance drops a peer
        # that keeps it waiting for its first frame.
        link.sendall(message)
        try:
            answer = link.recv(1)
        except ConnectionResetError:
            answer = b""
        if answer == NAK:
            raise _Refused("the running instance does not know the status request")
        if answer != ACK:
            raise StatusUnavailable("the running instance did not answer")
        yield from _frames(link, watch)


def is_refusal(error: StatusUnavailable) -> bool:
    """Whether the instance refused the request (an older Herstel)."""
    return isinstance(error, _Refused)
