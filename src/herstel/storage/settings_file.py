"""The settings file: versioned JSON, written atomically, never silently lost.

A file that cannot be read as settings at all is moved aside (like a corrupt
database) before anything is written, so the user can still recover it; a file
that is readable but holds some bad values keeps its good values, and the bad
ones fall back to their defaults with an issue for the log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from herstel.core.settings import (
    SETTINGS_VERSION,
    UNKNOWN_SETTING,
    Settings,
    SettingsIssue,
    settings_from_mapping,
    settings_to_mapping,
)
from herstel.storage.aside import aside_name
from herstel.storage.atomic import write_atomic
from herstel.storage.paths import ensure_private_dir

VERSION_KEY: Final = "version"

# Real settings files are about 1 KiB. Anything far larger is not one, and
# reading it whole could exhaust memory before the app has even started.
MAX_SETTINGS_BYTES: Final = 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """What ``load_settings`` found.

    ``moved_aside`` is where an unreadable file went (the caller should then
    save the defaults, and may tell the user); ``issues`` are for the log.
    """

    settings: Settings
    issues: list[SettingsIssue]
    moved_aside: Path | None
    kept_original: Path | None = None  # a copy of a file whose bad values were replaced
    newer: bool = False  # written by a newer Herstel: it is left exactly as it is


class SettingsFileTooNew(OSError):
    """The file on disk comes from a newer Herstel; it is not rewritten as an older one."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"the settings file {path} comes from a newer Herstel (version {version}); "
            "it was left unchanged, and changes made now last until Herstel quits"
        )
        self.path = path
        self.version = version


class _Unreadable(Exception):
    """The file's bytes are not a settings document; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parse(raw: bytes) -> tuple[int, dict[str, object]]:
    """The version and the settings of a file's bytes, or ``_Unreadable``."""
    if len(raw) > MAX_SETTINGS_BYTES:
        raise _Unreadable(f"it is larger than {MAX_SETTINGS_BYTES} bytes")
    try:
        # utf-8-sig: Windows editors like to start a UTF-8 file with a BOM.
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _Unreadable("it is not UTF-8 text") from None
    except RecursionError:
        raise _Unreadable("it is nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, or an integer too long to convert
        raise _Unreadable(f"it is not valid JSON ({error})") from None
    if not isinstance(document, dict):
        raise _Unreadable("it is not a JSON object")
    version = document.pop(VERSION_KEY, None)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Unreadable('it has no valid "version" number')
    return version, document


def load_settings(path: Path, now: datetime) -> LoadedSettings:
    """Read the settings file, falling back to defaults wherever it is unusable.

    A missing file gives the defaults and writes nothing. A file that is not a
    settings document (not UTF-8, not JSON, not an object, no integer
    "version", over 1 MiB) is renamed to ``<name>.corrupt-YYYYmmdd-HHMMSS`` (from ``now``,
    with a number added if that name is taken) and the defaults are returned.
    A file from a newer Herstel is read as far as this version understands it.
    Errors reading or moving the file (permissions, a folder in its place)
    are raised, never papered over with defaults that would then be saved.
    """
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return LoadedSettings(Settings(), [], None)
    try:
        version, data = _parse(raw)
    except _Unreadable as unreadable:
        aside = aside_name(path, now)
        path.rename(aside)
        issue = SettingsIssue(
            path.name,
            f"cannot be read because {unreadable.reason}; moved it to {aside} "
            "and using the default settings",
        )
        return LoadedSettings(Settings(), [issue], aside)
    settings, issues = settings_from_mapping(data)
    if version > SETTINGS_VERSION:
        issues.insert(
            0,
            SettingsIssue(
                VERSION_KEY,
                f"written by a newer Herstel (settings version {version}, this one "
                f"reads {SETTINGS_VERSION}); using the settings this version knows "
                "and leaving the file as it is",
            ),
        )
        return LoadedSettings(settings, issues, None, newer=True)
    kept = None
    if any(issue.problem != UNKNOWN_SETTING for issue in issues):
        # Some values will be replaced by defaults at the next save: keep the original.
        kept = path.with_name(f"{path.name}.original-{now:%Y%m%d-%H%M%S}")
        if not kept.exists():
            write_atomic(kept, raw, mode=0o600)
    return LoadedSettings(settings, issues, None, kept_original=kept)


def _unknown_keys(path: Path, known: set[str]) -> dict[str, object]:
    """Keys of the file on disk this version does not know (a newer Herstel's), to keep."""
    try:
        with path.open("rb") as file:
            _version, data = _parse(file.read(MAX_SETTINGS_BYTES + 1))
    except (OSError, _Unreadable):
        return {}
    return {key: value for key, value in data.items() if key not in known}


def _version_on_disk(path: Path) -> int | None:
    try:
        with path.open("rb") as file:
            version, _data = _parse(file.read(MAX_SETTINGS_BYTES + 1))
    except (OSError, _Unreadable):
        return None
    return version


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically as pretty, sorted JSON, private to the user.

    Keys in the existing file that this version does not know (written by a newer
    Herstel) are kept as they are, so going back and forth between versions loses
    nothing. A file from a newer Herstel (a higher "version") is never rewritten
    as an older one: ``SettingsFileTooNew`` is raised and the file left alone. Creates the
    folder (mode 0700) if needed; raises ``DataDirError`` if it cannot be
    created or written to, or the ``OSError`` of a failed write.
    """
    ensure_private_dir(path.parent)
    on_disk = _version_on_disk(path)
    if on_disk is not None and on_disk > SETTINGS_VERSION:
        raise SettingsFileTooNew(path, on_disk)
    mapping = settings_to_mapping(settings)
    kept = _unknown_keys(path, {VERSION_KEY, *mapping})
    document = {**kept, VERSION_KEY: SETTINGS_VERSION, **mapping}
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"), mode=0o600)
