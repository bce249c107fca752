"""The recovery check model: levels, validation, check-days and the sleep question."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.checkin import (
    CHANGE_SCALE,
    DAY_STARTS_AT,
    ITEM_KEYS,
    SIGNAL_ITEMS,
    SIGNAL_SCALE,
    CheckAnswers,
    CheckKind,
    NightAnswers,
    Signal,
    SignalLevel,
    asks_sleep,
    changes,
    check_day,
    level,
    night_for,
    signal_levels,
)

CET = timezone(timedelta(hours=1))
AT = datetime(2026, 3, 10, 9, 30, tzinfo=CET)


def after(
    values: dict[Signal, int], change: int | None = 4, complete: bool = False
) -> CheckAnswers:
    return CheckAnswers(CheckKind.AFTER, values, change, complete, AT)


def test_signals_and_keys() -> None:
    assert [s.value for s in Signal] == [
        "breathing", "body", "head", "energy", "muscles", "mood", "sleep",
    ]  # fmt: skip
    assert Signal.SLEEP not in SIGNAL_ITEMS
    assert len(SIGNAL_ITEMS) == 6
    assert ITEM_KEYS[-3:] == ("change", "slept_deeply", "woke_rested")
    assert SIGNAL_SCALE == (0, 6)
    assert CHANGE_SCALE == (1, 5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, SignalLevel.NOT_ASKED),
        (0, SignalLevel.ABSENT),
        (2, SignalLevel.ABSENT),
        (2.5, SignalLevel.PARTLY),
        (3, SignalLevel.PARTLY),
        (3.5, SignalLevel.PARTLY),
        (4, SignalLevel.PRESENT),
        (6, SignalLevel.PRESENT),
    ],
)
def test_level_thresholds(value: float | None, expected: SignalLevel) -> None:
    assert level(value) is expected


def test_level_rejects_nan() -> None:
    with pytest.raises(ValueError, match="NaN"):
        level(float("nan"))


@pytest.mark.parametrize("bad", [-1, 7, True, 3.0, "4"])
def test_answers_out_of_scale_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="head must be an integer 0–6"):
        after({Signal.HEAD: bad})  # type: ignore[dict-item]


def test_change_only_after_and_in_range() -> None:
    with pytest.raises(ValueError, match="only asked after"):
        CheckAnswers(CheckKind.BEFORE, {}, 3, False, AT)
    with pytest.raises(ValueError, match="change must be an integer 1–5"):
        after({}, change=0)


def test_sleep_is_not_a_check_item() -> None:
    with pytest.raises(ValueError, match="not an item"):
        after({Signal.SLEEP: 3})


def test_complete_means_every_item_answered() -> None:
    with pytest.raises(ValueError, match="all six"):
        after({Signal.HEAD: 3}, complete=True)
    with pytest.raises(ValueError, match="change item"):
        after(dict.fromkeys(SIGNAL_ITEMS, 3), change=None, complete=True)
    assert after(dict.fromkeys(SIGNAL_ITEMS, 3), complete=True).complete


def test_answers_need_an_aware_time_and_are_read_only() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CheckAnswers(CheckKind.AFTER, {}, None, False, datetime(2026, 1, 1, 9))
    answers = after({"head": 5})  # type: ignore[dict-item]
    assert answers.values == {Signal.HEAD: 5}
    with pytest.raises(TypeError):
        answers.values[Signal.BODY] = 1  # type: ignore[index]


def test_night_answers_validate_and_average() -> None:
    assert NightAnswers(date(2026, 3, 9), 2, 5, AT).sleep == 3.5
    assert NightAnswers(date(2026, 3, 9), None, 5, AT).sleep == 5
    assert NightAnswers(date(2026, 3, 9), None, None, AT).sleep is None
    with pytest.raises(ValueError, match="woke_rested"):
        NightAnswers(date(2026, 3, 9), 2, 9, AT)


@pytest.mark.parametrize(
    ("clock", "day"),
    [
        ((0, 0), date(2026, 3, 9)),  # midnight still belongs to yesterday
        ((3, 59), date(2026, 3, 9)),
        ((4, 0), date(2026, 3, 10)),  # the day starts at 04:00
        ((23, 59), date(2026, 3, 10)),
    ],
)
def test_check_day_around_four_and_midnight(clock: tuple[int, int], day: date) -> None:
    moment = datetime(2026, 3, 10, *clock, tzinfo=CET)
    assert check_day(moment) == day
    assert night_for(moment) == day - timedelta(days=1)


def test_check_day_uses_the_moments_own_local_time() -> None:
    # 02:30 UTC is 03:30 in CET (yesterday's check-day) but 04:30 in EET.
    utc = datetime(2026, 3, 10, 2, 30, tzinfo=UTC)
    assert check_day(utc.astimezone(CET)) == date(2026, 3, 9)
    assert check_day(utc.astimezone(timezone(timedelta(hours=2)))) == date(2026, 3, 10)
    assert DAY_STARTS_AT.hour == 4


def test_asks_sleep_on_the_first_check_of_each_day() -> None:
    morning = datetime(2026, 3, 10, 9, 0, tzinfo=CET)
    assert asks_sleep(morning, None)
    assert not asks_sleep(morning + timedelta(hours=5), morning)
    late = datetime(2026, 3, 11, 1, 0, tzinfo=CET)  # after midnight, same check-day
    assert not asks_sleep(late, morning)
    next_day = datetime(2026, 3, 11, 4, 0, tzinfo=CET)
    assert asks_sleep(next_day, late)


def test_signal_levels_always_has_seven_keys() -> None:
    assert signal_levels(None, None) == dict.fromkeys(Signal, SignalLevel.NOT_ASKED)
    levels = signal_levels(
        after({Signal.HEAD: 1, Signal.MOOD: 3, Signal.BODY: 5}),
        NightAnswers(date(2026, 3, 9), 1, 2, AT),
    )
    assert list(levels) == list(Signal)
    assert levels[Signal.HEAD] is SignalLevel.ABSENT
    assert levels[Signal.MOOD] is SignalLevel.PARTLY
    assert levels[Signal.BODY] is SignalLevel.PRESENT
    assert levels[Signal.ENERGY] is SignalLevel.NOT_ASKED
    assert levels[Signal.SLEEP] is SignalLevel.ABSENT  # mean 1.5


def test_changes_only_for_signals_answered_twice() -> None:
    before = CheckAnswers(CheckKind.BEFORE, {Signal.HEAD: 2, Signal.BODY: 4}, None, False, AT)
    later = after({Signal.HEAD: 5, Signal.MOOD: 3})
    assert changes(before, later) == {Signal.HEAD: 3}
    assert changes(None, later) == {}


@given(st.floats(min_value=0, max_value=6))
def test_every_value_on_the_scale_has_a_level(value: float) -> None:
    assert level(value) is not SignalLevel.NOT_ASKED
