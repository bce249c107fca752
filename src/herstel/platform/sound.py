"""Sound cues: the sink they play through, and whether sound can play on this machine.

QtMultimedia is in PySide6's Addons wheel, the optional extra ``herstel[sound]``.
Nothing here imports it at module level: ``sound_problem`` looks for it without
loading it, and only ``open_sink`` — called when a session with sound starts, or
when the Sound page previews — loads ``herstel.platform.sound_qt``. So the start-up path
never touches QtMultimedia, and a machine without the extra, without an audio
system or without any audio output only gets the reason sound is off, never a crash.
"""

from __future__ import annotations

import importlib.util
import logging
from enum import StrEnum
from pathlib import Path
from typing import Final, Protocol

from PySide6.QtCore import QObject

from herstel.core.cues import Cue
from herstel.platform.assets import resources_dir

log = logging.getLogger(__name__)

DEFAULT_VOLUME: Final = 60

FILE_NAMES: Final[dict[Cue, str]] = {
    Cue.INHALE: "cue-in.wav",
    Cue.EXHALE: "cue-out.wav",
    Cue.HOLD: "cue-hold.wav",
    Cue.BELL: "bell.wav",
}


class CueSink(Protocol):
    """Where cues go: the speakers (``sound_qt.QtCueSink``) or, in tests, a list."""

    def play(self, cue: Cue) -> None:
        """Start ``cue`` now (a cue still sounding may overlap the next one)."""
        ...

    def set_volume(self, percent: int) -> None:
        """0–100 %, as the Sound page shows it."""
        ...


class SoundProblem(StrEnum):
    """Why sound cannot play here; the Sound page says it in one line."""

    NO_PACKAGE = "no-package"  # herstel[sound] (PySide6-Addons) is not installed
    NO_AUDIO_SYSTEM = "no-audio-system"  # QtMultimedia is there but does not load
    NO_DEVICE = "no-device"  # no audio output device
    NO_FILES = "no-files"  # the cue WAVs are missing from this installation


def sounds_dir() -> Path:
    return resources_dir() / "sounds"


def cue_path(cue: Cue) -> Path:
    return sounds_dir() / FILE_NAMES[cue]


def multimedia_installed() -> bool:
    """Whether QtMultimedia is there, without importing it."""
    try:
        return importlib.util.find_spec("PySide6.QtMultimedia") is not None
    except (ImportError, ValueError):
        return False


def sound_problem() -> SoundProblem | None:
    """None when cues can play; otherwise why not. Loads QtMultimedia only if installed."""
    if not multimedia_installed():
        return SoundProblem.NO_PACKAGE
    try:
        missing = [cue for cue in Cue if not cue_path(cue).is_file()]
    except (ImportError, OSError, RuntimeError):  # no herstel.resources at all
        missing = list(Cue)
    if missing:
        return SoundProblem.NO_FILES
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as error:  # e.g. a missing system audio library
        log.warning("QtMultimedia does not load: %s", error)
        return SoundProblem.NO_AUDIO_SYSTEM
    if not QMediaDevices.audioOutputs():
        return SoundProblem.NO_DEVICE
    return None


def open_sink(volume: int, parent: QObject | None = None) -> CueSink | None:
    """The speakers at ``volume`` %, or None (logged) when sound cannot play here."""
    problem = sound_problem()
    if problem is not None:
        log.info("sound cues are off: %s", problem.value)
        return None
    from herstel.platform.sound_qt import QtCueSink  # QtMultimedia, loaded only now

    return QtCueSink({cue: cue_path(cue) for cue in Cue}, volume, parent)
