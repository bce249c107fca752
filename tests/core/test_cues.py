"""The cue schedule over whole simulated sessions on a manual clock: no sleeps, no Qt.

The checks do not trust the schedule: a played cue is compared with the picture,
``SessionPlan.state_at`` of the breathing time the test itself works out from the
clock and the pauses it made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from herstel.core.clock import ManualClock
from herstel.core.cues import (
    CUE_FOR_PHASE,
    LATE_SECONDS,
    Cue,
    CueSequencer,
    cue_schedule,
    next_cue,
)
from herstel.core.rhythm import Pattern, Phase, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionRun, Stage

FOUR_SIX = Pattern(4, 6)
BOX = Pattern(inhale=4, hold_in=4, exhale=4, hold_out=4)
FOUR_SEVEN_EIGHT = Pattern(inhale=4, hold_in=7, exhale=8)
GENTLE = Pattern(3.5, 5)
TOLERANCE = 0.020  # the budget: every cue within 20 ms of its phase boundary


@dataclass
class Played:
    cue: Cue
    at: float  # monotonic
    breathing: float  # breathing seconds, as the test itself counts them


@dataclass
class Simulation:
    """A run driven the way the UI drives it: sleep until the next cue, then take it."""

    plan: SessionPlan
    clock: ManualClock = field(default_factory=ManualClock)
    played: list[Played] = field(default_factory=list)
    paused: list[tuple[float, float]] = field(default_factory=list)  # monotonic spans
    start: float = 0.0

    def __post_init__(self) -> None:
        self.run = SessionRun(self.plan, self.clock)
        self.sequencer = CueSequencer(self.run)

    def breathing_at(self, mono: float) -> float:
        """Breathing seconds at ``mono``, from the test's own bookkeeping."""
        paused = sum(end - begin for begin, end in self.paused if end <= mono)
        return mono - self.start - COUNTDOWN_SECONDS - paused

    def go(
        self,
        rng: random.Random,
        *,
        lateness: float = 0.003,
        pauses: int = 0,
        until: float | None = None,
    ) -> None:
        self.start = self.clock.monotonic()
        self.run.start()
        pause_points = sorted(rng.uniform(0, self.plan.duration) for _ in range(pauses))
        while (upcoming := self.sequencer.next()) is not None:
            _cue, due = upcoming
            if until is not None and due > until:
                return
            if pause_points and self.breathing_at(due) > pause_points[0]:
                # Pause somewhere before the cue (maybe right on a boundary), then resume.
                self._advance_to(due - rng.uniform(0, 0.5) if rng.random() < 0.8 else due)
                pause_points.pop(0)
                begin = self.clock.monotonic()
                self.run.pause()
                if self.run.stage is not Stage.PAUSED:  # paused right at the end: too late
                    continue
                assert self.sequencer.next() is None  # nothing is due while paused
                assert self.sequencer.take_due(begin + 60) is None
                self.clock.advance(rng.uniform(0.1, 120))
                self.run.resume()
                self.paused.append((begin, self.clock.monotonic()))
                continue
            self._advance_to(due + rng.uniform(0, lateness))
            now = self.clock.monotonic()
            taken = self.sequencer.take_due(now)
            assert taken is not None
            self.played.append(Played(taken.cue, now, self.breathing_at(now)))

    def _advance_to(self, mono: float) -> None:
        self.clock.advance(max(0.0, mono - self.clock.monotonic()))

    def offsets(self) -> list[float]:
        """How far each played cue is from the onset of the phase the picture shows.

        The picture is read a microsecond later, so a cue that lands on the boundary
        to the last bit of a float (the gentle start's onsets are found by bisection)
        sees the new phase.
        """
        nudge = 1e-6
        result = []
        for played in self.played:
            state = self.plan.state_at(played.breathing + nudge)
            if played.cue is Cue.BELL:
                assert state.finished
                result.append(played.breathing - self.plan.duration)
                continue
            assert CUE_FOR_PHASE[state.phase] is played.cue
            result.append(state.phase_progress * state.phase_duration - nudge)
        return result


def onsets(plan: SessionPlan) -> int:
    return sum(1 for _ in plan.boundaries())


@pytest.mark.parametrize(
    ("pattern", "gentle"),
    [(FOUR_SIX, False), (BOX, False), (FOUR_SEVEN_EIGHT, False), (GENTLE, True)],
    ids=["4-6", "box", "4-7-8", "gentle start"],
)
def test_every_cue_of_a_twenty_minute_session_is_on_its_boundary(
    pattern: Pattern, gentle: bool
) -> None:
    plan = SessionPlan.from_minutes(pattern, 20, gentle_start=gentle)
    sim = Simulation(plan)
    sim.go(random.Random(20), lateness=0.0)
    assert len(sim.played) == onsets(plan) + 1
    offsets = sim.offsets()
    assert max(abs(o) for o in offsets) < 1e-6  # on the boundary by construction
    assert offsets[-1] == pytest.approx(0.0, abs=1e-9)  # no drift after 20 minutes
    assert sim.played[-1].cue is Cue.BELL
    assert [p.cue for p in sim.played].count(Cue.BELL) == 1


def test_a_late_timer_stays_within_twenty_ms_and_never_accumulates() -> None:
    plan = SessionPlan.from_minutes(FOUR_SIX, 20)
    sim = Simulation(plan)
    sim.go(random.Random(7), lateness=0.015)  # every wake-up up to 15 ms late
    offsets = sim.offsets()
    assert len(offsets) == 241  # 120 breaths × (in, out) + the bell
    assert all(0.0 <= o <= 0.015 + 1e-9 for o in offsets)
    assert max(offsets) < TOLERANCE
    # Lateness does not add up: the last cues are no later than the first ones.
    assert max(offsets[-20:]) <= 0.015 + 1e-9


def test_pauses_move_the_cues_and_none_plays_during_one() -> None:
    plan = SessionPlan.from_minutes(BOX, 20)
    sim = Simulation(plan)
    sim.go(random.Random(3), pauses=12)
    assert len(sim.paused) == 12
    assert len(sim.played) == onsets(plan) + 1  # a pause loses no cue and repeats none
    assert max(abs(o) for o in sim.offsets()) < TOLERANCE
    for played in sim.played:
        assert not any(begin < played.at < end for begin, end in sim.paused)


@settings(max_examples=40, deadline=None)
@given(
    inhale=st.integers(4, 16).map(lambda n: n / 2),
    hold_in=st.sampled_from([0.0, 2.0, 7.0]),
    exhale=st.integers(4, 24).map(lambda n: n / 2),
    hold_out=st.sampled_from([0.0, 4.0]),
    minutes=st.integers(1, 20),
    gentle=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
@example(  # a pause asked for at the very end of the session, when it has already ended
    inhale=2.0, hold_in=7.0, exhale=11.5, hold_out=0.0, minutes=1, gentle=True, seed=17699272
)
def test_any_pattern_with_pauses_keeps_every_cue_on_time(
    inhale: float,
    hold_in: float,
    exhale: float,
    hold_out: float,
    minutes: int,
    gentle: bool,
    seed: int,
) -> None:
    pattern = Pattern(inhale=inhale, hold_in=hold_in, exhale=exhale, hold_out=hold_out)
    plan = SessionPlan.from_minutes(pattern, minutes, gentle_start=gentle)
    sim = Simulation(plan)
    rng = random.Random(seed)
    sim.go(rng, lateness=0.010, pauses=rng.randint(0, 4))
    assert len(sim.played) == onsets(plan) + 1
    assert max(abs(o) for o in sim.offsets()) < TOLERANCE
    assert sim.played[-1].cue is Cue.BELL
    assert sim.played[-1].breathing == pytest.approx(plan.duration, abs=TOLERANCE)
    # The bell comes after the last full breath: after the exhale (or the hold-out).
    last_phase = pattern.phases()[-1][0]
    assert sim.played[-2].cue is CUE_FOR_PHASE[last_phase]


def test_the_schedule_names_each_phase_and_ends_with_the_bell() -> None:
    schedule = cue_schedule(SessionPlan.from_breaths(BOX, 2))
    assert [(c.cue.value, c.at, c.breath) for c in schedule] == [
        ("in", 0, 0),
        ("hold", 4, 0),
        ("out", 8, 0),
        ("hold", 12, 0),
        ("in", 16, 1),
        ("hold", 20, 1),
        ("out", 24, 1),
        ("hold", 28, 1),
        ("bell", 32, 2),
    ]
    assert [c.index for c in schedule] == list(range(9))


def test_next_cue_after_a_time() -> None:
    schedule = cue_schedule(SessionPlan.from_breaths(FOUR_SIX, 2))
    first = next_cue(schedule, 0.0)
    assert first is not None and (first.cue, first.at) == (Cue.INHALE, 0)
    later = next_cue(schedule, 4.0001)
    assert later is not None and (later.cue, later.at) == (Cue.INHALE, 10)
    on = next_cue(schedule, 4.0)
    assert on is not None and on.cue is Cue.EXHALE
    skipped = next_cue(schedule, 4.0, after=on.index)
    assert skipped is not None and skipped.at == 10
    bell = next_cue(schedule, 19.5)
    assert bell is not None and bell.cue is Cue.BELL
    assert next_cue(schedule, 20.1) is None


def test_nothing_is_due_before_the_countdown_ends() -> None:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(FOUR_SIX, 1), clock)
    sequencer = CueSequencer(run)
    assert sequencer.next() is None  # not started
    run.start()
    upcoming = sequencer.next()
    assert upcoming is not None
    assert upcoming[1] == clock.monotonic() + COUNTDOWN_SECONDS
    clock.advance(2.9)
    assert sequencer.take_due(clock.monotonic()) is None
    clock.advance(0.1)
    taken = sequencer.take_due(clock.monotonic())
    assert taken is not None and taken.cue is Cue.INHALE
    assert sequencer.take_due(clock.monotonic()) is None  # never twice


@pytest.mark.parametrize("how", ["stop", "dizzy"])
def test_no_bell_and_no_cue_after_stop_or_dizzy(how: str) -> None:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(FOUR_SIX, 2), clock)
    sequencer = CueSequencer(run)
    run.start()
    clock.advance(COUNTDOWN_SECONDS)
    assert sequencer.take_due(clock.monotonic()) is not None  # the first "in"
    getattr(run, how)()
    assert sequencer.next() is None
    clock.advance(60)
    assert sequencer.take_due(clock.monotonic()) is None


def test_overdue_cues_are_skipped_not_played_late() -> None:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(FOUR_SIX, 3), clock)
    sequencer = CueSequencer(run)
    run.start()
    clock.advance(COUNTDOWN_SECONDS + 14.1)  # the app was busy: in@0, out@4, in@10 missed
    assert LATE_SECONDS > 0.1
    taken = sequencer.take_due(clock.monotonic())
    assert taken is not None and (taken.cue, taken.at) == (Cue.EXHALE, 14)  # 0.1 s late
    upcoming = sequencer.next()
    assert upcoming is not None and (upcoming[0].cue, upcoming[0].at) == (Cue.INHALE, 20)


def test_a_watcher_hears_every_command_once() -> None:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(FOUR_SIX, 2), clock)
    heard: list[str] = []
    run.watch(lambda: heard.append(run.stage.value))
    run.pause()  # before start: nothing happens, nothing to hear
    run.start()
    clock.advance(4)
    run.pause()
    run.pause()
    run.resume()
    run.stop()
    run.stop()
    assert heard == ["countdown", "paused", "breathing", "ended"]


def test_monotonic_at_inverts_breathing_elapsed() -> None:
    clock = ManualClock()
    run = SessionRun(SessionPlan.from_breaths(FOUR_SIX, 3), clock)
    run.start()
    clock.advance(7.25)
    run.pause()
    assert run.monotonic_at(10.0) is None
    clock.advance(30)
    run.resume()
    at = run.monotonic_at(10.0)
    assert at is not None
    clock.advance(at - clock.monotonic())
    assert run.breathing_elapsed() == pytest.approx(10.0, abs=1e-9)
    assert run.state().phase is Phase.INHALE and run.state().phase_progress == 0
