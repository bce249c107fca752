"""One Herstel per data folder: a lock file decides, a local socket forwards.

The protocol (DESIGN §5):

1. **The lock decides.** Every launch tries the ``QLockFile`` in the data
   folder once, without waiting. The process that gets it *is* the instance and
   keeps it for its whole life (stale time 0: a held lock never "ages out").
   A lock left by a crash is detected and replaced: Qt removes it when the
   recorded process is gone, and we do the same when Qt cannot tell (a lock
   written on another machine, e.g. a synced data folder) but the recorded
   process id does not exist here. Ten launches at once end with one instance:
   the lock file is created with ``O_EXCL``, so exactly one of them wins.
2. **The instance listens** on a Unix-domain socket at :func:`socket_name`: a
   path in ``$XDG_RUNTIME_DIR`` (else the data folder itself, never a guessable
   name in /tmp) named after a hash of the data folder, so each data folder has
   its own. Only the current user may connect. A socket file left by a crash is
   removed first; that is safe because only the lock holder ever listens.
3. **Every other launch forwards**: it connects, sends one framed request
   (:mod:`herstel.core.messages`) and waits for a one-byte answer, ACK or NAK.
   While the instance is still starting (lock held, nobody listening yet) it
   retries for a bounded time; if the instance quits meanwhile, the launch takes
   the lock and becomes the instance itself (:func:`claim`).
4. **The server trusts nothing.** It reads one frame per connection, bounded in
   size (``MAX_MESSAGE_BYTES``) and time (``READ_TIMEOUT_MS``), with at most
   ``MAX_CONNECTIONS`` peers at a time. Anything malformed is logged and
   dropped; no slot lets an exception escape, and only a fully valid request is
   emitted as :attr:`SingleInstance.request_received`.

The sockets themselves live in :mod:`herstel.platform.instance_socket` (plain Python
sockets on the Qt loop), loaded only when this process listens or has a request
to hand over. The client side blocks with timeouts, which is fine: it runs
before any event loop, in a process about to exit. It needs no
``QCoreApplication``. The server needs one: call :meth:`SingleInstance.listen`
once the application exists. Windows has no Unix-domain sockets in Python: there
the lock still makes one instance, but a second launch cannot hand it a request.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

from herstel.core.launch import LaunchRequest
from herstel.core.messages import ACK, NAK, MessageError, StatusRequest, encode_request, frame
from herstel.platform.instance_address import SingleInstanceError, _name_hash, socket_name
from herstel.storage.paths import DataPaths, ensure_private_dir

if TYPE_CHECKING:
    from collections.abc import Callable
    from socket import socket as Socket

    from herstel.platform.instance_socket import Connection, Listener, Outcome, RateLimit

__all__ = [
    "ACK",
    "NAK",
    "SingleInstance",
    "SingleInstanceError",
    "_name_hash",
    "claim",
    "forward",
    "socket_name",
]

log = logging.getLogger(__name__)

MAX_CONNECTIONS: Final = 16
"""Peers served at once; more are disconnected straight away."""
LISTEN_BACKLOG: Final = 64
"""Connections the OS queues before they are accepted (and counted against MAX_CONNECTIONS)."""
FORWARD_TIMEOUT: Final = 10.0
"""Seconds a launch keeps trying to reach an instance that holds the lock but is still starting."""
ANSWER_TIMEOUT: Final = 3.0
"""Seconds a launch waits for the instance's answer once its request is sent."""

_RETRY_FIRST: Final = 0.02
_RETRY_MAX: Final = 0.25


# -- the lock --------------------------------------------------------------------------


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but it exists
    except OSError:  # e.g. a pid beyond what the OS supports
        return False
    return True


def _remove_if_owner_gone(lock: QLockFile) -> bool:
    """Remove a lock whose recorded process does not exist here; True if removed.

    Qt already removes a lock whose owner is gone when the lock says it was
    written on this machine in this boot; this covers a lock it will not judge
    (written under another machine id, e.g. a data folder synced from elsewhere),
    which with stale time 0 would otherwise lock the user out for good. Only on
    POSIX: on Windows the OS removes a dead process's lock, and ``os.kill``
    would terminate the process instead of probing it.
    """
    if os.name != "posix":
        return False
    info = lock.getLockInfo()
    pid = info[0] if isinstance(info, tuple) and isinstance(info[0], int) else 0
    if pid <= 0 or _process_exists(pid):
        return False
    # The same guard Qt uses: two launches must not both remove and re-create.
    guard = QLockFile(lock.fileName() + ".rmlock")
    if not guard.tryLock(0):
        return False
    try:
        log.info("removing the lock of process %d, which no longer exists", pid)
        return lock.removeStaleLockFile()
    finally:
        guard.unlock()


def _take_lock(lock_file: Path) -> QLockFile | None:
    """The held lock, or None when another live process holds it."""
    lock = QLockFile(str(lock_file))
    lock.setStaleLockTime(0)  # held for the app's whole life: age means nothing
    if _try_private(lock, lock_file):
        return lock
    error = lock.error()
    if error is not QLockFile.LockError.LockFailedError:
        reason = (
            "permission denied" if error is QLockFile.LockError.PermissionError else "unknown error"
        )
        raise SingleInstanceError(f"cannot create the lock file {lock_file}: {reason}")
    if _remove_if_owner_gone(lock) and _try_private(lock, lock_file):
        return lock
    return None


def _try_private(lock: QLockFile, lock_file: Path) -> bool:
    """``tryLock`` with the lock file created 0600 whatever the umask (Qt uses 0666 & ~umask)."""
    old_mask = os.umask(0o077)
    try:
        taken = lock.tryLock(0)
    finally:
        os.umask(old_mask)
    if taken and os.name == "posix":
        with contextlib.suppress(OSError):
            lock_file.chmod(0o600)  # a lock file left by an older Herstel
    return taken


# -- the server ------------------------------------------------------------------------


class SingleInstance(QObject):
    """The running instance for one data folder: holds the lock, serves forwarded requests.

    Get one with :meth:`acquire` (or :func:`claim`); call :meth:`listen` once
    the Q(Core)Application exists; :meth:`close` when the app quits (also safe
    to skip: the OS releases the lock when the process ends, and the next
    instance replaces the socket file).
    """

    request_received = Signal(object)
    """A valid LaunchRequest forwarded by another launch."""

    def __init__(self, lock: QLockFile, name: str, parent: QObject | None = None) -> None:
        """Use :meth:`acquire`; this takes a lock that is already held."""
        super().__init__(parent)
        self._lock = lock
        self._name = name
        self._server: Listener | None = None
        self._connections: dict[Connection, None] = {}  # oldest first
        self._limit: RateLimit | None = None
        self._status_server: Callable[[Socket, StatusRequest], None] | None = None

    @classmethod
    def acquire(
        cls, paths: DataPaths, env: Mapping[str, str] | None = None
    ) -> SingleInstance | None:
        """This process as the instance for ``paths``, or None when another one is.

        Creates the data folder (private) when needed, so it raises
        DataDirError (an OSError) when that folder is unusable, and
        SingleInstanceError when the lock file cannot be written or the socket
        path would be too long. Needs no QCoreApplication.
        """
        name = socket_name(paths.data_dir, os.environ if env is None else env)
        ensure_private_dir(paths.data_dir)
        lock = _take_lock(paths.lock_file)
        return None if lock is None else cls(lock, name)

    @property
    def socket_name(self) -> str:
        return self._name

    @property
    def is_listening(self) -> bool:
        return self._server is not None and self._server.is_listening

    @property
    def open_connections(self) -> int:
        """Peers connected and not yet done (for diagnostics and tests)."""
        return len(self._connections)

    def serve_status(self, server: Callable[[Socket, StatusRequest], None]) -> None:
        """Hand each status request's open socket to ``server`` (which then owns it).

        Without one, a status request is answered and the connection closed.
        """
        self._status_server = server

    def listen(self) -> None:
        """Start serving forwarded requests; call it once the application exists.

        Requests are emitted only from the event loop, so connect
        :attr:`request_received` before the loop runs and none is lost. Raises
        SingleInstanceError when the socket cannot be created; the lock is
        still held then, so this process stays the only instance.
        """
        if self._server is not None:
            return
        if QCoreApplication.instance() is None:
            raise RuntimeError("SingleInstance.listen() needs a QCoreApplication")
        if not self._lock.isLocked():
            raise RuntimeError("SingleInstance.listen() after close()")
        from herstel.platform.instance_socket import LinkError, Listener

        try:
            self._server = Listener(self._name, LISTEN_BACKLOG, self._accept, self)
        except LinkError as error:
            raise SingleInstanceError(str(error)) from None
        log.info("single instance: listening on %s", self._name)

    def close(self) -> None:
        """Stop serving and release the lock (socket first, so no launch finds a dead one)."""
        for connection in list(self._connections):
            connection.drop()
            connection.deleteLater()
        self._connections.clear()
        if self._server is not None:
            self._server.close()  # removes the socket file
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()

    def _accept(self, peer: Socket) -> None:
        from herstel.platform.instance_socket import Connection, peer_is_us

        warn = self.warn

        if not peer_is_us(peer):
            warn("refused a connection from another user")
            peer.close()
            return
        if len(self._connections) >= MAX_CONNECTIONS:
            # Evict the oldest peer still short of a whole request: idle
            # connections cannot lock out a real launch (each also has a deadline).
            oldest = next(iter(self._connections))
            warn("too many connections; dropped the oldest")
            self._connections.pop(oldest, None)
            oldest.drop()
            oldest.deleteLater()
        connection = Connection(peer, self._done, self)
        self._connections[connection] = None
        connection.start()

    def warn(self, problem: str) -> None:
        """A warning about a peer, rate-limited so a flood cannot fill the disk."""
        if self._limit is None:
            from herstel.platform.instance_socket import RateLimit

            self._limit = RateLimit()
        self._limit.warn(problem)

    def _done(self, connection: Connection, request: LaunchRequest | StatusRequest | None) -> None:
        self._connections.pop(connection, None)
        connection.deleteLater()
        if isinstance(request, StatusRequest):
            peer = connection.take_socket()
            if self._status_server is None:
                peer.close()
                return
            try:
                self._status_server(peer, request)
            except Exception:  # a peer must never be able to raise into the event loop
                log.exception("single instance: unexpected error serving a status request")
                peer.close()
            return
        if request is not None:
            log.info("single instance: received %s", request.action)
            self.request_received.emit(request)


# -- the client ------------------------------------------------------------------------


def _framed(request: LaunchRequest) -> bytes:
    try:
        return frame(encode_request(request))
    except MessageError as error:
        raise SingleInstanceError(f"cannot forward this request: {error}") from None


def _failure(outcome: Outcome, name: str, lock_file: Path) -> SingleInstanceError:
    from herstel.platform.instance_socket import Outcome

    if outcome is Outcome.REFUSED:
        return SingleInstanceError(
            "the running Herstel refused the request (a different version?); quit it and try again"
        )
    if outcome is Outcome.NO_ANSWER:
        return SingleInstanceError("Herstel is running for this data folder but did not answer")
    return SingleInstanceError(
        f"Herstel holds the lock {lock_file} but cannot be reached at {name}; "
        "if it is not running, delete that lock file"
    )


def _pause(name: str, delay: float, deadline: float) -> float:
    """Wait before the next attempt (a starting instance); the next delay."""
    log.debug("single instance: nobody listens on %s yet; retrying", name)
    time.sleep(max(0.0, min(delay, deadline - time.monotonic())))
    return min(delay * 2, _RETRY_MAX)


def forward(
    paths: DataPaths,
    request: LaunchRequest,
    timeout: float = FORWARD_TIMEOUT,
    *,
    answer_timeout: float = ANSWER_TIMEOUT,
    env: Mapping[str, str] | None = None,
) -> bool:
    """Hand ``request`` to the running instance; True once it has accepted it.

    Retries while nobody listens (an instance still starting) until ``timeout``
    seconds have passed; never resends a request that was delivered but not
    answered. Blocks; needs no QCoreApplication. Not for use inside the
    instance's own process: its event loop, which would answer, is blocked
    while this waits.
    """
    from herstel.platform.instance_socket import Outcome, send_once

    name = socket_name(paths.data_dir, os.environ if env is None else env)
    message = _framed(request)
    deadline = time.monotonic() + timeout
    delay = _RETRY_FIRST
    while True:
        outcome = send_once(name, message, answer_timeout)
        if outcome is not Outcome.UNREACHABLE or time.monotonic() >= deadline:
            if outcome is not Outcome.ACCEPTED:  # info: the caller decides what to tell
                log.info("single instance: %s", _failure(outcome, name, paths.lock_file))
            return outcome is Outcome.ACCEPTED
        delay = _pause(name, delay, deadline)


def claim(
    paths: DataPaths,
    request: LaunchRequest,
    timeout: float = FORWARD_TIMEOUT,
    *,
    answer_timeout: float = ANSWER_TIMEOUT,
    env: Mapping[str, str] | None = None,
) -> SingleInstance | None:
    """Become the instance for ``paths``, or forward ``request`` to the one that is.

    Returns this process's SingleInstance (not yet listening) or None once the
    running instance has accepted the request. Between attempts it tries the
    lock again, so a launch that races an instance on its way out takes over
    instead of failing. Raises SingleInstanceError (one line, for stderr) when
    it can do neither within ``timeout`` seconds, DataDirError when the data
    folder is unusable.
    """
    env = os.environ if env is None else env
    name = socket_name(paths.data_dir, env)
    message = _framed(request)
    deadline = time.monotonic() + timeout
    delay = _RETRY_FIRST
    while True:
        instance = SingleInstance.acquire(paths, env)
        if instance is not None:
            return instance
        from herstel.platform.instance_socket import Outcome, send_once  # only to hand over

        outcome = send_once(name, message, answer_timeout)
        if outcome is Outcome.ACCEPTED:
            return None
        if outcome is not Outcome.UNREACHABLE or time.monotonic() >= deadline:
            raise _failure(outcome, name, paths.lock_file)
        delay = _pause(name, delay, deadline)
