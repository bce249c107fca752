"""Find your own rhythm: a stepped run from about 6.5 down to about 4.5 breaths a minute.

The 4-6 rhythm is six breaths a minute, but the rate that feels best differs from
person to person. The finder lets someone try five slow rates, two minutes each,
always with the exhale longer than the inhale, and asks after each step how easy it
felt and how calm they are now (the check's 0–6 scale). It measures nothing: it
only remembers the answers, and proposes a rate by the rule in ``recommend``.

Every step is a valid ``Pattern`` (phases in 0.5 s steps, as custom patterns are),
so the rate someone rated is exactly the rhythm that is saved afterwards. That is
why the rates are "about" 6.5 … 4.5: 3.5-5.5 is 6.7 a minute, 4.5-6.5 is 5.5,
5.5-8 is 4.4 — each the nearest rate a half-second pattern can give, with the inhale
at about 40 % of the breath.

Pure: the clock is handed in, and each step is an ordinary ``SessionRun``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from herstel.core.clock import Clock
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.core.rhythm import DEFAULT_PATTERN, STEP, Pattern, SessionPlan
from herstel.core.session import SessionRun, Stage

FINDER_RATES: Final[tuple[float, ...]] = (6.5, 6.0, 5.5, 5.0, 4.5)
"""The nominal rates, breaths a minute, in the order they are tried (fast to slow)."""

STEP_MINUTES: Final = 2
"""Each step lasts two minutes, rounded up to whole breaths like any session."""

INHALE_SHARE: Final = 0.4
"""The inhale's share of a breath (40:60): the exhale is always the longer part."""

SCALE: Final[tuple[int, int]] = (0, 6)
"""The answers use the recovery check's scale, "not at all" (0) … "completely" (6)."""

EASY_AT_LEAST: Final = 4
"""A step "felt easy and calm" when both answers are at least this (as a check's "present")."""

UNEASY_AT_MOST: Final = 2
"""A step "did not feel easy" when either answer is at most this (a check's "absent")."""

FINDER_LABEL: Final = "finder"
"""The pattern label a finder session is stored under, so history can name it."""


def finder_pattern(rate: float) -> Pattern:
    """The half-second pattern nearest ``rate`` breaths a minute, inhale about 40 %.

    The breath's length is the 0.5 s multiple whose rate is nearest ``rate``; the
    inhale is 40 % of it rounded to 0.5 s, the exhale the rest.
    """
    ideal = 60.0 / rate
    candidates = (math.floor(ideal / STEP) * STEP, math.ceil(ideal / STEP) * STEP)
    period = min(candidates, key=lambda p: (abs(60.0 / p - rate), p))
    inhale = round(period * INHALE_SHARE / STEP) * STEP
    return Pattern(inhale=inhale, exhale=period - inhale)


@dataclass(frozen=True, slots=True)
class FinderStep:
    """One rate to try: its nominal rate, the pattern that gives it, and its plan."""

    index: int
    nominal_rate: float
    pattern: Pattern
    plan: SessionPlan


def finder_steps() -> tuple[FinderStep, ...]:
    """The steps in order, fastest first; each a normal two-minute session plan."""
    steps = []
    for index, rate in enumerate(FINDER_RATES):
        pattern = finder_pattern(rate)
        steps.append(
            FinderStep(index, rate, pattern, SessionPlan.from_minutes(pattern, STEP_MINUTES))
        )
    return tuple(steps)


def _checked_answer(name: str, value: object) -> int:
    low, high = SCALE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high} (got {value!r})")
    return value


@dataclass(frozen=True, slots=True)
class StepAnswer:
    """The two quick answers after a step: how easy it felt, how calm you are now."""

    ease: int
    calm: int

    def __post_init__(self) -> None:
        _checked_answer("ease", self.ease)
        _checked_answer("calm", self.calm)

    @property
    def easy_and_calm(self) -> bool:
        return self.ease >= EASY_AT_LEAST and self.calm >= EASY_AT_LEAST

    @property
    def uneasy(self) -> bool:
        return self.ease <= UNEASY_AT_MOST or self.calm <= UNEASY_AT_MOST


@dataclass(frozen=True, slots=True)
class StepResult:
    """How one step went: how it ended, and the answers if it ran to its end."""

    step: FinderStep
    ended_how: EndedHow
    answer: StepAnswer | None = None

    @property
    def easy_and_calm(self) -> bool:
        """Completed and both answers at least ``EASY_AT_LEAST``."""
        return (
            self.ended_how is EndedHow.COMPLETED
            and self.answer is not None
            and self.answer.easy_and_calm
        )

    @property
    def uneasy(self) -> bool:
        """Ended with "I feel dizzy", or an answer at most ``UNEASY_AT_MOST``."""
        if self.ended_how is EndedHow.DIZZY:
            return True
        return self.answer is not None and self.answer.uneasy


class Basis(StrEnum):
    """Why the finder proposes what it does."""

    SLOWEST_EASY = "slowest-easy"  # the slowest step that felt easy and calm
    KEEP_CURRENT = "keep-current"  # no step qualified: keep the rhythm you have


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The proposed pattern; ``step`` is None when the finder keeps the current rhythm."""

    pattern: Pattern
    basis: Basis
    step: FinderStep | None


def recommend(results: Sequence[StepResult], current: Pattern = DEFAULT_PATTERN) -> Recommendation:
    """The slowest rate that felt easy and calm, never past one that did not.

    The rule, in order:

    1. Steps are read fastest first. Reading stops at the first step that was
       uneasy (dizzy, or an answer ≤ 2): nothing slower than a rate that was hard
       or made you dizzy is ever proposed.
    2. Of the steps before that, those that ran to their end and got both
       answers ≥ 4 ("easy and calm") qualify; the slowest of them is proposed.
       A step stopped early, or answered 3, neither qualifies nor blocks.
    3. If none qualifies, keep ``current`` (the 4-6 default unless told otherwise).
    """
    best: FinderStep | None = None
    for result in sorted(results, key=lambda r: r.step.index):
        if result.uneasy:
            break
        if result.easy_and_calm and (best is None or result.step.index > best.index):
            best = result.step
    if best is None:
        return Recommendation(current, Basis.KEEP_CURRENT, None)
    return Recommendation(best.pattern, Basis.SLOWEST_EASY, best)


class FinderStage(StrEnum):
    """Where the finder is; RESULT and DIZZY are the two ends."""

    INTRO = "intro"
    BREATHING = "breathing"
    QUESTIONS = "questions"
    RESULT = "result"
    DIZZY = "dizzy"


class RhythmFinder:
    """The guided finder as one session: steps, questions, and where it stops.

    Each step is a ``SessionRun`` on the injected clock. After a completed step the
    finder waits for the two answers; after an uneasy answer, a Stop, or the last
    step it goes to the result; "I feel dizzy" ends it at once (DIZZY) and it never
    continues from there. Commands in the wrong stage do nothing.
    """

    def __init__(
        self,
        clock: Clock,
        current: Pattern = DEFAULT_PATTERN,
        steps: tuple[FinderStep, ...] | None = None,
    ) -> None:
        self._clock = clock
        self._current = current
        self._steps = steps if steps is not None else finder_steps()
        self._stage = FinderStage.INTRO
        self._runs: list[SessionRun] = []
        self._results: list[StepResult] = []
        self._stopped = False

    @property
    def steps(self) -> tuple[FinderStep, ...]:
        return self._steps

    @property
    def stage(self) -> FinderStage:
        """The stage; a running step that reached its end moves on to the questions."""
        run = self.run
        if self._stage is FinderStage.BREATHING and run is not None and run.stage is Stage.ENDED:
            self._step_ended()
        return self._stage

    @property
    def run(self) -> SessionRun | None:
        """The current (or last) step's run."""
        return self._runs[-1] if self._runs else None

    @property
    def step(self) -> FinderStep | None:
        """The step running or just run; None before the first."""
        return self._steps[len(self._runs) - 1] if self._runs else None

    @property
    def results(self) -> tuple[StepResult, ...]:
        return tuple(self._results)

    def begin(self) -> SessionRun | None:
        """Leave the intro: the first step's run, for the caller to ``start()``.

        Runs are handed out unstarted, so the session window starts each one as it
        shows it (and holds off the screen saver), exactly as for any session.
        """
        if self._stage is not FinderStage.INTRO:
            return None
        return self._next_step()

    def _next_step(self) -> SessionRun:
        run = SessionRun(self._steps[len(self._runs)].plan, self._clock)
        self._runs.append(run)
        self._stage = FinderStage.BREATHING
        return run

    def _step_ended(self) -> None:
        run, step = self.run, self.step
        assert run is not None and step is not None  # only called while a step runs
        how = run.outcome().ended_how
        if how is EndedHow.COMPLETED:
            self._stage = FinderStage.QUESTIONS
            return
        self._results.append(StepResult(step, how))
        if how is EndedHow.DIZZY:
            self._stage = FinderStage.DIZZY
        else:
            self._stopped = True
            self._stage = FinderStage.RESULT

    def answer(self, ease: int, calm: int) -> SessionRun | None:
        """The answers to the step just done; the next step's run, or None at the result."""
        if self.stage is not FinderStage.QUESTIONS:
            return None
        step = self.step
        assert step is not None
        result = StepResult(step, EndedHow.COMPLETED, StepAnswer(ease, calm))
        self._results.append(result)
        if result.uneasy or len(self._runs) >= len(self._steps):
            self._stage = FinderStage.RESULT
            return None
        return self._next_step()

    def stop(self) -> None:
        """Stop (Esc): end the current step, or skip the questions, and go to the result."""
        stage = self.stage
        if stage is FinderStage.BREATHING and self.run is not None:
            if self._drop_unstarted():
                self._stopped = True
                self._stage = FinderStage.RESULT
                return
            self.run.stop()
            self._step_ended()
        elif stage in (FinderStage.INTRO, FinderStage.QUESTIONS):
            self._stopped = True
            self._stage = FinderStage.RESULT

    def dizzy(self) -> None:
        """ "I feel dizzy": end at once, from any stage before the end; never continue."""
        stage = self.stage
        if stage is FinderStage.BREATHING and self.run is not None:
            if self._drop_unstarted():
                self._stage = FinderStage.DIZZY
                return
            self.run.dizzy()
            self._step_ended()
        elif stage in (FinderStage.INTRO, FinderStage.QUESTIONS):
            if stage is FinderStage.QUESTIONS and self.step is not None:
                self._results.append(StepResult(self.step, EndedHow.DIZZY))
            self._stage = FinderStage.DIZZY

    def _drop_unstarted(self) -> bool:
        """Forget a step's run that never started (nothing was breathed); True if so."""
        if self._runs and not self._runs[-1].started:
            self._runs.pop()
            return True
        return False

    def recommendation(self) -> Recommendation:
        """What the result page proposes, from the answers so far (see ``recommend``)."""
        return recommend(self._results, self._current)

    def ended_how(self) -> EndedHow:
        """How the finder as a session ended: dizzy, stopped, or completed."""
        if self._stage is FinderStage.DIZZY:
            return EndedHow.DIZZY
        return EndedHow.STOPPED if self._stopped else EndedHow.COMPLETED

    def to_record(self, trigger: Trigger, session_id: str | None = None) -> SessionRecord | None:
        """The finder as one stored session, once it has ended; None if no step ran.

        Planned time and breaths are those of all steps; done are the sums of the
        steps breathed (pauses not counted), so history's minutes stay true.
        """
        if self.stage not in (FinderStage.RESULT, FinderStage.DIZZY) or not self._runs:
            return None
        started_at = self._runs[0].started_at
        if started_at is None:
            return None
        outcomes = [run.outcome() for run in self._runs]
        return SessionRecord(
            id=session_id if session_id is not None else new_session_id(),
            started_at=started_at,
            pattern=FINDER_LABEL,
            planned_seconds=sum(step.plan.duration for step in self._steps),
            planned_breaths=sum(step.plan.breaths for step in self._steps),
            done_seconds=sum(outcome.done_seconds for outcome in outcomes),
            done_breaths=sum(outcome.done_breaths for outcome in outcomes),
            ended_how=self.ended_how(),
            trigger=trigger,
        )
