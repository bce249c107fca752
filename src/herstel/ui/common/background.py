"""Background work for widgets: run a plain function on a thread, get its result back.

Exports and the history overview read the database off the UI thread so a large
history never stalls a window; the result (or the exception) comes back as a
queued signal, in the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a worker thread's result back to the UI thread (a queued signal)."""

    done = Signal(object)


def run_in_thread(
    parent: QObject, work: Callable[[], object], on_done: Callable[[object], None]
) -> None:
    """Run ``work`` on a thread and call ``on_done(result or exception)`` in the UI thread.

    ``work`` must not touch widgets. If ``parent`` is gone by then, the result is dropped.
    """
    relay = _Relay(parent)
    relay.done.connect(on_done)
    relay.done.connect(relay.deleteLater)

    def run() -> None:
        result: object
        try:
            result = work()
        except Exception as error:  # handed to the UI thread, which reports it
            result = error
        try:
            relay.done.emit(result)
        except RuntimeError:  # the window (and the relay with it) was deleted meanwhile
            log.debug("history: a background result arrived after the window closed")

    threading.Thread(target=run, name="herstel-history", daemon=True).start()
