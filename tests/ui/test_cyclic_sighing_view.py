"""Cyclic sighing on screen: the short second inhale is a clear rise, in words and in frames."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.rhythm import TOP_UP_FROM, Pattern, Phase, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionRun
from herstel.ui.session.window import SessionWindow

FakeInhibitor = Any
SIGH = Pattern(inhale=3, top_up=1, exhale=6)


def sigh_window(
    qtbot: QtBot, inhibitor: FakeInhibitor, **flags: bool
) -> tuple[SessionWindow, ManualClock]:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(SIGH, 2), clock)
    window = SessionWindow(run, inhibitor=inhibitor, **flags)
    qtbot.addWidget(window)
    window.resize(640, 640)
    window.show()
    qtbot.waitExposed(window)
    run.start()
    return window, clock


def test_the_second_inhale_is_named_and_grows_the_circle_visibly(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    window, clock = sigh_window(qtbot, inhibitor)
    clock.advance(COUNTDOWN_SECONDS + 2.99)
    window.tick()
    assert window.phase_text() == "Breathe in"
    clock.advance(0.01)
    window.tick()
    assert window.phase_text() == "And in"
    assert window.view.volume() == pytest.approx(TOP_UP_FROM)
    top_up_starts = window.view.current_radius()
    clock.advance(1.0)
    window.tick()
    assert window.phase_text() == "Breathe out"
    full = window.view.current_radius()
    assert full == pytest.approx(window.view.max_radius())
    # At least a tenth of the radius on a 640 px window: far more than a pixel.
    assert full - top_up_starts >= 0.1 * window.view.max_radius()
    assert full - top_up_starts > 15


def test_frames_follow_the_double_inhale_curve(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    """The frame timer's quiet path draws the pattern's own curve, not a plain inhale."""
    window, clock = sigh_window(qtbot, inhibitor)
    run = window.run
    clock.advance(COUNTDOWN_SECONDS)
    window.tick()
    volumes: list[tuple[Phase, float]] = []
    for _ in range(round(10.0 / 0.016)):
        clock.advance(0.016)
        window.frame_timer.timeout.emit()
        state = run.state()
        assert window.view.volume() == pytest.approx(state.volume, abs=1e-9)
        volumes.append((state.phase, window.view.volume()))
    first = max(v for phase, v in volumes if phase is Phase.INHALE)
    assert first <= TOP_UP_FROM + 1e-9
    top = [v for phase, v in volumes if phase is Phase.TOP_UP]
    assert top == sorted(top) and top[-1] - top[0] > 0.25


def test_reduced_motion_shows_the_top_up_as_a_higher_level(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    window, clock = sigh_window(qtbot, inhibitor, reduced_motion=True)
    clock.advance(COUNTDOWN_SECONDS + 3.0)
    window.tick()
    before = window.view.current_level()
    clock.advance(1.0)
    window.tick()
    assert window.view.current_level() - before > 0.2
