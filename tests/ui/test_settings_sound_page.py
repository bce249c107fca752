"""The Sound page: cues on or off, volume by keyboard, preview, eyes-closed mode, and
the one line that says why sound is off where it cannot play.

Whether sound can play is injected (``probe``), and the speakers are a fake sink.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QFormLayout
from pytestqt.qtbot import QtBot

from herstel.core.cues import Cue
from herstel.core.settings import Settings
from herstel.platform.sound import CueSink, SoundProblem, multimedia_installed, sound_problem
from herstel.ui.settings import sound_page as settings_sound_page
from herstel.ui.settings.sound_page import SoundSettingsPage

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


class FakeSink:
    def __init__(self) -> None:
        self.played: list[Cue] = []
        self.volumes: list[int] = []

    def play(self, cue: Cue) -> None:
        self.played.append(cue)

    def set_volume(self, percent: int) -> None:
        self.volumes.append(percent)


def make(
    qtbot: QtBot,
    settings: Settings | None = None,
    problem: SoundProblem | None = None,
    sink: FakeSink | None = None,
) -> tuple[SoundSettingsPage, list[Settings], list[int]]:
    opened: list[int] = []

    def opener(volume: int) -> CueSink | None:
        opened.append(volume)
        return sink

    page = SoundSettingsPage(
        settings if settings is not None else Settings(),
        probe=lambda: problem,
        open_sink=opener,
    )
    qtbot.addWidget(page)
    seen: list[Settings] = []
    page.changed.connect(seen.append)
    return page, seen, opened


def test_off_by_default_and_ready_where_sound_can_play(qtbot: QtBot) -> None:
    page, seen, _ = make(qtbot)
    assert not page.sound.isChecked() and not page.eyes_closed.isChecked()
    assert page.volume.value() == 60 and page.volume_value.text() == "60 %"
    assert page.reason.isHidden()
    assert all(w.isEnabled() for w in (page.sound, page.volume, page.preview, page.eyes_closed))
    page.sound.setChecked(True)
    assert seen == [Settings(sound=True)]


@pytest.mark.parametrize(
    ("problem", "words"),
    [
        (SoundProblem.NO_PACKAGE, "pip install herstel[sound]"),
        (SoundProblem.NO_AUDIO_SYSTEM, "audio support"),
        (SoundProblem.NO_DEVICE, "no audio output"),
        (SoundProblem.NO_FILES, "sound files are missing"),
    ],
)
def test_where_sound_cannot_play_the_option_is_off_with_one_line_why(
    qtbot: QtBot, problem: SoundProblem, words: str
) -> None:
    page, _seen, opened = make(qtbot, problem=problem)
    page.show()
    assert not page.reason.isHidden()
    assert words in page.reason.text()
    assert "\n" not in page.reason.text()
    assert not any(w.isEnabled() for w in (page.sound, page.volume, page.preview, page.eyes_closed))
    page.play_preview()
    assert opened == []  # nothing tries the speakers


def test_the_extra_is_missing_here_and_the_probe_says_so_without_loading_it() -> None:
    """This venv (like CI) has no PySide6-Addons: the real probe names the package."""
    if multimedia_installed():
        pytest.skip("PySide6-Addons is installed here")
    import sys

    assert sound_problem() is SoundProblem.NO_PACKAGE
    assert "PySide6.QtMultimedia" not in sys.modules


def test_the_volume_follows_the_keyboard_and_has_a_name(qtbot: QtBot) -> None:
    page, seen, _ = make(qtbot, Settings(sound=True))
    page.show()
    page.volume.setFocus()
    qtbot.keyClick(page.volume, Qt.Key.Key_Right)
    assert seen[-1] == Settings(sound=True, sound_volume=65)
    qtbot.keyClick(page.volume, Qt.Key.Key_PageUp)
    assert seen[-1].sound_volume == 75
    qtbot.keyClick(page.volume, Qt.Key.Key_End)
    assert seen[-1].sound_volume == 100
    qtbot.keyClick(page.volume, Qt.Key.Key_Home)
    assert seen[-1].sound_volume == 0
    assert page.volume_value.text() == "0 %"
    assert page.volume.accessibleName() == "Volume"
    form = page.findChild(QFormLayout)
    assert form is not None
    label = form.labelForField(form.itemAt(0, QFormLayout.ItemRole.FieldRole).layout())
    assert label is not None and label.buddy() is page.volume  # Alt+V reaches it


def test_preview_plays_in_out_and_the_bell_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        settings_sound_page, "PREVIEW", ((0, Cue.INHALE), (5, Cue.EXHALE), (10, Cue.BELL))
    )
    sink = FakeSink()
    page, seen, opened = make(qtbot, Settings(sound_volume=30), sink=sink)
    qtbot.mouseClick(page.preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(sink.played) == 3, timeout=2000)
    assert sink.played == [Cue.INHALE, Cue.EXHALE, Cue.BELL]
    assert opened == [30]
    assert seen == []  # previewing changes nothing
    page.volume.setValue(45)  # the preview follows the slider at once
    assert sink.volumes[-1] == 45


def test_eyes_closed_turns_the_cues_on_and_goes_with_them(qtbot: QtBot) -> None:
    page, seen, _ = make(qtbot)
    page.eyes_closed.setChecked(True)
    assert seen[-1] == Settings(sound=True, eyes_closed=True)
    assert page.sound.isChecked()
    page.sound.setChecked(False)
    assert seen[-1] == Settings(sound=False, eyes_closed=False)
    assert not page.eyes_closed.isChecked()


def test_restore_defaults_puts_sound_off_again(qtbot: QtBot) -> None:
    start = Settings(sound=True, sound_volume=20, eyes_closed=True, minutes=9)
    page, seen, _ = make(qtbot, start)
    assert page.sound.isChecked() and page.eyes_closed.isChecked()
    page.restore_defaults()
    assert seen == [replace(start, sound=False, sound_volume=60, eyes_closed=False)]
    assert page.volume.value() == 60 and not page.sound.isChecked()


def test_a_language_change_keeps_the_reason(qtbot: QtBot) -> None:
    page, seen, _ = make(qtbot, problem=SoundProblem.NO_DEVICE)
    with qtbot.captureExceptions() as exceptions:
        QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert exceptions == []
    assert "no audio output" in page.reason.text()
    assert seen == []
    assert QApplication.instance() is not None
