"""Sound cues in the UI: the cue player's timer over a whole session, and the controller.

The audio sink is the boundary and is faked (it records each cue with the fake
clock's time); the timer, the sequencer, the run and the window are real. On the
manual clock a timeout is delivered by moving the clock to the moment the timer
was armed for (plus a little lateness) and emitting the timer's ``timeout``, so a
20-minute session runs in well under a second; one test lets the real QTimer fire.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.cues import CUE_FOR_PHASE, Cue
from herstel.core.records import Trigger
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionRun
from herstel.core.settings import Settings
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.session.controller import SessionController
from herstel.ui.session.cue_player import CuePlayer

TOLERANCE = 0.020


class FakeSink:
    """Records (cue, time on the fake clock); the speakers' stand-in."""

    def __init__(self, clock: Any) -> None:
        self.clock = clock
        self.played: list[tuple[Cue, float]] = []
        self.volumes: list[int] = []

    def play(self, cue: Cue) -> None:
        self.played.append((cue, self.clock.monotonic()))

    def set_volume(self, percent: int) -> None:
        self.volumes.append(percent)


def deliver(player: CuePlayer, clock: ManualClock, lateness: float = 0.0) -> None:
    """What the event loop does when the armed timer is due: time passes, it fires."""
    assert player.timer.isActive() and player.due is not None
    # The timer was armed for the cue's own moment, in whole milliseconds rounded up.
    wait = player.due - clock.monotonic()
    assert player.timer.interval() == max(0, math.ceil(wait * 1000))
    clock.advance(max(0.0, wait) + lateness)
    player.timer.timeout.emit()


def test_twenty_minutes_of_cues_each_within_20_ms_of_its_boundary(qtbot: QtBot) -> None:
    clock = ManualClock()
    plan = SessionPlan.from_minutes(Pattern(inhale=4, hold_in=2, exhale=6), 20)
    run = SessionRun(plan, clock)
    sink = FakeSink(clock)
    player = CuePlayer(run, sink, clock)
    assert not player.timer.isActive()  # nothing before the start
    start = clock.monotonic()
    run.start()
    rng = random.Random(9)
    paused_before: list[float] = []  # paused seconds before each cue played
    paused = 0.0
    pauses = {40, 130, 200}  # pause before these cues
    while player.timer.isActive():
        if len(sink.played) in pauses:
            pauses.discard(len(sink.played))
            clock.advance(rng.uniform(0, 1))
            run.pause()
            assert not player.timer.isActive()  # silent while paused
            length = rng.uniform(1, 90)
            clock.advance(length)
            paused += length
            run.resume()
            continue
        deliver(player, clock, lateness=rng.uniform(0, 0.004))
        paused_before.append(paused)
    assert pauses == set()
    cues = [(CUE_FOR_PHASE[phase], onset) for onset, phase, _breath in plan.boundaries()]
    cues.append((Cue.BELL, plan.duration))
    assert [cue for cue, _ in sink.played] == [cue for cue, _ in cues]
    offsets = [
        at - (start + COUNTDOWN_SECONDS + before + onset)
        for (_cue, at), (_want, onset), before in zip(sink.played, cues, paused_before, strict=True)
    ]
    worst = max(abs(o) for o in offsets)
    assert worst < TOLERANCE
    assert min(offsets) >= 0.0  # never early
    print(f"worst cue offset over 20 minutes with pauses: {worst * 1000:.3f} ms")


def test_twenty_minutes_without_pauses_has_no_drift(qtbot: QtBot) -> None:
    clock = ManualClock()
    plan = SessionPlan.from_minutes(Pattern(4, 6), 20)
    run = SessionRun(plan, clock)
    sink = FakeSink(clock)
    player = CuePlayer(run, sink, clock)
    start = clock.monotonic()
    run.start()
    rng = random.Random(1)
    while player.timer.isActive():
        deliver(player, clock, lateness=rng.uniform(0, 0.012))
    expected = [start + COUNTDOWN_SECONDS + onset for onset, _p, _b in plan.boundaries()]
    expected.append(start + COUNTDOWN_SECONDS + plan.duration)
    offsets = [at - want for (_cue, at), want in zip(sink.played, expected, strict=True)]
    assert all(0.0 <= o < 0.013 for o in offsets)
    assert max(offsets[-10:]) < 0.013  # the end is as close as the start: nothing adds up
    assert [cue for cue, _ in sink.played].count(Cue.BELL) == 1


def test_stop_and_dizzy_end_the_cues_without_a_bell(qtbot: QtBot) -> None:
    for how in ("stop", "dizzy"):
        clock = ManualClock()
        run = SessionRun(SessionPlan.from_breaths(Pattern(4, 6), 3), clock)
        sink = FakeSink(clock)
        player = CuePlayer(run, sink, clock)
        run.start()
        deliver(player, clock)  # in
        deliver(player, clock)  # out
        getattr(run, how)()
        assert not player.timer.isActive()
        assert [cue for cue, _ in sink.played] == [Cue.INHALE, Cue.EXHALE]


def test_a_failing_sink_does_not_stop_the_session(qtbot: QtBot) -> None:
    class BrokenSink(FakeSink):
        def play(self, cue: Cue) -> None:
            raise RuntimeError("the audio device went away")

    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(Pattern(2, 2), 1), clock)
    player = CuePlayer(run, BrokenSink(clock), clock)
    run.start()
    heard: list[object] = []
    player.played.connect(heard.append)
    with qtbot.captureExceptions() as exceptions:
        deliver(player, clock)
    assert exceptions == []
    assert len(heard) == 1 and player.timer.isActive()  # on to the out-breath
    run.stop()  # the session ends here, so its next cue cannot fire into a later test


class ShiftedClock:
    """The real monotonic clock, moved forward on request (the QTimer runs for real)."""

    def __init__(self) -> None:
        self.offset = 0.0
        self.wall = ManualClock()

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def now(self) -> Any:
        return self.wall.now()


def test_the_real_timer_plays_the_first_cue_on_time(qtbot: QtBot) -> None:
    clock = ShiftedClock()
    run = SessionRun(SessionPlan.from_breaths(Pattern(2, 2), 1), clock)
    sink = FakeSink(clock)
    run.start()
    clock.offset = COUNTDOWN_SECONDS - 0.08  # the countdown is nearly over
    player = CuePlayer(run, sink, clock)
    assert player.timer.timerType() is Qt.TimerType.PreciseTimer
    qtbot.waitUntil(lambda: len(sink.played) == 1, timeout=2000)
    cue, at = sink.played[0]
    due = run.monotonic_at(0.0)
    assert cue is Cue.INHALE and due is not None
    assert 0.0 <= at - due < 0.050  # a loaded test machine gets a little slack
    print(f"real QTimer: the first cue {1000 * (at - due):.2f} ms after its boundary")
    player.close()


# --- the controller ------------------------------------------------------------------


Made = tuple[SessionController, list[int]]
MakeController = Callable[[Settings, Any], Made]


@pytest.fixture
def make_controller(fake_inhibitor_class: type[Any]) -> MakeController:
    """A controller with a fake sink (or none: sound cannot play) and fake inhibitors."""

    def make(settings: Settings, sink: FakeSink | None) -> Made:
        opened: list[int] = []

        def sinks(volume: int, _parent: QObject) -> FakeSink | None:
            opened.append(volume)
            return sink

        def inhibitors(_parent: QObject) -> ScreenSaverInhibitor:
            return fake_inhibitor_class()  # type: ignore[no-any-return]

        controller = SessionController(
            sink.clock if sink is not None else ManualClock(),
            settings=settings,
            inhibitor_factory=inhibitors,
            sink_factory=sinks,
        )
        return controller, opened

    return make


def test_silent_by_default_no_sink_is_opened(qtbot: QtBot, make_controller: MakeController) -> None:
    clock = ManualClock()
    controller, opened = make_controller(Settings(first_run_done=True), FakeSink(clock))
    window = controller.start(SessionPlan.from_breaths(Pattern(2, 2), 1), Trigger.WINDOW)
    qtbot.addWidget(window)
    assert controller.cue_player is None and opened == []
    window.close()


def test_with_sound_on_the_session_plays_its_cues_even_when_hidden(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    clock = ManualClock()
    sink = FakeSink(clock)
    controller, opened = make_controller(
        Settings(first_run_done=True, sound=True, sound_volume=35), sink
    )
    window = controller.start(SessionPlan.from_breaths(Pattern(2, 2), 2), Trigger.WINDOW)
    qtbot.waitExposed(window)
    assert opened == [35]
    player = controller.cue_player
    assert player is not None and player.run is window.run
    deliver(player, clock)  # in
    window.hide()  # eyes closed, window gone: the cues go on
    while player.timer.isActive():
        deliver(player, clock)
    assert [cue for cue, _ in sink.played] == [Cue.INHALE, Cue.EXHALE] * 2 + [Cue.BELL]
    controller.set_settings(Settings(first_run_done=True, sound=True, sound_volume=80))
    assert sink.volumes[-1] == 80
    window.close()
    qtbot.waitUntil(lambda: controller.cue_player is None, timeout=1000)  # deleted with it


def test_pause_in_the_window_silences_the_cues(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    clock = ManualClock()
    sink = FakeSink(clock)
    controller, _ = make_controller(Settings(first_run_done=True, sound=True), sink)
    window = controller.start(SessionPlan.from_breaths(Pattern(4, 6), 3), Trigger.WINDOW)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    player = controller.cue_player
    assert player is not None
    deliver(player, clock)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not player.timer.isActive()
    clock.advance(30)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert player.timer.isActive()
    deliver(player, clock)
    assert [cue for cue, _ in sink.played] == [Cue.INHALE, Cue.EXHALE]
    qtbot.keyClick(window, Qt.Key.Key_D)  # dizzy: no more cues, no bell
    assert not player.timer.isActive()
    window.close()


def test_without_a_sink_the_session_runs_silent(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    controller, opened = make_controller(Settings(first_run_done=True, sound=True), None)
    window = controller.start(SessionPlan.from_breaths(Pattern(2, 2), 1), Trigger.WINDOW)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert opened == [60] and controller.cue_player is None
    assert controller.is_running
    window.close()


def test_turning_sound_on_mid_session_joins_at_the_next_boundary(
    qtbot: QtBot, make_controller: MakeController
) -> None:
    clock = ManualClock()
    sink = FakeSink(clock)
    controller, _ = make_controller(Settings(first_run_done=True), sink)
    window = controller.start(SessionPlan.from_breaths(Pattern(4, 6), 3), Trigger.WINDOW)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    clock.advance(COUNTDOWN_SECONDS + 5)  # in the first out-breath
    controller.set_settings(Settings(first_run_done=True, sound=True))
    player = controller.cue_player
    assert player is not None
    deliver(player, clock)
    assert sink.played == [(Cue.INHALE, pytest.approx(window.run.monotonic_at(10.0)))]
    controller.set_settings(Settings(first_run_done=True))
    assert controller.cue_player is None
    window.close()


def test_with_the_real_sink_and_no_sound_package_the_session_runs_silent(
    qtbot: QtBot, fake_inhibitor_class: type[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """No fake sink: the real ``open_sink`` finds no herstel[sound] here (nor on CI)."""
    from herstel.platform.sound import multimedia_installed

    if multimedia_installed():
        pytest.skip("PySide6-Addons is installed here")
    clock = ManualClock()
    controller = SessionController(
        clock,
        settings=Settings(first_run_done=True, sound=True),
        inhibitor_factory=lambda _parent: fake_inhibitor_class(),
    )
    with caplog.at_level("INFO", logger="herstel.platform.sound"):
        window = controller.start(SessionPlan.from_breaths(Pattern(2, 2), 1), Trigger.WINDOW)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert controller.cue_player is None and controller.is_running
    assert "sound cues are off: no-package" in caplog.text
    clock.advance(COUNTDOWN_SECONDS + 4)
    window.tick()
    assert window.is_finished()


def test_the_rhythm_finder_steps_play_cues_when_sound_is_on(
    qtbot: QtBot, make_controller: MakeController, tmp_path: Any
) -> None:
    from herstel.core.rhythm_finder import FinderStage
    from herstel.storage.database import Database
    from herstel.ui.common.settings_hub import SettingsHub
    from herstel.ui.session.flow import SessionFlow

    clock = ManualClock()
    sink = FakeSink(clock)
    settings = Settings(first_run_done=True, sound=True)
    controller, opened = make_controller(settings, sink)
    hub = SettingsHub(tmp_path / "settings.json", clock)
    hub.update(settings)
    with Database.open(tmp_path / "herstel.sqlite3") as db:
        flow = SessionFlow(controller, db, clock, hub)
        flow.find_rhythm()
        window = flow.finder_window
        assert window is not None
        qtbot.addWidget(window)
        assert window.cue_player is None  # nothing plays on the intro
        window.intro.begin_button.click()
        player = window.cue_player
        assert player is not None and window.session is not None
        assert player.run is window.session.run and opened == [settings.sound_volume]
        while player.timer.isActive():
            deliver(player, clock)
            window.session.tick()
        assert window.finder.stage is FinderStage.QUESTIONS
        plan = window.session.run.plan  # 3.5-5.5, 14 breaths
        assert [cue for cue, _ in sink.played] == [Cue.INHALE, Cue.EXHALE] * plan.breaths + [
            Cue.BELL
        ]
        window.close()
        assert player.timer.isActive() is False
