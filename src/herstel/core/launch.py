"""What the user asked a launch to do, independent of how it was asked.

The command line builds these, a second launch forwards them to the running
instance, and the app acts on them. ``plan_for`` turns a breathe request into
a session plan using the saved settings for whatever the request leaves open,
so command-line options never change what is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from herstel.core.rhythm import Pattern, SessionPlan, parse_pattern
from herstel.core.settings import LengthUnit, Settings


class Action(StrEnum):
    SHOW = "show"  # open (or raise) the main window
    TRAY = "tray"  # start in the tray without a window
    BREATHE = "breathe"  # start a session now
    HISTORY = "history"  # open the history view
    REMIND = "remind"  # set the one-shot timer reminder (remind_minutes)


REMIND_MINUTES_LIMITS: Final[tuple[int, int]] = (1, 720)
"""Minutes a one-shot "remind me in …" may be set to (DESIGN §5)."""


@dataclass(frozen=True, slots=True)
class BreatheOptions:
    """A `breathe` request; every field already validated on its own."""

    pattern: Pattern | None = None  # None: the saved pattern
    inhale: float | None = None
    exhale: float | None = None
    hold_in: float | None = None
    hold_out: float | None = None
    minutes: int | None = None  # at most one of minutes / breaths
    breaths: int | None = None
    no_check: bool = False
    eyes_closed: bool = False  # True: this session in eyes-closed mode; False: as saved

    def __post_init__(self) -> None:
        if self.minutes is not None and self.breaths is not None:
            raise ValueError("minutes and breaths cannot both be given")


@dataclass(frozen=True, slots=True)
class LaunchRequest:
    action: Action
    breathe: BreatheOptions | None = None
    remind_minutes: int | None = None  # Action.REMIND only


def plan_for(options: BreatheOptions, settings: Settings) -> SessionPlan:
    """The session to run: request values first, saved settings for the rest."""
    base = options.pattern if options.pattern is not None else parse_pattern(settings.pattern)
    pattern = base.with_overrides(
        inhale=options.inhale,
        exhale=options.exhale,
        hold_in=options.hold_in,
        hold_out=options.hold_out,
    )
    if options.breaths is not None:
        return SessionPlan.from_breaths(pattern, options.breaths, settings.gentle_start)
    if options.minutes is not None:
        return SessionPlan.from_minutes(pattern, options.minutes, settings.gentle_start)
    if settings.length_unit is LengthUnit.BREATHS:
        return SessionPlan.from_breaths(pattern, settings.breaths, settings.gentle_start)
    return SessionPlan.from_minutes(pattern, settings.minutes, settings.gentle_start)
