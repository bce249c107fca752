"""Advice: the signal → strategy table, the two-suggestion limit, trends and the GP note."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

import pytest

from herstel.core import advice
from herstel.core.advice import (
    STRATEGY_TABLE,
    Strategy,
    Suggestion,
    proactive,
    suggest_gp,
    suggestions,
)
from herstel.core.checkin import Signal, SignalLevel

A, P = SignalLevel.ABSENT, SignalLevel.PRESENT
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone(timedelta(hours=1)))


def only_absent(*absent: Signal) -> dict[Signal, SignalLevel]:
    return {s: (A if s in absent else P) for s in Signal}


def test_table_follows_the_design() -> None:
    S = Strategy
    assert dict(STRATEGY_TABLE) == {
        Signal.BREATHING: ((S.BREATHING_RHYTHM,), (S.MENTAL_QUIET,)),
        Signal.BODY: ((S.REST_PACE_MOVEMENT,), (S.BREATHING_RHYTHM,)),
        Signal.HEAD: ((S.MENTAL_QUIET,), (S.WALK_OUTSIDE,)),
        Signal.ENERGY: ((S.SLEEP_SCHEDULE, S.NOURISHING_FOOD), (S.REST_PACE_MOVEMENT,)),
        Signal.MUSCLES: ((S.REST_PACE_MOVEMENT,), (S.BREATHING_RHYTHM,)),
        Signal.MOOD: ((S.SOCIAL_REST,), (S.MENTAL_QUIET,)),
        Signal.SLEEP: ((S.SLEEP_SCHEDULE,), (S.OFFLINE_EVENING,)),
    }


@pytest.mark.parametrize("signal", list(Signal))
def test_one_absent_signal_gets_its_first_choice(signal: Signal) -> None:
    assert suggestions(only_absent(signal)) == [Suggestion(signal, STRATEGY_TABLE[signal][0])]


def test_nothing_absent_nothing_suggested() -> None:
    assert suggestions(only_absent()) == []
    partly_or_unknown = {Signal.HEAD: SignalLevel.PARTLY, Signal.MOOD: SignalLevel.NOT_ASKED}
    assert suggestions(partly_or_unknown) == []


def test_at_most_two_in_signal_order() -> None:
    result = suggestions(only_absent(*Signal))
    assert len(result) == 2
    assert [s.signal for s in result] == [Signal.BREATHING, Signal.BODY]
    assert suggestions(only_absent(*Signal), limit=1) == result[:1]
    assert suggestions(only_absent(Signal.SLEEP, Signal.HEAD, Signal.MOOD)) == [
        Suggestion(Signal.HEAD, (Strategy.MENTAL_QUIET,)),
        Suggestion(Signal.MOOD, (Strategy.SOCIAL_REST,)),
    ]


def test_a_repeated_strategy_falls_back_to_the_second_choice() -> None:
    assert suggestions(only_absent(Signal.BODY, Signal.MUSCLES)) == [
        Suggestion(Signal.BODY, (Strategy.REST_PACE_MOVEMENT,)),
        Suggestion(Signal.MUSCLES, (Strategy.BREATHING_RHYTHM,)),
    ]
    assert suggestions(only_absent(Signal.ENERGY, Signal.SLEEP)) == [
        Suggestion(Signal.ENERGY, (Strategy.SLEEP_SCHEDULE, Strategy.NOURISHING_FOOD)),
        Suggestion(Signal.SLEEP, (Strategy.OFFLINE_EVENING,)),
    ]


def test_a_signal_whose_choices_were_both_offered_is_covered() -> None:
    # breathing → rhythm, body → rest-pace movement; muscles has nothing new.
    three = only_absent(Signal.BREATHING, Signal.BODY, Signal.MUSCLES)
    assert [s.signal for s in suggestions(three, limit=3)] == [Signal.BREATHING, Signal.BODY]
    flat = [st for s in suggestions(only_absent(*Signal), limit=7) for st in s.strategies]
    assert len(flat) == len(set(flat))


def test_negative_limit_is_a_bug() -> None:
    with pytest.raises(ValueError, match="negative"):
        suggestions(only_absent(Signal.HEAD), limit=-1)


def test_proactive_three_of_the_last_five() -> None:
    head = only_absent(Signal.HEAD)
    fine = only_absent()
    assert proactive([head, head, fine, head, fine]) == [Signal.HEAD]
    assert proactive([head, head, fine, fine, fine]) == []
    # Only the newest five count: older absences fall out of the window.
    assert proactive([fine, fine, fine, head, head, head, head]) == []
    assert proactive([head, head, head]) == [Signal.HEAD]
    assert proactive([]) == []


def checks_with(
    values: Mapping[Signal, float], count: int, start: datetime = NOW
) -> list[tuple[datetime, Mapping[Signal, float]]]:
    return [(start - timedelta(days=i), values) for i in range(count)]


LOW4 = {Signal.HEAD: 1, Signal.ENERGY: 2, Signal.MOOD: 0, Signal.SLEEP: 1.5, Signal.BODY: 5}


def test_gp_note_needs_four_low_signals_over_five_checks() -> None:
    assert suggest_gp(checks_with(LOW4, 5), NOW)
    assert not suggest_gp(checks_with(LOW4, 4), NOW)  # too few checks
    three_low = {**LOW4, Signal.SLEEP: 4}
    assert not suggest_gp(checks_with(three_low, 10), NOW)


def test_gp_note_looks_at_the_last_fourteen_days_only() -> None:
    old = checks_with(LOW4, 5, start=NOW - advice.GP_WINDOW - timedelta(hours=1))
    assert not suggest_gp(old, NOW)
    recent = checks_with(LOW4, 5, start=NOW - timedelta(days=9))  # days 9..13 ago
    assert suggest_gp(recent, NOW)


def test_gp_note_uses_the_median_not_one_bad_day() -> None:
    good = dict.fromkeys(LOW4, 5.0)
    assert not suggest_gp(checks_with(LOW4, 2) + checks_with(good, 3), NOW)
    assert suggest_gp(checks_with(LOW4, 3) + checks_with(good, 2), NOW)


def test_gp_note_ignores_signals_answered_too_rarely() -> None:
    rare = checks_with({Signal.HEAD: 0, Signal.MOOD: 0, Signal.ENERGY: 0}, 5)
    rare.append((NOW, {Signal.SLEEP: 0}))
    assert not suggest_gp(rare, NOW)
