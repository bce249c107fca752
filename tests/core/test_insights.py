"""Personal insights: only with enough data, only clear differences, always with counts."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.advice import STRATEGY_TABLE
from herstel.core.checkin import SIGNAL_ITEMS, Signal, SignalLevel
from herstel.core.insights import (
    MIN_CHECKS,
    MIN_DIFFERENCE_POINTS,
    MIN_GROUP,
    Count,
    Group,
    GroupStats,
    Insight,
    InsightKind,
    find_insights,
    has_enough_data,
    total_checks,
)

HEAD, ENERGY = Signal.HEAD, Signal.ENERGY
A, P = SignalLevel.ABSENT, SignalLevel.PRESENT


def group(pattern: str, long: bool, checks: int, head: int = 0, energy: int = 0) -> GroupStats:
    """``checks`` answered checks; head/energy present in that many of them."""
    answered = dict.fromkeys(SIGNAL_ITEMS, checks)
    present = dict.fromkeys(SIGNAL_ITEMS, 0)
    present[HEAD], present[ENERGY] = head, energy
    return GroupStats(pattern, long, checks, present, answered)


def levels(*absent: Signal) -> Mapping[Signal, SignalLevel]:
    return {s: (A if s in absent else P) for s in Signal}


def test_the_issues_example() -> None:
    # 4-6: head clear after 9 of 12 long sessions, 2 of 7 short ones.
    groups = [group("4-6", True, 12, head=9, energy=6), group("4-6", False, 7, head=2, energy=3)]
    (insight,) = find_insights(groups)
    assert insight == Insight(
        InsightKind.LENGTH,
        HEAD,
        (Group("4-6", True), Group("4-6", False)),
        (Count(9, 12), Count(2, 7)),
    )
    assert insight.difference == pytest.approx(9 / 12 - 2 / 7)


def test_nothing_before_about_ten_checks() -> None:
    strong = [group("4-6", True, 5, head=5), group("4-6", False, 4, head=0)]
    assert total_checks(strong) == MIN_CHECKS - 1
    assert not has_enough_data(strong)
    assert find_insights(strong, [levels(HEAD)] * 5) == []
    enough = [group("4-6", True, 5, head=5), group("4-6", False, 5, head=0)]
    assert has_enough_data(enough)
    assert [i.kind for i in find_insights(enough)] == [InsightKind.LENGTH]


def test_each_group_needs_five_answers() -> None:
    small = [group("4-6", True, 20, head=20), group("4-6", False, MIN_GROUP - 1, head=0)]
    assert find_insights(small) == []
    just = [group("4-6", True, 20, head=20), group("4-6", False, MIN_GROUP, head=0)]
    assert len(find_insights(just)) == 1


def test_a_gap_of_twenty_points_counts_and_less_does_not() -> None:
    assert MIN_DIFFERENCE_POINTS == 20
    exactly = [group("4-6", True, 5, head=3), group("4-6", False, 5, head=2)]  # 60 % vs 40 %
    assert [i.counts for i in find_insights(exactly)] == [(Count(3, 5), Count(2, 5))]
    below = [group("4-6", True, 100, head=60), group("4-6", False, 100, head=41)]  # 19 points
    assert find_insights(below) == []


def test_shorter_sessions_can_be_the_better_group() -> None:
    groups = [group("5-5", True, 10, energy=1), group("5-5", False, 10, energy=8)]
    (insight,) = find_insights(groups)
    assert insight.signal is ENERGY
    assert insight.groups == (Group("5-5", False), Group("5-5", True))
    assert insight.counts == (Count(8, 10), Count(1, 10))


def test_one_length_insight_per_signal_the_one_with_most_checks() -> None:
    groups = [
        group("4-6", True, 30, head=24),
        group("4-6", False, 20, head=4),
        group("5-5", True, 10, head=9),
        group("5-5", False, 10, head=1),
    ]
    length = [i for i in find_insights(groups) if i.kind is InsightKind.LENGTH]
    assert len(length) == 1
    (insight,) = length
    # Over all 70 checks together (33 of 40 against 5 of 30) beats either rhythm alone.
    assert insight.groups == (Group(None, True), Group(None, False))
    assert insight.counts == (Count(33, 40), Count(5, 30))


def test_a_rhythm_comparison_takes_the_largest_gap() -> None:
    groups = [
        group("4-6", True, 10, energy=5),
        group("4-6", False, 10, energy=5),
        group("5-5", True, 5, energy=5),
        group("5-5", False, 5, energy=4),
        group("6-6", True, 5, energy=1),
        group("6-6", False, 5, energy=1),
    ]
    patterns = [i for i in find_insights(groups) if i.kind is InsightKind.PATTERN]
    assert [(i.signal, i.groups, i.counts) for i in patterns] == [
        (ENERGY, (Group("5-5"), Group("6-6")), (Count(9, 10), Count(2, 10)))
    ]


def test_signals_absent_in_three_of_the_last_five_checks_bring_their_strategy() -> None:
    groups = [group("4-6", True, 10), group("4-6", False, 10)]
    recent = [
        levels(HEAD, Signal.SLEEP),
        levels(HEAD),
        levels(),
        levels(HEAD),
        levels(Signal.SLEEP),
    ]
    found = find_insights(groups, recent)
    assert [(i.kind, i.signal) for i in found] == [(InsightKind.ABSENT, HEAD)]
    assert found[0].counts == (Count(3, 5),)
    assert found[0].strategies == STRATEGY_TABLE[HEAD][0]
    older = [levels(Signal.MOOD)] * 10
    assert find_insights(groups, [levels()] * 3 + older) == []  # only the last five count
    assert find_insights(groups, [levels(HEAD)] * 4) == []  # fewer than five checks


def test_absent_signals_come_first_and_the_limit_holds() -> None:
    groups = [
        group("4-6", True, 20, head=18, energy=18),
        group("4-6", False, 20, head=2, energy=2),
        group("5-5", True, 20, head=2, energy=2),
        group("5-5", False, 20, head=2, energy=2),
    ]
    recent = [levels(Signal.MOOD)] * 5
    found = find_insights(groups, recent)
    assert found[0].kind is InsightKind.ABSENT
    assert len(found) <= 4
    assert find_insights(groups, recent, limit=1) == found[:1]
    differences = [i.difference for i in found[1:]]
    assert differences == sorted(differences, reverse=True)
    with pytest.raises(ValueError):
        find_insights(groups, limit=-1)


def test_group_stats_must_be_consistent() -> None:
    with pytest.raises(ValueError, match="present"):
        GroupStats("4-6", True, 3, {HEAD: 4}, {HEAD: 3})
    with pytest.raises(ValueError):
        GroupStats("4-6", True, -1)
    stats = GroupStats("4-6", True, 3, {HEAD: 1}, {HEAD: 2})
    assert stats.present[HEAD] == 1


counts = st.integers(0, 40)


@st.composite
def group_stats(draw: st.DrawFn) -> GroupStats:
    checks = draw(counts)
    answered = {s: draw(st.integers(0, checks)) for s in SIGNAL_ITEMS}
    present = {s: draw(st.integers(0, answered[s])) for s in SIGNAL_ITEMS}
    return GroupStats(
        draw(st.sampled_from(["4-6", "5-5", "box"])), draw(st.booleans()), checks, present, answered
    )


@given(st.lists(group_stats(), max_size=6))
def test_every_comparison_meets_the_thresholds(groups: list[GroupStats]) -> None:
    found = find_insights(groups)
    if total_checks(groups) < MIN_CHECKS:
        assert found == []
    for insight in found:
        better, worse = insight.counts
        assert better.checks >= MIN_GROUP and worse.checks >= MIN_GROUP
        assert 100 * (better.hits * worse.checks - worse.hits * better.checks) >= (
            MIN_DIFFERENCE_POINTS * better.checks * worse.checks
        )
        assert insight.signal in (HEAD, ENERGY)
    assert len({(i.kind, i.signal) for i in found}) == len(found)
