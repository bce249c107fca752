"""The recovery check: which signals a person notices, on which scale, on which day.

The question texts live in the UI (they are translated); this module holds the
stable keys, the scales and the rules that turn answers into signal levels, so
the screens, the database and the export agree on one meaning.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from types import MappingProxyType


class Signal(StrEnum):
    """A recovery signal; the value is the stable key used in storage and export."""

    BREATHING = "breathing"
    BODY = "body"
    HEAD = "head"
    ENERGY = "energy"
    MUSCLES = "muscles"
    MOOD = "mood"
    SLEEP = "sleep"


SIGNAL_ITEMS: tuple[Signal, ...] = (
    Signal.BREATHING,
    Signal.BODY,
    Signal.HEAD,
    Signal.ENERGY,
    Signal.MUSCLES,
    Signal.MOOD,
)
"""The six signals asked as items after (and optionally before) a session."""

CHANGE_KEY = "change"
"""The global change item, asked after the session only."""

SLEEP_ITEM_KEYS: tuple[str, str] = ("slept_deeply", "woke_rested")
"""The two sleep items, asked in the first check of a day; the sleep signal is their mean."""

ITEM_KEYS: tuple[str, ...] = (*(s.value for s in SIGNAL_ITEMS), CHANGE_KEY, *SLEEP_ITEM_KEYS)
"""Every question's stable key, in the order the check asks them; the UI maps them to texts."""

SIGNAL_SCALE: tuple[int, int] = (0, 6)  # 0 "not at all" … 6 "completely"
CHANGE_SCALE: tuple[int, int] = (
    1,
    5,
)  # 1 much worse, 2 a bit worse, 3 same, 4 a bit better, 5 much better
SLEEP_SCALE: tuple[int, int] = (0, 6)

DAY_STARTS_AT = time(4, 0)
"""A check-day starts at 04:00 local time, so a late evening still belongs to its day."""


class SignalLevel(StrEnum):
    """How present a signal is: what the result screen and the home dots show."""

    PRESENT = "present"  # ≥ 4
    PARTLY = "partly"  # 3 (and means strictly between 2 and 4)
    ABSENT = "absent"  # ≤ 2
    NOT_ASKED = "not_asked"


class CheckKind(StrEnum):
    """Whether a check was answered before or after the session."""

    BEFORE = "before"
    AFTER = "after"


class CheckStatus(StrEnum):
    """What became of the check after a session (stored with the session)."""

    ANSWERED = "answered"  # the after-check was completed
    INCOMPLETE = "incomplete"  # Esc part-way: the answers given so far are kept
    SKIPPED = "skipped"  # offered, not answered
    NONE = "none"  # not offered (--no-check, "I feel dizzy")


def level(value: float | None) -> SignalLevel:
    """The level of one answer or mean; a mean such as 2.5 or 3.5 counts as partly."""
    if value is None:
        return SignalLevel.NOT_ASKED
    if math.isnan(value):
        raise ValueError("a signal value cannot be NaN")
    if value >= 4:
        return SignalLevel.PRESENT
    if value <= 2:
        return SignalLevel.ABSENT
    return SignalLevel.PARTLY


def _check_scale(name: str, value: object, scale: tuple[int, int]) -> None:
    low, high = scale
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be an integer {low}–{high} (got {value!r})")


def _check_aware(name: str, moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class CheckAnswers:
    """The answers of one check; ``complete`` is False when the user left part-way."""

    kind: CheckKind
    values: Mapping[Signal, int]  # a subset of SIGNAL_ITEMS: unanswered items are absent
    change: int | None  # the global change item, AFTER only
    complete: bool
    answered_at: datetime

    def __post_init__(self) -> None:
        kind = CheckKind(self.kind)
        values: dict[Signal, int] = {}
        for key, value in self.values.items():
            signal = Signal(key)
            if signal not in SIGNAL_ITEMS:
                raise ValueError(f"{signal} is not an item of a check")
            _check_scale(signal.value, value, SIGNAL_SCALE)
            values[signal] = value
        if self.change is not None:
            if kind is not CheckKind.AFTER:
                raise ValueError("change is only asked after the session")
            _check_scale(CHANGE_KEY, self.change, CHANGE_SCALE)
        if self.complete and len(values) != len(SIGNAL_ITEMS):
            raise ValueError("a complete check answers all six signal items")
        if self.complete and kind is CheckKind.AFTER and self.change is None:
            raise ValueError("a complete after-check answers the change item")
        _check_aware("answered_at", self.answered_at)
        ordered = {s: values[s] for s in SIGNAL_ITEMS if s in values}
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "values", MappingProxyType(ordered))


@dataclass(frozen=True, slots=True)
class NightAnswers:
    """The two sleep items, stored against the night that starts on ``night``'s evening."""

    night: date
    slept_deeply: int | None
    woke_rested: int | None
    answered_at: datetime

    def __post_init__(self) -> None:
        if isinstance(self.night, datetime) or not isinstance(self.night, date):
            raise ValueError("night must be a date")
        for name, value in (("slept_deeply", self.slept_deeply), ("woke_rested", self.woke_rested)):
            if value is not None:
                _check_scale(name, value, SLEEP_SCALE)
        _check_aware("answered_at", self.answered_at)

    @property
    def sleep(self) -> float | None:
        """The sleep signal: the mean of the items answered, None when neither was."""
        given = [v for v in (self.slept_deeply, self.woke_rested) if v is not None]
        return sum(given) / len(given) if given else None


def check_day(moment: datetime) -> date:
    """The day a moment belongs to, by its own local wall time: before 04:00 is yesterday."""
    if moment.time() < DAY_STARTS_AT:
        return moment.date() - timedelta(days=1)
    return moment.date()


def night_for(moment: datetime) -> date:
    """The night a check at ``moment`` asks about, named by the date of its evening."""
    return check_day(moment) - timedelta(days=1)


def asks_sleep(now: datetime, last_check_at: datetime | None) -> bool:
    """True for the first check of a check-day, which also asks about last night."""
    return last_check_at is None or check_day(last_check_at) != check_day(now)


def signal_values(after: CheckAnswers | None, night: NightAnswers | None) -> dict[Signal, float]:
    """The answered signals as numbers, sleep being the mean of the night's items."""
    values: dict[Signal, float] = {}
    if after is not None:
        values.update((s, float(v)) for s, v in after.values.items())
    if night is not None and night.sleep is not None:
        values[Signal.SLEEP] = night.sleep
    return values


def signal_levels(
    after: CheckAnswers | None, night: NightAnswers | None
) -> dict[Signal, SignalLevel]:
    """All seven signals with their level; NOT_ASKED where there is no answer."""
    values = signal_values(after, night)
    return {signal: level(values.get(signal)) for signal in Signal}


def changes(before: CheckAnswers | None, after: CheckAnswers | None) -> dict[Signal, int]:
    """After minus before, for each signal answered both times."""
    if before is None or after is None:
        return {}
    return {
        s: after.values[s] - before.values[s]
        for s in SIGNAL_ITEMS
        if s in before.values and s in after.values
    }
