"""What each answer to a reminder means for the schedule and for history.

The reminder prompt offers Start now, In 10 minutes (snooze) and Skip, and
closes by itself after ``PROMPT_TIMEOUT`` (missed). Each outcome is recorded
for adherence, and each changes the schedule state differently: snooze brings
the reminder back soon, skip waits a full interval, a session taken restarts
the interval. Pure functions, so the rules are tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final

from herstel.core.schedule import Fire, ReminderState, ScheduleConfig

PROMPT_TIMEOUT: Final = timedelta(minutes=10)
"""A prompt left alone this long closes and counts as missed."""


class Outcome(StrEnum):
    TAKEN = "taken"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class Shown:
    """A reminder on screen: which kind and which due time it answers."""

    kind: Fire
    due_at: datetime
    reset: bool = False  # offered as a one-minute reset after a long call (core.room)


def apply_outcome(
    state: ReminderState, shown: Shown, outcome: Outcome, now: datetime, config: ScheduleConfig
) -> ReminderState:
    """The schedule state after the user's answer (or silence) to ``shown``.

    Taken changes nothing here: the session it starts is a break, and the break
    (``after_break``) restarts the interval when the session ends. A snoozed
    timer is simply set again, since the timer ignores working hours.
    """
    if outcome is Outcome.SNOOZED:
        if shown.kind == "timer":
            minutes = max(1, round(config.snooze.total_seconds() / 60))
            return state.set_timer(now, minutes)
        return state.snooze(now, config)
    if outcome is Outcome.SKIPPED and shown.kind == "scheduled":
        return state.skip(now)
    return state
