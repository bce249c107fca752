"""Everything works without a mouse, and every shortcut is shown where it is offered.

The whole-flow test wires the real home window, session controller, session
flow, recovery check, result page and history window over a real SQLite file
and a ``ManualClock`` (so the session runs in milliseconds), then uses nothing
but key presses sent to whatever has the keyboard focus, as a keyboard does.
Windows are activated the way a window manager would when one opens or closes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers.screens import SCREENS, Env, accessible_name, make_session_window, menu_actions
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from herstel.core.checkin import CHANGE_KEY, CheckKind
from herstel.core.clock import ManualClock
from herstel.core.launch import BreatheOptions
from herstel.core.records import EndedHow, Trigger
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.session import Stage
from herstel.core.settings import LengthUnit, Settings
from herstel.storage.database import Database
from herstel.storage.history import HistoryStore
from herstel.ui.checkin.page import CheckinPage
from herstel.ui.checkin.result_page import ResultPage
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.history.window import HistoryWindow
from herstel.ui.home.window import HomeWindow
from herstel.ui.session.controller import SessionController
from herstel.ui.session.flow import SessionFlow
from herstel.ui.session.window import SessionWindow

NOW = datetime(2026, 3, 20, 16, 0, tzinfo=UTC)

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press, delivered to the focus widget like a real keyboard's."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    QTest.keyClick(focus, key, modifier)


def digit(value: int) -> Qt.Key:
    return Qt.Key(Qt.Key.Key_0.value + value)


def stage(window: SessionWindow) -> Stage:
    return window.run.stage


def focused_name() -> str:
    focus = QApplication.focusWidget()
    return (accessible_name(focus) or "") if focus is not None else ""


def tab_to(qtbot: QtBot, name: str, limit: int = 30) -> None:
    """Tab until the control called ``name`` has the focus."""
    for _ in range(limit):
        if focused_name() == name:
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r}; last: {focused_name()!r}")


def activated(qtbot: QtBot, window: QWidget) -> None:
    """What the window manager does when a window opens or one above it closes."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


class MiniApp(QObject):
    """The app's wiring of home, sessions, check and history, without its services."""

    def __init__(self, tmp_path: Path, inhibitor_class: type[Any]) -> None:
        super().__init__()
        self.clock = ManualClock(NOW)
        self.db_path = tmp_path / "data" / "herstel.sqlite3"
        self.db = Database.open(self.db_path)
        self.store = HistoryStore(self.db_path)  # what History reads, as the app builds it
        self.settings = Settings(pattern="4-6", length_unit=LengthUnit.BREATHS, breaths=2)
        self.sessions = SessionController(
            self.clock, settings=self.settings, inhibitor_factory=lambda _p: inhibitor_class()
        )
        self.hub = SettingsHub(tmp_path / "settings.json", self.clock)
        self.hub.update(self.settings)
        self.flow = SessionFlow(self.sessions, self.db, self.clock, self.hub)
        self.home = HomeWindow(self.settings)
        self.history: HistoryWindow | None = None
        self.home.start_requested.connect(self.start)
        self.home.history_requested.connect(self.open_history)

    def start(self) -> None:
        self.flow.start(BreatheOptions(), Trigger.WINDOW)

    def open_history(self) -> None:
        self.history = HistoryWindow(self.store, self.clock)
        self.history.show()


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path, fake_inhibitor_class: type[Any]) -> Iterator[MiniApp]:
    made = MiniApp(tmp_path, fake_inhibitor_class)
    qtbot.addWidget(made.home)
    yield made
    if made.sessions.window is not None:
        made.sessions.window.close()
    if made.history is not None:
        made.history.close()
        made.history.deleteLater()
    made.store.close()
    made.db.close()


def test_a_session_the_check_and_history_with_the_keyboard_alone(
    qtbot: QtBot, app: MiniApp
) -> None:
    home = app.home
    home.show()
    qtbot.waitExposed(home)
    activated(qtbot, home)
    assert focused_name() == "Start breathing"

    # Start with Enter on the focused Start button.
    press(Qt.Key.Key_Return)
    window = app.sessions.window
    assert isinstance(window, SessionWindow)  # deletes itself on close; the fixture closes it
    qtbot.waitExposed(window)
    activated(qtbot, window)
    assert window.run.countdown_left() > 0

    # Space pauses and resumes; ten minutes away change nothing.
    app.clock.advance(4.0)
    press(Qt.Key.Key_Space)
    assert stage(window) is Stage.PAUSED
    assert window.phase_text() == "Paused"
    app.clock.advance(600.0)
    press(Qt.Key.Key_Space)
    assert stage(window) is Stage.BREATHING

    # Let it end: the frame timer reads the fake clock, now past the last breath.
    app.clock.advance(window.run.plan.duration)
    qtbot.waitUntil(lambda: isinstance(window.end_page(), CheckinPage))
    check = window.end_page()
    assert isinstance(check, CheckinPage)
    assert window.run.outcome().ended_how is EndedHow.COMPLETED

    # Answer every item with a digit; the focus moves on by itself.
    answers = {}
    for item in check.items():
        assert QApplication.focusWidget() is item, f"the keyboard is not on {item.key}"
        value = 4 if item.key == CHANGE_KEY else 5
        press(digit(value))
        answers[item.key] = value
        assert item.value == value
    assert focused_name() == "Done"
    press(Qt.Key.Key_Return)
    result = window.end_page()
    assert isinstance(result, ResultPage)
    stored = app.db.recent_after_checks(limit=1)
    assert len(stored) == 1
    after, night = stored[0]
    assert after.complete
    assert after.change == answers[CHANGE_KEY]
    assert set(after.values.values()) == {5}
    assert night is not None  # the first check of the day asked about last night too
    assert (night.slept_deeply, night.woke_rested) == (5, 5)

    # The result page's Done has the keyboard; Enter closes the window.
    assert QApplication.focusWidget() is result.done_button
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible())

    # Back home: Tab to History, Enter opens it.
    activated(qtbot, home)
    tab_to(qtbot, "History")
    press(Qt.Key.Key_Return)
    history = app.history
    assert isinstance(history, HistoryWindow)
    qtbot.waitExposed(history)
    activated(qtbot, history)
    assert QApplication.focusWidget() is history.table
    assert history.model.rowCount() == 1

    # Arrows move through the table; the detail follows the current row.
    table = history.table
    press(Qt.Key.Key_Down)
    assert table.currentIndex().row() == 0
    press(Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1
    press(Qt.Key.Key_Left)
    assert table.currentIndex().column() == 0
    assert history.selected_rows() == [0]


# --- shortcuts are shown where they are offered ------------------------------------------


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def is_mnemonic(button: QAbstractButton) -> bool:
    """A button's Alt+letter from an ``&`` in its text: the underlined letter shows it."""
    text = button.text()
    index = text.find("&")
    while index != -1 and index + 1 < len(text) and text[index + 1] == "&":
        index = text.find("&", index + 2)
    if index == -1 or index + 1 >= len(text):
        return False
    return button.shortcut() == QKeySequence.mnemonic(text)


def unshown_shortcuts(root: QWidget, menus: list[QMenu]) -> list[str]:
    problems = []
    hints = [
        w.toolTip() + " " + w.text().replace("&", "")
        for w in root.findChildren(QAbstractButton)
        if isinstance(w, QAbstractButton)
    ]
    in_menus = {id(a) for menu in menus for a in menu_actions(menu)}
    for button in root.findChildren(QAbstractButton):
        if button.shortcut().isEmpty() or is_mnemonic(button):
            continue
        if key_text(button.shortcut()) not in button.toolTip():
            problems.append(f"button {button.text()!r}: {key_text(button.shortcut())} not shown")
    for action in [*root.findChildren(QAction), *(a for m in menus for a in menu_actions(m))]:
        if action.shortcut().isEmpty():
            continue
        if id(action) in in_menus:
            continue  # a menu shows an action's shortcut beside it
        if key_text(action.shortcut()) not in action.toolTip():
            problems.append(f"action {action.text()!r}: {key_text(action.shortcut())} not shown")
    for shortcut in root.findChildren(QShortcut):
        text = key_text(shortcut.key())
        named = re.compile(rf"(?<![\w+]){re.escape(text)}(?![\w+])")  # "Del", not "Delete"
        if not any(named.search(hint) for hint in hints):
            problems.append(f"shortcut {text} is in no tooltip or text of {root.objectName()}")
    return problems


@pytest.fixture
def env(qtbot: QtBot, tmp_path: Path, fake_inhibitor_class: type[Any], running_loop: Any) -> Env:
    return Env(qtbot, tmp_path, fake_inhibitor_class, ManualClock(NOW))


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_shortcut_is_shown_in_a_tooltip_a_menu_or_a_mnemonic(env: Env, screen: str) -> None:
    problems = []
    for stop in SCREENS[screen](env):
        problems += [f"{stop.name}: {p}" for p in unshown_shortcuts(stop.root, stop.menus)]
    assert not problems, "shortcuts nobody can see:\n" + "\n".join(dict.fromkeys(problems))


def test_the_session_and_check_keys_are_named_in_their_tooltips(env: Env) -> None:
    """Keys handled in keyPressEvent have no QShortcut to find: their buttons say them."""
    window = make_session_window(env, SessionPlan.from_breaths(Pattern(4, 6), 2))
    tips = {accessible_name(b): b.toolTip() for b in window.findChildren(QAbstractButton)}
    assert "(Space)" in tips["Pause"]
    assert "(Esc)" in tips["Stop"]
    assert "(D)" in tips["I feel dizzy"]
    assert "(F)" in tips["Full screen"]
    page = CheckinPage(CheckKind.AFTER, False, env.clock)
    env.keep(page)
    assert "(Esc)" in page.skip_button.toolTip()
    assert "(Enter)" in page.done_button.toolTip()
