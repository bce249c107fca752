"""Properties of the rhythm engine that must hold for every valid pattern and time."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from herstel.core.rhythm import (
    GENTLE_START_RATE,
    PHASE_LIMITS,
    STEP,
    Pattern,
    PatternError,
    Phase,
    SessionPlan,
    parse_pattern,
    volume,
)

FIELDS = ("inhale", "hold_in", "exhale", "hold_out")


def on_grid(field: str) -> st.SearchStrategy[float]:
    """Every allowed length of one phase: its range on the 0.5 s grid."""
    low, high = PHASE_LIMITS[field]
    return st.integers(round(low / STEP), round(high / STEP)).map(lambda n: n * STEP)


def hold(field: str) -> st.SearchStrategy[float]:
    """Holds are often absent, so generate "none" as often as some length."""
    return st.one_of(st.just(0.0), on_grid(field))


patterns = st.builds(
    Pattern,
    inhale=on_grid("inhale"),
    exhale=on_grid("exhale"),
    hold_in=hold("hold_in"),
    hold_out=hold("hold_out"),
)


def plans(max_breaths: int = 120, gentle: bool | None = None) -> st.SearchStrategy[SessionPlan]:
    """Plans of any valid pattern; ``gentle`` None means either."""
    gentle_start = st.booleans() if gentle is None else st.just(gentle)
    return st.builds(SessionPlan.from_breaths, patterns, st.integers(1, max_breaths), gentle_start)


def theta(plan: SessionPlan, t: float) -> float:
    """Breaths since the start as the state reports it (index plus progress)."""
    state = plan.state_at(t)
    return state.breath_index + state.breath_progress


def max_volume_speed(plan: SessionPlan) -> float:
    """Upper bound on |dv/dt|: (π/2)·(phase progress per second) at the fastest rate."""
    pattern = plan.pattern
    rate = 1 / pattern.period
    if plan.gentle_start:
        rate = max(GENTLE_START_RATE, rate)
    return math.pi / 2 * rate * pattern.period / min(pattern.inhale, pattern.exhale)


@given(st.sampled_from(list(Phase)), st.floats(-1, 2))
def test_volume_function_stays_in_unit_range(phase: Phase, progress: float) -> None:
    assert 0 <= volume(phase, progress) <= 1


@given(st.floats(0, 1))
def test_exhale_mirrors_inhale(progress: float) -> None:
    # ½(1 + cos πp) = 1 − ½(1 − cos πp)
    mirrored = 1 - volume(Phase.INHALE, progress)
    assert math.isclose(volume(Phase.EXHALE, progress), mirrored, abs_tol=1e-12)


@given(plans(), st.floats(-100, 5000, allow_nan=False))
def test_state_values_stay_in_range(plan: SessionPlan, t: float) -> None:
    state = plan.state_at(t)
    assert 0 <= state.volume <= 1
    assert 0 <= state.phase_progress <= 1
    assert 0 <= state.breath_progress <= 1
    assert 0 <= state.session_progress <= 1
    assert 0 <= state.breath_index < plan.breaths
    assert 0 <= state.elapsed <= plan.duration
    assert state.remaining == plan.duration - state.elapsed
    assert 1 <= state.second_count <= math.ceil(state.phase_duration)
    assert state.finished is (t >= plan.duration)


@given(plans(max_breaths=4))
def test_volume_is_continuous_at_every_phase_boundary(plan: SessionPlan) -> None:
    eps = 1e-7
    bound = max_volume_speed(plan) * 2 * eps + 1e-9
    previous: Phase | None = None
    for time, phase, index in plan.boundaries():
        after = plan.state_at(time + eps)
        assert (after.phase, after.breath_index) == (phase, index)
        if previous is not None:
            before = plan.state_at(time - eps)
            assert before.phase is previous
            assert abs(after.volume - before.volume) <= bound
        previous = phase


@given(plans(max_breaths=30, gentle=False), st.floats(0, 1))
def test_rhythm_repeats_every_period(plan: SessionPlan, fraction: float) -> None:
    period = plan.pattern.period
    assume(plan.breaths >= 2)
    t = fraction * (plan.duration - period)
    onsets = [0.0]
    for _, seconds in plan.pattern.phases():
        onsets.append(onsets[-1] + seconds)
    assume(all(abs(t % period - onset) > 1e-6 for onset in onsets))  # not on a boundary
    now, later = plan.state_at(t), plan.state_at(t + period)
    assert later.phase is now.phase
    assert later.breath_index == now.breath_index + 1
    assert math.isclose(later.volume, now.volume, abs_tol=1e-9)
    assert math.isclose(later.phase_progress, now.phase_progress, abs_tol=1e-9)


@given(plans())
def test_plan_ends_at_the_end_of_a_full_breath(plan: SessionPlan) -> None:
    assert math.isclose(plan.breaths_at(plan.duration), plan.breaths, rel_tol=1e-12)
    if not plan.gentle_start:
        assert plan.duration == plan.breaths * plan.pattern.period
    last_phase = plan.pattern.phases()[-1][0]
    just_before = plan.state_at(plan.duration - 1e-6)
    assert not just_before.finished
    assert just_before.phase is last_phase
    assert just_before.breath_index == plan.breaths - 1
    assert just_before.phase_progress > 1 - 1e-5
    end = plan.state_at(plan.duration)
    assert end.finished
    assert end.volume == 0


@given(patterns, st.integers(1, 20), st.booleans())
def test_minutes_become_the_fewest_breaths_that_fill_them(
    pattern: Pattern, minutes: int, gentle: bool
) -> None:
    plan = SessionPlan.from_minutes(pattern, minutes, gentle)
    assert plan.gentle_start is gentle
    assert plan.duration >= minutes * 60
    if plan.breaths > 1:
        assert SessionPlan(pattern, plan.breaths - 1, gentle).duration < minutes * 60
    if not gentle:
        assert plan.breaths == math.ceil(Fraction(minutes * 60) / Fraction(pattern.period))


@given(plans(gentle=True), st.floats(0, 1), st.floats(0, 0.05))
def test_gentle_start_phase_is_continuous_and_monotonic(
    plan: SessionPlan, fraction: float, dt: float
) -> None:
    t = fraction * min(plan.duration, 120)
    r0 = max(GENTLE_START_RATE, 1 / plan.pattern.period)
    step = theta(plan, t + dt) - theta(plan, t)
    assert -1e-12 <= step <= r0 * dt + 1e-9
    volume_step = abs(plan.state_at(t + dt).volume - plan.state_at(t).volume)
    assert volume_step <= max_volume_speed(plan) * dt + 1e-9


@given(plans(gentle=True))
def test_gentle_start_has_no_jump_where_the_ramp_ends(plan: SessionPlan) -> None:
    assume(plan.duration > 61)
    r1 = 1 / plan.pattern.period
    eps = 1e-6
    slope_before = (plan.breaths_at(60) - plan.breaths_at(60 - eps)) / eps
    slope_after = (plan.breaths_at(60 + eps) - plan.breaths_at(60)) / eps
    assert math.isclose(slope_before, r1, rel_tol=1e-4)
    assert math.isclose(slope_after, r1, rel_tol=1e-4)


@given(plans(gentle=True), st.floats(0.01, 200))
def test_rate_is_the_slope_of_the_breath_phase(plan: SessionPlan, t: float) -> None:
    h = 1e-4
    slope = (plan.breaths_at(t + h) - plan.breaths_at(t - h)) / (2 * h)
    assert math.isclose(slope, plan.rate_at(t), rel_tol=1e-5)


def bad_values(field: str) -> st.SearchStrategy[float]:
    """Lengths a phase must refuse: outside its range, off the grid, or not a number."""
    low, high = PHASE_LIMITS[field]
    outside = st.one_of(
        st.floats(max_value=low, exclude_max=True, allow_nan=False),
        st.floats(min_value=high, exclude_min=True, allow_nan=False),
    )
    off_grid = st.floats(low, high).filter(lambda x: not (x / STEP).is_integer())
    return st.one_of(outside, off_grid, st.just(math.nan), st.integers(max_value=-1))


@st.composite
def invalid_patterns(draw: st.DrawFn) -> tuple[str, float, dict[str, float]]:
    """A valid pattern's fields with exactly one replaced by a bad value."""
    field = draw(st.sampled_from(FIELDS))
    bad = draw(bad_values(field))
    kwargs = {
        "inhale": draw(on_grid("inhale")),
        "exhale": draw(on_grid("exhale")),
        "hold_in": draw(hold("hold_in")),
        "hold_out": draw(hold("hold_out")),
    }
    kwargs[field] = bad
    return field, bad, kwargs


@given(invalid_patterns())
def test_invalid_patterns_are_rejected_naming_the_field(
    case: tuple[str, float, dict[str, float]],
) -> None:
    field, bad, kwargs = case
    try:
        Pattern(**kwargs)
    except PatternError as error:
        assert error.field == field
        assert error.value is bad
        assert (error.low, error.high) == PHASE_LIMITS[field]
        assert field.replace("_", "-") in str(error)
    else:
        raise AssertionError(f"{kwargs} was accepted")


@given(patterns)
def test_label_round_trips(pattern: Pattern) -> None:
    assert parse_pattern(pattern.label) == pattern
    spaced = " " + pattern.label.replace("-", " - ").replace(".", ",") + " "
    assert parse_pattern(spaced) == pattern


@given(patterns)
def test_phases_add_up_to_the_period(pattern: Pattern) -> None:
    phases = pattern.phases()
    assert sum(seconds for _, seconds in phases) == pattern.period
    assert all(seconds > 0 for _, seconds in phases)
    order = list(Phase)
    assert [order.index(phase) for phase, _ in phases] == sorted(
        order.index(phase) for phase, _ in phases
    )
    assert math.isclose(pattern.breaths_per_minute * pattern.period, 60)
    assert pattern.rate_warning() is not (3 <= 60 / pattern.period <= 10)
