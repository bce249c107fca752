"""Examples for the rhythm engine: patterns, presets, parsing, plans and breath states.

Expected values are derived from DESIGN §3 (written out next to each assertion),
never copied from the implementation's output.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from herstel.core.rhythm import (
    DEFAULT_PATTERN,
    PHASE_LIMITS,
    PRESETS,
    STEP,
    Pattern,
    PatternError,
    Phase,
    PlanError,
    Preset,
    SessionPlan,
    parse_pattern,
    snap_to_step,
    volume,
)

BOX = Pattern(inhale=4, hold_in=4, exhale=4, hold_out=4)
FOUR_SEVEN_EIGHT = Pattern(inhale=4, hold_in=7, exhale=8)


# --- Pattern -----------------------------------------------------------------


def test_phase_values_are_the_stable_words() -> None:
    assert [str(phase) for phase in Phase] == ["in", "hold-in", "out", "hold-out", "top-up"]


def test_limits_match_the_design() -> None:
    assert STEP == 0.5
    assert PHASE_LIMITS == {
        "inhale": (2, 8),
        "hold_in": (0, 8),
        "exhale": (2, 12),
        "hold_out": (0, 8),
    }


@pytest.mark.parametrize(
    ("seconds", "snapped"), [(4.3, 4.5), (4.2, 4.0), (4.0, 4.0), (0.1, 0.0), (11.9, 12.0)]
)
def test_seconds_snap_to_the_nearest_half_second(seconds: float, snapped: float) -> None:
    assert snap_to_step(seconds) == snapped


def test_pattern_fields_are_floats_whatever_was_passed() -> None:
    pattern = Pattern(4, 6)
    assert all(type(value) is float for value in (pattern.inhale, pattern.exhale))
    assert type(pattern.hold_in) is float and pattern.hold_in == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("inhale", 2),
        ("inhale", 8),
        ("exhale", 2),
        ("exhale", 12),
        ("hold_in", 0),
        ("hold_in", 8),
        ("hold_out", 0),
        ("hold_out", 8),
        ("exhale", 7.5),
    ],
)
def test_edges_of_each_range_are_accepted(field: str, value: float) -> None:
    kwargs: dict[str, float] = {"inhale": 4, "exhale": 6, field: value}
    assert getattr(Pattern(**kwargs), field) == value


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("inhale", 1.5),
        ("inhale", 8.5),
        ("inhale", 4.25),
        ("exhale", 12.5),
        ("exhale", 1),
        ("hold_in", -0.5),
        ("hold_in", 0.1),
        ("hold_out", 8.5),
        ("hold_out", math.nan),
        ("inhale", math.inf),
        ("exhale", -math.inf),
        ("inhale", 10**400),
        ("inhale", True),
        ("exhale", "6"),
        ("hold_in", None),
    ],
)
def test_invalid_phase_is_rejected_naming_the_field(field: str, value: object) -> None:
    kwargs: dict[str, object] = {"inhale": 4, "exhale": 6, field: value}
    with pytest.raises(PatternError) as caught:
        Pattern(**kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert error.field == field
    assert error.value is value
    assert (error.low, error.high) == PHASE_LIMITS[field]
    assert str(error).startswith(field.replace("_", "-") + " must be")
    assert isinstance(error, ValueError)


def test_error_message_reads_like_the_design() -> None:
    with pytest.raises(PatternError) as caught:
        Pattern(99, 6)
    assert str(caught.value) == "inhale must be 2–8 seconds in 0.5 s steps (got 99)"


def test_period_and_rate() -> None:
    assert Pattern(4, 6).period == 10
    assert Pattern(4, 6).breaths_per_minute == 6
    assert BOX.period == 16
    assert FOUR_SEVEN_EIGHT.period == 19
    assert FOUR_SEVEN_EIGHT.breaths_per_minute == pytest.approx(60 / 19)


@pytest.mark.parametrize(
    ("pattern", "label"),
    [
        (Pattern(4, 6), "4-6"),
        (Pattern(3.5, 5), "3.5-5"),
        (FOUR_SEVEN_EIGHT, "4-7-8"),
        (BOX, "4-4-4-4"),
        (Pattern(4, 6, hold_out=2), "4-0-6-2"),
        (Pattern(2.5, 11.5, hold_in=0.5), "2.5-0.5-11.5"),
    ],
)
def test_label(pattern: Pattern, label: str) -> None:
    assert pattern.label == label


def test_phases_skip_zero_lengths_and_keep_order() -> None:
    assert Pattern(4, 6).phases() == ((Phase.INHALE, 4), (Phase.EXHALE, 6))
    assert FOUR_SEVEN_EIGHT.phases() == ((Phase.INHALE, 4), (Phase.HOLD_IN, 7), (Phase.EXHALE, 8))
    assert Pattern(4, 6, hold_out=2).phases() == (
        (Phase.INHALE, 4),
        (Phase.EXHALE, 6),
        (Phase.HOLD_OUT, 2),
    )
    assert [phase for phase, _ in BOX.phases()] == [p for p in Phase if p is not Phase.TOP_UP]


@pytest.mark.parametrize(
    ("pattern", "warn"),
    [
        (Pattern(4, 6), False),  # 6 a minute
        (Pattern(2, 4), False),  # 6 s: exactly 10 a minute
        (Pattern(8, 12), False),  # 20 s: exactly 3 a minute
        (Pattern(2, 3.5), True),  # 5.5 s: 10.9 a minute
        (Pattern(8, 12, hold_in=0.5), True),  # 20.5 s: 2.93 a minute
        (Pattern(2, 2), True),  # 15 a minute
    ],
)
def test_rate_warning_outside_three_to_ten(pattern: Pattern, warn: bool) -> None:
    assert pattern.rate_warning() is warn


def test_overrides_replace_single_phases() -> None:
    assert DEFAULT_PATTERN.with_overrides() == DEFAULT_PATTERN
    assert DEFAULT_PATTERN.with_overrides(exhale=8) == Pattern(4, 8)
    assert DEFAULT_PATTERN.with_overrides(hold_in=2, hold_out=1) == Pattern(4, 6, 2, 1)
    assert BOX.with_overrides(hold_out=0) == Pattern(inhale=4, hold_in=4, exhale=4)
    with pytest.raises(PatternError) as caught:
        DEFAULT_PATTERN.with_overrides(exhale=13)
    assert caught.value.field == "exhale"


def test_pattern_is_frozen() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_PATTERN.inhale = 5  # type: ignore[misc]


# --- Presets -----------------------------------------------------------------


def test_presets_in_design_order() -> None:
    assert [preset.key for preset in PRESETS] == [
        "4-6",
        "5-5",
        "6-6",
        "gentle",
        "box",
        "4-7-8",
        "sigh",
    ]
    assert [preset.pattern for preset in PRESETS] == [
        Pattern(4, 6),
        Pattern(5, 5),
        Pattern(6, 6),
        Pattern(3.5, 5),
        BOX,
        FOUR_SEVEN_EIGHT,
        Pattern(inhale=3, top_up=1, exhale=6),
    ]
    assert [preset.default_breaths for preset in PRESETS] == [None] * 5 + [4, None]
    assert DEFAULT_PATTERN == Pattern(4, 6) == PRESETS[0].pattern


@pytest.mark.parametrize("preset", PRESETS, ids=lambda preset: preset.key)
def test_every_preset_parses_by_key_and_by_label(preset: Preset) -> None:
    assert parse_pattern(preset.key) == preset.pattern
    assert parse_pattern(preset.pattern.label) == preset.pattern


# --- Parsing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("4-6", Pattern(4, 6)),
        ("  4 - 6 ", Pattern(4, 6)),
        ("4–6", Pattern(4, 6)),  # en dash, as the design writes ranges
        ("3.5-5", Pattern(3.5, 5)),
        ("3,5-5", Pattern(3.5, 5)),
        ("3,5 -\t5", Pattern(3.5, 5)),
        ("4-7-8", FOUR_SEVEN_EIGHT),
        ("4-4-4-4", BOX),
        ("4-0-6-2", Pattern(4, 6, hold_out=2)),
        ("8-8-12-8", Pattern(inhale=8, hold_in=8, exhale=12, hold_out=8)),
        ("box", BOX),
        (" Box ", BOX),
        ("coherent", Pattern(5, 5)),
        ("COHERENT", Pattern(5, 5)),
        ("gentle", Pattern(3.5, 5)),
        ("5-5", Pattern(5, 5)),
        ("6-6", Pattern(6, 6)),
        ("04-06", Pattern(4, 6)),
    ],
)
def test_parse_accepts(text: str, pattern: Pattern) -> None:
    assert parse_pattern(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "4",
        "4-6-8-8-8",
        "4x6",
        "four-six",
        "4--6",
        "-4-6",
        "4-6-",
        "4.-6",
        ".5-5",
        "4 6",
        "4,6",
        "1e1-6",
        "٤-٦",  # non-ASCII digits
        "wimhof",
        "4-6 box",
    ],
)
def test_parse_rejects_unknown_text_as_pattern_field(text: str) -> None:
    with pytest.raises(PatternError) as caught:
        parse_pattern(text)
    assert caught.value.field == "pattern"
    assert caught.value.value == text
    assert caught.value.low is None and caught.value.high is None


def test_parse_rejects_non_text() -> None:
    with pytest.raises(PatternError) as caught:
        parse_pattern(46)  # type: ignore[arg-type]
    assert caught.value.field == "pattern"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("99-6", "inhale"),
        ("4-6.25", "exhale"),
        ("4-9-6", "hold_in"),
        ("4-4-4-9", "hold_out"),
        ("4-4-13-4", "exhale"),
    ],
)
def test_parse_of_out_of_range_numbers_names_the_phase(text: str, field: str) -> None:
    with pytest.raises(PatternError) as caught:
        parse_pattern(text)
    assert caught.value.field == field


# --- Volume ------------------------------------------------------------------


def test_volume_half_cosine_values() -> None:
    # ½(1 − cos πp): p = 1/3 gives ½(1 − ½) = ¼; p = ½ gives ½.
    assert volume(Phase.INHALE, 0) == 0
    assert volume(Phase.INHALE, 1 / 3) == pytest.approx(0.25)
    assert volume(Phase.INHALE, 0.5) == pytest.approx(0.5)
    assert volume(Phase.INHALE, 1) == 1
    assert volume(Phase.EXHALE, 0) == 1
    assert volume(Phase.EXHALE, 1 / 3) == pytest.approx(0.75)
    assert volume(Phase.EXHALE, 1) == pytest.approx(0, abs=1e-15)
    assert volume(Phase.HOLD_IN, 0.3) == 1
    assert volume(Phase.HOLD_OUT, 0.3) == 0


def test_volume_clamps_progress() -> None:
    assert volume(Phase.INHALE, -1) == 0
    assert volume(Phase.INHALE, 2) == 1
    assert volume(Phase.INHALE, math.nan) == 0


# --- Session plans -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "minutes"),
    [
        (Pattern(4, 6), 5),
        (Pattern(4, 6), 20),
        (Pattern(3.5, 5), 5),
        (BOX, 1),
        (FOUR_SEVEN_EIGHT, 7),
        (Pattern(2, 2), 20),
    ],
)
def test_minutes_round_up_to_whole_breaths(pattern: Pattern, minutes: int) -> None:
    expected = math.ceil(Fraction(60 * minutes) / Fraction(pattern.period))
    plan = SessionPlan.from_minutes(pattern, minutes)
    assert plan.breaths == expected
    assert plan.duration == expected * pattern.period
    assert not plan.gentle_start


def test_twenty_minutes_of_four_six_is_120_breaths() -> None:
    plan = SessionPlan.from_minutes(Pattern(4, 6), 20)
    assert (plan.breaths, plan.duration) == (120, 1200)


def test_fast_pattern_may_plan_more_than_120_breaths_from_minutes() -> None:
    # 20 minutes of a 4 s breath is 1200 / 4 = 300 breaths; only from_breaths caps at 120.
    assert SessionPlan.from_minutes(Pattern(2, 2), 20).breaths == 300


def test_from_breaths() -> None:
    plan = SessionPlan.from_breaths(FOUR_SEVEN_EIGHT, 4)
    assert (plan.breaths, plan.duration) == (4, 4 * 19)
    assert SessionPlan.from_breaths(Pattern(4, 6), 120).duration == 1200


@pytest.mark.parametrize("minutes", [0, 21, -1, 5.0, 5.5, True, "5", None])
def test_minutes_out_of_range(minutes: object) -> None:
    with pytest.raises(PlanError) as caught:
        SessionPlan.from_minutes(DEFAULT_PATTERN, minutes)  # type: ignore[arg-type]
    error = caught.value
    assert (error.field, error.value, error.low, error.high) == ("minutes", minutes, 1, 20)
    assert str(error).startswith("minutes must be a whole number 1–20")


@pytest.mark.parametrize("breaths", [0, 121, 4.0, False])
def test_breaths_out_of_range(breaths: object) -> None:
    with pytest.raises(PlanError) as caught:
        SessionPlan.from_breaths(DEFAULT_PATTERN, breaths)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.low, caught.value.high) == ("breaths", 1, 120)


def test_plan_needs_at_least_one_breath() -> None:
    with pytest.raises(PlanError) as caught:
        SessionPlan(DEFAULT_PATTERN, 0)
    assert caught.value.field == "breaths"


# --- Breath state ------------------------------------------------------------


def test_state_through_a_four_six_breath() -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 3)
    start = plan.state_at(0)
    assert (start.phase, start.phase_progress, start.volume) == (Phase.INHALE, 0, 0)
    assert (start.breath_index, start.second_count, start.phase_duration) == (0, 1, 4)
    middle_in = plan.state_at(2)
    assert middle_in.phase_progress == pytest.approx(0.5)
    assert middle_in.volume == pytest.approx(0.5)
    assert middle_in.phase_remaining == pytest.approx(2)
    assert middle_in.second_count == 3
    exhale = plan.state_at(4)
    assert (exhale.phase, exhale.phase_progress, exhale.volume) == (Phase.EXHALE, 0, 1)
    assert exhale.second_count == 1
    second = plan.state_at(17)  # 3 s into the 6 s exhale of breath 1: halfway down
    assert (second.phase, second.breath_index) == (Phase.EXHALE, 1)
    assert second.volume == pytest.approx(0.5)
    assert second.breath_progress == pytest.approx(0.7)
    assert second.remaining == pytest.approx(13)
    assert second.session_progress == pytest.approx(17 / 30)


@pytest.mark.parametrize(
    ("elapsed", "count"),
    [(0.0, 1), (0.99, 1), (1.0, 2), (3.99, 4), (4.0, 1), (9.5, 6)],
)
def test_second_count(elapsed: float, count: int) -> None:
    assert SessionPlan.from_breaths(Pattern(4, 6), 2).state_at(elapsed).second_count == count


def test_second_count_of_half_second_phase_rounds_up() -> None:
    plan = SessionPlan.from_breaths(Pattern(3.5, 5), 2)
    assert plan.state_at(3.2).second_count == 4  # floor(3.2) + 1, within ceil(3.5) = 4


def test_holds_keep_the_volume() -> None:
    plan = SessionPlan.from_breaths(BOX, 1)
    assert (plan.state_at(6).phase, plan.state_at(6).volume) == (Phase.HOLD_IN, 1)
    assert (plan.state_at(14).phase, plan.state_at(14).volume) == (Phase.HOLD_OUT, 0)


def test_negative_time_is_the_start() -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 2)
    assert plan.state_at(-5) == plan.state_at(0)


def test_finished_state_is_the_end_of_the_last_phase() -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 2)
    for elapsed in (20, 25, math.inf):
        state = plan.state_at(elapsed)
        assert state.finished
        assert (state.phase, state.phase_progress, state.volume) == (Phase.EXHALE, 1, 0)
        assert (state.breath_index, state.breath_progress) == (1, 1)
        assert (state.elapsed, state.remaining, state.session_progress) == (20, 0, 1)
        assert state.second_count == 6  # capped at ceil(6 s), not floor(6) + 1
    assert not plan.state_at(19.999).finished


def test_box_session_ends_after_the_hold_out() -> None:
    plan = SessionPlan.from_breaths(BOX, 3)
    assert plan.duration == 3 * 16
    assert plan.state_at(47.9).phase is Phase.HOLD_OUT
    assert plan.state_at(48).finished


def test_nan_time_is_an_error() -> None:
    with pytest.raises(ValueError, match="NaN"):
        SessionPlan.from_breaths(DEFAULT_PATTERN, 1).state_at(math.nan)


def test_boundaries() -> None:
    assert list(SessionPlan.from_breaths(Pattern(4, 6), 2).boundaries()) == [
        (0, Phase.INHALE, 0),
        (4, Phase.EXHALE, 0),
        (10, Phase.INHALE, 1),
        (14, Phase.EXHALE, 1),
    ]
    assert list(SessionPlan.from_breaths(BOX, 1).boundaries()) == [
        (0, Phase.INHALE, 0),
        (4, Phase.HOLD_IN, 0),
        (8, Phase.EXHALE, 0),
        (12, Phase.HOLD_OUT, 0),
    ]


# --- Gentle start ------------------------------------------------------------


def _expected_rate(t: float, start: float, target: float) -> float:
    """The design's ramp written independently: smoothstep from start to target over 60 s."""
    u = min(max(t / 60, 0), 1)
    return start + (target - start) * (3 * u**2 - 2 * u**3)


def _simpson(t: float, start: float, target: float, steps: int = 600) -> float:
    """∫₀ᵗ rate, numerically, to check the closed form against."""
    h = t / steps
    total = _expected_rate(0, start, target) + _expected_rate(t, start, target)
    for i in range(1, steps):
        total += (4 if i % 2 else 2) * _expected_rate(i * h, start, target)
    return total * h / 3


def test_gentle_start_begins_at_seven_a_minute_and_eases_to_target() -> None:
    plan = SessionPlan.from_minutes(Pattern(4, 6), 5, gentle_start=True)
    assert plan.rate_at(0) == pytest.approx(7 / 60)
    assert plan.rate_at(60) == pytest.approx(1 / 10)
    assert plan.rate_at(200) == pytest.approx(1 / 10)
    for t in (10.0, 15.0, 45.0):
        assert plan.rate_at(t) == pytest.approx(_expected_rate(t, 7 / 60, 1 / 10))
    # At 7 a minute a breath lasts 60/7 s, so the 4 s inhale of a 10 s breath takes 24/7 s.
    assert plan.state_at(0).phase_duration == pytest.approx(24 / 7)
    # θ(96) = 6.5 + 36/10 = 10.1: 1 s into an inhale, now at the target rate.
    assert plan.state_at(96).phase is Phase.INHALE
    assert plan.state_at(96).phase_duration == pytest.approx(4)


@pytest.mark.parametrize("t", [0.5, 17.0, 45.0, 59.9, 60.0, 61.0, 250.0])
def test_gentle_phase_is_the_integral_of_the_rate(t: float) -> None:
    plan = SessionPlan.from_minutes(Pattern(4, 6), 5, gentle_start=True)
    assert plan.breaths_at(t) == pytest.approx(_simpson(t, 7 / 60, 1 / 10), rel=1e-9)
    assert plan.time_of(plan.breaths_at(t)) == pytest.approx(t, abs=1e-9)


def test_gentle_five_minutes_of_four_six() -> None:
    # θ(60) = 60·(7/60 + 1/10)/2 = 6.5 breaths; then 1/10 breath a second.
    # θ(300) = 6.5 + 24 = 30.5, so 31 breaths, ending at 60 + (31 − 6.5)·10 = 305 s.
    plan = SessionPlan.from_minutes(Pattern(4, 6), 5, gentle_start=True)
    assert plan.breaths_at(60) == pytest.approx(6.5)
    assert plan.breaths == 31
    assert plan.duration == pytest.approx(305)


def test_gentle_start_leaves_a_fast_pattern_alone() -> None:
    # 3.5-5 is 60/8.5 ≈ 7.06 a minute, already faster than 7: nothing to ease.
    gentle = SessionPlan.from_breaths(Pattern(3.5, 5), 10, gentle_start=True)
    plain = SessionPlan.from_breaths(Pattern(3.5, 5), 10)
    assert gentle.duration == pytest.approx(plain.duration)
    for t in (0.3, 7.7, 42.0, 84.9):
        assert gentle.state_at(t).volume == pytest.approx(plain.state_at(t).volume)


def test_gentle_session_shorter_than_the_ramp_ends_on_a_whole_breath() -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6), 2, gentle_start=True)
    assert plan.duration < 60
    assert plan.breaths_at(plan.duration) == pytest.approx(2, abs=1e-9)
    assert plan.state_at(plan.duration - 1e-6).phase is Phase.EXHALE
