"""Eyes-closed mode: full screen, near-black, only a faint phase word, cues on.

Driven through the controller as the app drives it, on a manual clock, with a
fake audio sink (the boundary); the window, the run and the cue player are real.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.cues import Cue
from herstel.core.records import EndedHow, Trigger
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionRun, Stage
from herstel.core.settings import Settings
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.common.theme import contrast_ratio, relative_luminance
from herstel.ui.session import eyes_closed
from herstel.ui.session.controller import SessionController
from herstel.ui.session.end_page import EndPage
from herstel.ui.session.window import SessionWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


class FakeSink:
    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.played: list[tuple[Cue, float]] = []

    def play(self, cue: Cue) -> None:
        self.played.append((cue, self.clock.monotonic()))

    def set_volume(self, percent: int) -> None:
        pass


def controller_for(
    clock: ManualClock,
    settings: Settings,
    sink: FakeSink | None,
    fake_inhibitor_class: type[Any],
) -> SessionController:
    """A real controller with a fake audio sink (None: no sound can play here)."""

    def inhibitors(_parent: QObject) -> ScreenSaverInhibitor:
        return fake_inhibitor_class()  # type: ignore[no-any-return]

    return SessionController(
        clock,
        settings=settings,
        inhibitor_factory=inhibitors,
        sink_factory=lambda _volume, _parent: sink,
    )


@pytest.fixture
def started(
    qtbot: QtBot, fake_inhibitor_class: type[Any]
) -> tuple[SessionController, SessionWindow, FakeSink, ManualClock]:
    clock = ManualClock()
    sink = FakeSink(clock)
    # Sound itself left off: eyes-closed mode turns the cues on.
    settings = Settings(first_run_done=True, eyes_closed=True)
    controller = controller_for(clock, settings, sink, fake_inhibitor_class)
    window = controller.start(SessionPlan.from_breaths(Pattern(4, 6), 3), Trigger.WINDOW)
    # The end page as the session flow puts it up when no check follows.
    window.ended.connect(lambda outcome: window.show_end_page(EndPage(outcome, window)))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return controller, window, sink, clock


def test_the_session_is_full_screen_near_black_with_only_a_faint_word(
    qtbot: QtBot, started: tuple[SessionController, SessionWindow, FakeSink, ManualClock]
) -> None:
    _controller, window, _sink, clock = started
    assert window.is_eyes_closed()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    clock.advance(COUNTDOWN_SECONDS + 1)
    window.tick()
    assert window.phase_text() == "Breathe in"
    image = window.grab().toImage()
    corner = image.pixelColor(2, 2)
    middle_top = image.pixelColor(image.width() // 2, image.height() // 6)
    for pixel in (corner, middle_top):  # near-black, where the circle was too
        assert relative_luminance(pixel.name()) < 0.01, pixel.name()
    shown = [
        w
        for w in window.findChildren(QLabel) + window.findChildren(QPushButton)
        if w.isVisibleTo(window) and (not isinstance(w, QLabel) or w.text())
    ]
    assert [w.objectName() for w in shown] == ["phaseWord"]
    assert not window.view.isVisibleTo(window)
    word = window.findChild(QLabel, "phaseWord")
    assert word is not None
    color = word.palette().color(word.foregroundRole())
    # Faint, yet there when you look.
    assert 2.0 < contrast_ratio(color.name(), eyes_closed.BACKGROUND) < 4.5
    assert abs(word.geometry().center().y() - window.height() / 2) < window.height() / 6


def test_the_cues_are_scheduled_though_sound_itself_was_off(
    started: tuple[SessionController, SessionWindow, FakeSink, ManualClock],
) -> None:
    controller, window, sink, clock = started
    player = controller.cue_player
    assert player is not None and player.timer.isActive()
    due = player.due
    assert due == window.run.monotonic_at(0.0)
    assert player.timer.interval() == math.ceil(COUNTDOWN_SECONDS * 1000)
    assert due is not None
    clock.advance(due - clock.monotonic())
    player.timer.timeout.emit()
    assert sink.played == [(Cue.INHALE, due)]


def test_escape_stops_at_once(
    qtbot: QtBot, started: tuple[SessionController, SessionWindow, FakeSink, ManualClock]
) -> None:
    controller, window, _sink, clock = started
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    clock.advance(COUNTDOWN_SECONDS + 2)
    with qtbot.waitSignal(controller.session_ended, timeout=1000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # not "leave full screen first"
    assert blocker.args is not None and blocker.args[0].ended_how is EndedHow.STOPPED
    assert window.run.stage is Stage.ENDED
    player = controller.cue_player
    assert player is None or not player.timer.isActive()


def test_d_is_still_i_feel_dizzy(
    qtbot: QtBot, started: tuple[SessionController, SessionWindow, FakeSink, ManualClock]
) -> None:
    controller, window, _sink, clock = started
    clock.advance(COUNTDOWN_SECONDS + 2)
    with qtbot.waitSignal(controller.session_ended, timeout=1000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_D)
    assert blocker.args is not None and blocker.args[0].ended_how is EndedHow.DIZZY
    end = window.end_page()
    assert end is not None
    heading = end.findChild(QLabel, "endHeading")
    assert heading is not None
    text = heading.palette().color(heading.foregroundRole())
    assert contrast_ratio(text.name(), eyes_closed.BACKGROUND) >= 7.0  # the advice is easy to read


def test_without_eyes_closed_the_window_is_as_before(
    qtbot: QtBot, fake_inhibitor_class: type[Any]
) -> None:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(Pattern(4, 6), 2), clock)
    window = SessionWindow(run, inhibitor=fake_inhibitor_class())
    qtbot.addWidget(window)
    window.open()
    qtbot.waitExposed(window)
    assert not window.is_eyes_closed() and not window.isFullScreen()
    assert window.view.isVisibleTo(window)
    assert window.styleSheet() == ""


def test_one_session_in_eyes_closed_mode_when_the_settings_have_it_off(
    qtbot: QtBot, fake_inhibitor_class: type[Any]
) -> None:
    """`herstel breathe --eyes-closed`: this session only, with its cues."""
    clock = ManualClock()
    sink = FakeSink(clock)
    # Eyes-closed mode and sound both off in the settings.
    controller = controller_for(clock, Settings(first_run_done=True), sink, fake_inhibitor_class)
    window = controller.start(
        SessionPlan.from_breaths(Pattern(4, 6), 3), Trigger.WINDOW, eyes_closed=True
    )
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.is_eyes_closed()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    # Saving other settings mid-session (sound still off) keeps the guide it relies on.
    controller.set_settings(Settings(first_run_done=True, sound_volume=40))
    player = controller.cue_player
    assert player is not None and player.timer.isActive()
    clock.advance(COUNTDOWN_SECONDS)
    player.timer.timeout.emit()
    assert [cue for cue, _ in sink.played] == [Cue.INHALE]

    window.close()
    plain = controller.start(SessionPlan.from_breaths(Pattern(4, 6), 3), Trigger.WINDOW)
    qtbot.addWidget(plain)
    assert not plain.is_eyes_closed()  # the next session follows the settings again
    assert controller.cue_player is None


def test_without_a_way_to_play_sound_the_shape_stays(
    qtbot: QtBot, fake_inhibitor_class: type[Any]
) -> None:
    """Eyes-closed mode guides by sound alone: with no audio it would guide nobody."""
    # No audio device, or no QtMultimedia: no sink.
    controller = controller_for(
        ManualClock(), Settings(first_run_done=True), None, fake_inhibitor_class
    )
    window = controller.start(
        SessionPlan.from_breaths(Pattern(4, 6), 3), Trigger.WINDOW, eyes_closed=True
    )
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert not window.is_eyes_closed()
    assert window.view.isVisibleTo(window)
    # ... and the window says why, not only the log (issue #15).
    note = window.findChild(QLabel, "safetyNote")
    assert note is not None and note.isVisibleTo(window)
    assert "no sound can play here" in note.text()
    assert "not a treatment" not in note.text()  # first run done: only what matters now
