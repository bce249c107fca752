"""The real cue sink: one ``QSoundEffect`` per cue, loaded once, played on demand.

Imported only by ``herstel.platform.sound.open_sink``, after it has checked that
QtMultimedia (the optional ``herstel[sound]`` extra) loads and an audio output
exists. QSoundEffect suits short uncompressed WAVs: it decodes them up front and
starts them with little latency.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QSoundEffect, QtAudio

from herstel.core.cues import Cue


class QtCueSink(QObject):
    """Plays the cue WAVs through the default audio output."""

    def __init__(
        self, files: Mapping[Cue, Path], volume: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._effects: dict[Cue, QSoundEffect] = {}
        for cue, path in files.items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[cue] = effect
        self.set_volume(volume)

    def play(self, cue: Cue) -> None:
        effect = self._effects[cue]
        effect.stop()  # the same cue again restarts it rather than being ignored
        effect.play()

    def set_volume(self, percent: int) -> None:
        # The slider is perceptual; QSoundEffect wants a linear gain.
        linear = QtAudio.convertVolume(
            min(max(percent, 0), 100) / 100.0,
            QtAudio.VolumeScale.LogarithmicVolumeScale,
            QtAudio.VolumeScale.LinearVolumeScale,
        )
        for effect in self._effects.values():
            effect.setVolume(linear)
