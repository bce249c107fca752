"""The announcement rule over whole simulated sessions on a manual clock.

The oracle is the plan's own list of phase onsets (``SessionPlan.boundaries``):
a session must announce "get ready" once, then every onset exactly once, in
order, whatever the frame rate, pauses or gentle start.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herstel.core.announcements import PAUSED, READY, Moment, PhaseAnnouncer, moment_of
from herstel.core.clock import ManualClock
from herstel.core.rhythm import Pattern, Phase, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionRun, Stage

FRAME = 1 / 60


class Simulation:
    """A run on a manual clock, read frame by frame the way the session window reads it."""

    def __init__(self, plan: SessionPlan) -> None:
        self.clock = ManualClock()
        self.run = SessionRun(plan, self.clock)
        self.announcer = PhaseAnnouncer()
        self.shown: Moment | None = None
        self.announced: list[Moment] = []
        self.run.start()
        self.frame()

    def frame(self) -> None:
        moment = moment_of(self.run)
        if moment is None or moment == self.shown:
            return  # the window only passes on a moment new on screen
        self.shown = moment
        if self.announcer.decide(moment):
            self.announced.append(moment)

    def play(self, seconds: float, frame: float = FRAME) -> None:
        end = self.clock.monotonic() + seconds
        while self.clock.monotonic() < end and self.run.stage is not Stage.ENDED:
            self.clock.advance(min(frame, end - self.clock.monotonic()))
            self.frame()

    def to_the_end(self, frame: float = FRAME) -> None:
        while self.run.stage is not Stage.ENDED:
            self.play(frame, frame)


def onsets(plan: SessionPlan) -> list[Moment]:
    return [READY, *((index, phase) for _onset, phase, index in plan.boundaries())]


PLANS = {
    "4-6": SessionPlan.from_breaths(Pattern(4, 6), 3),
    "box": SessionPlan.from_breaths(Pattern(4, 4, hold_in=4, hold_out=4), 2),
    "4-7-8": SessionPlan.from_breaths(Pattern(4, 8, hold_in=7), 2),
    "gentle": SessionPlan.from_minutes(Pattern(4, 6), 1, gentle_start=True),
}


@pytest.mark.parametrize("name", list(PLANS))
def test_every_phase_is_announced_exactly_once_in_order(name: str) -> None:
    plan = PLANS[name]
    sim = Simulation(plan)
    sim.to_the_end()
    assert sim.announced == onsets(plan)
    assert len(sim.announced) == 1 + plan.breaths * len(list(plan.pattern.phases()))


@pytest.mark.parametrize("frame", [FRAME, 0.2, 0.7])
def test_the_frame_rate_does_not_change_what_is_said(frame: float) -> None:
    plan = PLANS["4-6"]  # no phase is shorter than 0.7 s, so no frame skips one
    sim = Simulation(plan)
    sim.to_the_end(frame)
    assert sim.announced == onsets(plan)


def paused_at(plan: SessionPlan, moments: list[float], away: float = 600.0) -> Simulation:
    """Play ``plan``, pausing at each of ``moments`` (active seconds) for ``away`` seconds."""
    sim = Simulation(plan)
    start = sim.clock.monotonic()
    for count, at in enumerate(moments):
        sim.play(start + count * away + at - sim.clock.monotonic())
        sim.run.pause()
        sim.frame()
        sim.clock.advance(away)
        sim.frame()
        sim.run.resume()
        sim.frame()
    sim.to_the_end()
    return sim


def test_pause_and_resume_say_paused_and_repeat_no_phase() -> None:
    plan = PLANS["4-6"]
    # Mid-countdown, mid-inhale of breath 1, and twice within one exhale of breath 2.
    at = [1.0, COUNTDOWN_SECONDS + 11.0, COUNTDOWN_SECONDS + 25.0, COUNTDOWN_SECONDS + 26.0]
    sim = paused_at(plan, at)
    assert sim.announced.count(PAUSED) == 4
    assert [m for m in sim.announced if m != PAUSED] == onsets(plan)
    first_pause = sim.announced.index(PAUSED)
    assert sim.announced[: first_pause + 2] == [READY, PAUSED, (0, Phase.INHALE)]
    assert sim.announcer.said(1, Phase.INHALE)
    assert sim.announced[-3:] == [(2, Phase.EXHALE), PAUSED, PAUSED]  # resumed twice, said once


def test_a_language_change_redraws_without_repeating() -> None:
    """The window forgets what it shows (to show it in the new language): nothing is re-said."""
    plan = PLANS["4-6"]
    sim = Simulation(plan)
    sim.play(COUNTDOWN_SECONDS + 1.0)
    before = list(sim.announced)
    sim.shown = None  # what SessionWindow._retranslate does
    sim.frame()
    assert sim.announced == before


def test_decide_alone() -> None:
    announcer = PhaseAnnouncer()
    decide: Callable[[Moment], bool] = announcer.decide
    assert decide(READY)
    assert not decide(READY)
    assert decide((0, Phase.INHALE))
    assert decide(PAUSED)
    assert not decide((0, Phase.INHALE))
    assert decide(PAUSED)
    assert decide((0, Phase.EXHALE))
    assert decide((1, Phase.INHALE))
    assert not announcer.said(1, Phase.EXHALE)
