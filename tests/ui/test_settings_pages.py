"""The settings pages and the settings dialog: load, change, validate, restore, apply live."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.settings import LengthUnit, ReminderStyle, Settings, Theme, WorkingHours
from herstel.ui.settings.dialog import SettingsDialog
from herstel.ui.settings.page import SettingsPage
from herstel.ui.settings.pages import (
    AppearanceSettingsPage,
    CheckSettingsPage,
    SessionSettingsPage,
    StartupSettingsPage,
)
from herstel.ui.settings.reminders_page import ReminderSettingsPage
from herstel.ui.settings.sound_page import SoundSettingsPage

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)

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


def collected(page: SettingsPage | SettingsDialog) -> list[Settings]:
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
    assert page.style_choice.currentData() == ReminderStyle.AUTOMATIC.value
    assert page.note.isHidden()


def test_the_room_switches_reach_the_settings(page: ReminderSettingsPage) -> None:
    assert [box.isChecked() for box in page._sense_boxes()] == [True] * 4  # all on by default
    assert page.away_minutes.value() == 5
    assert not page.post_call_reset.isChecked()
    assert "never listens or looks" in page.privacy.text()
    seen = collected(page)
    page.sense_call.setChecked(False)
    assert not page.post_call_reset.isEnabled()  # the reset follows a call: no call sense, no reset
    page.sense_full_screen.setChecked(False)
    page.sense_dnd.setChecked(False)
    page.away_minutes.setValue(12)
    page.sense_away.setChecked(False)
    assert not page.away_minutes.isEnabled()
    page.sense_call.setChecked(True)
    page.post_call_reset.setChecked(True)
    assert seen[-1] == replace(
        START,
        sense_full_screen=False,
        sense_do_not_disturb=False,
        sense_away=False,
        away_minutes=12,
        post_call_reset=True,
    )
    page.set_settings(replace(START, sense_call=False, away_minutes=30))
    assert not page.sense_call.isChecked() and page.away_minutes.value() == 30


@pytest.mark.parametrize(
    ("wayland", "used", "why"),
    [(False, "a small window", "without taking the keyboard"), (True, "notification", "Wayland")],
)
def test_the_page_says_which_reminder_style_is_used_and_why(
    qtbot: QtBot, wayland: bool, used: str, why: str
) -> None:
    page = ReminderSettingsPage(START, wayland=wayland)
    qtbot.addWidget(page)
    assert used in page.style_choice.currentText()
    assert used in page.style_reason.text() and why in page.style_reason.text()
    assert not page.style_reason.isHidden()
    page.style_choice.setCurrentIndex(page.style_choice.findData("prompt"))
    assert page.style_reason.isHidden()  # the user's own choice needs no explaining


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
    page.enabled.setChecked(False)
    assert seen[-1] == replace(
        START,
        snooze_minutes=15,
        working_hours=WorkingHours(days=(1, 2, 3, 4, 5, 6), start="08:30", end="16:00"),
        reminder_style=ReminderStyle.NOTIFICATION,
        reminders_enabled=False,
    )
    assert len(seen) == 6


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


def test_reminder_restore_defaults_drops_a_held_back_edit(page: ReminderSettingsPage) -> None:
    page.interval.setValue(120)
    seen = collected(page)
    for box in page.days[:5]:
        box.setChecked(False)  # the last one is held back with a note
    assert not page.note.isHidden()
    page.restore_defaults()
    assert page.note.isHidden()
    assert [box.isChecked() for box in page.days] == [True] * 5 + [False] * 2
    assert page.interval.value() == 60
    assert seen[-1] == replace(
        START,
        reminder_interval_minutes=60,
        working_hours=WorkingHours(),
    )


# -- the Session page -------------------------------------------------------------------


OWN = Settings(
    pattern="4.5-7",
    length_unit=LengthUnit.BREATHS,
    breaths=40,
    minutes=8,
    gentle_start=True,
    show_count=True,
    theme=Theme.DARK,
    check_before=True,
    autostart=True,
    reduced_motion=True,
)


def make(qtbot: QtBot, kind: type[SettingsPage], settings: Settings = START) -> SettingsPage:
    made = kind(settings)
    qtbot.addWidget(made)
    return made


@pytest.fixture
def session(qtbot: QtBot) -> SessionSettingsPage:
    made = make(qtbot, SessionSettingsPage)
    assert isinstance(made, SessionSettingsPage)
    return made


def test_the_session_page_shows_the_settings(qtbot: QtBot) -> None:
    page = make(qtbot, SessionSettingsPage, OWN)
    assert isinstance(page, SessionSettingsPage)
    assert page.rhythm.currentText() == "Your own rhythm 4.5-7"
    assert page.rhythm.count() == 8  # seven presets and the user's own
    assert page.unit.currentData() == "breaths"
    assert page.length.value() == 40
    assert page.length.maximum() == 120
    assert page.gentle_start.isChecked()
    assert page.show_count.isChecked()


def test_choosing_a_preset_saves_its_label(session: SessionSettingsPage) -> None:
    seen = collected(session)
    assert session.rhythm.currentText() == "Rest rhythm 4-6"
    assert session.rhythm.count() == 7
    session.rhythm.setCurrentIndex(session.rhythm.findData("box"))
    assert seen == [replace(START, pattern="4-4-4-4")]
    assert "hold 4" in session.about_rhythm.text()


def test_the_4_7_8_preset_comes_with_its_four_breaths(session: SessionSettingsPage) -> None:
    seen = collected(session)
    session.rhythm.setCurrentIndex(session.rhythm.findData("4-7-8"))
    assert seen == [replace(START, pattern="4-7-8", length_unit=LengthUnit.BREATHS, breaths=4)]
    assert session.unit.currentData() == "breaths"
    assert session.length.value() == 4


def test_choosing_a_preset_drops_your_own_from_the_list(qtbot: QtBot) -> None:
    page = make(qtbot, SessionSettingsPage, OWN)
    assert isinstance(page, SessionSettingsPage)
    page.rhythm.setCurrentIndex(page.rhythm.findData("5-5"))
    assert page.rhythm.count() == 7
    assert page.rhythm.currentText() == "Coherent 5-5"


def test_the_length_and_its_unit(session: SessionSettingsPage) -> None:
    seen = collected(session)
    session.length.setValue(12)
    assert seen[-1] == replace(START, minutes=12)
    session.unit.setCurrentIndex(session.unit.findData("breaths"))
    assert seen[-1] == replace(START, minutes=12, length_unit=LengthUnit.BREATHS)
    assert session.length.value() == START.breaths  # each unit keeps its own number
    assert session.length.maximum() == 120
    session.length.setValue(50)
    assert seen[-1] == replace(START, minutes=12, length_unit=LengthUnit.BREATHS, breaths=50)
    session.length.setValue(500)  # beyond the model's range: the box stops at 120
    assert seen[-1].breaths == 120
    assert len(seen) == 4


def test_gentle_start_and_count(session: SessionSettingsPage) -> None:
    seen = collected(session)
    session.gentle_start.setChecked(True)
    session.show_count.setChecked(True)
    assert seen == [
        replace(START, gentle_start=True),
        replace(START, gentle_start=True, show_count=True),
    ]


def test_your_own_rhythm_through_the_chooser(qtbot: QtBot, session: SessionSettingsPage) -> None:
    seen = collected(session)
    chooser = session.open_chooser()
    chooser.select_custom()  # type: ignore[attr-defined]
    chooser.set_custom(inhale=5.5, exhale=8)  # type: ignore[attr-defined]
    chooser.accept()  # type: ignore[attr-defined]
    assert seen == [replace(START, pattern="5.5-8")]
    assert session.rhythm.currentText() == "Your own rhythm 5.5-8"


def test_a_fast_own_rhythm_is_allowed_with_a_calm_warning(qtbot: QtBot) -> None:
    page = make(qtbot, SessionSettingsPage, replace(START, pattern="2-2"))
    assert isinstance(page, SessionSettingsPage)
    assert "outside the calm 3–10 range" in page.about_rhythm.text()


def test_a_value_the_model_refuses_is_held_back(session: SessionSettingsPage) -> None:
    seen = collected(session)
    assert not session.offer(minutes=0)
    assert seen == []
    assert not session.note.isHidden()
    assert "minutes" in session.note.text()
    assert session.offer(minutes=3)
    assert session.note.isHidden()
    assert seen == [replace(START, minutes=3)]


def test_session_restore_defaults_resets_only_its_fields(qtbot: QtBot) -> None:
    page = make(qtbot, SessionSettingsPage, OWN)
    seen = collected(page)
    page.restore_defaults()
    defaults = Settings()
    assert seen == [
        replace(
            OWN,
            pattern=defaults.pattern,
            length_unit=defaults.length_unit,
            minutes=defaults.minutes,
            breaths=defaults.breaths,
            gentle_start=False,
            show_count=False,
        )
    ]
    assert seen[0].theme is Theme.DARK and seen[0].autostart and seen[0].reduced_motion
    assert page.rhythm.currentText() == "Rest rhythm 4-6"
    assert page.length.value() == 5
    page.restore_defaults()
    assert len(seen) == 1  # already the defaults: nothing new to apply


# -- the Check, Appearance and Start-up pages (Sound: test_settings_sound_page.py) ------


def test_the_check_page_round_trip(qtbot: QtBot) -> None:
    page = make(qtbot, CheckSettingsPage)
    assert isinstance(page, CheckSettingsPage)
    seen = collected(page)
    assert page.check_after.isChecked() and not page.check_before.isChecked()
    page.check_before.setChecked(True)
    page.check_after.setChecked(False)
    assert seen == [
        replace(START, check_before=True),
        replace(START, check_before=True, check_after=False),
    ]
    assert not page.check_before.isEnabled()  # a check before needs one after
    page.restore_defaults()
    assert seen[-1] == START
    assert page.check_before.isEnabled() and not page.check_before.isChecked()


def test_the_appearance_page_offers_four_themes(qtbot: QtBot) -> None:
    page = make(qtbot, AppearanceSettingsPage)
    assert isinstance(page, AppearanceSettingsPage)
    seen = collected(page)
    assert [page.theme.itemData(i) for i in range(page.theme.count())] == [
        "system",
        "light",
        "dark",
        "high-contrast",
    ]
    page.theme.setCurrentIndex(page.theme.findData("high-contrast"))
    assert seen == [replace(START, theme=Theme.HIGH_CONTRAST)]
    assert "clear edges" in page.about_theme.text()
    page.reduced_motion.setChecked(True)
    assert seen[-1] == replace(START, theme=Theme.HIGH_CONTRAST, reduced_motion=True)
    page.restore_defaults()
    assert seen[-1] == START
    assert page.theme.currentData() == "system"


def test_the_startup_page_round_trip(qtbot: QtBot) -> None:
    page = make(qtbot, StartupSettingsPage)
    assert isinstance(page, StartupSettingsPage)
    seen = collected(page)
    page.autostart.setChecked(True)
    assert seen == [replace(START, autostart=True)]
    page.set_settings(OWN)
    assert page.autostart.isChecked()
    page.restore_defaults()
    assert seen[-1] == replace(OWN, autostart=False)


@pytest.mark.parametrize(
    "kind",
    [
        SessionSettingsPage,
        CheckSettingsPage,
        ReminderSettingsPage,
        AppearanceSettingsPage,
        StartupSettingsPage,
        SoundSettingsPage,
    ],
)
def test_each_page_loads_silently_and_survives_a_language_change(
    qtbot: QtBot, kind: type[SettingsPage]
) -> None:
    page = make(qtbot, kind)
    seen = collected(page)
    page.set_settings(OWN)
    with qtbot.captureExceptions() as exceptions:
        QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert [str(e[1]) for e in exceptions] == []
    assert seen == []
    assert page.settings == OWN


def test_the_pages_own_every_field_the_user_sets_once() -> None:
    owned = [
        name
        for kind in (
            SessionSettingsPage,
            CheckSettingsPage,
            ReminderSettingsPage,
            AppearanceSettingsPage,
            StartupSettingsPage,
            SoundSettingsPage,
        )
        for name in kind.FIELDS
    ]
    assert len(owned) == len(set(owned))
    internal = {"first_run_done", "tray_hint_shown"}
    assert set(owned) | internal == set(Settings.__dataclass_fields__)


# -- the dialog -------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    made = SettingsDialog(START)
    qtbot.addWidget(made)
    return made


def test_the_dialog_lists_its_pages(dialog: SettingsDialog) -> None:
    assert dialog.page_titles() == [
        "Session",
        "Check",
        "Reminders",
        "Sound",
        "Appearance",
        "Start-up",
    ]
    assert dialog.data is None  # no data folder given
    assert dialog.current_page() is dialog.session
    assert not dialog.isModal()


def test_the_page_list_is_keyboard_navigable(qtbot: QtBot, dialog: SettingsDialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.page_list.setFocus()
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Down)
    assert dialog.current_page() is dialog.check
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_End)
    assert dialog.current_page() is dialog.startup
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.startup.autostart  # Tab goes into the page
    qtbot.keyClick(dialog.startup.autostart, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dialog.page_list
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Home)
    assert dialog.current_page() is dialog.session
    qtbot.keyClick(dialog.page_list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.session.rhythm


def test_the_dialog_passes_page_changes_on(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    dialog.reminders.interval.setValue(45)
    assert seen == [replace(START, reminder_interval_minutes=45)]
    dialog.session.show_count.setChecked(True)
    assert seen[-1] == replace(START, reminder_interval_minutes=45, show_count=True)
    assert len(seen) == 2


def test_the_pages_keep_each_others_changes(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    dialog.appearance.theme.setCurrentIndex(dialog.appearance.theme.findData("dark"))
    dialog.reminders.snooze.setValue(5)
    # The reminders page knew nothing of the theme: without the dialog passing
    # the change on, it would have put the old theme back.
    assert seen[-1] == replace(START, theme=Theme.DARK, snooze_minutes=5)
    dialog.startup.autostart.setChecked(True)
    dialog.session.rhythm.setCurrentIndex(dialog.session.rhythm.findData("6-6"))
    assert seen[-1] == replace(
        START, theme=Theme.DARK, snooze_minutes=5, autostart=True, pattern="6-6"
    )


def test_restore_defaults_in_the_dialog_resets_one_page(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    dialog.set_settings(OWN)
    seen = collected(dialog)
    dialog.show_page(dialog.appearance)
    qtbot.mouseClick(dialog.restore_button(dialog.appearance), Qt.MouseButton.LeftButton)
    assert seen == [replace(OWN, theme=Theme.SYSTEM, reduced_motion=False)]
    assert dialog.session.rhythm.currentText() == "Your own rhythm 4.5-7"  # untouched
    assert dialog.check.check_before.isChecked()
    assert not dialog.restore_button(dialog.sound).isHidden()


def test_like_the_app_the_dialog_survives_its_own_changes_coming_back(
    dialog: SettingsDialog,
) -> None:
    # app.update_settings hands every change straight back through set_settings.
    seen = collected(dialog)
    dialog.changed.connect(dialog.set_settings)
    dialog.session.rhythm.setCurrentIndex(dialog.session.rhythm.findData("gentle"))
    dialog.session.unit.setCurrentIndex(dialog.session.unit.findData("breaths"))
    dialog.session.length.setValue(20)
    assert seen[-1] == replace(START, pattern="3.5-5", length_unit=LengthUnit.BREATHS, breaths=20)
    assert dialog.session.rhythm.currentText() == "Gentle 3.5-5"
    assert len(seen) == 3


def test_set_settings_updates_every_page_silently(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    other = replace(START, theme=Theme.LIGHT, reminder_interval_minutes=30, minutes=9)
    dialog.set_settings(other)
    assert seen == []
    assert dialog.appearance.theme.currentData() == "light"
    assert dialog.reminders.interval.value() == 30
    assert dialog.session.length.value() == 9
    dialog.check.check_before.setChecked(True)
    assert seen == [replace(other, check_before=True)]


def test_a_held_back_edit_is_not_passed_on(dialog: SettingsDialog) -> None:
    seen = collected(dialog)
    dialog.reminders.end.setTime(QTime(6, 0))
    assert seen == []
    assert not dialog.reminders.note.isHidden()


def test_a_language_change_in_the_dialog_emits_nothing(
    qtbot: QtBot, dialog: SettingsDialog
) -> None:
    dialog.appearance.theme.setCurrentIndex(dialog.appearance.theme.findData("dark"))
    seen = collected(dialog)
    with qtbot.captureExceptions() as exceptions:
        for page in dialog.pages:
            QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
        QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert [str(e[1]) for e in exceptions] == []
    assert seen == []
    assert dialog.appearance.theme.currentData() == "dark"
