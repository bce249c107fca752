"""The settings model: valid by construction, and forgiving key by key when read."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herstel.core import rhythm
from herstel.core.settings import (
    BREATHS_RANGE,
    MINUTES_RANGE,
    SETTINGS_VERSION,
    LengthUnit,
    ReminderStyle,
    Settings,
    SettingsIssue,
    Theme,
    WorkingHours,
    effective_reminder_style,
    settings_from_mapping,
    settings_to_mapping,
)

DEFAULT_MAPPING = settings_to_mapping(Settings())


def issue_keys(issues: list[SettingsIssue]) -> list[str]:
    return [issue.key for issue in issues]


# --- the model ------------------------------------------------------------------------------


def test_the_automatic_reminder_style_is_a_prompt_on_x11_and_a_notification_on_wayland() -> None:
    assert effective_reminder_style(ReminderStyle.AUTOMATIC, wayland=False) is ReminderStyle.PROMPT
    assert (
        effective_reminder_style(ReminderStyle.AUTOMATIC, wayland=True)
        is ReminderStyle.NOTIFICATION
    )
    for chosen in (ReminderStyle.PROMPT, ReminderStyle.NOTIFICATION):
        assert effective_reminder_style(chosen, wayland=True) is chosen  # the user's choice
        assert effective_reminder_style(chosen, wayland=False) is chosen


def test_settings_files_of_older_versions_keep_their_reminder_style() -> None:
    for style in ("prompt", "notification"):
        settings, issues = settings_from_mapping({"reminder_style": style})
        assert (settings.reminder_style.value, issues) == (style, [])
    settings, issues = settings_from_mapping({"theme": "dark"})  # older than the setting
    assert (settings.reminder_style, issues) == (ReminderStyle.AUTOMATIC, [])


def test_defaults_follow_the_design() -> None:
    s = Settings()
    assert SETTINGS_VERSION == 1
    assert s.pattern == "4-6"
    assert s.length_unit is LengthUnit.MINUTES
    assert (s.minutes, s.breaths) == (5, 30)
    assert s.theme is Theme.SYSTEM
    assert s.reminder_style is ReminderStyle.AUTOMATIC  # decided by the session type
    assert s.check_after and not s.check_before
    assert s.reminders_enabled
    assert (s.reminder_interval_minutes, s.snooze_minutes) == (60, 10)
    assert s.working_hours == WorkingHours(days=(1, 2, 3, 4, 5), start="09:00", end="17:30")
    assert not (s.gentle_start or s.show_count or s.reduced_motion or s.sound)
    assert s.sound_volume == 60 and not s.eyes_closed
    assert not (s.first_run_done or s.autostart or s.tray_hint_shown)


def test_ranges_agree_with_the_rhythm_module() -> None:
    assert MINUTES_RANGE == rhythm.MINUTES_LIMITS
    assert BREATHS_RANGE == rhythm.BREATHS_LIMITS


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 21}, "minutes"),
        ({"minutes": True}, "minutes"),
        ({"minutes": 5.0}, "minutes"),
        ({"breaths": 121}, "breaths"),
        ({"reminder_interval_minutes": 9}, "reminder_interval_minutes"),
        ({"reminder_interval_minutes": 241}, "reminder_interval_minutes"),
        ({"snooze_minutes": 61}, "snooze_minutes"),
        ({"sound": 1}, "sound"),
        ({"sound_volume": 101}, "sound_volume"),
        ({"sound_volume": -1}, "sound_volume"),
        ({"sound_volume": 60.0}, "sound_volume"),
        ({"eyes_closed": "yes"}, "eyes_closed"),
        ({"autostart": "yes"}, "autostart"),
        ({"theme": "dark"}, "theme"),  # a plain string is not a Theme
        ({"length_unit": Theme.DARK}, "length_unit"),
        ({"pattern": "4-99"}, "pattern"),
        ({"pattern": ""}, "pattern"),
        ({"pattern": 46}, "pattern"),
        ({"working_hours": {"days": [1]}}, "working_hours"),
    ],
)
def test_an_invalid_settings_cannot_be_built(changes: dict[str, Any], key: str) -> None:
    with pytest.raises(ValueError, match=rf"^{key}: "):
        Settings(**changes)
    with pytest.raises(ValueError, match=rf"^{key}: "):
        Settings().replace(**changes)


def test_replace_returns_a_changed_copy() -> None:
    s = Settings()
    changed = s.replace(minutes=20, theme=Theme.DARK, pattern="box")
    assert (changed.minutes, changed.theme, changed.pattern) == (20, Theme.DARK, "box")
    assert s.minutes == 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.minutes = 7  # type: ignore[misc]


@pytest.mark.parametrize("pattern", ["4-6", "5-5", "gentle", "box", "4-7-8", "3.5-5", "4-4-4-4"])
def test_patterns_the_rhythm_parser_knows_are_accepted(pattern: str) -> None:
    assert Settings(pattern=pattern).pattern == pattern


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"days": ()}, "working_hours.days"),
        ({"days": (0, 1)}, "working_hours.days"),
        ({"days": (1, 8)}, "working_hours.days"),
        ({"days": (1, 1)}, "working_hours.days"),
        ({"days": (True,)}, "working_hours.days"),
        ({"start": "9:00"}, "working_hours.start"),
        ({"start": "24:00"}, "working_hours.start"),
        ({"end": "17:60"}, "working_hours.end"),
        ({"end": "١٧:٣٠"}, "working_hours.end"),  # Arabic-Indic digits are not HH:MM
        ({"start": "17:30", "end": "17:30"}, "working_hours"),
        ({"start": "18:00", "end": "08:00"}, "working_hours"),
    ],
)
def test_invalid_working_hours_are_refused(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValueError, match=rf"^{field}: "):
        WorkingHours(**kwargs)


def test_working_days_are_kept_sorted() -> None:
    assert WorkingHours(days=(7, 1, 3)).days == (1, 3, 7)


# --- reading a mapping ----------------------------------------------------------------------


def test_an_empty_mapping_gives_defaults_without_issues() -> None:
    assert settings_from_mapping({}) == (Settings(), [])


def test_round_trip_through_a_mapping_and_json() -> None:
    s = Settings(
        pattern="box",
        length_unit=LengthUnit.BREATHS,
        minutes=20,
        breaths=120,
        gentle_start=True,
        show_count=True,
        reduced_motion=True,
        sound=True,
        theme=Theme.DARK,
        check_after=False,
        check_before=True,
        first_run_done=True,
        reminders_enabled=False,
        reminder_interval_minutes=240,
        snooze_minutes=1,
        working_hours=WorkingHours(days=(6, 7), start="00:00", end="23:59"),
        reminder_style=ReminderStyle.NOTIFICATION,
        autostart=True,
        tray_hint_shown=True,
    )
    as_json = json.loads(json.dumps(settings_to_mapping(s)))
    assert as_json["theme"] == "dark"
    assert as_json["working_hours"] == {"days": [6, 7], "start": "00:00", "end": "23:59"}
    assert settings_from_mapping(as_json) == (s, [])


def test_the_mapping_covers_every_field() -> None:
    assert set(DEFAULT_MAPPING) == {f.name for f in dataclasses.fields(Settings)}


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("minutes", "5"),  # wrong type
        ("minutes", True),  # a bool is not a number here
        ("minutes", 5.0),  # nor is a float
        ("minutes", 0),  # out of range
        ("breaths", 500),
        ("reminder_interval_minutes", None),
        ("snooze_minutes", -1),
        ("sound", 1),  # a number is not a bool
        ("check_after", "true"),
        ("theme", "blue"),  # unknown enum value
        ("theme", "DARK"),
        ("length_unit", 1),
        ("reminder_style", ["prompt"]),
        ("pattern", "9-9-9-9-9"),
        ("pattern", ""),
        ("pattern", {"inhale": 4}),
        ("working_hours", "9-5"),
        ("working_hours", {"days": [1, 9], "start": "09:00", "end": "17:00"}),
        ("working_hours", {"days": [], "start": "09:00", "end": "17:00"}),
        ("working_hours", {"days": [1, 2], "start": "nine", "end": "17:00"}),
        ("working_hours", {"days": [1, 2], "start": "18:00", "end": "17:00"}),
        ("working_hours", {"days": "12345"}),
    ],
)
def test_an_invalid_value_falls_back_alone(key: str, bad: object) -> None:
    neighbours: dict[str, object] = {"minutes": 12, "theme": "light", "sound": True}
    neighbours.pop(key, None)
    s, issues = settings_from_mapping({**neighbours, key: bad})

    assert getattr(s, key) == getattr(Settings(), key)
    assert issue_keys(issues) == [key]
    problem = issues[0].problem
    assert "got " + json.dumps(bad) in problem
    assert "using the default" in problem
    assert "\n" not in problem
    for neighbour, value in neighbours.items():  # valid neighbours are kept
        assert settings_to_mapping(s)[neighbour] == value


def test_unknown_keys_are_ignored_with_an_issue() -> None:
    s, issues = settings_from_mapping({"minutes": 7, "colour": "green"})
    assert s.minutes == 7
    assert issues == [SettingsIssue("colour", "unknown setting, ignored")]


def test_unknown_working_hours_keys_are_ignored_with_an_issue() -> None:
    s, issues = settings_from_mapping(
        {"working_hours": {"days": [2, 1], "start": "08:00", "end": "16:00", "lunch": "12:00"}}
    )
    assert s.working_hours == WorkingHours(days=(1, 2), start="08:00", end="16:00")
    assert issues == [SettingsIssue("working_hours.lunch", "unknown setting, ignored")]


def test_missing_working_hours_parts_take_their_defaults() -> None:
    s, issues = settings_from_mapping({"working_hours": {"end": "12:00"}})
    assert s.working_hours == WorkingHours(end="12:00")
    assert issues == []


def test_a_huge_bad_value_is_quoted_briefly() -> None:
    _, issues = settings_from_mapping({"pattern": "x" * 100_000, "k\n" * 1000: 1})
    assert all(len(str(issue)) < 300 for issue in issues)
    assert all("\n" not in str(issue) for issue in issues)


# --- never raises ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
setting_keys = st.sampled_from([*DEFAULT_MAPPING, "version"]) | st.text(max_size=20)
plausible_values = (
    st.sampled_from(
        ["4-6", "box", "3.5-5", "4-7-8", "dark", "breaths", "notification", "09:00", "23:59"]
    )
    | st.integers(min_value=-5, max_value=300)
    | st.fixed_dictionaries(
        {},
        optional={
            "days": st.lists(st.integers(min_value=0, max_value=8), max_size=8) | json_values,
            "start": st.sampled_from(["08:00", "09:00", "9:00", "17:30"]) | json_values,
            "end": st.sampled_from(["12:00", "17:30", "23:59", "24:00"]) | json_values,
        },
    )
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(setting_keys, json_values | plausible_values, max_size=25))
def test_reading_any_json_like_mapping_never_raises(data: dict[str, object]) -> None:
    s, issues = settings_from_mapping(data)

    assert isinstance(s, Settings)
    # Whatever came in, what came out is valid and reads back unchanged.
    assert settings_from_mapping(settings_to_mapping(s)) == (s, [])
    assert Settings(**{f.name: getattr(s, f.name) for f in dataclasses.fields(s)}) == s
    # A known key is either used as given or reported; each unknown key is reported.
    reported = set(issue_keys(issues))
    output = settings_to_mapping(s)
    for key, value in data.items():
        if key in output and key not in reported and key != "working_hours":
            assert output[key] == value
    unknown = [key for key in data if key not in output]
    ignored = [
        issue
        for issue in issues
        if issue.problem == "unknown setting, ignored"
        and not issue.key.startswith("working_hours.")
    ]
    assert len(ignored) == len(unknown)


valid_settings = st.builds(
    Settings,
    pattern=st.sampled_from([preset.key for preset in rhythm.PRESETS] + ["3.5-5", "8-12"]),
    length_unit=st.sampled_from(LengthUnit),
    minutes=st.integers(*MINUTES_RANGE),
    breaths=st.integers(*BREATHS_RANGE),
    theme=st.sampled_from(Theme),
    reminder_interval_minutes=st.integers(10, 240),
    snooze_minutes=st.integers(1, 60),
    working_hours=st.builds(
        WorkingHours,
        days=st.sets(st.integers(1, 7), min_size=1).map(tuple),
        start=st.sampled_from(["00:00", "07:15", "09:00"]),
        end=st.sampled_from(["12:00", "17:30", "23:59"]),
    ),
    reminder_style=st.sampled_from(ReminderStyle),
)


@settings(deadline=None)
@given(valid_settings)
def test_any_valid_settings_survive_the_mapping(s: Settings) -> None:
    assert settings_from_mapping(json.loads(json.dumps(settings_to_mapping(s)))) == (s, [])
