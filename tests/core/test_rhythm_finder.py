"""The rhythm finder: its stepped plan on a manual clock, the recommendation rule, and dizziness."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.clock import ManualClock
from herstel.core.records import EndedHow, Trigger
from herstel.core.rhythm import DEFAULT_PATTERN, Pattern
from herstel.core.rhythm_finder import (
    EASY_AT_LEAST,
    FINDER_LABEL,
    FINDER_RATES,
    UNEASY_AT_MOST,
    Basis,
    FinderStage,
    RhythmFinder,
    StepAnswer,
    StepResult,
    finder_pattern,
    finder_steps,
    recommend,
)
from herstel.core.session import COUNTDOWN_SECONDS, Stage

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
STEPS = finder_steps()


# --- The stepped plan ------------------------------------------------------------


def test_rates_go_from_six_and_a_half_down_to_four_and_a_half() -> None:
    assert FINDER_RATES == (6.5, 6.0, 5.5, 5.0, 4.5)
    assert [step.nominal_rate for step in STEPS] == list(FINDER_RATES)
    assert [step.index for step in STEPS] == [0, 1, 2, 3, 4]


def test_each_step_is_the_nearest_half_second_pattern_with_a_longer_exhale() -> None:
    assert [step.pattern for step in STEPS] == [
        Pattern(3.5, 5.5),
        Pattern(4, 6),
        Pattern(4.5, 6.5),
        Pattern(5, 7),
        Pattern(5.5, 8),
    ]
    for step in STEPS:
        assert step.pattern.exhale > step.pattern.inhale
        assert abs(step.pattern.breaths_per_minute - step.nominal_rate) < 0.2
        assert 0.38 <= step.pattern.inhale / step.pattern.period <= 0.42
    rates = [step.pattern.breaths_per_minute for step in STEPS]
    assert rates == sorted(rates, reverse=True)  # strictly slower, step by step
    assert len(set(rates)) == len(rates)


def test_each_step_lasts_two_minutes_in_whole_breaths() -> None:
    assert [step.plan.breaths for step in STEPS] == [14, 12, 11, 10, 9]
    assert [step.plan.duration for step in STEPS] == [126.0, 120.0, 121.0, 120.0, 121.5]
    for step in STEPS:
        assert not step.plan.gentle_start
        assert 120.0 <= step.plan.duration < 120.0 + step.pattern.period


@pytest.mark.parametrize("rate", [6.5, 6.0, 5.5, 5.0, 4.5, 4.0, 7.0])
def test_finder_pattern_is_valid_for_any_rate_near_the_range(rate: float) -> None:
    pattern = finder_pattern(rate)
    assert abs(pattern.breaths_per_minute - rate) <= 60 / (60 / rate) ** 2 * 0.25 + 1e-9


def run_through(finder: RhythmFinder, clock: ManualClock, answers: list[tuple[int, int]]) -> None:
    """Breathe every step to its end and answer; checks phase boundaries on the way."""
    run = finder.begin()
    for ease, calm in answers:
        assert run is not None and finder.stage is FinderStage.BREATHING
        assert not run.started  # the session window starts it as it shows it
        run.start()
        step = finder.step
        assert step is not None and run.plan is step.plan
        clock.advance(COUNTDOWN_SECONDS)
        t = 0.0
        for onset, phase, breath in step.plan.boundaries():
            clock.advance(onset - t)
            t = onset
            state = run.state()
            assert (state.phase, state.breath_index, state.phase_progress) == (phase, breath, 0.0)
            assert run.breathing_elapsed() == onset  # exact: no drift across steps
        clock.advance(step.plan.duration - t)
        assert run.stage is Stage.ENDED
        assert finder.stage is FinderStage.QUESTIONS
        run = finder.answer(ease, calm)


def test_phase_boundaries_are_exact_on_a_manual_clock_across_all_steps() -> None:
    clock = ManualClock(start=START)
    finder = RhythmFinder(clock)
    assert finder.stage is FinderStage.INTRO
    run_through(finder, clock, [(5, 5)] * 5)
    assert finder.stage is FinderStage.RESULT
    assert [r.step.index for r in finder.results] == [0, 1, 2, 3, 4]
    assert finder.recommendation().pattern == Pattern(5.5, 8)
    record = finder.to_record(Trigger.WINDOW, "id-1")
    assert record is not None
    assert record.pattern == FINDER_LABEL
    assert record.started_at == START
    assert record.ended_how is EndedHow.COMPLETED
    assert record.planned_seconds == record.done_seconds == 608.5
    assert record.planned_breaths == record.done_breaths == 56


def test_an_uneasy_step_ends_the_finder_instead_of_going_slower() -> None:
    clock = ManualClock(start=START)
    finder = RhythmFinder(clock)
    run_through(finder, clock, [(5, 4), (4, 5), (2, 5)])
    assert finder.stage is FinderStage.RESULT
    assert len(finder.results) == 3
    assert finder.begin() is None and finder.answer(6, 6) is None  # nothing continues
    assert finder.recommendation().pattern == Pattern(4, 6)
    record = finder.to_record(Trigger.CLI)
    assert record is not None
    assert record.done_breaths == 14 + 12 + 11
    assert record.planned_breaths == 56
    assert record.ended_how is EndedHow.COMPLETED


# --- Dizziness and Stop -----------------------------------------------------------


def test_dizzy_mid_step_stops_at_once_and_never_continues() -> None:
    clock = ManualClock(start=START)
    finder = RhythmFinder(clock)
    run_through(finder, clock, [(5, 5)])  # 6.7 a minute felt easy and calm
    run = finder.run
    assert run is not None and finder.stage is FinderStage.BREATHING
    run.start()
    clock.advance(COUNTDOWN_SECONDS + 30.0)
    finder.dizzy()
    assert finder.stage is FinderStage.DIZZY
    assert run.stage is Stage.ENDED and run.outcome().ended_how is EndedHow.DIZZY
    clock.advance(600.0)
    assert finder.answer(6, 6) is None and finder.begin() is None
    finder.stop()
    assert finder.stage is FinderStage.DIZZY
    assert len(finder.results) == 2
    # Only what was comfortable before the dizziness can be proposed.
    assert finder.recommendation().pattern == Pattern(3.5, 5.5)
    record = finder.to_record(Trigger.WINDOW)
    assert record is not None
    assert record.ended_how is EndedHow.DIZZY
    assert record.done_seconds == 126.0 + 30.0


def test_dizzy_while_answering_also_ends_it() -> None:
    clock = ManualClock(start=START)
    finder = RhythmFinder(clock)
    run = finder.begin()
    assert run is not None
    run.start()
    clock.advance(COUNTDOWN_SECONDS + STEPS[0].plan.duration)
    assert finder.stage is FinderStage.QUESTIONS
    finder.dizzy()
    assert finder.stage is FinderStage.DIZZY
    assert finder.recommendation().basis is Basis.KEEP_CURRENT


def test_stop_goes_to_the_result_with_what_was_rated() -> None:
    clock = ManualClock(start=START)
    finder = RhythmFinder(clock, current=Pattern(5, 5))
    run_through(finder, clock, [(4, 4), (6, 6)])
    assert finder.run is not None
    finder.run.start()
    clock.advance(10.0)
    finder.stop()
    assert finder.stage is FinderStage.RESULT
    assert finder.recommendation().pattern == Pattern(4, 6)
    record = finder.to_record(Trigger.WINDOW)
    assert record is not None and record.ended_how is EndedHow.STOPPED


def test_no_record_before_anything_was_breathed() -> None:
    finder = RhythmFinder(ManualClock(start=START))
    assert finder.to_record(Trigger.WINDOW) is None
    finder.stop()
    assert finder.stage is FinderStage.RESULT
    assert finder.to_record(Trigger.WINDOW) is None


@pytest.mark.parametrize("how", ["stop", "dizzy"])
def test_ending_before_the_first_run_started_stores_nothing(how: str) -> None:
    finder = RhythmFinder(ManualClock(start=START))
    assert finder.begin() is not None
    getattr(finder, how)()
    assert finder.stage is (FinderStage.RESULT if how == "stop" else FinderStage.DIZZY)
    assert finder.results == () and finder.to_record(Trigger.WINDOW) is None


# --- The recommendation rule --------------------------------------------------------

scores = st.integers(min_value=0, max_value=6)
outcomes = st.one_of(
    st.tuples(st.just(EndedHow.COMPLETED), st.builds(StepAnswer, scores, scores)),
    st.tuples(st.sampled_from([EndedHow.STOPPED, EndedHow.DIZZY]), st.none()),
)


@st.composite
def result_sets(draw: st.DrawFn) -> list[StepResult]:
    """What a finder can end with: a prefix of the steps, each ended and maybe answered."""
    count = draw(st.integers(min_value=0, max_value=len(STEPS)))
    return [StepResult(STEPS[i], *draw(outcomes)) for i in range(count)]


@given(result_sets(), st.sampled_from([DEFAULT_PATTERN, Pattern(5, 5), Pattern(3.5, 5)]))
def test_recommendation_is_a_qualifying_step_or_the_current_rhythm(
    results: list[StepResult], current: Pattern
) -> None:
    chosen = recommend(results, current)
    if chosen.basis is Basis.KEEP_CURRENT:
        assert chosen.step is None and chosen.pattern == current
        # Nothing qualified before the first uneasy step.
        for result in results:
            if result.uneasy:
                break
            assert not result.easy_and_calm
        return
    step = chosen.step
    assert step is not None and chosen.pattern == step.pattern
    (result,) = [r for r in results if r.step == step]
    assert result.ended_how is EndedHow.COMPLETED and result.answer is not None
    assert result.answer.ease >= EASY_AT_LEAST and result.answer.calm >= EASY_AT_LEAST
    for other in results:
        # Never slower than (or as slow as) a step that was uneasy or dizzy.
        if other.uneasy:
            assert step.pattern.breaths_per_minute > other.step.pattern.breaths_per_minute
    # The slowest qualifying step before the first uneasy one.
    before_uneasy = []
    for other in results:
        if other.uneasy:
            break
        before_uneasy.append(other)
    slowest = max(r.step.index for r in before_uneasy if r.easy_and_calm)
    assert step.index == slowest


@given(result_sets())
def test_recommendation_ignores_the_order_results_are_given_in(results: list[StepResult]) -> None:
    assert recommend(results) == recommend(list(reversed(results)))


def test_recommendation_examples() -> None:
    def done(index: int, ease: int, calm: int) -> StepResult:
        return StepResult(STEPS[index], EndedHow.COMPLETED, StepAnswer(ease, calm))

    assert recommend([]).basis is Basis.KEEP_CURRENT
    assert recommend([done(0, 4, 4), done(1, 4, 3)]).pattern == Pattern(3.5, 5.5)
    assert recommend([done(0, 3, 3), done(1, 6, 6), done(2, 3, 6)]).pattern == Pattern(4, 6)
    # An uneasy step blocks everything slower, even if it felt fine later.
    assert recommend([done(0, 5, 5), done(1, 1, 5), done(2, 6, 6)]).pattern == Pattern(3.5, 5.5)
    dizzy = StepResult(STEPS[1], EndedHow.DIZZY)
    assert recommend([dizzy]).basis is Basis.KEEP_CURRENT
    assert UNEASY_AT_MOST < EASY_AT_LEAST


@pytest.mark.parametrize("bad", [-1, 7, 3.5, True, "4"])
def test_answers_stay_on_the_scale(bad: object) -> None:
    with pytest.raises(ValueError, match="ease"):
        StepAnswer(bad, 3)  # type: ignore[arg-type]
