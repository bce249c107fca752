"""The settings file on disk: round trips, damaged files moved aside, bad values fall back."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from herstel.core.settings import (
    SETTINGS_VERSION,
    LengthUnit,
    Settings,
    Theme,
    WorkingHours,
    settings_to_mapping,
)
from herstel.storage.paths import DataDirError
from herstel.storage.settings_file import SettingsFileTooNew, load_settings, save_settings

NOW = datetime(2026, 3, 14, 15, 9, 26, tzinfo=UTC)
ASIDE_NAME = "settings.json.corrupt-20260314-150926"


def write_json(path: Path, document: object) -> None:
    path.write_text(json.dumps(document), encoding="utf-8")


def test_a_missing_file_gives_defaults_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings()
    assert loaded.issues == []
    assert loaded.moved_aside is None
    assert list(tmp_path.iterdir()) == []


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    saved = Settings(
        pattern="4-7-8",
        length_unit=LengthUnit.BREATHS,
        breaths=4,
        theme=Theme.LIGHT,
        working_hours=WorkingHours(days=(1, 3, 5), start="08:15", end="12:45"),
        first_run_done=True,
    )
    save_settings(path, saved)
    loaded = load_settings(path, NOW)
    assert loaded.settings == saved
    assert loaded.issues == []
    assert loaded.moved_aside is None


def test_a_file_from_before_reading_the_room_loads_with_every_sense_on(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    older = {"version": 1, "pattern": "5-5", "reminder_interval_minutes": 45, "sound": True}
    write_json(path, older)
    loaded = load_settings(path, NOW)
    assert loaded.issues == [] and loaded.moved_aside is None
    assert loaded.settings == Settings(pattern="5-5", reminder_interval_minutes=45, sound=True)
    s = loaded.settings
    assert s.sense_call and s.sense_full_screen and s.sense_do_not_disturb and s.sense_away
    assert s.away_minutes == 5 and not s.post_call_reset


def test_the_room_settings_round_trip_and_bad_values_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings(sense_call=False, sense_away=False, away_minutes=15, post_call_reset=True)
    save_settings(path, chosen)
    assert load_settings(path, NOW).settings == chosen
    write_json(path, {"version": 1, "away_minutes": 0, "sense_call": "yes"})
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings()
    assert sorted(issue.key for issue in loaded.issues) == ["away_minutes", "sense_call"]


def test_the_file_is_versioned_sorted_pretty_json(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings())
    text = path.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document == {"version": SETTINGS_VERSION, **settings_to_mapping(Settings())}
    assert list(document) == sorted(document)
    assert text.startswith('{\n  "')
    assert text.endswith("}\n")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_saving_creates_a_private_folder_and_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "herstel" / "settings.json"
    save_settings(path, Settings())
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\x00\x9f\x12garbage\xff", id="garbage bytes"),
        pytest.param(b'{"version": 1, "minutes": 1', id="truncated JSON"),
        pytest.param(b"", id="empty file"),
        pytest.param(b'[{"version": 1}]', id="a JSON list"),
        pytest.param(b'"settings"', id="a JSON string"),
        pytest.param('{"version": 1, "pattern": "4-6"}'.encode("utf-16"), id="not UTF-8"),
        pytest.param(b'{"version": 1, "pattern": "\xe9"}', id="latin-1 byte"),
        pytest.param(b'{"minutes": 7}', id="no version"),
        pytest.param(b'{"version": "1", "minutes": 7}', id="version as text"),
        pytest.param(b'{"version": true, "minutes": 7}', id="version as bool"),
        pytest.param(b'{"version": 1.0, "minutes": 7}', id="version as float"),
        pytest.param(b'{"version": 0, "minutes": 7}', id="version zero"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested too deeply"),
        pytest.param(b'{"version": 1, "minutes": ' + b"9" * 5000 + b"}", id="huge integer"),
        pytest.param(b'{"version": 1, "x": "' + b"a" * (2 * 1024 * 1024) + b'"}', id="too large"),
    ],
)
def test_an_unreadable_file_is_moved_aside_intact(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)

    loaded = load_settings(path, NOW)

    aside = tmp_path / ASIDE_NAME
    assert loaded.moved_aside == aside
    assert loaded.settings == Settings()
    assert len(loaded.issues) == 1
    assert str(aside) in loaded.issues[0].problem
    assert aside.read_bytes() == content
    assert not path.exists()  # the caller saves defaults next; nothing is overwritten


def test_moving_aside_never_overwrites_an_earlier_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    (tmp_path / ASIDE_NAME).write_bytes(b"first")
    (tmp_path / f"{ASIDE_NAME}-1").write_bytes(b"second")
    path.write_bytes(b"third")

    loaded = load_settings(path, NOW)

    assert loaded.moved_aside == tmp_path / f"{ASIDE_NAME}-2"
    assert (tmp_path / ASIDE_NAME).read_bytes() == b"first"
    assert (tmp_path / f"{ASIDE_NAME}-1").read_bytes() == b"second"
    assert (tmp_path / f"{ASIDE_NAME}-2").read_bytes() == b"third"


def test_the_timestamp_comes_from_now_as_given(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"nonsense")
    loaded = load_settings(path, datetime(1999, 12, 31, 23, 59, 58))
    assert loaded.moved_aside == tmp_path / "settings.json.corrupt-19991231-235958"


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"version": 1, "minutes": 8}).encode())
    loaded = load_settings(path, NOW)
    assert loaded.settings.minutes == 8
    assert loaded.moved_aside is None


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        pytest.param("minutes", "five", id="wrong type"),
        pytest.param("breaths", True, id="bool for int"),
        pytest.param("sound", 1, id="int for bool"),
        pytest.param("sound_volume", 150, id="volume out of range"),
        pytest.param("snooze_minutes", 0, id="out of range"),
        pytest.param("theme", "sepia", id="bad enum"),
        pytest.param("pattern", "4-20", id="bad pattern"),
        pytest.param(
            "working_hours", {"days": [1, 2], "start": "17:00", "end": "09:00"}, id="bad hours"
        ),
    ],
)
def test_a_bad_value_falls_back_and_the_file_is_kept(tmp_path: Path, key: str, bad: object) -> None:
    path = tmp_path / "settings.json"
    document = {"version": 1, "minutes": 12, "theme": "dark", "reduced_motion": True, key: bad}
    write_json(path, document)
    before = path.read_bytes()

    loaded = load_settings(path, NOW)

    assert getattr(loaded.settings, key) == getattr(Settings(), key)
    assert [issue.key for issue in loaded.issues] == [key]
    assert json.dumps(bad) in loaded.issues[0].problem
    assert loaded.moved_aside is None
    kept = settings_to_mapping(loaded.settings)
    for neighbour in ("minutes", "theme", "reduced_motion"):
        if neighbour != key:
            assert kept[neighbour] == document[neighbour]
    assert path.read_bytes() == before  # rewritten only by the next save
    # ... and before that, the file as the user wrote it is kept beside it.
    assert loaded.kept_original is not None
    assert loaded.kept_original.read_bytes() == before
    assert stat.S_IMODE(loaded.kept_original.stat().st_mode) == 0o600
    save_settings(path, loaded.settings)
    assert loaded.kept_original.read_bytes() == before


def test_an_older_file_missing_newer_keys_takes_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_json(path, {"version": 1, "minutes": 3})
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings(minutes=3)
    assert loaded.issues == []


def test_a_file_from_before_the_volume_and_eyes_closed_loads_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_json(path, {"version": 1, "sound": True, "minutes": 4})
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings(sound=True, minutes=4)
    assert (loaded.settings.sound_volume, loaded.settings.eyes_closed) == (60, False)
    assert loaded.issues == []
    save_settings(path, loaded.settings)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["sound"], saved["sound_volume"], saved["eyes_closed"]) == (True, 60, False)


def test_a_file_from_a_newer_herstel_is_read_as_far_as_known(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_json(path, {"version": SETTINGS_VERSION + 1, "minutes": 9, "hologram": True})
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings(minutes=9)
    assert loaded.moved_aside is None
    assert [issue.key for issue in loaded.issues] == ["version", "hologram"]
    assert "written by a newer Herstel" in loaded.issues[0].problem


def test_saving_into_an_unwritable_place_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("a file, not a folder")
    folder = tmp_path / "file.txt" / "sub"
    with pytest.raises(DataDirError) as caught:
        save_settings(folder / "settings.json", Settings())
    assert caught.value.path == folder
    assert str(folder) in str(caught.value)
    assert (tmp_path / "file.txt").read_text() == "a file, not a folder"


def test_a_folder_in_place_of_the_file_is_an_error_not_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    with pytest.raises(OSError):  # which OSError depends on the platform
        load_settings(path, NOW)
    assert path.is_dir()


def test_save_after_moving_aside_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"{oops")
    loaded = load_settings(path, NOW)
    save_settings(path, loaded.settings)
    assert load_settings(path, NOW).settings == Settings()
    assert loaded.moved_aside is not None
    assert loaded.moved_aside.read_bytes() == b"{oops"


def test_the_high_contrast_theme_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(theme=Theme.HIGH_CONTRAST))
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == "high-contrast"
    loaded = load_settings(path, NOW)
    assert loaded.settings.theme is Theme.HIGH_CONTRAST
    assert loaded.issues == []


def test_a_file_from_before_high_contrast_loads_unchanged(tmp_path: Path) -> None:
    # What Herstel wrote before the fourth theme existed: every other key as it was.
    path = tmp_path / "settings.json"
    old = {"version": 1, **settings_to_mapping(Settings(theme=Theme.DARK, minutes=7))}
    write_json(path, old)
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings(theme=Theme.DARK, minutes=7)
    assert loaded.issues == []
    assert loaded.moved_aside is None


def test_an_unknown_theme_falls_back_with_a_warning_naming_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_json(path, {"version": 1, "theme": "extra-contrast", "minutes": 8})
    loaded = load_settings(path, NOW)
    assert loaded.settings == Settings(minutes=8)
    assert [issue.key for issue in loaded.issues] == ["theme"]
    assert '"high-contrast"' in loaded.issues[0].problem
    assert '"extra-contrast"' in loaded.issues[0].problem


# --- Named patterns and keys from newer versions ------------------------------------


def test_named_patterns_round_trip_through_the_file(tmp_path: Path) -> None:
    from herstel.core.named_patterns import NamedPattern

    path = tmp_path / "settings.json"
    patterns = (NamedPattern("My rhythm", "5-7"), NamedPattern("Avond", "3+1-6"))
    save_settings(path, Settings(pattern="5-7", custom_patterns=patterns))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["custom_patterns"] == [
        {"name": "My rhythm", "pattern": "5-7"},
        {"name": "Avond", "pattern": "3+1-6"},
    ]
    loaded = load_settings(path, NOW)
    assert loaded.settings.custom_patterns == patterns
    assert loaded.issues == []


def test_keys_from_a_newer_herstel_are_kept_when_saving(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_json(path, {"version": SETTINGS_VERSION, "minutes": 7, "glow": {"level": 2}})
    loaded = load_settings(path, NOW)
    assert loaded.settings.minutes == 7
    save_settings(path, loaded.settings.replace(minutes=9))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["glow"] == {"level": 2}
    assert document["minutes"] == 9
    assert document["version"] == SETTINGS_VERSION


def test_a_file_from_a_newer_herstel_is_never_rewritten_as_an_older_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_json(path, {"version": SETTINGS_VERSION + 1, "minutes": 7, "glow": {"level": 2}})
    before = path.read_bytes()
    loaded = load_settings(path, NOW)
    assert loaded.newer and loaded.settings.minutes == 7
    with pytest.raises(SettingsFileTooNew, match="left unchanged"):
        save_settings(path, loaded.settings.replace(minutes=9))
    assert path.read_bytes() == before
