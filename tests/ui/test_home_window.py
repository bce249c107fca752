"""The home window and the rhythm chooser."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from herstel.core.rhythm import PRESETS, Pattern, parse_pattern
from herstel.core.settings import LengthUnit, Settings
from herstel.ui.home.window import HomeWindow
from herstel.ui.session.pattern_chooser import PatternChooser
from herstel.ui.session.pattern_texts import length_text, pattern_title, rate_warning_text


@pytest.fixture
def home(qtbot: QtBot) -> HomeWindow:
    window = HomeWindow(Settings(first_run_done=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_chooser(qtbot: QtBot, home: HomeWindow) -> PatternChooser:
    qtbot.mouseClick(home.pattern_button, Qt.MouseButton.LeftButton)
    chooser = home.findChild(PatternChooser)
    assert chooser is not None
    qtbot.waitExposed(chooser)
    return chooser


def test_start_button_emits_start_requested(qtbot: QtBot, home: HomeWindow) -> None:
    assert home.start_button.text() == "Start breathing"
    with qtbot.waitSignal(home.start_requested, timeout=1000):
        qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(home.start_requested, timeout=1000):
        home.start_button.setFocus()
        qtbot.keyClick(home.start_button, Qt.Key.Key_Space)


def test_card_shows_the_rhythm_and_length(qtbot: QtBot, home: HomeWindow) -> None:
    assert home.pattern_summary() == "Rest rhythm · 4-6 · 5 min"
    home.set_settings(Settings(pattern="box", length_unit=LengthUnit.BREATHS, breaths=12))
    assert home.pattern_summary() == "Box · 4-4-4-4 · 12 breaths"
    home.set_settings(Settings(pattern="3.5-5", gentle_start=True, minutes=3))
    assert home.pattern_summary() == "Gentle · 3.5-5 · 3 min · gentle start"
    home.set_settings(Settings(pattern="4.5-7"))
    assert home.pattern_summary() == "Your own rhythm · 4.5-7 · 5 min"
    assert home.pattern_button.accessibleName() == (
        "Rhythm and length: Your own rhythm 4.5-7, 5 min. Change"
    )


def test_human_names_of_the_presets() -> None:
    titles = [pattern_title(preset.pattern) for preset in PRESETS]
    assert titles == [
        "Rest rhythm 4-6",
        "Coherent 5-5",
        "Even 6-6",
        "Gentle 3.5-5",
        "Box 4-4-4-4",
        "4-7-8",
        "Cyclic sighing 3+1-6",
    ]
    assert length_text(Settings(length_unit=LengthUnit.BREATHS, breaths=1)) == "1 breath"


def test_choosing_a_preset_emits_settings_changed(qtbot: QtBot, home: HomeWindow) -> None:
    chooser = open_chooser(qtbot, home)
    chooser.select_preset("5-5")
    with qtbot.waitSignal(home.settings_changed, timeout=1000) as blocker:
        save = next(b for b in chooser.findChildren(QPushButton) if b.text() == "Save")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    settings = blocker.args[0] if blocker.args else None
    assert isinstance(settings, Settings)
    assert settings.pattern == "5-5"
    assert settings.minutes == 5  # the length is kept
    assert home.settings == settings
    assert home.pattern_summary() == "Coherent · 5-5 · 5 min"


@pytest.mark.parametrize(
    ("key", "label"),
    [("box", "4-4-4-4"), ("gentle", "3.5-5"), ("6-6", "6-6"), ("4-6", "4-6")],
)
def test_each_preset_saves_its_pattern_label(
    qtbot: QtBot, home: HomeWindow, key: str, label: str
) -> None:
    home.set_settings(Settings(pattern="5-5", first_run_done=True))
    chooser = open_chooser(qtbot, home)
    chooser.select_preset(key)
    with qtbot.waitSignal(home.settings_changed, timeout=1000) as blocker:
        chooser.accept()
    settings = blocker.args[0] if blocker.args else None
    assert isinstance(settings, Settings)
    assert settings.pattern == label
    assert parse_pattern(settings.pattern) == parse_pattern(key)


def test_the_4_7_8_preset_brings_its_short_length(qtbot: QtBot, home: HomeWindow) -> None:
    chooser = open_chooser(qtbot, home)
    chooser.select_preset("4-7-8")
    settings = chooser.result_settings()
    assert settings.pattern == "4-7-8"
    assert settings.length_unit is LengthUnit.BREATHS
    assert settings.breaths == 4


def test_cancel_changes_nothing(qtbot: QtBot, home: HomeWindow) -> None:
    chooser = open_chooser(qtbot, home)
    chooser.select_preset("box")
    with qtbot.assertNotEmitted(home.settings_changed):
        chooser.reject()
    assert home.settings.pattern == "4-6"


def test_custom_values_stay_within_the_ranges(qtbot: QtBot, home: HomeWindow) -> None:
    chooser = open_chooser(qtbot, home)
    chooser.select_custom()
    boxes = chooser.spin_boxes()
    expected = {
        "inhale": (2.0, 8.0),
        "hold_in": (0.0, 8.0),
        "exhale": (2.0, 12.0),
        "hold_out": (0.0, 8.0),
    }
    for name, (low, high) in expected.items():
        box = boxes[name]
        assert (box.minimum(), box.maximum(), box.singleStep()) == (low, high, 0.5)
        box.setValue(99)
        assert box.value() == high
        box.setValue(-5)
        assert box.value() == low

    inhale = boxes["inhale"]
    inhale.setValue(4)
    inhale.selectAll()
    qtbot.keyClicks(inhale, "99")
    qtbot.keyClick(inhale, Qt.Key.Key_Return)
    assert 2.0 <= inhale.value() <= 8.0
    inhale.setValue(4.3)  # not a half-second step
    assert inhale.value() == 4.5
    inhale.selectAll()
    qtbot.keyClicks(inhale, "5.2")
    qtbot.keyClick(inhale, Qt.Key.Key_Return)
    assert inhale.value() == 5.0

    length = chooser.length_box()
    assert (length.minimum(), length.maximum()) == (1, 20)
    chooser.set_length_unit(LengthUnit.BREATHS)
    assert (length.minimum(), length.maximum()) == (1, 120)
    length.setValue(500)
    assert length.value() == 120
    pattern = chooser.pattern()  # whatever was typed is a valid Pattern
    assert isinstance(pattern, Pattern)


def test_rate_warning_for_a_fast_rhythm(qtbot: QtBot, home: HomeWindow) -> None:
    chooser = open_chooser(qtbot, home)
    warning = chooser.findChild(QLabel, "rateWarning")
    assert not warning.isVisible()
    assert chooser.findChild(QLabel, "rate").text() == "6 breaths a minute"

    chooser.select_custom()
    chooser.set_custom(inhale=2, exhale=2)
    assert warning.isVisible()
    assert warning.text() == "This is 15 breaths a minute — outside the calm 3–10 range."
    assert chooser.warning_text() == warning.text()
    with qtbot.waitSignal(home.settings_changed, timeout=1000) as blocker:
        chooser.accept()  # a warning, not a block
    settings = blocker.args[0] if blocker.args else None
    assert isinstance(settings, Settings)
    assert settings.pattern == "2-2"

    assert rate_warning_text(Pattern(8, 12, hold_in=8, hold_out=8)) == (
        "This is 1.7 breaths a minute — outside the calm 3–10 range."
    )
    assert rate_warning_text(Pattern(4, 6)) == ""


def test_editing_the_seconds_follows_the_presets(qtbot: QtBot, home: HomeWindow) -> None:
    chooser = open_chooser(qtbot, home)
    chooser.set_custom(inhale=5, exhale=5)
    assert chooser.result_settings().pattern == "5-5"
    assert chooser.selected_key() == "5-5"
    chooser.set_custom(exhale=7)
    assert chooser.selected_key() == "custom"
    assert chooser.result_settings().pattern == "5-7"


def test_first_run_note_is_there_until_the_first_session(qtbot: QtBot) -> None:
    window = HomeWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    note = window.findChild(QLabel, "safetyNote")
    assert note.isVisible()
    assert "relaxation aid, not a treatment" in note.text()
    assert window.start_button.isEnabled()  # never blocks
    window.set_settings(Settings(first_run_done=True))
    assert not note.isVisible()


def test_nothing_but_start_the_rhythm_card_and_the_two_links(home: HomeWindow) -> None:
    buttons = [b for b in home.findChildren(QPushButton) if b.isVisible()]
    assert {b.accessibleName() for b in buttons} == {
        "Start breathing",
        home.pattern_button.accessibleName(),
        "History",
        "Settings",
    }
