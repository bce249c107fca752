"""Top-level window helpers that load no window: raising one, and its first frame.

Kept apart from the session window so the home window, history and settings
can be raised without loading the breathing screen at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

NO_STACKING_PLATFORMS: Final = frozenset({"offscreen", "minimal"})
"""Qt platforms without window stacking, where raise() only logs a warning."""

FIRST_PAINT_PATIENCE_MS: Final = 1000
"""How long ``after_first_paint`` waits for a frame that may never come (e.g. minimised)."""


def bring_to_front(window: QWidget) -> None:
    """Show, raise and activate a top-level window (where the platform can stack windows)."""
    window.show()
    if QGuiApplication.platformName() not in NO_STACKING_PLATFORMS:
        window.raise_()
    window.activateWindow()


class _FirstPaint(QObject):
    """Calls back once, from the event loop, after ``window`` has painted its first frame.

    A child of ``window`` that keeps no Python reference to it (``parent()`` finds
    it). Were it to, freeing this helper's wrapper after ``deleteLater`` could drop
    the window's last reference: the window would be deleted from inside this
    helper's destructor and delete the helper a second time (a double free).
    """

    def __init__(self, window: QWidget, callback: Callable[[], None], patience_ms: int) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(patience_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            # After this event the rest of the window paints and the frame is
            # flushed; a zero timer runs once all that is done.
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        window = self.parent()
        if window is not None:
            window.removeEventFilter(self)
        self.deleteLater()
        callback()


def after_first_paint(
    window: QWidget, callback: Callable[[], None], patience_ms: int = FIRST_PAINT_PATIENCE_MS
) -> None:
    """Run ``callback`` once the shown ``window`` has painted (or after ``patience_ms``)."""
    _FirstPaint(window, callback, patience_ms)


def paint_first_frame(window: QWidget, patience_ms: int = FIRST_PAINT_PATIENCE_MS) -> None:
    """Run Qt's own event loop until the shown ``window`` has painted (or ``patience_ms``).

    Start-up uses this before it loads asyncio and the rest, so the first frame
    is on screen without waiting for them. Returns early when the application
    is told to quit meanwhile (``QCoreApplication.exit`` ends every loop).
    """
    loop = QEventLoop(window)  # lives as long as the window: a late callback finds it
    after_first_paint(window, loop.quit, patience_ms)
    loop.exec()
