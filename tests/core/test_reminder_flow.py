"""What each answer to a reminder does to the schedule (``apply_outcome``).

Expected times are worked out by hand from the rules in the
``herstel.core.schedule`` docstring: Monday 5 January 2026 in Amsterdam
(UTC+1), office hours 09:00-17:30, every 60 minutes, snooze 10 minutes.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from herstel.core.reminder_flow import PROMPT_TIMEOUT, Outcome, Shown, apply_outcome
from herstel.core.schedule import ReminderState, ScheduleConfig, next_scheduled_due

AMS = ZoneInfo("Europe/Amsterdam")

OFFICE = ScheduleConfig(
    enabled=True,
    interval=timedelta(minutes=60),
    snooze=timedelta(minutes=10),
    days=frozenset({1, 2, 3, 4, 5}),
    start=time(9, 0),
    end=time(17, 30),
    tz=AMS,
)


def at(hour: int, minute: int = 0, day: int = 5) -> datetime:
    """A local Amsterdam wall time in January 2026 (day 5 is a Monday), as UTC."""
    return datetime(2026, 1, day, hour, minute, tzinfo=AMS).astimezone(UTC)


# The 10:00 reminder (an hour after a 09:00 break) was shown at 10:00.
SHOWN_STATE = ReminderState(last_break_at=at(9), last_prompt_at=at(10))
SCHEDULED = Shown("scheduled", at(10))


def test_prompt_timeout_is_ten_minutes() -> None:
    assert timedelta(minutes=10) == PROMPT_TIMEOUT


def test_snoozing_a_scheduled_reminder_brings_it_back_a_snooze_later() -> None:
    now = at(10, 3)  # answered three minutes after it appeared
    state = apply_outcome(SHOWN_STATE, SCHEDULED, Outcome.SNOOZED, now, OFFICE)
    assert state.snoozed_until == at(10, 13)
    assert next_scheduled_due(state, OFFICE, now) == at(10, 13)
    # The grid continues from the snooze: 10:13 + 60 = 11:13.
    assert next_scheduled_due(state, OFFICE, at(10, 13)) == at(11, 13)
    # Nothing else moved: no timer appeared, the break and the pause are untouched.
    assert state.timer_due_at is None
    assert state.last_break_at == at(9)
    assert state.paused_until is None


def test_snooze_uses_the_configured_snooze_time() -> None:
    config = ScheduleConfig(
        enabled=True,
        interval=timedelta(minutes=60),
        snooze=timedelta(minutes=25),
        days=frozenset({1, 2, 3, 4, 5}),
        start=time(9, 0),
        end=time(17, 30),
        tz=AMS,
    )
    state = apply_outcome(SHOWN_STATE, SCHEDULED, Outcome.SNOOZED, at(10), config)
    assert next_scheduled_due(state, config, at(10)) == at(10, 25)


def test_snoozing_a_timer_reminder_sets_the_timer_again() -> None:
    # The timer already fired (it is used up); the schedule is not involved.
    state = ReminderState(last_break_at=at(9), last_prompt_at=at(10))
    shown = Shown("timer", at(10, 40))
    state_after = apply_outcome(state, shown, Outcome.SNOOZED, at(10, 41), OFFICE)
    assert state_after.timer_due_at == at(10, 51)
    # Snoozing a timer must not also push the schedule around.
    assert state_after.snoozed_until is None
    assert state_after.last_prompt_at == at(10)
    assert next_scheduled_due(state_after, OFFICE, at(10, 41)) == at(11)


def test_snoozing_a_timer_outside_working_hours_still_sets_it() -> None:
    # The timer ignores working hours: at 21:00 a snooze is 21:10, not tomorrow.
    shown = Shown("timer", at(21))
    state = apply_outcome(ReminderState(), shown, Outcome.SNOOZED, at(21), OFFICE)
    assert state.timer_due_at == at(21, 10)


def test_skipping_a_scheduled_reminder_waits_a_full_interval() -> None:
    now = at(10, 5)
    state = apply_outcome(SHOWN_STATE, SCHEDULED, Outcome.SKIPPED, now, OFFICE)
    # A full interval after the skip: 10:05 + 60 = 11:05, not the 10:10 of a snooze
    # and not the grid's 11:00 either.
    assert next_scheduled_due(state, OFFICE, now) == at(11, 5)
    # A skip is not a break: history must be able to tell them apart.
    assert state.last_break_at == at(9)
    assert state.timer_due_at is None


def test_skipping_answers_a_pending_snooze() -> None:
    # The snoozed reminder came back at 10:10 and is now skipped.
    snoozed = ReminderState(last_break_at=at(9), last_prompt_at=at(10), snoozed_until=at(10, 10))
    shown = Shown("scheduled", at(10, 10))
    state = apply_outcome(snoozed, shown, Outcome.SKIPPED, at(10, 11), OFFICE)
    assert state.snoozed_until is None
    assert next_scheduled_due(state, OFFICE, at(10, 11)) == at(11, 11)


def test_skip_near_the_end_of_the_day_moves_to_the_next_working_day() -> None:
    state = ReminderState(last_break_at=at(15), last_prompt_at=at(16, 45))
    shown = Shown("scheduled", at(16, 45))
    after = apply_outcome(state, shown, Outcome.SKIPPED, at(16, 45), OFFICE)
    # 16:45 + 60 = 17:45 is after 17:30: Tuesday 09:00 + 60 = 10:00.
    assert next_scheduled_due(after, OFFICE, at(16, 45)) == at(10, day=6)


def test_skipping_a_timer_reminder_changes_nothing() -> None:
    state = ReminderState(last_break_at=at(9), last_prompt_at=at(10))
    shown = Shown("timer", at(10, 30))
    after = apply_outcome(state, shown, Outcome.SKIPPED, at(10, 31), OFFICE)
    assert after == state
    # The schedule keeps its own rhythm: the next one is still 11:00.
    assert next_scheduled_due(after, OFFICE, at(10, 31)) == at(11)


@pytest.mark.parametrize("outcome", [Outcome.TAKEN, Outcome.MISSED])
@pytest.mark.parametrize("kind", ["scheduled", "timer"])
def test_taken_and_missed_leave_the_state_alone(outcome: Outcome, kind: str) -> None:
    state = ReminderState(
        last_break_at=at(9),
        last_prompt_at=at(10),
        snoozed_until=at(10, 10),
        paused_until=at(8),
        timer_due_at=at(12),
    )
    shown = Shown("scheduled" if kind == "scheduled" else "timer", at(10))
    assert apply_outcome(state, shown, outcome, at(10, 4), OFFICE) == state


def test_outcomes_are_the_values_stored_in_history() -> None:
    assert [o.value for o in Outcome] == ["taken", "snoozed", "skipped", "missed"]
