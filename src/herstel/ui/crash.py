"""Last-resort error handling and Ctrl-C under the Qt event loop.

An exception escaping a slot must not vanish or kill the user's app with a
traceback on the terminal: it is logged with its traceback, and stderr gets
one line saying where the details are. Python only runs signal handlers when
it gets control, which a Qt loop rarely gives it; a wake-up fd watched by a
QSocketNotifier hands control back so Ctrl-C quits promptly.
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType

from PySide6.QtCore import QObject, QSocketNotifier

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


class SigintWakeup(QObject):
    """Runs ``on_interrupt`` in the Qt loop when the process gets SIGINT or SIGTERM."""

    def __init__(self, on_interrupt: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_interrupt = on_interrupt
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {
            number: signal.signal(number, self._handle)
            for number in (signal.SIGINT, signal.SIGTERM)
        }

    def _handle(self, number: int, frame: FrameType | None) -> None:
        log.info("received signal %s, quitting", signal.Signals(number).name)
        self._on_interrupt()

    def _drain(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        """Put the previous handlers back (tests create and drop several)."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
