"""Personal insights from the history, honest and always with their counts.

An insight compares two groups of answered after-checks (longer against
shorter sessions of one rhythm, or one rhythm against another) on how often a
signal was present (answered 4 or more), or notices a signal that stayed absent
in most of the latest checks. It is only offered when the data can carry it:

- nothing at all before ``MIN_CHECKS`` answered checks;
- each group needs at least ``MIN_GROUP`` checks that answered the signal;
- the present-rates must differ by at least ``MIN_DIFFERENCE_POINTS`` (20
  percentage points).

Every insight carries the counts it rests on, so the UI can always say "9 of
12 checks against 2 of 7". There is no statistics beyond that: these are
observations about one person's own answers, never claims about what works.
The module is plain Python; the UI words the structured results.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations
from types import MappingProxyType
from typing import Final

from herstel.core.advice import PROACTIVE_WINDOW, STRATEGY_TABLE, Strategy, proactive
from herstel.core.checkin import SIGNAL_ITEMS, Signal, SignalLevel

MIN_CHECKS: Final = 10
"""Answered after-checks needed before any insight ("Insights appear after about 10 checks")."""

MIN_GROUP: Final = 5
"""Checks answering the signal that each compared group needs."""

MIN_DIFFERENCE_POINTS: Final = 20
"""The smallest difference in present-rate worth mentioning, in percentage points."""

LONG_SECONDS: Final = 300.0
"""A "long" session: 5 minutes or more of real breathing time."""

COMPARED: Final[tuple[Signal, ...]] = (Signal.HEAD, Signal.ENERGY)
"""The signals that group comparisons look at."""

MAX_INSIGHTS: Final = 4


class InsightKind(StrEnum):
    """What an insight compares."""

    LENGTH = "length"  # longer (≥ 5 min) against shorter sessions, of one rhythm or all
    PATTERN = "pattern"  # one rhythm against another
    ABSENT = "absent"  # a signal absent in most of the latest checks


@dataclass(frozen=True, slots=True)
class GroupStats:
    """Answered after-checks of sessions with one rhythm and one kind of length.

    ``present[s]`` counts checks where signal ``s`` was 4 or more, ``answered[s]``
    the checks that answered ``s`` at all (an incomplete check may not have).
    """

    pattern: str
    long: bool
    checks: int
    present: Mapping[Signal, int] = field(default_factory=dict)
    answered: Mapping[Signal, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.checks < 0:
            raise ValueError("checks cannot be negative")
        for signal in SIGNAL_ITEMS:
            present = self.present.get(signal, 0)
            answered = self.answered.get(signal, 0)
            if not 0 <= present <= answered <= self.checks:
                raise ValueError(
                    f"{signal}: need 0 ≤ present ≤ answered ≤ checks "
                    f"(got {present}, {answered}, {self.checks})"
                )
        object.__setattr__(self, "present", MappingProxyType(dict(self.present)))
        object.__setattr__(self, "answered", MappingProxyType(dict(self.answered)))


@dataclass(frozen=True, slots=True)
class Group:
    """Which sessions a count is about; ``None`` means any."""

    pattern: str | None = None  # a rhythm label such as "4-6"
    long: bool | None = None  # True: 5 minutes or more; False: shorter


@dataclass(frozen=True, slots=True)
class Count:
    """In how many of ``checks`` checks a signal was present (or, for ABSENT, absent)."""

    hits: int
    checks: int

    @property
    def rate(self) -> float:
        return self.hits / self.checks if self.checks else 0.0


@dataclass(frozen=True, slots=True)
class Insight:
    """One observation, with the groups and counts it rests on.

    LENGTH and PATTERN: ``groups`` is (the group where the signal was present
    more often, the other one) and ``counts`` their present counts. ABSENT:
    ``groups`` is empty, ``counts`` holds one Count (absent in ``hits`` of the
    last ``checks`` checks) and ``strategies`` the first-choice strategy.
    """

    kind: InsightKind
    signal: Signal
    groups: tuple[Group, ...] = ()
    counts: tuple[Count, ...] = ()
    strategies: tuple[Strategy, ...] = ()

    @property
    def difference(self) -> float:
        """The gap in present-rate between the two groups (0 for ABSENT)."""
        if len(self.counts) != 2:
            return 0.0
        return self.counts[0].rate - self.counts[1].rate


def total_checks(groups: Iterable[GroupStats]) -> int:
    """All answered after-checks in the groups."""
    return sum(g.checks for g in groups)


def has_enough_data(groups: Iterable[GroupStats]) -> bool:
    """True once there are ``MIN_CHECKS`` answered checks to speak about."""
    return total_checks(groups) >= MIN_CHECKS


def _count(groups: Iterable[GroupStats], signal: Signal) -> Count:
    present = answered = 0
    for group in groups:
        present += group.present.get(signal, 0)
        answered += group.answered.get(signal, 0)
    return Count(present, answered)


def _compare(
    kind: InsightKind, signal: Signal, a: tuple[Group, Count], b: tuple[Group, Count]
) -> Insight | None:
    """An insight when both groups are big enough and differ by ≥ 20 points."""
    (group_a, count_a), (group_b, count_b) = a, b
    if count_a.checks < MIN_GROUP or count_b.checks < MIN_GROUP:
        return None
    # Exactly, in integers: |pa/na − pb/nb| ≥ 20/100  ⇔  100·|pa·nb − pb·na| ≥ 20·na·nb.
    gap = count_a.hits * count_b.checks - count_b.hits * count_a.checks
    if abs(gap) * 100 < MIN_DIFFERENCE_POINTS * count_a.checks * count_b.checks:
        return None
    if gap < 0:
        (group_a, count_a), (group_b, count_b) = (group_b, count_b), (group_a, count_a)
    return Insight(kind, signal, (group_a, group_b), (count_a, count_b))


def _length_insight(groups: Sequence[GroupStats], signal: Signal) -> Insight | None:
    """Longer against shorter sessions: the comparison with the most checks behind it.

    Looked at within each rhythm and over all sessions together; of those that
    qualify, the one resting on the most checks is kept (one per signal, so
    the same finding is not repeated rhythm by rhythm).
    """
    candidates: list[Insight] = []
    for pattern in sorted({g.pattern for g in groups}):
        long = [g for g in groups if g.pattern == pattern and g.long]
        short = [g for g in groups if g.pattern == pattern and not g.long]
        insight = _compare(
            InsightKind.LENGTH,
            signal,
            (Group(pattern, True), _count(long, signal)),
            (Group(pattern, False), _count(short, signal)),
        )
        if insight is not None:
            candidates.append(insight)
    overall = _compare(
        InsightKind.LENGTH,
        signal,
        (Group(None, True), _count((g for g in groups if g.long), signal)),
        (Group(None, False), _count((g for g in groups if not g.long), signal)),
    )
    if overall is not None:
        candidates.append(overall)
    if not candidates:
        return None
    return max(candidates, key=lambda i: (sum(c.checks for c in i.counts), i.difference))


def _pattern_insight(groups: Sequence[GroupStats], signal: Signal) -> Insight | None:
    """The pair of rhythms whose present-rates differ most, if that is enough."""
    patterns = sorted({g.pattern for g in groups})
    counts = {p: _count((g for g in groups if g.pattern == p), signal) for p in patterns}
    best: Insight | None = None
    for a, b in combinations(patterns, 2):
        insight = _compare(
            InsightKind.PATTERN, signal, (Group(a), counts[a]), (Group(b), counts[b])
        )
        if insight is not None and (best is None or insight.difference > best.difference):
            best = insight
    return best


def _absent_insights(recent: Sequence[Mapping[Signal, SignalLevel]]) -> list[Insight]:
    window = recent[:PROACTIVE_WINDOW]
    if len(window) < PROACTIVE_WINDOW:
        return []
    found = []
    for signal in proactive(window):
        absent = sum(levels.get(signal) is SignalLevel.ABSENT for levels in window)
        first_choice = STRATEGY_TABLE[signal][0]
        found.append(
            Insight(
                InsightKind.ABSENT,
                signal,
                counts=(Count(absent, len(window)),),
                strategies=first_choice,
            )
        )
    return found


def find_insights(
    groups: Sequence[GroupStats],
    recent: Sequence[Mapping[Signal, SignalLevel]] = (),
    *,
    signals: Sequence[Signal] = COMPARED,
    limit: int = MAX_INSIGHTS,
) -> list[Insight]:
    """What stands out, most useful first; empty before ``MIN_CHECKS`` answered checks.

    ``groups`` come from the history (one per rhythm and length); ``recent`` are
    the levels of the latest answered checks, newest first. Absent signals come
    first (they carry a strategy), then the comparisons, largest gap first.
    """
    if limit < 0:
        raise ValueError("limit cannot be negative")
    if not has_enough_data(groups):
        return []
    comparisons: list[Insight] = []
    for signal in signals:
        for insight in (_length_insight(groups, signal), _pattern_insight(groups, signal)):
            if insight is not None:
                comparisons.append(insight)
    comparisons.sort(key=lambda i: (-i.difference, -sum(c.checks for c in i.counts)))
    return (_absent_insights(recent) + comparisons)[:limit]
