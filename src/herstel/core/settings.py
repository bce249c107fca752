"""The user's settings as a validated, immutable value.

A ``Settings`` can only hold valid values: every field is checked when it is
built, so the rest of the app never has to second-guess it. Reading settings
from outside (a JSON file someone may have edited by hand, or one written by a
newer Herstel) goes through ``settings_from_mapping``, which checks each key on
its own: one bad value falls back to its default and is reported, and the good
values beside it are kept. No Qt and no I/O here; the file lives in
``herstel.storage.settings_file``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from herstel.core.named_patterns import (
    NamedPattern,
    NamedPatternError,
    check_named_patterns,
    named_patterns_from_json,
    named_patterns_to_json,
)

SETTINGS_VERSION: Final = 1
UNKNOWN_SETTING: Final = "unknown setting, ignored"  # the issue for a key (kept on save)
"""The version of the settings format this Herstel writes."""


class Theme(StrEnum):
    """Which palette the app uses."""

    SYSTEM = "system"  # follow the desktop's light/dark scheme
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"  # stronger contrast (7:1), light or dark as the desktop is


class LengthUnit(StrEnum):
    """Whether a session's length is counted in minutes or in breaths."""

    MINUTES = "minutes"
    BREATHS = "breaths"


class ReminderStyle(StrEnum):
    """How a reminder shows itself."""

    # Until the user chooses: decided by the session type (see ``effective_reminder_style``).
    AUTOMATIC = "automatic"
    PROMPT = "prompt"  # a small window that does not steal focus; needs no notification daemon
    NOTIFICATION = "notification"  # a desktop notification with actions


def effective_reminder_style(style: ReminderStyle, wayland: bool) -> ReminderStyle:
    """The style a reminder takes: the user's choice, else what keeps DESIGN §5's promise.

    On X11 a prompt can show without taking the keyboard, and needs no
    notification server; on Wayland a client can neither refuse focus nor
    place itself, so a desktop notification is the one that never takes the
    keyboard or covers the work.
    """
    if style is not ReminderStyle.AUTOMATIC:
        return style
    return ReminderStyle.NOTIFICATION if wayland else ReminderStyle.PROMPT


# Inclusive ranges of the whole-number settings, public so that spin boxes and
# the command line offer exactly what the model accepts.
MINUTES_RANGE: Final = (1, 20)
BREATHS_RANGE: Final = (1, 120)
REMINDER_INTERVAL_RANGE: Final = (10, 240)
SNOOZE_RANGE: Final = (1, 60)
SOUND_VOLUME_RANGE: Final = (0, 100)  # per cent
AWAY_MINUTES_RANGE: Final = (1, 120)

_INT_RANGES: Final[Mapping[str, tuple[int, int]]] = {
    "minutes": MINUTES_RANGE,
    "breaths": BREATHS_RANGE,
    "reminder_interval_minutes": REMINDER_INTERVAL_RANGE,
    "snooze_minutes": SNOOZE_RANGE,
    "sound_volume": SOUND_VOLUME_RANGE,
    "away_minutes": AWAY_MINUTES_RANGE,
}
_BOOL_FIELDS: Final = frozenset(
    {
        "gentle_start",
        "show_count",
        "reduced_motion",
        "sound",
        "eyes_closed",
        "check_after",
        "check_before",
        "first_run_done",
        "reminders_enabled",
        "autostart",
        "tray_hint_shown",
        "sense_away",
        "sense_call",
        "sense_full_screen",
        "sense_do_not_disturb",
        "post_call_reset",
    }
)
_ENUM_FIELDS: Final[Mapping[str, type[StrEnum]]] = {
    "length_unit": LengthUnit,
    "theme": Theme,
    "reminder_style": ReminderStyle,
}

# A pattern is a short label such as "4-6", "box" or "4-4-4-4"; anything much
# longer is not one, and is refused before the pattern parser sees it.
_PATTERN_MAX_LENGTH: Final = 40

# \d would also match other scripts' digits; ASCII keeps "HH:MM" meaning 0-9.
_TIME_RE: Final = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", re.ASCII)
_WORKING_HOURS_KEYS: Final = ("days", "start", "end")

# Problems quote the offending value, which may be anything from a hand-edited
# file; keep the quote short and on one line.
_SHOW_LIMIT: Final = 60


class _Invalid(Exception):
    """A value that does not fit its setting; ``problem`` says why, in English."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _show(value: object) -> str:
    """A short, single-line rendering of a value for a log message."""
    if isinstance(value, str) and len(value) > _SHOW_LIMIT:
        value = value[:_SHOW_LIMIT]
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError, RecursionError):
        text = f"a {type(value).__name__}"
    if len(text) > _SHOW_LIMIT:
        text = text[: _SHOW_LIMIT - 1] + "…"
    return text


def _check_int(value: object, low: int, high: int) -> int:
    # bool is a subclass of int, but `true` is not a number of minutes.
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid(f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise _Invalid(f"must be from {low} to {high}")
    return value


def _check_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("must be true or false")
    return value


def _check_pattern(value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > _PATTERN_MAX_LENGTH:
        raise _Invalid("must be a breathing pattern such as 4-6")
    # Imported here, not at the top: the settings model must stay importable on
    # its own, and only the pattern check needs the rhythm parser.
    from herstel.core.rhythm import parse_pattern

    try:
        parse_pattern(value)
    except ValueError as error:  # PatternError is a ValueError
        raise _Invalid(f"is not a breathing pattern Herstel can use ({error})") from None
    return value


def _check_time(value: object) -> str:
    if not isinstance(value, str) or _TIME_RE.fullmatch(value) is None:
        raise _Invalid("must be a time written as HH:MM, from 00:00 to 23:59")
    return value


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """When scheduled reminders may come: the same hours on each chosen weekday.

    ``days`` are ISO weekdays (1 = Monday … 7 = Sunday), kept sorted; ``start``
    and ``end`` are local clock times "HH:MM" with ``start`` before ``end``.
    At least one day is required: "no working days" would leave the scheduler
    with nothing to wait for — switching reminders off is its own setting.
    """

    days: tuple[int, ...] = (1, 2, 3, 4, 5)
    start: str = "09:00"
    end: str = "17:30"

    def __post_init__(self) -> None:
        try:
            days = _check_days(self.days)
        except _Invalid as invalid:
            raise ValueError(
                f"working_hours.days: {invalid.problem}, got {_show(self.days)}"
            ) from None
        for name in ("start", "end"):
            value = getattr(self, name)
            try:
                _check_time(value)
            except _Invalid as invalid:
                raise ValueError(
                    f"working_hours.{name}: {invalid.problem}, got {_show(value)}"
                ) from None
        # Zero-padded HH:MM strings compare in clock order.
        if not self.start < self.end:
            raise ValueError(f"working_hours: start ({self.start}) must be before end ({self.end})")
        object.__setattr__(self, "days", days)


def _check_days(value: object) -> tuple[int, ...]:
    """The weekdays as a sorted tuple, from a tuple (model) or a list (JSON)."""
    problem = "must be a non-empty list of different weekdays, 1 (Monday) to 7 (Sunday)"
    if not isinstance(value, tuple | list) or not value:
        raise _Invalid(problem)
    for day in value:
        if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 7:
            raise _Invalid(problem)
    if len(set(value)) != len(value):
        raise _Invalid(problem)
    return tuple(sorted(value))


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the user can set, each field validated on construction.

    Build a changed copy with ``replace``; an invalid value raises ``ValueError``
    naming the key, so an invalid ``Settings`` cannot exist.
    """

    pattern: str = "4-6"  # a pattern label or preset key, as ``parse_pattern`` reads it
    length_unit: LengthUnit = LengthUnit.MINUTES
    minutes: int = 5
    breaths: int = 30
    gentle_start: bool = False
    show_count: bool = False
    reduced_motion: bool = False
    sound: bool = False  # soft cues for in, out and holds, and a bell at the end
    sound_volume: int = 60
    eyes_closed: bool = False  # cues on, and a near-black full-screen session
    theme: Theme = Theme.SYSTEM
    check_after: bool = True
    check_before: bool = False
    first_run_done: bool = False
    reminders_enabled: bool = True
    reminder_interval_minutes: int = 60
    snooze_minutes: int = 10
    working_hours: WorkingHours = field(default_factory=WorkingHours)
    reminder_style: ReminderStyle = ReminderStyle.AUTOMATIC
    autostart: bool = False
    tray_hint_shown: bool = False
    custom_patterns: tuple[NamedPattern, ...] = ()  # the user's named patterns, in order
    # Reading the room (core.room): one switch per sense, all on by default.
    sense_away: bool = True  # input idle this long is a natural break
    sense_call: bool = True  # a microphone or camera in use holds reminders back
    sense_full_screen: bool = True  # a full-screen window or an idle inhibitor does too
    sense_do_not_disturb: bool = True
    away_minutes: int = 5
    post_call_reset: bool = False  # after a long call, offer a one-minute reset instead

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            try:
                _check_field(f.name, value)
            except _Invalid as invalid:
                raise ValueError(f"{f.name}: {invalid.problem}, got {_show(value)}") from None

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed, validated like any new ``Settings``."""
        return dataclasses.replace(self, **changes)


def sense_enabled(settings: Settings, sense: str) -> bool:
    """Whether the user switched on ``sense`` (a ``core.room.Sense`` value)."""
    value = getattr(settings, f"sense_{sense}", None)
    if not isinstance(value, bool):
        raise ValueError(f"no switch for sense {sense!r}")
    return value


@dataclass(frozen=True, slots=True)
class SettingsIssue:
    """Something wrong with stored settings, in English, for the log and stderr."""

    key: str
    problem: str

    def __str__(self) -> str:
        return f"{self.key}: {self.problem}"


def _check_field(name: str, value: object) -> None:
    """Raise ``_Invalid`` unless ``value`` is a valid model value for ``name``."""
    if name in _INT_RANGES:
        low, high = _INT_RANGES[name]
        _check_int(value, low, high)
    elif name in _BOOL_FIELDS:
        _check_bool(value)
    elif name in _ENUM_FIELDS:
        enum = _ENUM_FIELDS[name]
        if not isinstance(value, enum):
            raise _Invalid(f"must be a {enum.__name__}")
    elif name == "pattern":
        _check_pattern(value)
    elif name == "working_hours":
        if not isinstance(value, WorkingHours):
            raise _Invalid("must be a WorkingHours")
    elif name == "custom_patterns":
        try:
            check_named_patterns(value)
        except NamedPatternError as error:
            raise _Invalid(str(error)) from None
    else:  # a new field was added without saying how to check it
        raise AssertionError(f"no validation for setting {name!r}")


def _field_from_json(name: str, value: object) -> object:
    """The model value for a JSON value of setting ``name``, or ``_Invalid``."""
    if name in _ENUM_FIELDS:
        enum = _ENUM_FIELDS[name]
        choices = [member.value for member in enum]
        if not isinstance(value, str) or value not in choices:
            raise _Invalid("must be one of " + ", ".join(f'"{choice}"' for choice in choices))
        return enum(value)
    if name == "working_hours":
        return _working_hours_from_json(value)
    _check_field(name, value)
    return value


def _working_hours_from_json(value: object) -> WorkingHours:
    if not isinstance(value, dict):
        raise _Invalid('must be an object with "days", "start" and "end"')
    default = WorkingHours()
    days = value.get("days", list(default.days))
    try:
        checked_days = _check_days(days)
    except _Invalid as invalid:
        raise _Invalid(f"days {invalid.problem}") from None
    for name in ("start", "end"):
        try:
            _check_time(value.get(name, getattr(default, name)))
        except _Invalid as invalid:
            raise _Invalid(f"{name} {invalid.problem}") from None
    start, end = value.get("start", default.start), value.get("end", default.end)
    assert isinstance(start, str) and isinstance(end, str)  # checked just above
    if not start < end:
        raise _Invalid("start must be before end")
    return WorkingHours(days=checked_days, start=start, end=end)


def _clip(text: str) -> str:
    """A key from a file, shortened to fit a log line."""
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    return text if len(text) <= _SHOW_LIMIT else text[: _SHOW_LIMIT - 1] + "…"


def settings_from_mapping(data: Mapping[str, object]) -> tuple[Settings, list[SettingsIssue]]:
    """Settings from loaded JSON, each key checked on its own.

    A missing key takes its default quietly (older files lack newer settings).
    An invalid value takes its default and yields an issue naming the key and
    the value; an unknown key is ignored with an issue. Never raises for any
    JSON-like input, so a damaged file can never keep the app from starting.
    """
    defaults = Settings()
    known = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    issues: list[SettingsIssue] = []
    for key, raw in data.items():
        if key not in known:
            issues.append(SettingsIssue(_clip(str(key)), UNKNOWN_SETTING))
            continue
        if key == "custom_patterns":  # one bad entry must not lose the others
            values[key], problems = named_patterns_from_json(raw)
            issues.extend(SettingsIssue(key, problem) for problem in problems)
            continue
        try:
            values[key] = _field_from_json(key, raw)
        except _Invalid as invalid:
            default = _show(settings_to_mapping(defaults)[key])
            issues.append(
                SettingsIssue(
                    key, f"{invalid.problem}, got {_show(raw)}; using the default {default}"
                )
            )
            continue
        if key == "working_hours" and isinstance(raw, dict):
            issues.extend(
                SettingsIssue(f"working_hours.{_clip(str(sub))}", "unknown setting, ignored")
                for sub in raw
                if sub not in _WORKING_HOURS_KEYS
            )
    return Settings(**values), issues


def settings_to_mapping(s: Settings) -> dict[str, object]:
    """The settings as plain JSON values: enums by value, working hours as an object."""
    result: dict[str, object] = {}
    for f in dataclasses.fields(s):
        value = getattr(s, f.name)
        if isinstance(value, WorkingHours):
            value = {"days": list(value.days), "start": value.start, "end": value.end}
        elif f.name == "custom_patterns":
            value = named_patterns_to_json(value)
        elif isinstance(value, StrEnum):
            value = value.value
        result[f.name] = value
    return result
