"""Shared set-up for the widget tests: Qt draws offscreen, no screen saver is touched,
no test leaves a timer running, and history stores on real files are closed after."""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from herstel.storage.history import HistoryStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class FakeInhibitor(QObject):
    """Stands in for ScreenSaverInhibitor: records calls, never touches D-Bus."""

    locked_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.inhibited = False

    def inhibit(self) -> None:
        self.calls.append("inhibit")
        self.inhibited = True

    def release(self) -> None:
        self.calls.append("release")
        self.inhibited = False


@pytest.fixture
def inhibitor() -> FakeInhibitor:
    return FakeInhibitor()


@pytest.fixture
def fake_inhibitor_class() -> type[FakeInhibitor]:
    """For tests that need several fake inhibitors (one per window)."""
    return FakeInhibitor


# --- timers must not outlive their test -------------------------------------------------


class _SingleShot:
    """One ``QTimer.singleShot`` call with a function: has it fired, is its context alive?"""

    def __init__(self, msec: int, functor: Callable[..., Any], context: QObject | None) -> None:
        self.msec = msec
        self.functor = functor
        self.context = None if context is None else weakref.ref(context)
        self.fired = False

    def __call__(self) -> None:
        self.fired = True
        self.functor()

    @property
    def pending(self) -> bool:
        """Not fired yet, and Qt will still fire it (a deleted context cancels it)."""
        if self.fired:
            return False
        if self.context is None:
            return True
        context = self.context()
        return context is not None and shiboken6.isValid(context)


def _active(timer: QTimer | None) -> bool:
    return timer is not None and shiboken6.isValid(timer) and timer.isActive()


@pytest.fixture(autouse=True)
def no_timer_left_running(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Fail a test that ends with a QTimer still running or a singleShot still to fire.

    Such a timer fires during a later test, into objects that test knows nothing
    about: the classic source of a suite that fails one run in twenty. Timers
    started from Python (``timer.start()``, ``QTimer.singleShot(ms, fn)`` and
    ``singleShot(ms, context, fn)``) are tracked; the check runs after pytest-qt
    closed the test's widgets, their deferred deletes went through and the
    garbage was collected, so a timer that dies with its window passes. A test
    that must leave one running says why: ``@pytest.mark.timers_may_run("why")``.
    """
    started: dict[int, weakref.ref[QTimer]] = {}
    shots: list[_SingleShot] = []
    start = QTimer.start
    single_shot = QTimer.singleShot

    def tracked_start(self: QTimer, *args: Any) -> None:
        started[id(self)] = weakref.ref(self)
        start(self, *args)

    def tracked_single_shot(msec: int, *args: Any) -> None:
        if len(args) == 1 and callable(args[0]):
            shot = _SingleShot(msec, args[0], None)
            shots.append(shot)
            single_shot(msec, shot)
        elif len(args) == 2 and isinstance(args[0], QObject) and callable(args[1]):
            shot = _SingleShot(msec, args[1], args[0])
            shots.append(shot)
            single_shot(msec, args[0], shot)
        else:  # a receiver and a slot signature: not used by Herstel
            single_shot(msec, *args)

    monkeypatch.setattr(QTimer, "start", tracked_start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(tracked_single_shot))
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    running = [t for t in (ref() for ref in started.values()) if _active(t)]
    pending = [s for s in shots if s.pending]
    for timer in running:
        timer.stop()
    if request.node.get_closest_marker("timers_may_run") is not None:
        return
    if running or pending:
        lines = [
            f"QTimer({t.objectName() or hex(id(t))}, {t.interval()} ms, parent="
            f"{type(t.parent()).__name__ if t.parent() else None})"
            for t in running
        ] + [f"singleShot({s.msec} ms, {s.functor!r})" for s in pending]
        pytest.fail(
            "the test left timers running (they would fire in a later test):\n  "
            + "\n  ".join(lines),
            pytrace=False,
        )


@pytest.fixture
def running_loop(qapp: Any) -> Iterator[Any]:
    """The app's qasync loop, "already running": Qt's event processing in the test
    (``qtbot.waitUntil``, ``waitSignal``) drives its coroutines, as the app's loop does."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    workers = ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-background")
    loop.set_default_executor(workers)
    asyncio.set_event_loop(loop)
    yield loop
    workers.shutdown(wait=True)  # no worker outlives the test
    # qasync's stop() calls QApplication.exit(), after which every later nested Qt
    # event loop (each qtbot wait) returns at once; mark the loop stopped instead.
    loop._QEventLoop__is_running = False
    loop.close()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def store_on() -> Iterator[Callable[[Path], HistoryStore]]:
    """A history store on a real SQLite file, as the app hands it to its windows;
    every store made is closed after the test."""
    made: list[HistoryStore] = []

    def make(path: Path) -> HistoryStore:
        store = HistoryStore(path)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()
