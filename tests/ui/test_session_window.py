"""The session window: countdown → breathing → end, keys, pauses, timers, screen saver."""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import ClassInfo, QObject, Qt, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.records import EndedHow, Trigger
from herstel.core.rhythm import Pattern, Phase, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionOutcome, SessionRun, Stage
from herstel.core.settings import Settings
from herstel.platform.screensaver import ScreenSaverInhibitor
from herstel.ui.session.controller import SessionController
from herstel.ui.session.end_page import EndPage
from herstel.ui.session.window import SessionWindow
from herstel.ui.session.window_labels import format_clock

FakeInhibitor = Any  # tests/ui/conftest.py: records inhibit()/release(), no D-Bus

WORDS = {
    Phase.INHALE: "Breathe in",
    Phase.HOLD_IN: "Hold",
    Phase.EXHALE: "Breathe out",
    Phase.HOLD_OUT: "Hold",
}


def make_window(
    qtbot: QtBot,
    inhibitor: FakeInhibitor,
    plan: SessionPlan | None = None,
    **flags: bool,
) -> tuple[SessionWindow, ManualClock]:
    clock = ManualClock()
    run = SessionRun(plan or SessionPlan.from_breaths(Pattern(2, 2), 2), clock)
    window = SessionWindow(run, inhibitor=inhibitor, **flags)  # type: ignore[arg-type]
    show_end_page_on_end(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, clock


def show_end_page_on_end(window: SessionWindow) -> None:
    """The end page as the session flow shows it when no check follows."""

    def ended(outcome: SessionOutcome) -> None:
        page = EndPage(outcome, window)
        window.show_end_page(page, announce=page.heading)

    window.ended.connect(ended)


def step(window: SessionWindow, clock: ManualClock, seconds: float) -> None:
    clock.advance(seconds)
    window.tick()


def test_full_session_countdown_breathing_end(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor)
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)

    assert window.run.stage is Stage.COUNTDOWN
    assert window.phase_text() == "Get ready"
    assert window.findChild(QLabel, "count").text() == "3"
    assert window.frame_timer.isActive()
    assert inhibitor.calls == ["inhibit"]

    step(window, clock, 1.0)
    assert window.findChild(QLabel, "count").text() == "2"
    step(window, clock, 1.0)
    assert window.findChild(QLabel, "count").text() == "1"
    step(window, clock, 1.0)
    assert window.run.stage is Stage.BREATHING
    assert window.phase_text() == "Breathe in"
    assert window.findChild(QLabel, "timeLeft").text() == "0:08 left"

    step(window, clock, 2.0)
    assert window.phase_text() == "Breathe out"
    step(window, clock, 2.0)
    assert window.phase_text() == "Breathe in"
    step(window, clock, 2.0)
    assert window.phase_text() == "Breathe out"
    assert outcomes == []

    step(window, clock, 2.0)  # the end of the second full breath
    assert len(outcomes) == 1
    outcome = outcomes[0]
    assert outcome.ended_how is EndedHow.COMPLETED
    assert outcome.done_breaths == 2
    assert outcome.done_seconds == pytest.approx(8.0)
    assert not window.frame_timer.isActive()
    assert inhibitor.calls == ["inhibit", "release"]

    page = window.end_page()
    assert isinstance(page, EndPage)
    assert page.isVisible()
    assert page.heading.text() == "Breathe normally now."
    assert page.body.text() == "You breathed for 8 s — 2 breaths."
    assert page.button.text() == "Done"
    assert window.focusWidget() is page.button

    step(window, clock, 5.0)  # more ticks change nothing and emit nothing
    assert len(outcomes) == 1
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_pause_resume_keeps_the_rhythm_continuous(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 10)
    window, clock = make_window(qtbot, inhibitor, plan)
    step(window, clock, COUNTDOWN_SECONDS + 12.7)  # mid-inhale of the second breath
    before = window.run.state()
    radius_before = window.view.current_radius()
    assert before.phase is Phase.INHALE

    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.run.stage is Stage.PAUSED
    assert window.phase_text() == "Paused"
    assert not window.frame_timer.isActive()

    clock.advance(600.0)  # ten minutes away
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.run.stage is Stage.BREATHING
    assert window.frame_timer.isActive()
    window.tick()
    assert window.run.state() == before
    assert window.view.current_radius() == pytest.approx(radius_before)
    assert window.phase_text() == "Breathe in"

    step(window, clock, 0.5)
    assert window.run.state().elapsed == pytest.approx(before.elapsed + 0.5)


def test_space_toggles_pause_and_the_button_follows(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor)
    pause = _button(window, "Pause")
    step(window, clock, COUNTDOWN_SECONDS + 0.5)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.run.stage is Stage.PAUSED
    assert pause.text() == "Resume"
    assert pause.accessibleName() == "Resume"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.run.stage is Stage.BREATHING
    assert pause.text() == "Pause"
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)  # the button does the same
    assert window.run.stage is Stage.PAUSED
    assert window.focusWidget() in (None, window)  # a click leaves Space to the window


def test_pause_during_the_countdown_freezes_it(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor)
    step(window, clock, 1.2)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.advance(30.0)
    window.tick()
    assert window.phase_text() == "Paused"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.run.countdown_left() == pytest.approx(1.8)
    assert window.phase_text() == "Get ready"


def test_escape_stops(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor, SessionPlan.from_breaths(Pattern(4, 6), 30))
    step(window, clock, COUNTDOWN_SECONDS + 25.0)
    with qtbot.waitSignal(window.ended, timeout=1000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    outcome = blocker.args[0] if blocker.args else None
    assert isinstance(outcome, SessionOutcome)
    assert outcome.ended_how is EndedHow.STOPPED
    assert outcome.done_breaths == 2
    page = window.end_page()
    assert isinstance(page, EndPage)
    assert page.heading.text() == "Breathe normally now."
    assert page.body.text() == "You breathed for 25 s — 2 breaths."
    assert window.isVisible()  # the app stays open on the end page
    assert inhibitor.calls[-1] == "release"


def test_d_ends_with_dizzy_advice(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor)
    step(window, clock, COUNTDOWN_SECONDS + 1.0)
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)
    qtbot.keyClick(window, Qt.Key.Key_D)
    assert [o.ended_how for o in outcomes] == [EndedHow.DIZZY]
    page = window.end_page()
    assert isinstance(page, EndPage)
    assert page.isVisible()
    assert page.heading.text() == (
        "Breathe normally and sit for a moment. Stand up slowly when you feel steady."
    )
    assert page.button.text() == "Close"
    qtbot.keyClick(page.button, Qt.Key.Key_Return)
    assert not window.isVisible()


def test_f_toggles_full_screen_and_first_escape_only_leaves_it(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    window, clock = make_window(qtbot, inhibitor, first_run=True, show_count=True)
    step(window, clock, COUNTDOWN_SECONDS + 1.0)
    assert _button(window, "Stop").isVisible()

    qtbot.keyClick(window, Qt.Key.Key_F)
    qtbot.waitUntil(window.isFullScreen)
    step(window, clock, 0.1)
    assert window.findChild(QLabel, "fullScreenHint").isVisible()
    assert window.findChild(QLabel, "fullScreenHint").text() == "Esc stops"
    assert window.findChild(QLabel, "phaseWord").isVisible()
    assert window.view.isVisible()
    for hidden in ("timeLeft", "count", "safetyNote"):
        assert not window.findChild(QLabel, hidden).isVisible(), hidden
    assert not any(b.isVisible() for b in window.findChildren(QPushButton))

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.run.stage is Stage.BREATHING  # the first Esc did not stop
    assert _button(window, "Stop").isVisible()

    qtbot.keyClick(window, Qt.Key.Key_F)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_F)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.run.stage is Stage.ENDED


def test_phase_word_changes_at_each_boundary_and_is_announced_once(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 4, hold_in=2, hold_out=1.5), 3)
    window, clock = make_window(qtbot, inhibitor, plan)
    start = clock.monotonic()  # the run started when the window was shown
    boundaries = list(plan.boundaries())
    assert len(boundaries) == 12
    previous = "Get ready"
    for onset, phase, _index in boundaries:
        target = start + COUNTDOWN_SECONDS + onset
        clock.advance(target - 0.01 - clock.monotonic())
        window.tick()
        assert window.phase_text() == previous
        count = window.announcement_count()
        clock.advance(0.02)
        window.tick()
        assert window.phase_text() == WORDS[phase]
        assert window.last_announcement() == WORDS[phase]
        assert window.announcement_count() == count + 1
        step(window, clock, 0.2)  # more frames of the same phase: no new announcement
        assert window.announcement_count() == count + 1
        previous = WORDS[phase]


def test_phase_changes_reach_screen_readers_as_announcements(
    qtbot: QtBot, inhibitor: FakeInhibitor, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[str, str]] = []

    def record(event: QAccessibleEvent) -> None:
        assert isinstance(event, QAccessibleAnnouncementEvent)
        sent.append((event.message(), event.object().objectName()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    window, clock = make_window(qtbot, inhibitor)  # 2-2 for two breaths
    for _ in range(30):
        step(window, clock, 0.5)
    assert sent == [
        ("Get ready", "phaseWord"),
        ("Breathe in", "phaseWord"),
        ("Breathe out", "phaseWord"),
        ("Breathe in", "phaseWord"),
        ("Breathe out", "phaseWord"),
        ("Breathe normally now.", "endHeading"),
    ]


def test_frame_timer_runs_only_while_visible_and_running(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    window, _ = make_window(qtbot, inhibitor, SessionPlan.from_breaths(Pattern(4, 6), 6))
    assert window.frame_timer.isActive()
    assert window.frame_timer.interval() == 16  # the first frame: the next slot
    assert window.frame_timer.timerType() is Qt.TimerType.PreciseTimer

    window.hide()
    assert not window.frame_timer.isActive()
    window.show()
    qtbot.waitExposed(window)
    assert window.frame_timer.isActive()

    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert not window.frame_timer.isActive()
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.frame_timer.isActive()

    window.pause()
    assert not window.frame_timer.isActive()
    window.toggle_pause()
    assert window.frame_timer.isActive()
    window.stop()
    assert not window.frame_timer.isActive()


def _paced_paints(
    window: SessionWindow, clock: ManualClock, seconds: float, *, fixed_rate: bool
) -> tuple[list[tuple[float, float]], int]:
    """Drive the frame timer on the fake clock; the frames that painted, and the wake-ups.

    ``fixed_rate`` fires every 16 ms like a plain repeating timer; otherwise each
    wake-up comes when the window armed the single-shot timer for.
    """
    start = clock.monotonic()
    paints: list[tuple[float, float]] = []
    wakes = 0
    while clock.monotonic() - start < seconds:
        clock.advance(0.016 if fixed_rate else window.frame_timer.interval() / 1000)
        window.frame_timer.timeout.emit()
        wakes += 1
        if not window.view.last_dirty_region().isEmpty():
            paints.append((round(clock.monotonic() - start, 6), window.view.current_radius()))
    return paints, wakes


def test_frames_come_only_when_the_picture_changes_and_none_is_missed(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    # 20 minutes, so the progress ring grows a pixel only every second or so.
    plan = SessionPlan.from_breaths(Pattern(4, 6, hold_in=2), 100)
    results = []
    for fixed_rate in (True, False):
        window, clock = make_window(qtbot, inhibitor, plan)
        window.resize(600, 760)
        qtbot.waitUntil(window.view.cache_ready)
        # Nearly through the countdown, on the 16 ms grid the timer was started on.
        clock.advance(0.016 * math.floor(COUNTDOWN_SECONDS / 0.016))
        window.tick()
        results.append(_paced_paints(window, clock, 24.0, fixed_rate=fixed_rate))
        window.close()
    (fixed_paints, fixed_wakes), (paced_paints, paced_wakes) = results
    # The same frames, at the same moments, showing the same circle...
    assert len(paced_paints) == len(fixed_paints) > 300
    for (t_fixed, r_fixed), (t_paced, r_paced) in zip(fixed_paints, paced_paints, strict=True):
        assert t_paced == pytest.approx(t_fixed, abs=1e-5)
        assert r_paced == pytest.approx(r_fixed, abs=1e-6)
    # ...with about half the wake-ups: none at the turns and in the hold.
    assert paced_wakes < 0.65 * fixed_wakes, (paced_wakes, fixed_wakes)


def test_a_hidden_shape_needs_frames_only_for_the_text(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    # Eyes-closed mode hides the shape before it is ever painted: only the words change.
    plan = SessionPlan.from_breaths(Pattern(4, 6), 120)
    window, clock = make_window(qtbot, inhibitor, plan, eyes_closed=True)
    assert not window.view.isVisible()
    step(window, clock, COUNTDOWN_SECONDS + 0.5)
    _, wakes = _paced_paints(window, clock, 20.0, fixed_rate=False)
    assert wakes < 2.5 * 20, wakes  # the time left each second, the phase word


def test_a_resize_brings_the_next_frame_forward(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6, hold_in=4), 100)
    window, clock = make_window(qtbot, inhibitor, plan)
    qtbot.waitUntil(window.view.cache_ready)
    step(window, clock, COUNTDOWN_SECONDS + 4.4)  # in the hold: the shape rests
    qtbot.waitUntil(window.view.cache_ready)
    QApplication.processEvents()  # the hold's first frame is on screen
    window.frame_timer.timeout.emit()
    assert window.frame_timer.interval() > 100  # asleep until the text changes
    window.resize(window.width() + 80, window.height() + 60)  # a bigger shape to draw
    assert window.frame_timer.isActive()
    assert window.frame_timer.interval() <= 16


def test_a_hidden_session_still_ends_on_time(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor)
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)
    window.hide()
    timers = window.findChildren(type(window.frame_timer))
    single = [t for t in timers if t.isSingleShot() and t.isActive()]
    assert len(single) == 1 and single[0] is not window.frame_timer
    assert single[0].interval() == pytest.approx((COUNTDOWN_SECONDS + 8.0) * 1000, abs=5)
    clock.advance(COUNTDOWN_SECONDS + 8.0)
    single[0].timeout.emit()
    assert [o.ended_how for o in outcomes] == [EndedHow.COMPLETED]


def test_closing_mid_session_counts_as_stop(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor, SessionPlan.from_breaths(Pattern(4, 6), 6))
    step(window, clock, COUNTDOWN_SECONDS + 11.0)
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)
    window.close()
    assert [(o.ended_how, o.done_breaths) for o in outcomes] == [(EndedHow.STOPPED, 1)]
    assert not window.frame_timer.isActive()
    assert inhibitor.calls[-1] == "release"


def test_screen_lock_pauses(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor)
    step(window, clock, COUNTDOWN_SECONDS + 1.0)
    inhibitor.locked_changed.emit(True)
    assert window.run.stage is Stage.PAUSED
    inhibitor.locked_changed.emit(False)
    assert window.run.stage is Stage.PAUSED  # the user resumes when ready


def test_first_run_note_beside_the_countdown_only(
    qtbot: QtBot, inhibitor: FakeInhibitor, fake_inhibitor_class: type[Any]
) -> None:
    window, clock = make_window(qtbot, inhibitor, first_run=True)
    note = window.findChild(QLabel, "safetyNote")
    assert note.isVisible()
    assert note.text() == (
        "Herstel is a relaxation aid, not a treatment. If you feel dizzy or short of "
        "breath, stop and breathe normally."
    )
    step(window, clock, COUNTDOWN_SECONDS - 0.01)
    assert window.phase_text() == "Get ready"  # the countdown stays 3 s
    step(window, clock, 0.02)
    assert window.phase_text() == "Breathe in"
    assert not note.isVisible()

    other, _ = make_window(qtbot, fake_inhibitor_class())
    assert not other.findChild(QLabel, "safetyNote").isVisible()


def test_count_and_time_left(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    plan = SessionPlan.from_minutes(Pattern(4, 6), 5)
    window, clock = make_window(qtbot, inhibitor, plan, show_count=True)
    count = window.findChild(QLabel, "count")
    time_left = window.findChild(QLabel, "timeLeft")
    assert time_left.text() == "5:00 left"
    step(window, clock, COUNTDOWN_SECONDS + 40.5)
    assert time_left.text() == "4:20 left"
    assert count.isVisible()
    assert count.text() == "1"
    step(window, clock, 2.0)
    assert count.text() == "3"
    assert format_clock(59.2) == "1:00"
    assert format_clock(0) == "0:00"


def test_every_control_has_an_accessible_name(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, _ = make_window(qtbot, inhibitor)
    names = {b.accessibleName() for b in window.findChildren(QPushButton)}
    assert names == {"Pause", "Stop", "I feel dizzy", "Full screen"}
    assert _button(window, "Stop").accessibleName() == "Stop"
    phase = QAccessible.queryAccessibleInterface(window.findChild(QLabel, "phaseWord"))
    assert phase.text(QAccessible.Text.Name) == window.phase_text()  # read as shown
    assert window.view.accessibleName()


def test_reduced_motion_swaps_the_visual(qtbot: QtBot, fake_inhibitor_class: type[Any]) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 3)
    for reduced in (True, False):
        window, clock = make_window(qtbot, fake_inhibitor_class(), plan, reduced_motion=reduced)
        step(window, clock, COUNTDOWN_SECONDS)
        radii, volumes, levels = set(), set(), set()
        for _ in range(8):
            step(window, clock, 0.5)
            radii.add(round(window.view.current_radius(), 6))
            volumes.add(round(window.view.volume(), 6))
            levels.add(round(window.view.current_level(), 6))
        assert len(volumes) == 8
        if reduced:
            assert len(radii) == 1
            assert len(levels) == 8
        else:
            assert len(radii) == 8


def test_the_window_puts_up_no_end_page_of_its_own(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    """What follows the last breath is the flow's decision: the window only says it ended."""
    clock = ManualClock()
    window = SessionWindow(
        SessionRun(SessionPlan.from_breaths(Pattern(2, 2), 2), clock),
        inhibitor=inhibitor,  # type: ignore[arg-type]
    )
    qtbot.addWidget(window)
    window.show()
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)
    window.stop()
    assert len(outcomes) == 1
    assert window.end_page() is None
    custom = QLabel("check")
    window.show_end_page(custom)
    assert window.end_page() is custom
    assert custom.isVisible()


# --- the session controller ---------------------------------------------------------


def test_controller_opens_one_session_and_reports_the_record(
    qtbot: QtBot, fake_inhibitor_class: type[Any]
) -> None:
    clock = ManualClock()
    fakes: list[FakeInhibitor] = []

    def factory(_parent: QObject) -> ScreenSaverInhibitor:
        fake = fake_inhibitor_class()
        fakes.append(fake)
        return fake  # type: ignore[no-any-return]

    controller = SessionController(
        clock, settings=Settings(first_run_done=True), inhibitor_factory=factory
    )
    plan = SessionPlan.from_breaths(Pattern(2, 2), 1)
    window = controller.start(plan, Trigger.CLI)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert controller.is_running
    assert controller.start(plan, Trigger.WINDOW) is window  # raised, not a second one
    assert len(fakes) == 1

    with qtbot.waitSignal(controller.session_ended, timeout=1000) as blocker:
        clock.advance(COUNTDOWN_SECONDS + 4.0)
        window.tick()
    record = blocker.args[0] if blocker.args else None
    assert record is not None
    assert record.trigger is Trigger.CLI
    assert record.ended_how is EndedHow.COMPLETED
    assert record.pattern == "2-2"
    assert record.done_breaths == 1
    assert not controller.is_running

    second = controller.start(plan, Trigger.WINDOW)  # a new session replaces the end page
    qtbot.addWidget(second)
    assert second is not window
    assert controller.window is second
    second.close()


# --- the screen saver ---------------------------------------------------------------


def test_inhibitor_without_a_bus_does_nothing_quietly(qtbot: QtBot) -> None:
    inhibitor = ScreenSaverInhibitor(address="unix:path=/nonexistent/herstel-test-bus")
    assert not inhibitor.available
    inhibitor.inhibit()
    assert not inhibitor.inhibited
    inhibitor.release()
    inhibitor.close()


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FakeScreenSaverService(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[object, ...]] = []

    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:
        self.calls.append(("Inhibit", app, reason))
        return 42

    @Slot(int)
    def UnInhibit(self, cookie: int) -> None:
        self.calls.append(("UnInhibit", cookie))


@pytest.fixture
def private_bus() -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=5)
        process.stdout.close()


def test_inhibitor_inhibits_releases_and_reports_the_lock(qtbot: QtBot, private_bus: str) -> None:
    server = QDBusConnection.connectToBus(private_bus, "herstel-test-screensaver")
    service = FakeScreenSaverService()
    assert server.registerObject(
        "/org/freedesktop/ScreenSaver",
        service,
        QDBusConnection.RegisterOption.ExportAllSlots,
    )
    assert server.registerService("org.freedesktop.ScreenSaver")
    inhibitor = ScreenSaverInhibitor(address=private_bus)
    try:
        assert inhibitor.available
        inhibitor.inhibit()
        qtbot.waitUntil(lambda: inhibitor.inhibited, timeout=3000)
        assert service.calls == [("Inhibit", "Herstel", "A breathing session is running")]
        holder = QDBusConnection(inhibitor.connection_name or "").baseService()

        with qtbot.waitSignal(inhibitor.locked_changed, timeout=3000) as blocker:
            signal = QDBusMessage.createSignal(
                "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
            )
            signal.setArguments([True])
            server.send(signal)
        assert blocker.args == [True]

        inhibitor.release()
        assert not inhibitor.inhibited
        qtbot.waitUntil(lambda: ("UnInhibit", 42) in service.calls, timeout=3000)
        # The private connection is gone, so every service drops the inhibition.
        qtbot.waitUntil(
            lambda: not server.interface().isServiceRegistered(holder).value(), timeout=3000
        )
    finally:
        inhibitor.close()
        server.unregisterService("org.freedesktop.ScreenSaver")
        server.unregisterObject("/org/freedesktop/ScreenSaver")
        QDBusConnection.disconnectFromBus("herstel-test-screensaver")


def _button(window: SessionWindow, name: str) -> QPushButton:
    for button in window.findChildren(QPushButton):
        if button.accessibleName() == name:
            return button
    raise AssertionError(f"no button {name!r}")


def _frames(window: SessionWindow, clock: ManualClock, seconds: float, check: Any) -> None:
    """Run the frame timer's slot every 16 ms of fake time, checking after each frame."""
    for _ in range(round(seconds / 0.016)):
        clock.advance(0.016)
        window.frame_timer.timeout.emit()
        check()


def _expected_left(run: SessionRun) -> str:
    return f"{format_clock(run.plan.duration - run.breathing_elapsed())} left"


@pytest.mark.parametrize("gentle", [False, True])
def test_frames_between_text_changes_match_a_full_tick_exactly(
    qtbot: QtBot, inhibitor: FakeInhibitor, monkeypatch: pytest.MonkeyPatch, gentle: bool
) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6, hold_in=1.5), 8, gentle_start=gentle)
    window, clock = make_window(qtbot, inhibitor, plan, show_count=True)
    run = window.run
    full: list[float] = []
    render = window._render

    def counted_render() -> None:
        full.append(run.breathing_elapsed())
        render()

    monkeypatch.setattr(window, "_render", counted_render)
    count = window.findChild(QLabel, "count")
    time_left = window.findChild(QLabel, "timeLeft")
    step(window, clock, COUNTDOWN_SECONDS)
    full.clear()

    def check() -> None:
        state = run.state()
        # The shape follows the clock on every frame, as a full tick would draw it.
        assert window.view.volume() == pytest.approx(state.volume, abs=1e-9)
        assert window.phase_text() == WORDS[state.phase]
        assert time_left.text() == _expected_left(run)
        assert count.text() == str(state.second_count)

    _frames(window, clock, 45.0, check)
    frames = round(45.0 / 0.016)
    if gentle:  # easing in: the phase is not linear in time, every frame asks the plan
        assert len(full) == frames
    else:
        # A full tick only where a text changes: each second and each phase onset.
        assert len(full) < 2.5 * 45
        assert all(any(abs(t - b) < 0.016 for b in _text_changes(plan)) for t in full)


def _text_changes(plan: SessionPlan) -> list[float]:
    """Breathing seconds at which a phase begins or the time left shows a new second."""
    times = [t for t, _, _ in plan.boundaries()]
    times += [plan.duration - whole for whole in range(math.ceil(plan.duration) + 1)]
    # A second of the phase (the count) begins a whole number of seconds after its onset.
    times += [t + k for t, _, _ in plan.boundaries() for k in range(1, 13)]
    return times


def test_a_pause_ends_the_quiet_stretch_and_resume_continues_exactly(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 6)
    window, clock = make_window(qtbot, inhibitor, plan)
    step(window, clock, COUNTDOWN_SECONDS + 1.0)
    _frames(window, clock, 0.5, lambda: None)
    before = window.view.volume()
    elapsed = window.run.breathing_elapsed()
    window.pause()
    assert window.phase_text() == "Paused"
    clock.advance(30.0)
    window.frame_timer.timeout.emit()  # a stray frame while paused changes nothing
    assert window.phase_text() == "Paused"
    assert window.view.volume() == before
    window.toggle_pause()
    clock.advance(0.016)
    window.frame_timer.timeout.emit()
    assert window.phase_text() == "Breathe in"
    assert window.view.volume() == pytest.approx(window.run.state().volume, abs=1e-12)
    assert window.run.state().elapsed == pytest.approx(elapsed + 0.016)


def test_stop_during_a_quiet_stretch_ends_at_once(qtbot: QtBot, inhibitor: FakeInhibitor) -> None:
    window, clock = make_window(qtbot, inhibitor, SessionPlan.from_breaths(Pattern(4, 6), 6))
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)
    step(window, clock, COUNTDOWN_SECONDS + 1.0)
    _frames(window, clock, 0.2, lambda: None)
    window.stop()
    assert [o.ended_how for o in outcomes] == [EndedHow.STOPPED]
    window.frame_timer.timeout.emit()
    assert len(outcomes) == 1


def test_the_session_ends_on_the_frame_after_its_last_breath(
    qtbot: QtBot, inhibitor: FakeInhibitor
) -> None:
    plan = SessionPlan.from_breaths(Pattern(2, 2), 2)
    window, clock = make_window(qtbot, inhibitor, plan)
    outcomes: list[SessionOutcome] = []
    window.ended.connect(outcomes.append)
    step(window, clock, COUNTDOWN_SECONDS)
    _frames(window, clock, plan.duration - 0.02, lambda: None)
    assert outcomes == []
    clock.advance(0.03)
    window.frame_timer.timeout.emit()
    assert [o.ended_how for o in outcomes] == [EndedHow.COMPLETED]
