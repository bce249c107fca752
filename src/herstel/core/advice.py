"""What to suggest for absent signals, now and over time.

The rules follow the article the app is built on: a strategy per signal, never
more than two suggestions at once, proactive hints only after a pattern of
answered checks, and a gentle GP note only when many signals stay low. There is
deliberately no overall "health score".
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType

from herstel.core.checkin import (
    CheckAnswers,
    NightAnswers,
    Signal,
    SignalLevel,
    changes,
    signal_levels,
    signal_values,
)


class Strategy(StrEnum):
    """A recovery strategy from the article; the UI words it."""

    BREATHING_RHYTHM = "breathing_rhythm"
    SLEEP_SCHEDULE = "sleep_schedule"  # a fixed sleep schedule
    NOURISHING_FOOD = "nourishing_food"
    REST_PACE_MOVEMENT = "rest_pace_movement"  # movement at rest pace
    MENTAL_QUIET = "mental_quiet"
    SOCIAL_REST = "social_rest"
    OFFLINE_EVENING = "offline_evening"  # an offline evening with the breathing rhythm before bed
    WALK_OUTSIDE = "walk_outside"  # movement: a walk outside


_S = Strategy
STRATEGY_TABLE: Mapping[Signal, tuple[tuple[Strategy, ...], ...]] = MappingProxyType(
    {
        Signal.BREATHING: ((_S.BREATHING_RHYTHM,), (_S.MENTAL_QUIET,)),
        Signal.BODY: ((_S.REST_PACE_MOVEMENT,), (_S.BREATHING_RHYTHM,)),
        Signal.HEAD: ((_S.MENTAL_QUIET,), (_S.WALK_OUTSIDE,)),
        # "Movement" for a person low on energy: the gentle kind, at rest pace.
        Signal.ENERGY: ((_S.SLEEP_SCHEDULE, _S.NOURISHING_FOOD), (_S.REST_PACE_MOVEMENT,)),
        Signal.MUSCLES: ((_S.REST_PACE_MOVEMENT,), (_S.BREATHING_RHYTHM,)),
        Signal.MOOD: ((_S.SOCIAL_REST,), (_S.MENTAL_QUIET,)),
        Signal.SLEEP: ((_S.SLEEP_SCHEDULE,), (_S.OFFLINE_EVENING,)),
    }
)
"""Signal → (first choice, second choice); a choice may combine strategies."""

MAX_SUGGESTIONS = 2
PROACTIVE_WINDOW = 5  # answered checks looked at
PROACTIVE_MIN_ABSENT = 3
GP_WINDOW = timedelta(days=14)
GP_MIN_CHECKS = 5
GP_MIN_SIGNALS = 4
GP_LOW_MEDIAN = 2


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A strategy (or pair) offered for one absent signal."""

    signal: Signal
    strategies: tuple[Strategy, ...]


def suggestions(
    levels: Mapping[Signal, SignalLevel], limit: int = MAX_SUGGESTIONS
) -> list[Suggestion]:
    """Suggestions for absent signals in signal order, never repeating a strategy.

    When a signal's first choice was already suggested for an earlier signal, its
    second choice is offered instead; when both were, the signal is already
    covered and gets no line of its own. At most ``limit`` are returned.
    """
    if limit < 0:
        raise ValueError("limit cannot be negative")
    result: list[Suggestion] = []
    offered: set[Strategy] = set()
    for signal in Signal:
        if len(result) >= limit:
            break
        if levels.get(signal) is not SignalLevel.ABSENT:
            continue
        for choice in STRATEGY_TABLE[signal]:
            if offered.isdisjoint(choice):
                result.append(Suggestion(signal, choice))
                offered.update(choice)
                break
    return result


def proactive(recent: Sequence[Mapping[Signal, SignalLevel]]) -> list[Signal]:
    """Signals absent in at least 3 of the last 5 answered checks (``recent`` newest first)."""
    window = recent[:PROACTIVE_WINDOW]
    return [
        signal
        for signal in Signal
        if sum(levels.get(signal) is SignalLevel.ABSENT for levels in window)
        >= PROACTIVE_MIN_ABSENT
    ]


def suggest_gp(
    checks: Sequence[tuple[datetime, Mapping[Signal, int | float]]], now: datetime
) -> bool:
    """Whether to gently suggest a GP: ≥ 4 signals with median ≤ 2 over the last 14 days.

    Needs at least 5 checks in the window, and each counted signal must have been
    answered in at least 5 of them, so one low answer never triggers the note.
    """
    window = [values for at, values in checks if now - GP_WINDOW <= at <= now]
    if len(window) < GP_MIN_CHECKS:
        return False
    low = 0
    for signal in Signal:
        answers = [values[signal] for values in window if signal in values]
        if len(answers) >= GP_MIN_CHECKS and statistics.median(answers) <= GP_LOW_MEDIAN:
            low += 1
    return low >= GP_MIN_SIGNALS


@dataclass(frozen=True, slots=True)
class RecoveryResult:
    """Everything the result screen shows after a check; no health score."""

    levels: dict[Signal, SignalLevel]
    changes: dict[Signal, int]
    suggestions: list[Suggestion]
    proactive: list[Signal]
    show_gp: bool


def recovery_result(
    after: CheckAnswers | None,
    night: NightAnswers | None,
    before: CheckAnswers | None,
    last_checks: Sequence[tuple[CheckAnswers, NightAnswers | None]],
    fortnight: Sequence[tuple[CheckAnswers, NightAnswers | None]],
    now: datetime,
) -> RecoveryResult:
    """Assemble the result screen from this check and earlier ones (newest first).

    ``last_checks`` are the latest answered checks whatever their age (the
    proactive rule looks at the last five); ``fortnight`` those of the last 14
    days (the GP note). Both include this check, as the database returns them
    after the save.
    """
    levels = signal_levels(after, night)
    recent_levels = [signal_levels(a, n) for a, n in last_checks]
    history = [(a.answered_at, signal_values(a, n)) for a, n in fortnight]
    return RecoveryResult(
        levels=levels,
        changes=changes(before, after),
        suggestions=suggestions(levels),
        proactive=proactive(recent_levels),
        show_gp=suggest_gp(history, now),
    )
