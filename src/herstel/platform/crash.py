"""Last-resort error handling and Ctrl-C under the Qt event loop.

An exception escaping a slot must not vanish or kill the user's app with a
traceback on the terminal: it is logged with its traceback, and stderr gets
one line saying where the details are. Python only runs signal handlers when
it gets control, which a Qt loop rarely gives it; a wake-up fd watched by a
QSocketNotifier hands control back so Ctrl-C quits promptly.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

if TYPE_CHECKING:
    from socket import socket as Socket

log = logging.getLogger(__name__)


def install_excepthook(log_file: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("unexpected error", exc_info=(kind, error, trace))
        print(
            f"herstel: unexpected error ({kind.__name__}); details in {log_file}",
            file=sys.stderr,
        )

    sys.excepthook = hook


class _WakeupChannel:
    """The two ends of the wake-up fd.

    A pipe on POSIX, so start-up does not load the socket module for it; a
    socket pair on Windows, where ``signal.set_wakeup_fd`` takes only sockets.
    """

    def __init__(self) -> None:
        self._sockets: tuple[Socket, ...] = ()
        if os.name == "nt":
            import socket

            self._sockets = socket.socketpair()
            for end in self._sockets:
                end.setblocking(False)
            self.read_fd, self.write_fd = (end.fileno() for end in self._sockets)
        else:
            self.read_fd, self.write_fd = os.pipe()
            os.set_blocking(self.read_fd, False)
            os.set_blocking(self.write_fd, False)

    def drain(self) -> None:
        try:
            while self._sockets[0].recv(64) if self._sockets else os.read(self.read_fd, 64):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        if self._sockets:
            for end in self._sockets:
                end.close()
        else:
            os.close(self.read_fd)
            os.close(self.write_fd)


class SigintWakeup(QObject):
    """Runs ``on_interrupt`` in the Qt loop when the process gets SIGINT or SIGTERM."""

    def __init__(self, on_interrupt: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_interrupt = on_interrupt
        self._channel = _WakeupChannel()
        self._previous_fd = signal.set_wakeup_fd(self._channel.write_fd)
        self._notifier = QSocketNotifier(self._channel.read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._channel.drain)
        self._previous = {
            number: signal.signal(number, self._handle)
            for number in (signal.SIGINT, signal.SIGTERM)
        }

    def _handle(self, number: int, frame: FrameType | None) -> None:
        log.info("received signal %s, quitting", signal.Signals(number).name)
        self._on_interrupt()

    def close(self) -> None:
        """Put the previous handlers back (tests create and drop several)."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._channel.close()
