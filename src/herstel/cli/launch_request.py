"""From parsed arguments to a validated :class:`LaunchRequest` for the app.

Every value is checked against the same limits the app uses, and a bad one
becomes a one-line UsageError that names the option and what it accepts.
"""

from __future__ import annotations

import argparse
import math

from herstel.cli.exits import UsageError
from herstel.cli.messages import number, tr
from herstel.cli.parser import PHASE_OPTIONS
from herstel.core.launch import REMIND_MINUTES_LIMITS, Action, BreatheOptions, LaunchRequest
from herstel.core.rhythm import (
    BREATHS_LIMITS,
    DEFAULT_PATTERN,
    MINUTES_LIMITS,
    PHASE_LIMITS,
    STEP,
    Pattern,
    PatternError,
    parse_pattern,
)


def _phase_seconds(field: str, text: str) -> float:
    """One phase override, validated against the same limits as a pattern."""
    option = PHASE_OPTIONS[field]
    low, high = PHASE_LIMITS[field]
    try:
        seconds = float(text.replace(",", "."))
    except ValueError:
        raise UsageError(
            tr("{option} must be a number of seconds (got '{value}')").format(
                option=option, value=text
            )
        ) from None
    try:
        DEFAULT_PATTERN.with_overrides(**{field: seconds})
    except PatternError:
        shown = text if not math.isfinite(seconds) else number(str(seconds))
        raise UsageError(
            tr("{option} must be {low}–{high} seconds in {step} s steps (got {value})").format(
                option=option,
                low=number(str(low)),
                high=number(str(high)),
                step=number(str(STEP)),
                value=shown,
            )
        ) from None
    return seconds


def _whole(option: str, text: str, limits: tuple[int, int]) -> int:
    low, high = limits
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise UsageError(
            tr("{option} must be a whole number from {low} to {high} (got {value})").format(
                option=option, low=low, high=high, value=text
            )
        )
    return value


def _pattern(text: str) -> Pattern:
    try:
        return parse_pattern(text)
    except PatternError as error:
        if error.field == "top_up":  # "3+5-6": the short second breath in is out of range
            raise UsageError(
                tr(
                    "--pattern '{pattern}': the second breath in must be {low}–{high} seconds "
                    "in {step} s steps (got {value})"
                ).format(
                    pattern=text,
                    low=number(str(error.low)),
                    high=number(str(error.high)),
                    step=number(str(STEP)),
                    value=number(str(error.value)),
                )
            ) from None
        if error.field != "pattern":  # e.g. "9-6": readable, but a phase is out of range
            option = PHASE_OPTIONS[error.field]
            low, high = PHASE_LIMITS[error.field]
            raise UsageError(
                tr(
                    "--pattern '{pattern}': {phase} must be {low}–{high} seconds "
                    "in {step} s steps (got {value})"
                ).format(
                    pattern=text,
                    phase=option.removeprefix("--"),
                    low=number(str(low)),
                    high=number(str(high)),
                    step=number(str(STEP)),
                    value=number(str(error.value)),
                )
            ) from None
        raise UsageError(
            tr(
                "--pattern must be a preset (4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh) "
                "or seconds like 4-6, 4-4-4-4 or 3+1-6 (got '{value}')"
            ).format(value=text)
        ) from None


def _breathe_options(args: argparse.Namespace) -> BreatheOptions:
    if args.minutes is not None and args.breaths is not None:
        raise UsageError(tr("--minutes and --breaths cannot be used together"))
    phases = {
        field: _phase_seconds(field, getattr(args, field))
        for field in PHASE_OPTIONS
        if getattr(args, field) is not None
    }
    return BreatheOptions(
        pattern=_pattern(args.pattern) if args.pattern is not None else None,
        minutes=_whole("--minutes", args.minutes, MINUTES_LIMITS)
        if args.minutes is not None
        else None,
        breaths=_whole("--breaths", args.breaths, BREATHS_LIMITS)
        if args.breaths is not None
        else None,
        no_check=args.no_check,
        eyes_closed=args.eyes_closed,
        **phases,
    )


def launch_request(args: argparse.Namespace) -> LaunchRequest:
    """What the app is asked to do: a window command, ``--tray``, or just show itself."""
    if args.command == "breathe":
        return LaunchRequest(Action.BREATHE, _breathe_options(args))
    if args.command == "history":
        return LaunchRequest(Action.HISTORY)
    if args.command == "remind":
        minutes = _whole("MINUTES", args.minutes, REMIND_MINUTES_LIMITS)
        return LaunchRequest(Action.REMIND, remind_minutes=minutes)
    return LaunchRequest(Action.TRAY if args.tray else Action.SHOW)
