"""Cyclic sighing: a double inhale (a full one, then a short top-up) and a long exhale."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.announcements import PhaseAnnouncer
from herstel.core.cues import Cue, cue_schedule
from herstel.core.rhythm import (
    PRESETS,
    TOP_UP_FROM,
    Pattern,
    PatternError,
    Phase,
    SessionPlan,
    parse_pattern,
    volume,
)

SIGH = Pattern(inhale=3, top_up=1, exhale=6)


def test_the_sigh_preset_is_a_double_inhale_at_six_a_minute() -> None:
    (preset,) = [preset for preset in PRESETS if preset.key == "sigh"]
    assert preset.pattern == SIGH == parse_pattern("sigh")
    assert SIGH.phases() == ((Phase.INHALE, 3), (Phase.TOP_UP, 1), (Phase.EXHALE, 6))
    assert SIGH.period == 10 and SIGH.breaths_per_minute == 6
    assert SIGH.exhale > SIGH.inhale + SIGH.top_up


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("3+1-6", SIGH),
        ("3 + 1 - 6", SIGH),
        ("2,5+0,5-7", Pattern(2.5, 7, top_up=0.5)),
        ("4+1-2-6", Pattern(4, 6, hold_in=2, top_up=1)),
        ("4+1-2-6-1", Pattern(4, 6, hold_in=2, hold_out=1, top_up=1)),
    ],
)
def test_a_double_inhale_is_written_with_a_plus_and_reads_back(text: str, pattern: Pattern) -> None:
    assert parse_pattern(text) == pattern
    assert parse_pattern(pattern.label) == pattern


@pytest.mark.parametrize("text", ["3+0-6", "3+2.5-6", "3+0.3-6", "1+1-6", "+1-6", "3+1"])
def test_bad_double_inhales_are_refused(text: str) -> None:
    with pytest.raises(PatternError):
        parse_pattern(text)


def test_the_label_of_a_pattern_without_a_top_up_is_unchanged() -> None:
    assert [p.label for p in (Pattern(4, 6), Pattern(4, 6, hold_in=7))] == ["4-6", "4-7-6"]
    assert Pattern(4, 6).inhale_peak == 1.0
    assert SIGH.inhale_peak == TOP_UP_FROM


def test_phase_boundaries_and_volumes_of_the_double_inhale() -> None:
    plan = SessionPlan.from_breaths(SIGH, 2)
    assert list(plan.boundaries()) == [
        (0.0, Phase.INHALE, 0),
        (3.0, Phase.TOP_UP, 0),
        (4.0, Phase.EXHALE, 0),
        (10.0, Phase.INHALE, 1),
        (13.0, Phase.TOP_UP, 1),
        (14.0, Phase.EXHALE, 1),
    ]
    assert plan.state_at(2.999).phase is Phase.INHALE
    assert plan.state_at(3.0).phase is Phase.TOP_UP
    assert plan.state_at(3.0).volume == pytest.approx(TOP_UP_FROM)
    assert plan.state_at(3.5).volume == pytest.approx((TOP_UP_FROM + 1) / 2)
    assert plan.state_at(4.0).volume == 1.0
    assert plan.state_at(20.0).finished


def test_the_top_up_sounds_like_an_inhale_and_is_announced_once() -> None:
    schedule = cue_schedule(SessionPlan.from_breaths(SIGH, 1))
    assert [(c.cue, c.at) for c in schedule] == [
        (Cue.INHALE, 0.0),
        (Cue.INHALE, 3.0),
        (Cue.EXHALE, 4.0),
        (Cue.BELL, 10.0),
    ]
    announcer = PhaseAnnouncer()
    said = [announcer.decide((0, phase)) for phase in (Phase.INHALE, Phase.TOP_UP, Phase.TOP_UP)]
    assert said == [True, True, False]


def test_volume_without_a_peak_is_the_old_half_cosine() -> None:
    for p in (0.0, 0.25, 0.5, 1.0):
        assert volume(Phase.INHALE, p) == 0.5 * (1 - math.cos(math.pi * p))


top_up_patterns = st.builds(
    lambda inhale, top, exhale, hold: Pattern(inhale, exhale, hold_in=hold, top_up=top),
    st.integers(4, 16).map(lambda n: n / 2),
    st.integers(1, 4).map(lambda n: n / 2),
    st.integers(4, 24).map(lambda n: n / 2),
    st.sampled_from([0.0, 0.0, 1.0]),
)


@given(top_up_patterns, st.booleans(), st.floats(0.0, 1.0))
def test_volume_is_continuous_over_the_double_inhale(
    pattern: Pattern, gentle: bool, where: float
) -> None:
    """No jump anywhere: the half-cosine's slope is at most π/2 per phase length."""
    plan = SessionPlan.from_breaths(pattern, 2, gentle_start=gentle)
    t = where * plan.duration
    h = 1e-4
    a, b = plan.state_at(t).volume, plan.state_at(min(t + h, plan.duration)).volume
    shortest = min(seconds for _, seconds in pattern.phases())
    slowest_factor = 60.0 / 7.0 / pattern.period if gentle else 1.0  # gentle start runs faster
    assert abs(b - a) <= math.pi / 2 / (shortest * min(1.0, slowest_factor)) * h + 1e-9
    for onset, _phase, _breath in plan.boundaries():  # exactly continuous at each phase change
        before = plan.state_at(max(onset - 1e-9, 0.0)).volume
        assert abs(plan.state_at(onset).volume - before) < 1e-6


@given(top_up_patterns, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_the_second_inhale_shows_as_a_rise_to_full(pattern: Pattern, p: float, q: float) -> None:
    lo, hi = sorted((p, q))
    first_top = pattern.volume_at(Phase.INHALE, 1.0)
    assert first_top == TOP_UP_FROM
    assert pattern.volume_at(Phase.TOP_UP, lo) <= pattern.volume_at(Phase.TOP_UP, hi)
    assert pattern.volume_at(Phase.TOP_UP, 1.0) - pattern.volume_at(Phase.TOP_UP, 0.0) >= 0.25
    assert pattern.volume_at(Phase.TOP_UP, 1.0) == 1.0  # the same top as any pattern
