"""``quiet_stretch``: the rest of a phase in which nothing but the shape moves.

The session window skips its labels for every frame inside the stretch and
computes the volume from the stretch alone, so the stretch must be exactly
right: the same phase, the same volume as the plan gives, and no text change.
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from herstel.core.rhythm import PHASE_LIMITS, STEP, Pattern, SessionPlan, quiet_stretch, volume


def seconds(field: str, may_be_absent: bool = False) -> st.SearchStrategy[float]:
    low, high = PHASE_LIMITS[field]
    grid = st.integers(round(low / STEP), round(high / STEP)).map(lambda n: n * STEP)
    return st.one_of(st.just(0.0), grid) if may_be_absent else grid


def plans(max_breaths: int, gentle: bool | None = None) -> st.SearchStrategy[SessionPlan]:
    patterns = st.builds(
        Pattern,
        inhale=seconds("inhale"),
        exhale=seconds("exhale"),
        hold_in=seconds("hold_in", True),
        hold_out=seconds("hold_out", True),
    )
    gentle_start = st.booleans() if gentle is None else st.just(gentle)
    return st.builds(SessionPlan.from_breaths, patterns, st.integers(1, max_breaths), gentle_start)


def shown_left(plan: SessionPlan, t: float) -> int:
    """The time left as the window shows it: whole seconds, rounded up."""
    return max(0, math.ceil(plan.duration - t - 1e-9))


@given(
    plan=plans(max_breaths=6),
    at=st.floats(0.0, 1.0),
    count=st.booleans(),
    samples=st.lists(st.floats(0.0, 1.0, exclude_max=True), min_size=1, max_size=8),
)
def test_inside_the_stretch_only_the_volume_changes_and_as_the_plan_says(
    plan: SessionPlan, at: float, count: bool, samples: list[float]
) -> None:
    t = at * plan.duration
    state = plan.state_at(t)
    left = shown_left(plan, t)
    stretch = quiet_stretch(state, plan, shown_left=left, count_each_second=count)
    if stretch is None:
        return
    start, length, until = stretch
    assert start <= t < until <= start + length
    for fraction in samples:
        s = t + fraction * (until - t)
        later = plan.state_at(s)
        assert later.phase is state.phase
        assert later.breath_index == state.breath_index
        assert math.isclose(later.volume, volume(state.phase, (s - start) / length), abs_tol=1e-9)
        assert shown_left(plan, s) == left
        if count:
            assert later.second_count == state.second_count


@given(plan=plans(max_breaths=3, gentle=True), at=st.floats(0.0, 1.0))
def test_no_stretch_while_a_gentle_start_eases_in(plan: SessionPlan, at: float) -> None:
    t = at * min(plan.duration, 50.0)
    state = plan.state_at(t)
    stretch = quiet_stretch(state, plan, shown_left=shown_left(plan, t), count_each_second=False)
    start = state.elapsed - state.phase_progress * state.phase_duration
    assert stretch is None or start >= 60.0
