"""The application shell's decisions, the settings hub and the command queue.

Real widgets offscreen, a real settings file; the tray's availability is the
one input given by hand (offscreen Qt has no tray host).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.settings import Settings, Theme
from herstel.storage.database import Database
from herstel.storage.history import HistoryStore
from herstel.storage.paths import DataPaths
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.history.window import HistoryWindow
from herstel.ui.settings.dialog import SettingsDialog
from herstel.ui.shell.commands import Commands
from herstel.ui.shell.shell import Shell

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def make_shell(tmp_path: Path, **settings: object) -> tuple[Shell, SettingsHub]:
    clock = ManualClock(NOW)
    hub = SettingsHub(tmp_path / "settings.json", clock)
    hub.update(Settings(**settings))  # type: ignore[arg-type]
    paths = DataPaths(tmp_path / "data", tmp_path / "data", explicit=True)
    return Shell(hub, Commands(), clock, paths, lambda: UTC), hub


# -- the settings hub ---------------------------------------------------------------------


def test_the_hub_announces_a_change_once_and_saves_it(qtbot: QtBot, tmp_path: Path) -> None:
    hub = SettingsHub(tmp_path / "settings.json", ManualClock(NOW))
    seen: list[tuple[Settings, Settings]] = []
    hub.changed.connect(lambda new, old: seen.append((new, old)))
    hub.mark(theme=Theme.DARK)
    hub.mark(theme=Theme.DARK)  # no change: nothing announced
    assert [(new.theme, old.theme) for new, old in seen] == [(Theme.DARK, Theme.SYSTEM)]
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["theme"] == "dark"
    assert SettingsHub(tmp_path / "settings.json", ManualClock(NOW)).settings.theme is Theme.DARK


def test_an_unreadable_settings_file_is_never_saved_over(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "settings.json"
    folder.mkdir()  # a folder where the file should be: reading fails with an OSError
    hub = SettingsHub(folder, ManualClock(NOW))
    assert not hub.writable
    hub.mark(theme=Theme.DARK)
    assert hub.settings.theme is Theme.DARK
    assert folder.is_dir() and not any(folder.iterdir())


# -- the command queue --------------------------------------------------------------------


class FakeReminders:
    """Stands in for the reminder service (the input), recording what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int | None]] = []

    def set_timer(self, minutes: int) -> None:
        self.asked.append(("timer", minutes))

    def pause(self, minutes: int) -> None:
        self.asked.append(("pause", minutes))

    def resume(self) -> None:
        self.asked.append(("resume", None))


def test_requests_before_the_services_wait_and_run_in_order_once(qtbot: QtBot) -> None:
    commands = Commands()
    commands.set_timer(5)
    commands.pause_reminders(30)
    commands.resume_reminders()
    reminders = FakeReminders()
    commands.attach(object(), reminders)  # type: ignore[arg-type]
    assert reminders.asked == [("timer", 5), ("pause", 30), ("resume", None)]
    commands.set_timer(7)  # now at once
    assert reminders.asked[-1] == ("timer", 7)
    assert len(reminders.asked) == 4


# -- the shell ----------------------------------------------------------------------------


def test_no_tray_keeps_the_window_and_says_why_once(qtbot: QtBot, tmp_path: Path) -> None:
    shell, hub = make_shell(tmp_path)
    shell.tray_decided(False)
    home = shell.home
    qtbot.addWidget(home)
    assert home.isVisible()
    assert hub.settings.tray_hint_shown
    assert shell.has_tray is False


def test_no_tray_with_tray_flag_opens_the_window_minimized(qtbot: QtBot, tmp_path: Path) -> None:
    shell, _hub = make_shell(tmp_path, tray_hint_shown=True)
    shell.start_hidden = True
    shell.tray_decided(False)
    qtbot.addWidget(shell.home)
    assert shell.home.isMinimized()


def test_a_moved_database_is_told_when_the_window_first_exists(
    qtbot: QtBot, tmp_path: Path
) -> None:
    shell, _hub = make_shell(tmp_path)
    moved = tmp_path / "herstel.sqlite3.damaged-20260302"
    shell.tell_database_moved(moved)  # --tray: no window yet
    assert not shell.has_home()
    notices: list[str] = []
    home = shell.home
    qtbot.addWidget(home)
    home.show_notice = notices.append  # type: ignore[method-assign]
    shell.tell_database_moved(moved)
    assert notices and str(moved) in notices[0]


def test_settings_changes_reach_an_open_home_window(qtbot: QtBot, tmp_path: Path) -> None:
    shell, hub = make_shell(tmp_path)
    home = shell.home
    qtbot.addWidget(home)
    hub.mark(minutes=12)
    assert home.settings.minutes == 12


class FakeFlow(QObject):
    """The session flow's signals the shell listens to (the input)."""

    ended = Signal(object)
    checked = Signal(object)


class FakeReminderService(QObject):
    changed = Signal()


@pytest.mark.qt_log_ignore(r"^This plugin does not support (propagateSizeHints|raise)\(\)$")
def test_history_and_settings_read_through_the_store_the_services_hand_over(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Asked for before the services are up, they open once the store is there: that one."""
    shell, _hub = make_shell(tmp_path)
    shell.open_history()
    shell.open_settings()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryWindow)]
    store = HistoryStore(tmp_path / "data" / "herstel.sqlite3")
    db = Database.open(tmp_path / "data" / "herstel.sqlite3")
    try:
        shell.attach(db, lambda: store, FakeReminderService(), FakeFlow())  # type: ignore[arg-type]
        (history,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryWindow)]
        (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)]
        qtbot.addWidget(history)
        qtbot.addWidget(dialog)
        assert history.store is store
        assert dialog.data is not None
        history.close()
        dialog.close()
    finally:
        store.close()
        db.close()
