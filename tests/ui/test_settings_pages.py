"""The Reminders settings page and the settings dialog: applied as you change them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTime
from pytestqt.qtbot import QtBot

from herstel.core.settings import ReminderStyle, Settings, Theme, WorkingHours
from herstel.ui.reminder_settings import ReminderSettingsPage
from herstel.ui.settings_dialog import SettingsDialog

START = Settings(
    reminder_interval_minutes=60,
    snooze_minutes=10,
    working_hours=WorkingHours(days=(1, 2, 3, 4, 5), start="09:00", end="17:30"),
)


@pytest.fixture
def page(qtbot: QtBot) -> ReminderSettingsPage:
    made = ReminderSettingsPage(START)
    qtbot.addWidget(made)
    return made


def collected(page: ReminderSettingsPage | SettingsDialog) -> list[Settings]:
    seen: list[Settings] = []
    page.changed.connect(seen.append)
    return seen


def test_the_page_shows_the_settings(page: ReminderSettingsPage) -> None:
    assert page.enabled.isChecked()
    assert page.interval.value() == 60
    assert [box.isChecked() for box in page.days] == [True] * 5 + [False] * 2
    assert page.start.time() == QTime(9, 0)
    assert page.end.time() == QTime(17, 30)
    assert page.snooze.value() == 10
    assert page.style_choice.currentData() == ReminderStyle.PROMPT.value
    assert not page.autostart.isChecked()
    assert page.note.isHidden()


def test_changing_the_interval_emits_the_new_settings(page: ReminderSettingsPage) -> None:
    seen = collected(page)
    page.interval.setValue(90)
    assert len(seen) == 1
    assert seen[0] == replace(START, reminder_interval_minutes=90)


def test_each_field_reaches_the_settings(page: ReminderSettingsPage) -> None:
    seen = collected(page)
    page.snooze.setValue(15)
    page.days[5].setChecked(True)  # Saturday
    page.start.setTime(QTime(8, 30))
    page.end.setTime(QTime(16, 0))
    page.style_choice.setCurrentIndex(page.style_choice.findData("notification"))
    page.autostart.setChecked(True)
    page.enabled.setChecked(False)
    assert seen[-1] == replace(
        START,
        snooze_minutes=15,
        working_hours=WorkingHours(days=(1, 2, 3, 4, 5, 6), start="08:30", end="16:00"),
        reminder_style=ReminderStyle.NOTIFICATION,
        autostart=True,
        reminders_enabled=False,
    )
    assert len(seen) == 7


def test_reminders_off_greys_out_the_schedule(page: ReminderSettingsPage) -> None:
    page.enabled.setChecked(False)
    for widget in (page.interval, page.start, page.end, *page.days):
        assert not widget.isEnabled()
    page.enabled.setChecked(True)
    assert all(w.isEnabled() for w in (page.interval, page.start, page.end, *page.days))


def test_no_working_day_is_held_back_with_a_note(page: ReminderSettingsPage) -> None:
    seen = collected(page)
    for box in page.days[:4]:
        box.setChecked(False)
    assert len(seen) == 4
    assert seen[-1].working_hours.days == (5,)
    assert page.note.isHidden()
    page.days[4].setChecked(False)  # the last one
    assert len(seen) == 4  # nothing the model would refuse is emitted
    assert not page.note.isHidden()
    assert "at least one day" in page.note.text()
    page.days[2].setChecked(True)
    assert len(seen) == 5
    assert seen[-1].working_hours.days == (3,)
    assert page.note.isHidden()


def test_an_end_before_the_start_is_held_back(page: ReminderSettingsPage) -> None:
    seen = collected(page)
    page.end.setTime(QTime(8, 0))
    assert seen == []
    assert not page.note.isHidden()
    assert "after the start" in page.note.text()
    page.end.setTime(QTime(9, 0))  # equal is not after either
    assert seen == []
    page.start.setTime(QTime(7, 0))
    assert len(seen) == 1
    assert seen[0].working_hours == WorkingHours(days=(1, 2, 3, 4, 5), start="07:00", end="09:00")
    assert page.note.isHidden()


def test_the_days_are_named_in_full_for_screen_readers(page: ReminderSettingsPage) -> None:
    locale = QLocale()
    long_names = [locale.dayName(n, QLocale.FormatType.LongFormat) for n in range(1, 8)]
    short_names = [locale.dayName(n, QLocale.FormatType.ShortFormat) for n in range(1, 8)]
    assert [box.accessibleName() for box in page.days] == long_names
    assert [box.text() for box in page.days] == short_names
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        assert long_names[0] == "Monday" and long_names[6] == "Sunday"


def test_loading_settings_emits_nothing(page: ReminderSettingsPage) -> None:
    seen = collected(page)
    other = replace(
        START,
        reminders_enabled=False,
        reminder_interval_minutes=120,
        working_hours=WorkingHours(days=(6, 7), start="10:00", end="12:00"),
        reminder_style=ReminderStyle.NOTIFICATION,
    )
    page.set_settings(other)
    assert seen == []
    assert page.interval.value() == 120
    assert [box.isChecked() for box in page.days] == [False] * 5 + [True] * 2
    page.snooze.setValue(20)
    assert seen == [replace(other, snooze_minutes=20)]


def test_a_language_change_emits_nothing(qtbot: QtBot, page: ReminderSettingsPage) -> None:
    page.style_choice.setCurrentIndex(page.style_choice.findData("notification"))
    seen = collected(page)
    with qtbot.captureExceptions() as exceptions:
        QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert [str(e[1]) for e in exceptions] == []
    assert seen == []
    assert page.style_choice.currentData() == ReminderStyle.NOTIFICATION.value


# -- the dialog -------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    made = SettingsDialog(START)
    qtbot.addWidget(made)
    return made


def test_the_dialog_has_a_general_and_a_reminders_page(dialog: SettingsDialog) -> None:
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "General",
        "Reminders",
    ]
    assert dialog.tabs.widget(1) is dialog.reminders
    assert not dialog.isModal()


def test_the_dialog_passes_page_changes_on(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    dialog.reminders.interval.setValue(45)
    assert seen == [replace(START, reminder_interval_minutes=45)]
    dialog.general.show_count.setChecked(True)
    assert seen[-1] == replace(START, reminder_interval_minutes=45, show_count=True)
    assert len(seen) == 2


def test_the_pages_keep_each_others_changes(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    dialog.general.theme.setCurrentIndex(dialog.general.theme.findData("dark"))
    dialog.reminders.snooze.setValue(5)
    # The reminders page knew nothing of the theme: without the dialog passing
    # the change on, it would have put the old theme back.
    assert seen[-1] == replace(START, theme=Theme.DARK, snooze_minutes=5)
    dialog.general.reduced_motion.setChecked(True)
    assert seen[-1] == replace(START, theme=Theme.DARK, snooze_minutes=5, reduced_motion=True)


def test_set_settings_updates_both_pages_silently(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    other = replace(START, theme=Theme.LIGHT, reminder_interval_minutes=30)
    dialog.set_settings(other)
    assert seen == []
    assert dialog.general.theme.currentData() == "light"
    assert dialog.reminders.interval.value() == 30
    dialog.general.check_before.setChecked(True)
    assert seen == [replace(other, check_before=True)]


def test_a_held_back_edit_is_not_passed_on(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    dialog.reminders.end.setTime(QTime(6, 0))
    assert seen == []
    assert not dialog.reminders.note.isHidden()


def test_a_language_change_in_the_dialog_emits_nothing(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    dialog.general.theme.setCurrentIndex(dialog.general.theme.findData("dark"))
    seen = collected(dialog)
    with qtbot.captureExceptions() as exceptions:
        QCoreApplication.sendEvent(dialog.general, QEvent(QEvent.Type.LanguageChange))
    assert [str(e[1]) for e in exceptions] == []
    assert seen == []
    assert dialog.general.theme.currentData() == "dark"
