"""The chooser lists saved rhythms beside the presets; save, rename, delete; the sigh preset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from herstel.core.named_patterns import NamedPattern
from herstel.core.rhythm import Pattern
from herstel.core.settings import Settings
from herstel.ui.session.pattern_chooser import PatternChooser

EVENING = NamedPattern("Evening", "5-7")


def chooser(qtbot: QtBot, settings: Settings) -> PatternChooser:
    dialog = PatternChooser(settings)
    qtbot.addWidget(dialog)
    return dialog


def rows(dialog: PatternChooser) -> list[str]:
    widget = dialog._list
    return [str(widget.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(widget.count())]


def test_saved_rhythms_are_listed_after_the_presets(qtbot: QtBot) -> None:
    dialog = chooser(qtbot, Settings(pattern="5-7", custom_patterns=(EVENING,)))
    assert rows(dialog) == [
        "4-6", "5-5", "6-6", "gentle", "box", "4-7-8", "sigh", "named:Evening", "custom"
    ]  # fmt: skip
    assert dialog.selected_key() == "named:Evening"  # your own name for 5-7 comes first
    assert dialog._list.currentItem().text() == "Evening\n5-7 · 5 breaths a minute"


def test_save_as_rename_and_delete_take_effect_with_save(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = chooser(qtbot, Settings())
    dialog.set_custom(inhale=4.5, exhale=6.5)
    names = iter(["  Morning ", "Ochtend"])
    monkeypatch.setattr(dialog, "_ask_name", lambda _title, _text: next(names))
    dialog._save_as.click()
    assert dialog.named_patterns() == (NamedPattern("Morning", "4.5-6.5"),)
    assert dialog.selected_key() == "named:Morning"
    assert dialog._rename.isEnabled() and dialog._delete.isEnabled()
    dialog._rename.click()
    assert dialog.named_patterns() == (NamedPattern("Ochtend", "4.5-6.5"),)
    assert "named:Ochtend" in rows(dialog)
    assert dialog.result_settings().custom_patterns == (NamedPattern("Ochtend", "4.5-6.5"),)
    dialog._delete.click()
    assert dialog.named_patterns() == () and "named:Ochtend" not in rows(dialog)
    assert dialog.selected_key() == "custom"  # the seconds stay: your own rhythm
    assert dialog.result_settings().pattern == "4.5-6.5"


def test_a_taken_name_is_refused_with_a_calm_line(qtbot: QtBot) -> None:
    dialog = chooser(qtbot, Settings(custom_patterns=(EVENING,)))
    dialog.show()
    assert dialog.save_named("evening ") == ""  # same name: replaced, not doubled
    assert len(dialog.named_patterns()) == 1
    dialog.save_named("Night")
    assert dialog.rename_named("Night", "EVENING") == "You already have a rhythm with that name."
    assert dialog.save_named("   ") == "Give your rhythm a short name."


def test_choosing_a_saved_rhythm_fills_the_seconds(qtbot: QtBot) -> None:
    dialog = chooser(qtbot, Settings(custom_patterns=(EVENING,)))
    dialog.select_preset("named:Evening")
    assert dialog.pattern() == Pattern(5, 7)
    assert dialog.result_settings().pattern == "5-7"


def test_the_sigh_preset_keeps_its_second_inhale(qtbot: QtBot) -> None:
    dialog = chooser(qtbot, Settings())
    dialog.select_preset("sigh")
    assert dialog.pattern() == Pattern(3, 6, top_up=1)
    assert dialog.result_settings().pattern == "3+1-6"
    dialog.select_preset("4-6")
    assert dialog.pattern() == Pattern(4, 6)
    reopened = chooser(qtbot, Settings(pattern="3+1-6"))
    assert reopened.selected_key() == "sigh"


def test_find_my_rhythm_asks_for_the_finder(qtbot: QtBot) -> None:
    dialog = chooser(qtbot, Settings())
    with qtbot.waitSignal(dialog.find_rhythm_requested, timeout=1000):
        dialog._find.click()


def test_the_home_window_passes_find_my_rhythm_on(qtbot: QtBot) -> None:
    from herstel.ui.home.window import HomeWindow

    home = HomeWindow(Settings(pattern="5-7", custom_patterns=(EVENING,)))
    qtbot.addWidget(home)
    assert home.pattern_summary() == "Evening · 5-7 · 5 min"
    dialog = home.open_chooser()
    with qtbot.waitSignal(home.rhythm_finder_requested, timeout=1000):
        dialog._find.click()
