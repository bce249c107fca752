"""The Sound page of the settings dialog: cues on or off, their volume, a preview.

Sound cues are off by default (DESIGN §3). Where they cannot play — the optional
``herstel[sound]`` package is missing, Qt's audio does not load, there is no audio
output — the controls are disabled and one line says why. Eyes-closed mode lives
here too: it turns the cues on and shows the session near-black and full screen.

Whether sound can play is asked once, when the page is built (QtMultimedia loads
then if it is installed, never at start-up); "Preview" opens the speakers on its
first press and plays in, out and the bell once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Final

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from herstel.core.cues import Cue
from herstel.core.settings import SOUND_VOLUME_RANGE, Settings
from herstel.platform.sound import CueSink, SoundProblem
from herstel.ui.settings.page import SettingsPage, page_layout

PREVIEW: Final[tuple[tuple[int, Cue], ...]] = (
    (0, Cue.INHALE),
    (1400, Cue.EXHALE),
    (2800, Cue.BELL),
)
"""The preview: milliseconds after the press, and the cue."""

Probe = Callable[[], SoundProblem | None]
SinkOpener = Callable[[int], CueSink | None]


def _default_probe() -> SoundProblem | None:
    from herstel.platform.sound import sound_problem

    return sound_problem()


class SoundSettingsPage(SettingsPage):
    """Sound during a session."""

    FIELDS: ClassVar[tuple[str, ...]] = ("sound", "sound_volume", "eyes_closed")

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        probe: Probe | None = None,
        open_sink: SinkOpener | None = None,
    ) -> None:
        super().__init__(settings, parent)
        self._problem = (probe or _default_probe)()
        self._open_sink = open_sink
        self._sink: CueSink | None = None
        self._preview_timers: list[QTimer] = []

        self.sound = QCheckBox()
        self.reason = QLabel()
        self.reason.setObjectName("soundUnavailable")
        self.reason.setProperty("role", "muted")
        self.reason.setWordWrap(True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(*SOUND_VOLUME_RANGE)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setMinimumWidth(200)
        self.volume.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.volume_value = QLabel()
        self.volume_value.setProperty("role", "muted")
        self.volume_value.setMinimumWidth(48)
        self._volume_label = QLabel()
        self._volume_label.setBuddy(self.volume)
        self.preview = QPushButton()
        self.preview.setProperty("compact", True)
        self.eyes_closed = QCheckBox()
        self.about_eyes_closed = QLabel()
        self.about_eyes_closed.setProperty("role", "muted")
        self.about_eyes_closed.setWordWrap(True)

        layout, form = page_layout(self)
        layout.insertWidget(0, self.sound)
        layout.insertWidget(1, self.reason)
        volume_row = QHBoxLayout()
        volume_row.setSpacing(10)
        volume_row.addWidget(self.volume)
        volume_row.addWidget(self.volume_value)
        volume_row.addSpacing(8)
        volume_row.addWidget(self.preview)
        volume_row.addStretch(1)
        form.addRow(self._volume_label, volume_row)
        layout.addSpacing(4)
        layout.addWidget(self.eyes_closed)
        layout.addWidget(self.about_eyes_closed)
        layout.addWidget(self.note)
        layout.addStretch(1)

        available = self._problem is None
        for widget in (self.sound, self.volume, self.preview, self.eyes_closed):
            widget.setEnabled(available)
        self.reason.setVisible(not available)

        self._retranslate()
        self.set_settings(settings)
        self.sound.toggled.connect(self._sound_toggled)
        self.eyes_closed.toggled.connect(self._eyes_closed_toggled)
        self.volume.valueChanged.connect(self._volume_moved)
        self.volume.sliderReleased.connect(self._volume_chosen)
        self.preview.clicked.connect(self.play_preview)

    @property
    def problem(self) -> SoundProblem | None:
        """Why sound cannot play here, or None."""
        return self._problem

    def title(self) -> str:
        return self.tr("Sound")

    def _load(self, settings: Settings) -> None:
        self.sound.setChecked(settings.sound or settings.eyes_closed)
        self.eyes_closed.setChecked(settings.eyes_closed)
        self.volume.setValue(settings.sound_volume)
        self._show_volume(settings.sound_volume)

    # --- the user's changes -------------------------------------------------------

    def _sound_toggled(self, on: bool) -> None:
        if on:
            self.offer(sound=True)
        else:  # eyes-closed mode needs the cues: it goes off with them
            self.offer(sound=False, eyes_closed=False)
            if not self._loading:
                self.set_settings(self._settings)

    def _eyes_closed_toggled(self, on: bool) -> None:
        if on:
            if self.offer(eyes_closed=True, sound=True):
                self.set_settings(self._settings)  # the sound box shows it is on
        else:
            self.offer(eyes_closed=False)

    def _volume_moved(self, value: int) -> None:
        self._show_volume(value)
        if self._sink is not None:
            self._sink.set_volume(value)
        if not self.volume.isSliderDown():  # keys and clicks: at once; a drag: on release
            self.offer(sound_volume=value)

    def _volume_chosen(self) -> None:
        self.offer(sound_volume=self.volume.value())

    def _show_volume(self, value: int) -> None:
        text = self.tr("{percent} %").replace("{percent}", str(value))
        self.volume_value.setText(text)
        self.volume.setAccessibleDescription(text)

    def play_preview(self) -> None:
        """In, out and the bell once, at the volume shown."""
        if self._problem is not None:
            return
        if self._sink is None:
            opener = self._open_sink or _default_opener(self)
            self._sink = opener(self.volume.value())
            if self._sink is None:
                return
        sink = self._sink
        for timer in self._preview_timers:  # a second press starts the preview over
            timer.stop()
            timer.deleteLater()
        self._preview_timers = []
        for delay, cue in PREVIEW:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda cue=cue: sink.play(cue))
            timer.start(delay)
            self._preview_timers.append(timer)

    # --- texts --------------------------------------------------------------------

    def reason_text(self) -> str:
        problem = self._problem
        if problem is SoundProblem.NO_PACKAGE:
            return self.tr(
                "Sound needs the optional Herstel sound package (pip install herstel[sound])."
            )
        if problem is SoundProblem.NO_AUDIO_SYSTEM:
            return self.tr("Sound is off: Qt's audio support does not load on this computer.")
        if problem is SoundProblem.NO_DEVICE:
            return self.tr("Sound is off: this computer has no audio output.")
        if problem is SoundProblem.NO_FILES:
            return self.tr("Sound is off: the sound files are missing from this installation.")
        return ""

    def _retranslate_texts(self) -> None:
        self.sound.setText(self.tr("Play soft &sound cues: in, out, and a bell at the end"))
        self.reason.setText(self.reason_text())
        self._volume_label.setText(self.tr("&Volume"))
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume of the sound cues"))
        self.preview.setText(self.tr("&Preview"))
        self.preview.setAccessibleName(self.tr("Preview the sound cues"))
        self.preview.setToolTip(self.tr("Play in, out and the bell once"))
        self.eyes_closed.setText(self.tr("Breathe with your &eyes closed"))
        self.about_eyes_closed.setText(
            self.tr(
                "The cues guide you and the session fills the screen, nearly black, "
                "with only a faint word for each phase. Esc stops, D if you feel dizzy."
            )
        )
        self._show_volume(self.volume.value())


def _default_opener(page: QWidget) -> SinkOpener:
    def opener(volume: int) -> CueSink | None:
        from herstel.platform.sound import open_sink

        return open_sink(volume, page)

    return opener
