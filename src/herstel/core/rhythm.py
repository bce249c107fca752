"""The breathing rhythm: patterns, presets, session plans and the breath state at a time.

Everything here is a pure function of the elapsed seconds handed in: nothing reads a
clock, so the rhythm cannot drift and tests can run a whole session in milliseconds.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final


class Phase(StrEnum):
    """One part of a breath; the values are the stable words used in logs and tests."""

    INHALE = "in"
    HOLD_IN = "hold-in"
    EXHALE = "out"
    HOLD_OUT = "hold-out"
    TOP_UP = "top-up"  # the short second inhale of a double inhale (cyclic sighing)


STEP: Final[float] = 0.5
"""Phase lengths move in half seconds: fine enough to tune, coarse enough to count."""


def snap_to_step(seconds: float) -> float:
    """``seconds`` on the nearest half second (``STEP``): what a phase can last."""
    return round(seconds / STEP) * STEP


PHASE_LIMITS: Final[dict[str, tuple[float, float]]] = {
    "inhale": (2.0, 8.0),
    "hold_in": (0.0, 8.0),
    "exhale": (2.0, 12.0),
    "hold_out": (0.0, 8.0),
}
"""Allowed seconds per phase (DESIGN §3); holds are optional and short."""

TOP_UP_LIMITS: Final[tuple[float, float]] = (0.0, 2.0)
"""Seconds of a top-up (the short second inhale of cyclic sighing); 0 means none.

At most 2 s, never longer than the shortest inhale, so it reads as a small addition.
"""

TOP_UP_FROM: Final[float] = 0.7
"""The volume the first inhale of a double inhale reaches; the top-up adds the rest.

Both together reach the same full volume as any other pattern (slower, not bigger):
the first inhale simply stops 30 % short, so the second one shows as a clear rise.
"""

RATE_WARNING_LIMITS: Final[tuple[float, float]] = (3.0, 10.0)
"""Breaths a minute outside which the app warns (but does not block)."""

GENTLE_START_RATE: Final[float] = 7.0 / 60.0
"""Breaths a second a gentle start begins at (about 7 a minute)."""

RAMP_SECONDS: Final[float] = 60.0
"""How long a gentle start takes to ease into the target rate."""

MINUTES_LIMITS: Final[tuple[int, int]] = (1, 20)
BREATHS_LIMITS: Final[tuple[int, int]] = (1, 120)


def _fmt(seconds: float) -> str:
    """Seconds as people write them: 4 rather than 4.0, 3.5 stays 3.5."""
    value = float(seconds)
    return str(int(value)) if value.is_integer() else repr(value)


def _show(value: object) -> str:
    """A rejected value, readable in an error message."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class PatternError(ValueError):
    """A breathing pattern the app cannot use; ``field`` lets a form point at the culprit."""

    def __init__(
        self,
        field: str,
        value: object,
        low: float | None = None,
        high: float | None = None,
        message: str | None = None,
    ) -> None:
        if message is None:
            message = (
                f"{field.replace('_', '-')} must be {_fmt(low or 0.0)}–{_fmt(high or 0.0)} "
                f"seconds in {_fmt(STEP)} s steps (got {_show(value)})"
            )
        super().__init__(message)
        self.field = field
        self.value = value
        self.low = low
        self.high = high


def _checked_seconds(field: str, value: object) -> float:
    """The phase length as a float, or a PatternError naming the field."""
    low, high = TOP_UP_LIMITS if field == "top_up" else PHASE_LIMITS[field]
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise PatternError(field, value, low, high)
    try:
        seconds = float(value)
    except OverflowError:
        raise PatternError(field, value, low, high) from None
    if not low <= seconds <= high or not (seconds / STEP).is_integer():
        raise PatternError(field, value, low, high)
    return seconds


@dataclass(frozen=True, slots=True)
class Pattern:
    """Seconds for each phase of one breath; always valid once built."""

    inhale: float
    exhale: float
    hold_in: float = 0.0
    hold_out: float = 0.0
    top_up: float = 0.0  # a short second inhale after the first (cyclic sighing)

    def __post_init__(self) -> None:
        for name in ("inhale", "top_up", "hold_in", "exhale", "hold_out"):
            object.__setattr__(self, name, _checked_seconds(name, getattr(self, name)))

    @property
    def period(self) -> float:
        """Seconds for one whole breath."""
        return self.inhale + self.top_up + self.hold_in + self.exhale + self.hold_out

    @property
    def breaths_per_minute(self) -> float:
        """The rate people talk about (4-6 is 6 a minute)."""
        return 60.0 / self.period

    @property
    def label(self) -> str:
        """Canonical text ("4-6", "4-7-8", "4-4-4-4", "3+1-6") that parse_pattern reads back.

        A double inhale is written "first+top-up" in the inhale's place.
        """
        parts: tuple[float, ...]
        if self.hold_out > 0:
            parts = (self.inhale, self.hold_in, self.exhale, self.hold_out)
        elif self.hold_in > 0:
            parts = (self.inhale, self.hold_in, self.exhale)
        else:
            parts = (self.inhale, self.exhale)
        texts = [_fmt(part) for part in parts]
        if self.top_up > 0:
            texts[0] = f"{texts[0]}+{_fmt(self.top_up)}"
        return "-".join(texts)

    def phases(self) -> tuple[tuple[Phase, float], ...]:
        """The phases that actually happen, in breathing order, with their seconds."""
        every = (
            (Phase.INHALE, self.inhale),
            (Phase.TOP_UP, self.top_up),
            (Phase.HOLD_IN, self.hold_in),
            (Phase.EXHALE, self.exhale),
            (Phase.HOLD_OUT, self.hold_out),
        )
        return tuple((phase, seconds) for phase, seconds in every if seconds > 0)

    @property
    def inhale_peak(self) -> float:
        """The volume the first inhale reaches: full, or ``TOP_UP_FROM`` before a top-up."""
        return TOP_UP_FROM if self.top_up > 0 else 1.0

    def volume_at(self, phase: Phase, progress: float) -> float:
        """Lung volume in this pattern's ``phase`` at ``progress`` (see ``volume``)."""
        return volume(phase, progress, self.inhale_peak)

    def rate_warning(self) -> bool:
        """True when the rate leaves the useful slow-breathing range (warn, don't block)."""
        low, high = RATE_WARNING_LIMITS
        return not low <= self.breaths_per_minute <= high

    def with_overrides(
        self,
        *,
        inhale: float | None = None,
        exhale: float | None = None,
        hold_in: float | None = None,
        hold_out: float | None = None,
        top_up: float | None = None,
    ) -> Pattern:
        """This pattern with single phases replaced, as --inhale/--exhale/... do."""
        given = {
            "inhale": inhale,
            "exhale": exhale,
            "hold_in": hold_in,
            "hold_out": hold_out,
            "top_up": top_up,
        }
        return replace(self, **{name: value for name, value in given.items() if value is not None})


@dataclass(frozen=True, slots=True)
class Preset:
    """A named pattern; the UI translates ``key`` into a title."""

    key: str
    pattern: Pattern
    default_breaths: int | None


DEFAULT_PATTERN: Final[Pattern] = Pattern(4, 6)

PRESETS: Final[tuple[Preset, ...]] = (
    Preset("4-6", DEFAULT_PATTERN, None),
    Preset("5-5", Pattern(5, 5), None),
    Preset("6-6", Pattern(6, 6), None),
    Preset("gentle", Pattern(3.5, 5), None),
    Preset("box", Pattern(inhale=4, hold_in=4, exhale=4, hold_out=4), None),
    Preset("4-7-8", Pattern(inhale=4, hold_in=7, exhale=8), 4),
    Preset("sigh", Pattern(inhale=3, top_up=1, exhale=6), None),
)
"""The presets in the order the chooser lists them.

"sigh" is cyclic sighing (Balban et al. 2023): in through the nose, a short second
inhale on top, then a long, slow exhale; 3+1-6 keeps it at six breaths a minute.
"""

_NAMED_PATTERNS: Final[dict[str, Pattern]] = {
    **{preset.key: preset.pattern for preset in PRESETS},
    "coherent": Pattern(5, 5),
}
_NUMBER: Final = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_DOUBLE_INHALE: Final = re.compile(r"([0-9]+(?:[.,][0-9]+)?)\s*\+\s*([0-9]+(?:[.,][0-9]+)?)")
_SEPARATOR: Final = re.compile(r"\s*[-–]\s*")
_PARSE_HINT: Final = (
    "use a preset (4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh, coherent) or seconds "
    "like 4-6 (in-out), 4-7-8 (in-hold-out), 4-4-4-4 (in-hold-out-hold) "
    "or 3+1-6 (in+second in-out)"
)


def parse_pattern(text: str) -> Pattern:
    """A pattern from what a person types on the command line or in settings."""
    if not isinstance(text, str):
        raise PatternError("pattern", text, message=f"not a pattern: {text!r}; {_PARSE_HINT}")
    cleaned = text.strip()
    named = _NAMED_PATTERNS.get(cleaned.lower())
    if named is not None:
        return named
    parts = _SEPARATOR.split(cleaned)
    top_up = 0.0
    double = _DOUBLE_INHALE.fullmatch(parts[0])
    if double is not None:
        parts[0] = double.group(1)
        top_up = float(double.group(2).replace(",", "."))
    if not 2 <= len(parts) <= 4 or not all(_NUMBER.fullmatch(part) for part in parts):
        raise PatternError("pattern", text, message=f"unknown pattern {text!r}; {_PARSE_HINT}")
    seconds = [float(part.replace(",", ".")) for part in parts]
    if double is not None and top_up == 0.0:  # "4+0-6" is not a double inhale
        raise PatternError("top_up", top_up, STEP, TOP_UP_LIMITS[1])
    if len(seconds) == 2:
        return Pattern(inhale=seconds[0], exhale=seconds[1], top_up=top_up)
    if len(seconds) == 3:
        return Pattern(inhale=seconds[0], hold_in=seconds[1], exhale=seconds[2], top_up=top_up)
    return Pattern(
        inhale=seconds[0], hold_in=seconds[1], exhale=seconds[2], hold_out=seconds[3], top_up=top_up
    )


def volume(phase: Phase, progress: float, inhale_peak: float = 1.0) -> float:
    """Lung volume in [0, 1] with a half-cosine ease, so the shape never jerks.

    ``inhale_peak`` is where the first inhale stops when a top-up follows
    (``Pattern.inhale_peak``); the top-up eases on from there to full, so the
    volume is continuous across the double inhale and rises again, visibly.
    """
    p = min(progress, 1.0) if progress >= 0.0 else 0.0  # NaN falls to 0 as well
    if phase is Phase.INHALE:
        return inhale_peak * 0.5 * (1.0 - math.cos(math.pi * p))
    if phase is Phase.TOP_UP:
        return inhale_peak + (1.0 - inhale_peak) * 0.5 * (1.0 - math.cos(math.pi * p))
    if phase is Phase.EXHALE:
        return 0.5 * (1.0 + math.cos(math.pi * p))
    return 1.0 if phase is Phase.HOLD_IN else 0.0


class PlanError(ValueError):
    """A session length outside what the app offers; ``field`` names it for a form."""

    def __init__(self, field: str, value: object, low: float | None, high: float | None) -> None:
        if high is None:
            bounds = f"of at least {_fmt(low or 0.0)}"
        else:
            bounds = f"{_fmt(low or 0.0)}–{_fmt(high)}"
        super().__init__(f"{field} must be a whole number {bounds} (got {_show(value)})")
        self.field = field
        self.value = value
        self.low = low
        self.high = high


def _checked_whole(field: str, value: object, low: int, high: int | None) -> int:
    """A whole count within bounds, or a PlanError naming the field."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanError(field, value, low, high)
    if value < low or (high is not None and value > high):
        raise PlanError(field, value, low, high)
    return value


def _smoothstep_integral(u: float) -> float:
    """∫₀ᵘ (3s² − 2s³) ds: the ramp's share of θ, so the phase is exact, not summed."""
    return u**3 - 0.5 * u**4


@dataclass(frozen=True, slots=True)
class RhythmState:
    """Everything a screen needs to draw one frame of the breathing guide."""

    phase: Phase
    phase_progress: float
    phase_duration: float
    phase_remaining: float
    volume: float
    breath_index: int
    breath_progress: float
    elapsed: float
    remaining: float
    session_progress: float
    finished: bool
    second_count: int


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """A pattern for a number of whole breaths, optionally eased in (gentle start)."""

    pattern: Pattern
    breaths: int
    gentle_start: bool = False
    _duration: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _checked_whole("breaths", self.breaths, 1, None)
        # Every frame asks for the end; inside a gentle ramp that is a bisection.
        object.__setattr__(self, "_duration", self.time_of(self.breaths))

    @classmethod
    def from_minutes(
        cls, pattern: Pattern, minutes: int, gentle_start: bool = False
    ) -> SessionPlan:
        """The fewest whole breaths lasting at least ``minutes`` (minutes round up)."""
        low, high = MINUTES_LIMITS
        target = 60.0 * _checked_whole("minutes", minutes, low, high)
        probe = cls(pattern, 1, gentle_start)
        breaths = max(1, math.ceil(probe.breaths_at(target)) - 1)
        # θ is rounded; walk to the exact answer as the float durations see it.
        while cls(pattern, breaths, gentle_start).duration < target:
            breaths += 1
        while breaths > 1 and cls(pattern, breaths - 1, gentle_start).duration >= target:
            breaths -= 1
        return cls(pattern, breaths, gentle_start)

    @classmethod
    def from_breaths(
        cls, pattern: Pattern, breaths: int, gentle_start: bool = False
    ) -> SessionPlan:
        """A plan for a breath count the user chose (1–120)."""
        low, high = BREATHS_LIMITS
        return cls(pattern, _checked_whole("breaths", breaths, low, high), gentle_start)

    def _rates(self) -> tuple[float, float]:
        """Start and target rate in breaths a second; equal without a gentle start."""
        target = 1.0 / self.pattern.period
        start = max(GENTLE_START_RATE, target) if self.gentle_start else target
        return start, target

    def rate_at(self, elapsed: float) -> float:
        """Breaths a second at ``elapsed``: the smoothstep ramp, then the target."""
        start, target = self._rates()
        u = min(max(elapsed / RAMP_SECONDS, 0.0), 1.0)
        return start + (target - start) * u * u * (3.0 - 2.0 * u)

    def breaths_at(self, elapsed: float) -> float:
        """θ(t), breaths since breathing began: the closed-form integral of the rate."""
        t = max(elapsed, 0.0)
        if not self.gentle_start:
            return t / self.pattern.period
        start, target = self._rates()
        if t >= RAMP_SECONDS:
            return RAMP_SECONDS * (start + target) / 2.0 + target * (t - RAMP_SECONDS)
        ramp = RAMP_SECONDS * _smoothstep_integral(t / RAMP_SECONDS)
        return start * t + (target - start) * ramp

    def time_of(self, breaths: float) -> float:
        """θ⁻¹: seconds at which ``breaths`` breaths have passed (bisection in the ramp)."""
        if breaths <= 0:
            return 0.0
        if not self.gentle_start:
            return breaths * self.pattern.period
        start, target = self._rates()
        after_ramp = RAMP_SECONDS * (start + target) / 2.0
        if breaths >= after_ramp:
            return RAMP_SECONDS + (breaths - after_ramp) / target
        low, high = 0.0, RAMP_SECONDS
        while True:
            middle = (low + high) / 2.0
            if not low < middle < high:
                return high
            if self.breaths_at(middle) < breaths:
                low = middle
            else:
                high = middle

    @property
    def duration(self) -> float:
        """Seconds from the first inhale to the end of the last full breath."""
        return self._duration

    def _seconds_into_breath(self, elapsed: float, theta: float, index: int) -> float:
        """Where in the pattern's breath we are, in pattern seconds."""
        period = self.pattern.period
        if not self.gentle_start:  # subtract, don't scale: phase changes land exactly
            return min(max(elapsed - index * period, 0.0), period)
        return min(max(theta - index, 0.0), 1.0) * period

    def _phase_at(self, offset: float) -> tuple[Phase, float, float]:
        """The phase holding ``offset`` seconds into a breath, with its start and length."""
        start = 0.0
        phases = self.pattern.phases()
        for phase, seconds in phases:
            if offset < start + seconds:
                return phase, start, seconds
            start += seconds
        phase, seconds = phases[-1]
        return phase, start - seconds, seconds

    def state_at(self, elapsed: float) -> RhythmState:
        """The breath at ``elapsed`` seconds since breathing began; pure, so it cannot drift."""
        if math.isnan(elapsed):
            raise ValueError("elapsed must be a number of seconds, not NaN")
        duration = self.duration
        finished = elapsed >= duration
        t = min(max(float(elapsed), 0.0), duration)
        theta = float(self.breaths) if finished else min(self.breaths_at(t), float(self.breaths))
        index = min(math.floor(theta), self.breaths - 1)
        offset = self._seconds_into_breath(t, theta, index)
        phase, start, seconds = self._phase_at(offset)
        progress = min(max((offset - start) / seconds, 0.0), 1.0)
        phase_duration = seconds / (self.pattern.period * self.rate_at(t))
        phase_elapsed = progress * phase_duration
        return RhythmState(
            phase=phase,
            phase_progress=progress,
            phase_duration=phase_duration,
            phase_remaining=phase_duration - phase_elapsed,
            volume=self.pattern.volume_at(phase, progress),
            breath_index=index,
            breath_progress=offset / self.pattern.period,
            elapsed=t,
            remaining=duration - t,
            session_progress=t / duration,
            finished=finished,
            second_count=max(1, min(math.floor(phase_elapsed) + 1, math.ceil(phase_duration))),
        )

    def boundaries(self) -> Iterator[tuple[float, Phase, int]]:
        """(time, phase starting, breath index) for every phase onset, first inhale included."""
        period = self.pattern.period
        for index in range(self.breaths):
            start = 0.0
            for phase, seconds in self.pattern.phases():
                if self.gentle_start:
                    onset = self.time_of(index + start / period)
                else:
                    onset = index * period + start
                yield onset, phase, index
                start += seconds


def quiet_stretch(
    state: RhythmState,
    plan: SessionPlan,
    *,
    shown_left: int | None,
    count_each_second: bool,
) -> tuple[float, float, float] | None:
    """The rest of the current phase in which no text on screen changes.

    Returns ``(start, length, until)`` in breathing seconds: the phase began at
    ``start`` and lasts ``length``; up to ``until`` the volume at any ``t`` is
    exactly ``plan.pattern.volume_at(state.phase, (t - start) / length)`` and neither the time
    left (``shown_left`` whole seconds, shown rounded up) nor the whole-second
    count changes. None while a gentle start eases in (the rate changes, so
    every moment must ask the plan) or when no such stretch remains. Text
    changes end the stretch a microsecond early, so a frame there finds the
    new text.
    """
    length = state.phase_duration
    start = state.elapsed - state.phase_progress * length
    if length <= 0.0 or (plan.gentle_start and start < RAMP_SECONDS):
        return None
    until = start + length
    if shown_left is not None:  # the time left shows one second less from then on
        until = min(until, plan.duration - shown_left + 1.0)
    if count_each_second:  # the count moves on each whole second of the phase
        until = min(until, start + math.floor(state.elapsed - start) + 1.0)
    until -= 1e-6
    if until <= state.elapsed:
        return None
    return start, length, until
