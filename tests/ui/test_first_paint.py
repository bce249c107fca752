"""``after_first_paint`` calls back once, and never keeps its window alive.

The helper is a child of its window and deletes itself (``deleteLater``) once
it has fired. When it kept a Python reference to the window, a window whose
owner let go of it before that (a test ending, a window dropped by the app)
was freed from inside the helper's own destructor, and deleted the helper a
second time: a double free (``test_accessibility.py`` crashed one run in seven).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from herstel.ui.common.windows import after_first_paint


class _Window(QWidget):
    """Like the home window: the callback is one of its own methods."""

    def __init__(self, calls: list[str]) -> None:
        super().__init__()
        self.calls = calls
        after_first_paint(self, self.finish)

    def finish(self) -> None:
        self.calls.append("finished")


def flush_deletions() -> None:
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_callback_runs_once_after_the_window_painted(qtbot: QtBot) -> None:
    calls: list[str] = []
    window = _Window(calls)
    qtbot.addWidget(window)
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: calls == ["finished"])
    window.repaint()
    flush_deletions()
    assert calls == ["finished"]


def test_the_helper_holds_no_reference_to_its_window(qtbot: QtBot) -> None:
    calls: list[str] = []
    window = QWidget()
    after_first_paint(window, lambda: calls.append("painted"))
    window.show()
    gone = weakref.ref(window)
    del window
    assert gone() is None, "the first-paint helper keeps its window alive"
    flush_deletions()
    assert calls == []


def test_a_window_let_go_before_its_first_frame_is_freed_after_the_callback(
    qtbot: QtBot,
) -> None:
    """The callback keeps the window until it has run; then the window goes, once."""
    calls: list[str] = []
    window = _Window(calls)
    window.show()
    gone = weakref.ref(window)
    del window
    qtbot.waitUntil(lambda: gone() is None)
    flush_deletions()
    assert calls == ["finished"]
