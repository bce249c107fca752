"""Background work for widgets, as coroutines on the app's qasync loop.

Exports and the history overview read the database off the UI thread so a
large history never stalls a window. The work runs in the loop's default
executor (a worker thread; it must not touch widgets); the coroutine that
awaits it runs on the qasync loop, in the UI thread, so the result — or the
exception — is handed back there, and only while the widget that asked still
exists (a window closed meanwhile simply drops it). No hand-made threads, no
relay objects whose deletion can race a worker's emit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

T = TypeVar("T")

_running: set[asyncio.Task[None]] = set()  # keeps each task alive until it is done


def run_in_background(
    owner: QObject, work: Callable[[], T], on_done: Callable[[T | Exception], None]
) -> asyncio.Task[None]:
    """Run ``work`` off the UI thread; ``on_done(result or exception)`` back on it.

    Needs the running qasync loop (the app's; tests make one with
    ``already_running=True``). ``on_done`` is skipped when ``owner`` is gone.
    """
    loop = asyncio.get_running_loop()

    async def job() -> None:
        result: T | Exception
        try:
            result = await loop.run_in_executor(None, work)
        except Exception as error:  # handed to the widget, which reports it
            result = error
        if shiboken6.isValid(owner):
            on_done(result)
        else:
            log.debug("a background result arrived after its window closed")

    task = loop.create_task(job())
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task
