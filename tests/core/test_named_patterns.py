"""Named custom patterns: save, rename, delete, and how they sit in the settings model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.named_patterns import (
    MAX_NAMED_PATTERNS,
    NamedPattern,
    NamedPatternError,
    deleted,
    find,
    named_for,
    named_patterns_from_json,
    named_patterns_to_json,
    renamed,
    saved,
)
from herstel.core.settings import Settings, settings_from_mapping, settings_to_mapping

EVENING = NamedPattern("Evening", "5-7")


def test_save_adds_in_order_and_replaces_by_name_in_place() -> None:
    patterns = saved((), "Evening", "5-7")
    patterns = saved(patterns, "  My   rhythm ", "4.5-6.5")
    assert patterns == (EVENING, NamedPattern("My rhythm", "4.5-6.5"))
    patterns = saved(patterns, "EVENING", "sigh")  # same name, any case: replaced where it was
    assert patterns == (NamedPattern("EVENING", "3+1-6"), NamedPattern("My rhythm", "4.5-6.5"))


def test_rename_keeps_the_place_and_refuses_a_taken_name() -> None:
    patterns = saved(saved((), "Evening", "5-7"), "Morning", "4-6")
    assert renamed(patterns, "evening", "Night") == (
        NamedPattern("Night", "5-7"),
        NamedPattern("Morning", "4-6"),
    )
    assert renamed(patterns, "Evening", "evening")[0] == NamedPattern("evening", "5-7")
    with pytest.raises(NamedPatternError) as taken:
        renamed(patterns, "Evening", " morning ")
    assert taken.value.reason == "taken"
    with pytest.raises(NamedPatternError):
        renamed(patterns, "Noon", "Lunch")


def test_delete_removes_only_that_name() -> None:
    patterns = saved(saved((), "Evening", "5-7"), "Morning", "4-6")
    assert deleted(patterns, "EVENING") == (NamedPattern("Morning", "4-6"),)
    assert deleted(patterns, "Noon") == patterns


@pytest.mark.parametrize(
    ("name", "reason"), [("", "empty"), ("   ", "empty"), ("x" * 41, "long"), ("a\x00b", "empty")]
)
def test_bad_names_are_refused(name: str, reason: str) -> None:
    with pytest.raises(NamedPatternError) as error:
        saved((), name, "4-6")
    assert error.value.reason == reason


def test_bad_patterns_and_a_full_list_are_refused() -> None:
    with pytest.raises(NamedPatternError):
        saved((), "Odd", "4-13")
    full = tuple(NamedPattern(f"P{i}", "4-6") for i in range(MAX_NAMED_PATTERNS))
    with pytest.raises(NamedPatternError) as error:
        saved(full, "One more", "4-6")
    assert error.value.reason == "full"
    assert saved(full, "p3", "5-5")[3] == NamedPattern("p3", "5-5")  # replacing still works
    with pytest.raises(ValueError, match="custom_patterns"):
        Settings(custom_patterns=(EVENING, NamedPattern("evening", "4-6")))


def test_a_settings_file_without_named_patterns_still_loads() -> None:
    settings, issues = settings_from_mapping({"pattern": "5-5", "minutes": 3})
    assert settings.custom_patterns == () and issues == []


def test_one_bad_entry_is_dropped_and_the_others_kept() -> None:
    raw = [
        {"name": "Evening", "pattern": "5-7"},
        {"name": "", "pattern": "4-6"},
        "not an object",
        {"name": "evening", "pattern": "4-6"},
        {"name": "Odd", "pattern": "4-99"},
        {"name": "Sigh", "pattern": "3 + 1 - 6", "colour": "blue"},
    ]
    settings, issues = settings_from_mapping({"custom_patterns": raw})
    assert settings.custom_patterns == (EVENING, NamedPattern("Sigh", "3+1-6"))
    assert [issue.key for issue in issues] == ["custom_patterns"] * 4
    _, issues = settings_from_mapping({"custom_patterns": "5-7"})
    assert len(issues) == 1


names = st.text(
    st.characters(codec="utf-8", exclude_categories=("C", "Z")), min_size=1, max_size=30
)
labels = st.sampled_from(["4-6", "5-7", "3.5-5.5", "3+1-6", "4-7-8", "4-4-4-4", "5.5-8"])


@given(st.lists(st.tuples(names, labels), max_size=MAX_NAMED_PATTERNS))
def test_named_patterns_round_trip_through_json(entries: list[tuple[str, str]]) -> None:
    patterns: tuple[NamedPattern, ...] = ()
    for name, label in entries:
        patterns = saved(patterns, name, label)
    for name, label in entries[-1:]:
        found = find(patterns, name)
        assert found is not None and found.pattern == label
    back, problems = named_patterns_from_json(named_patterns_to_json(patterns))
    assert (back, problems) == (patterns, [])
    settings = Settings(custom_patterns=patterns)
    assert settings_from_mapping(settings_to_mapping(settings)) == (settings, [])


def test_the_selected_saved_rhythm_stands_for_its_label_before_others() -> None:
    morning = NamedPattern("Morning", "5-7")
    patterns = (EVENING, morning)
    assert named_for(patterns, "5-7", selected=morning) is morning
    assert named_for(patterns, "5-7", selected=None) is EVENING  # the first saved with it
    assert named_for(patterns, "5-7", selected=NamedPattern("Night", "4-6")) is EVENING
    assert named_for(patterns, "4-6", selected=None) is None
