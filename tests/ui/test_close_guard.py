"""CloseGuard: closing the main window never silently ends the reminders.

Real widgets, offscreen: a window is closed as a window manager would close it
(``close()`` sends the same QCloseEvent), and the question without a tray is
answered by clicking its buttons.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from herstel.ui.shell.close_guard import CloseGuard

# The question box fixes its size and is raised; the offscreen platform says it cannot.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)

Made = tuple[QWidget, CloseGuard, list[str]]


@pytest.fixture
def guarded(qtbot: QtBot) -> Callable[[bool], Made]:
    def make(has_tray: bool) -> Made:
        window = QWidget()
        qtbot.addWidget(window)
        guard = CloseGuard(window, lambda: has_tray)
        said: list[str] = []
        guard.hidden_to_tray.connect(lambda: said.append("hidden"))
        guard.quit_requested.connect(lambda: said.append("quit"))
        window.show()
        qtbot.waitExposed(window)
        return window, guard, said

    return make


def question(window: QWidget) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1, "exactly one question on screen"
    return boxes[0]


def button(box: QMessageBox, text: str) -> QAbstractButton:
    (found,) = [b for b in box.buttons() if b.text() == text]
    return found


def test_with_a_tray_closing_hides_the_window_and_herstel_runs_on(
    guarded: Callable[[bool], Made],
) -> None:
    window, _guard, said = guarded(True)
    assert window.close() is False  # the close was refused...
    assert not window.isVisible() and said == ["hidden"]  # ...and the window went to the tray
    window.show()
    window.close()
    assert said == ["hidden", "hidden"]


def test_quitting_lets_the_close_through(guarded: Callable[[bool], Made]) -> None:
    window, guard, said = guarded(True)
    guard.allow_close()
    assert window.close() is True
    assert said == []


def test_without_a_tray_it_asks_and_keep_running_hides(
    guarded: Callable[[bool], Made], qtbot: QtBot
) -> None:
    window, _guard, said = guarded(False)
    assert window.close() is False
    assert window.isVisible()  # no way back without a tray: it asks first
    box = question(window)
    window.close()  # closing again raises the same question, never a second one
    assert question(window) is box
    button(box, "Keep running").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert said == []


def test_without_a_tray_quit_asks_the_app_to_quit(
    guarded: Callable[[bool], Made], qtbot: QtBot
) -> None:
    window, _guard, said = guarded(False)
    window.close()
    button(question(window), "Quit").click()
    qtbot.waitUntil(lambda: said == ["quit"])
    assert window.isVisible()  # the app quits; the guard itself closes nothing
