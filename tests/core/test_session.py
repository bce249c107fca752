"""The session state machine, driven by a manual clock: no sleeps, no Qt."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from herstel.core.clock import ManualClock
from herstel.core.records import EndedHow, Trigger
from herstel.core.rhythm import Pattern, Phase, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionOutcome, SessionRun, Stage

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
FOUR_SIX = Pattern(4, 6)
BOX = Pattern(inhale=4, hold_in=4, exhale=4, hold_out=4)


def stage(run: SessionRun) -> Stage:
    """The stage read afresh (a plain call, so type checkers do not narrow it between steps)."""
    return run.stage


def started(plan: SessionPlan) -> tuple[SessionRun, ManualClock]:
    """A run that has just been started on a fresh manual clock."""
    clock = ManualClock(start=START)
    run = SessionRun(plan, clock)
    run.start()
    return run, clock


def test_countdown_then_breathing_then_completed() -> None:
    plan = SessionPlan.from_breaths(FOUR_SIX, 3)
    run, clock = started(plan)
    assert COUNTDOWN_SECONDS == 3
    assert (stage(run), run.countdown_left(), run.breathing_elapsed()) == (Stage.COUNTDOWN, 3, 0)
    clock.advance(1)
    assert (stage(run), run.countdown_left()) == (Stage.COUNTDOWN, 2)
    assert run.state() == plan.state_at(0)
    clock.advance(2)
    assert (stage(run), run.countdown_left(), run.breathing_elapsed()) == (Stage.BREATHING, 0, 0)
    clock.advance(12)
    assert run.breathing_elapsed() == 12
    assert run.state() == plan.state_at(12)
    assert not run.finished_completed()
    clock.advance(17.9)
    assert stage(run) is Stage.BREATHING
    clock.advance(0.1)  # 3 + 30 s: the end of the third 10 s breath
    assert stage(run) is Stage.ENDED
    assert run.finished_completed()
    assert run.state().finished
    assert run.outcome() == SessionOutcome(EndedHow.COMPLETED, 30, 3)


def test_completion_is_noticed_late_without_overshoot() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 2))
    clock.advance(3600)  # nobody looked for an hour
    assert stage(run) is Stage.ENDED
    assert run.breathing_elapsed() == 20
    assert run.outcome() == SessionOutcome(EndedHow.COMPLETED, 20, 2)


def test_pause_and_resume_keep_the_rhythm_continuous() -> None:
    plan = SessionPlan.from_minutes(FOUR_SIX, 1)
    run, clock = started(plan)
    clock.advance(COUNTDOWN_SECONDS + 17.25)
    before = run.state()
    run.pause()
    assert stage(run) is Stage.PAUSED
    clock.advance(42)
    assert run.state() == before  # frozen while paused
    assert run.breathing_elapsed() == 17.25
    run.resume()
    assert stage(run) is Stage.BREATHING
    assert run.state() == before  # picks up exactly where it stopped
    clock.advance(2.75)
    assert run.state() == plan.state_at(20)
    run.stop()
    outcome = run.outcome()
    assert outcome.done_seconds == 20  # 17.25 + 2.75; the 42 paused seconds do not count
    assert outcome.done_breaths == 2


def test_several_pauses_add_up() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 10))
    clock.advance(COUNTDOWN_SECONDS)
    for _ in range(5):
        clock.advance(3)
        run.toggle_pause()
        assert stage(run) is Stage.PAUSED
        clock.advance(100)
        run.toggle_pause()
        assert stage(run) is Stage.BREATHING
    assert run.breathing_elapsed() == 15
    clock.advance(85)  # 15 + 85 = 100 s: the end of 10 breaths
    assert run.finished_completed()
    assert run.outcome().done_seconds == 100


def test_pause_during_countdown_freezes_the_countdown() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 2))
    clock.advance(1)
    run.pause()
    clock.advance(30)
    assert (stage(run), run.countdown_left()) == (Stage.PAUSED, 2)
    run.resume()
    assert (stage(run), run.countdown_left()) == (Stage.COUNTDOWN, 2)
    clock.advance(2.5)
    assert (stage(run), run.breathing_elapsed()) == (Stage.BREATHING, 0.5)


def test_suspend_moves_only_the_wall_clock_and_is_excluded() -> None:
    plan = SessionPlan.from_breaths(FOUR_SIX, 5)
    run, clock = started(plan)
    clock.advance(COUNTDOWN_SECONDS + 8)
    before = run.state()
    run.pause()  # what the UI does on screen lock / suspend
    clock.jump_wall(timedelta(hours=2))
    run.resume()
    assert run.state() == before
    assert run.started_at == START


def test_stop_keeps_breathing_done_so_far() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 10))
    clock.advance(COUNTDOWN_SECONDS + 29.99)  # two breaths and most of a third
    run.stop()
    assert stage(run) is Stage.ENDED
    clock.advance(500)
    outcome = run.outcome()
    assert (outcome.ended_how, outcome.done_breaths) == (EndedHow.STOPPED, 2)
    assert outcome.done_seconds == pytest.approx(29.99)


def test_a_breath_counts_once_its_exhale_is_done() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 10))
    clock.advance(COUNTDOWN_SECONDS + 30)
    run.stop()
    assert run.outcome().done_breaths == 3


def test_hold_out_belongs_to_the_breath() -> None:
    run, clock = started(SessionPlan.from_breaths(BOX, 4))
    clock.advance(COUNTDOWN_SECONDS + 16 + 14)  # in the hold-out of breath 1
    assert run.state().phase is Phase.HOLD_OUT
    run.dizzy()
    assert run.outcome() == SessionOutcome(EndedHow.DIZZY, 30, 1)


def test_dizzy_while_paused_uses_the_paused_time() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 10))
    clock.advance(COUNTDOWN_SECONDS + 5)
    run.pause()
    clock.advance(60)
    run.dizzy()
    assert stage(run) is Stage.ENDED
    assert run.outcome() == SessionOutcome(EndedHow.DIZZY, 5, 0)


def test_stop_during_countdown_breathed_nothing() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 10))
    clock.advance(1)
    run.stop()
    assert run.outcome() == SessionOutcome(EndedHow.STOPPED, 0, 0)


def test_stopping_just_short_of_the_end_does_not_count_the_last_breath() -> None:
    plan = SessionPlan.from_breaths(FOUR_SIX, 2, gentle_start=True)
    run, clock = started(plan)
    clock.advance(COUNTDOWN_SECONDS + plan.duration - 1e-9)
    run.stop()
    assert run.outcome().ended_how is EndedHow.STOPPED
    assert run.outcome().done_breaths == 1


def test_commands_in_the_wrong_stage_do_nothing() -> None:
    clock = ManualClock(start=START)
    run = SessionRun(SessionPlan.from_breaths(FOUR_SIX, 2), clock)
    for command in (run.pause, run.resume, run.toggle_pause, run.stop, run.dizzy):
        command()
    assert not run.started and run.started_at is None
    assert (stage(run), run.countdown_left()) == (Stage.COUNTDOWN, 3)
    clock.advance(10)
    assert run.countdown_left() == 3  # not started: nothing runs
    run.start()
    clock.advance(5)
    run.start()  # a second start does not restart
    assert run.breathing_elapsed() == 2
    run.resume()  # not paused
    assert stage(run) is Stage.BREATHING
    run.stop()
    run.stop()
    run.dizzy()
    run.pause()
    run.resume()
    run.toggle_pause()
    assert stage(run) is Stage.ENDED
    assert run.outcome().ended_how is EndedHow.STOPPED


def test_stop_after_completion_keeps_completed() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 1))
    clock.advance(COUNTDOWN_SECONDS + 10)
    run.stop()
    run.pause()
    assert run.outcome() == SessionOutcome(EndedHow.COMPLETED, 10, 1)


def test_outcome_before_the_end_is_an_error() -> None:
    run, clock = started(SessionPlan.from_breaths(FOUR_SIX, 2))
    clock.advance(5)
    with pytest.raises(RuntimeError):
        run.outcome()
    with pytest.raises(RuntimeError):
        run.to_record(Trigger.WINDOW)


def test_record_of_a_completed_session() -> None:
    plan = SessionPlan.from_minutes(BOX, 1)
    run, clock = started(plan)
    clock.advance(COUNTDOWN_SECONDS + 64)  # 1 min rounds up to 4 box breaths of 16 s
    record = run.to_record(Trigger.CLI, session_id="abc")
    assert record.id == "abc"
    assert record.started_at == START
    assert record.pattern == "4-4-4-4"
    assert (record.planned_seconds, record.planned_breaths) == (64, 4)
    assert (record.done_seconds, record.done_breaths) == (64, 4)
    assert record.ended_how is EndedHow.COMPLETED
    assert record.trigger is Trigger.CLI


def test_record_of_a_stopped_session_gets_a_fresh_id() -> None:
    run, clock = started(SessionPlan.from_minutes(FOUR_SIX, 5))
    clock.advance(COUNTDOWN_SECONDS + 45)
    run.stop()
    first = run.to_record(Trigger.REMINDER)
    second = run.to_record(Trigger.REMINDER)
    assert first.id != second.id and len(first.id) == 36
    assert (first.planned_seconds, first.done_seconds, first.done_breaths) == (300, 45, 4)
    assert first.ended_how is EndedHow.STOPPED


def test_a_simulated_twenty_minute_session_at_display_rate() -> None:
    """Every phase change lands within one 60 Hz frame of where 4-6 puts it."""
    frame = 1 / 60
    plan = SessionPlan.from_minutes(FOUR_SIX, 20)
    run, clock = started(plan)
    expected = [(10.0 * k + offset, phase, k) for k in range(120) for offset, phase in
                ((0.0, Phase.INHALE), (4.0, Phase.EXHALE))]  # fmt: skip
    seen: list[tuple[float, Phase, int]] = []
    last: tuple[Phase, int] | None = None
    frames_to_end = math.ceil((COUNTDOWN_SECONDS + 1200) / frame) + 2
    ended_at: float | None = None
    for i in range(1, frames_to_end):
        clock.advance(frame)
        frame_time = i * frame - COUNTDOWN_SECONDS  # breathing time this frame shows
        current = run.stage
        if current is Stage.ENDED:
            ended_at = frame_time
            break
        if current is Stage.BREATHING:
            state = run.state()
            if (state.phase, state.breath_index) != last:
                last = (state.phase, state.breath_index)
                seen.append((frame_time, state.phase, state.breath_index))
    assert len(seen) == 2 * 120
    for (seen_at, phase, index), (due, due_phase, due_index) in zip(seen, expected, strict=True):
        assert (phase, index) == (due_phase, due_index)
        assert -1e-6 <= seen_at - due < frame + 1e-6
    assert ended_at is not None
    assert -1e-6 <= ended_at - 1200 < frame + 1e-6
    assert run.outcome() == SessionOutcome(EndedHow.COMPLETED, 1200, 120)
    assert [(t, p, k) for t, p, k in plan.boundaries()] == expected
