"""The guard in conftest fails a widget test that leaves a timer running, and only that."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")

TESTS = """
from PySide6.QtCore import QObject, QTimer
import pytest

keep = []

def test_clean(qtbot):
    timer = QTimer()
    timer.start(10_000)
    timer.stop()
    QTimer.singleShot(0, lambda: None)

def test_timer_dies_with_its_owner(qtbot):
    owner = QObject()
    timer = QTimer(owner)
    timer.start(10_000)
    del owner, timer

def test_leaves_a_timer_running(qtbot):
    timer = QTimer()
    timer.start(10_000)
    keep.append(timer)

def test_leaves_a_single_shot(qtbot):
    QTimer.singleShot(10_000, lambda: None)

def test_single_shot_whose_context_is_gone(qtbot):
    context = QObject()
    QTimer.singleShot(10_000, context, lambda: None)
    del context

@pytest.mark.timers_may_run("this test says why")
def test_marked(qtbot):
    timer = QTimer()
    timer.start(10_000)
    keep.append(timer)
"""


def test_the_guard_fails_exactly_the_tests_that_leave_timers(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST.read_text())
    pytester.makeini(
        "[pytest]\n"
        "qt_api = pyside6\n"
        "markers =\n"
        "    timers_may_run(reason): may end with a timer running\n"
    )
    pytester.makepyfile(test_timers=TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=6, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_leaves_a_timer_running*",
            "*QTimer(*10000 ms*",
            "*ERROR at teardown of test_leaves_a_single_shot*",
            "*singleShot(10000 ms*",
        ]
    )
