"""Screen readers meet a name on every control of every screen, in a sensible order.

The walk builds every screen (``helpers.screens.SCREENS``) in each of its states and
asks Qt's accessibility layer, as a screen reader would, for the name of every
visible control: ``QAccessible.queryAccessibleInterface(widget).text(Name)``
must exist and not be empty. Icon-only buttons need ``setAccessibleName``;
inputs get theirs from a buddy label or ``setAccessibleName``. Menu actions
(tray, "Remind me in …") need a text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers.screens import (
    SCREENS,
    Env,
    Stop,
    accessible_name,
    make_session_window,
    menu_actions,
    step,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from herstel.core.checkin import CheckKind
from herstel.core.clock import ManualClock
from herstel.core.rhythm import Pattern, Phase, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS
from herstel.core.settings import Settings
from herstel.ui.checkin.page import CheckinPage
from herstel.ui.home.today_glance import TodayGlance
from herstel.ui.home.window import HomeWindow
from herstel.ui.reminders.panel import ReminderPanel

INTERACTIVE = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QAbstractItemView,
    QTabBar,
)
"""Widgets a person operates, whether or not they take the keyboard focus themselves."""

# Dialogs fix their own size and the prompt raises itself; the offscreen platform says it
# cannot do either. Real platforms (and Xvfb in the e2e tests) have no such warnings.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


def describe(widget: QWidget) -> str:
    """Where a widget is, for the failure message: class, object name, parents, text."""
    chain = []
    current: QWidget | None = widget
    while current is not None:
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    tip = widget.toolTip()
    return (
        f"{type(widget).__name__} at {' < '.join(chain)}"
        + (f" text={text!r}" if text else "")
        + (f" tooltip={tip!r}" if tip else "")
    )


def is_inner_part(widget: QWidget) -> bool:
    """A piece of a compound control, named through its owner.

    A spin box's or combo box's line edit, a table's header (read as the table's
    column headers), a scroll bar, and a widget that hands its focus to another
    (a tab widget to its tab bar): the focus proxy is what is checked.
    """
    if isinstance(widget, (QScrollBar, QHeaderView)) or widget.focusProxy() is not None:
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """Every visible control under ``root``: focusable widgets and operable ones."""
    found: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or is_inner_part(widget):
            continue
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if widget is root and not isinstance(widget, INTERACTIVE):
            continue  # the window itself is named by its title
        if focusable or isinstance(widget, INTERACTIVE):
            found.append(widget)
    return found


def unnamed(stop: Stop) -> list[str]:
    """What a screen reader would find without a name at this stop."""
    problems = []
    if stop.root.isVisible():
        for widget in controls(stop.root):
            name = accessible_name(widget)
            if name is None:
                problems.append(f"{stop.name}: no accessible interface: {describe(widget)}")
            elif not name.strip():
                problems.append(f"{stop.name}: no accessible name: {describe(widget)}")
    for menu in stop.menus:
        for action in menu_actions(menu):
            if not action.text().replace("&", "").strip():
                problems.append(f"{stop.name}: menu action without a text in {menu.title()!r}")
    return problems


@pytest.fixture
def env(qtbot: QtBot, tmp_path: Path, fake_inhibitor_class: type[Any]) -> Env:
    return Env(qtbot, tmp_path, fake_inhibitor_class)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_control_on_every_screen_has_an_accessible_name(env: Env, screen: str) -> None:
    problems: list[str] = []
    walked = 0
    for stop in SCREENS[screen](env):
        walked += len(controls(stop.root)) if stop.root.isVisible() else 0
        walked += sum(len(list(menu_actions(menu))) for menu in stop.menus)
        problems.extend(unnamed(stop))
    assert walked > 0, f"{screen}: the walk found no controls at all"
    assert not problems, "controls without a name:\n" + "\n".join(problems)


def test_the_walk_reaches_the_controls_of_every_settings_page(env: Env) -> None:
    """Guards the settings walk itself: each page is made current and its inputs seen."""
    stops = list(SCREENS["settings"](env))
    assert len(stops) >= 2
    per_page = []
    for stop in SCREENS["settings"](env):
        per_page.append({id(w) for w in controls(stop.root)})
    assert all(per_page), "a settings page showed no controls"
    assert len({frozenset(page) for page in per_page}) == len(per_page), "pages look the same"


def test_the_phase_word_is_a_real_label_that_follows_the_phase(env: Env) -> None:
    plan = SessionPlan.from_breaths(Pattern(4, 6, hold_in=2), 2)
    window = make_session_window(env, plan)
    label = window.findChild(QLabel, "phaseWord")
    assert isinstance(label, QLabel)
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface is not None
    assert interface.role() is QAccessible.Role.StaticText
    seen = []
    for offset, phase in ((0.5, Phase.INHALE), (4.5, Phase.HOLD_IN), (6.5, Phase.EXHALE)):
        env.clock.advance(window.run.countdown_left() + offset - window.run.breathing_elapsed())
        window.tick()
        assert window.run.state().phase is phase
        seen.append(interface.text(QAccessible.Text.Name))
        assert interface.text(QAccessible.Text.Name) == label.text() == window.phase_text()
    assert seen == ["Breathe in", "Hold", "Breathe out"]
    assert interface.text(QAccessible.Text.Description)  # what the word is, for context


@pytest.mark.parametrize("reduced_motion", [False, True])
def test_the_window_announces_each_phase_once_across_a_pause(
    env: Env, monkeypatch: pytest.MonkeyPatch, reduced_motion: bool
) -> None:
    sent: list[str] = []

    def record(event: QAccessibleEvent) -> None:
        assert isinstance(event, QAccessibleAnnouncementEvent)
        sent.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    window = make_session_window(
        env, SessionPlan.from_breaths(Pattern(2, 3), 2), reduced_motion=reduced_motion
    )
    activate(env.qtbot, window)
    step(window, env.clock, COUNTDOWN_SECONDS + 1.0)  # mid-inhale
    QTest.keyClick(window, Qt.Key.Key_Space)
    env.clock.advance(600.0)
    window.tick()
    QTest.keyClick(window, Qt.Key.Key_Space)
    for _ in range(40):
        step(window, env.clock, 0.25)
    assert window.is_finished()
    assert sent == [
        "Get ready",
        "Breathe in",
        "Paused",
        "Breathe out",  # resuming did not say "Breathe in" again
        "Breathe in",
        "Breathe out",
        "Breathe normally now.",
    ]


def test_the_check_reads_each_question_and_the_scale_ends(env: Env) -> None:
    page = CheckinPage(CheckKind.AFTER, True, env.clock)
    env.keep(page)
    env.show(page)
    for item in page.items():
        interface = QAccessible.queryAccessibleInterface(item)
        assert interface is not None
        assert interface.text(QAccessible.Text.Name) == item.question.text()
        description = interface.text(QAccessible.Text.Description)
        if item.key != "change":
            assert item.low_label.text() in description
            assert item.high_label.text() in description
        buttons = item.buttons()
        names = [accessible_name(b) for b in buttons]
        assert all(names), f"{item.key}: an answer without a name"
        if item.key != "change":
            assert item.low_label.text() in (names[0] or "")
            assert item.high_label.text() in (names[-1] or "")


# --- focus order -----------------------------------------------------------------------


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def tab_names(qtbot: QtBot, count: int, key: Qt.Key = Qt.Key.Key_Tab) -> list[str]:
    """Press Tab ``count`` times; the accessible name of what has the focus after each."""
    names = []
    for _ in range(count):
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, key)
        now = QApplication.focusWidget()
        assert now is not None
        names.append(accessible_name(now) or f"<unnamed {type(now).__name__}>")
    return names


def test_tab_order_on_the_home_window(qtbot: QtBot) -> None:
    window = HomeWindow(Settings())
    qtbot.addWidget(window)
    window.add_section(TodayGlance())
    window.add_section(ReminderPanel())
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    start = accessible_name(window.start_button)
    card = accessible_name(window.pattern_button)
    assert start == "Start breathing"
    assert QApplication.focusWidget() is window.start_button
    assert tab_names(qtbot, 5) == [card, "Remind me in", "History", "Settings", start]
    assert tab_names(qtbot, 2, Qt.Key.Key_Backtab) == ["Settings", "History"]


def test_tab_order_in_the_session_window(qtbot: QtBot, fake_inhibitor_class: type[Any]) -> None:
    env = Env(qtbot, Path(), fake_inhibitor_class, ManualClock())
    window = make_session_window(env, SessionPlan.from_breaths(Pattern(4, 6), 3))
    activate(qtbot, window)
    step(window, env.clock, COUNTDOWN_SECONDS + 1)
    assert QApplication.focusWidget() is window
    assert tab_names(qtbot, 4) == ["Pause", "Stop", "I feel dizzy", "Full screen"]
    assert tab_names(qtbot, 1, Qt.Key.Key_Backtab) == ["I feel dizzy"]


def test_tab_order_through_the_check(qtbot: QtBot, fake_inhibitor_class: type[Any]) -> None:
    env = Env(qtbot, Path(), fake_inhibitor_class, ManualClock())
    window = make_session_window(env, SessionPlan.from_breaths(Pattern(2, 2), 1))
    page = CheckinPage(CheckKind.AFTER, True, env.clock)
    window.show_end_page(page)
    activate(qtbot, window)
    questions = [item.question.text() for item in page.items()]
    assert accessible_name(QApplication.focusWidget() or window) == questions[0]
    expected = [*questions[1:], "Skip", "Done"]
    assert tab_names(qtbot, len(expected)) == expected


# --- the walk catches what it should ------------------------------------------------------


def test_the_walk_flags_an_unnamed_icon_button(env: Env) -> None:
    """An icon-only button (no text, no accessible name) is reported, by where it is."""
    from PySide6.QtWidgets import QToolButton

    window = QWidget()
    env.keep(window)
    button = QToolButton(window)
    button.setObjectName("iconOnly")
    env.show(window)
    problems = unnamed(Stop("probe", window))
    assert len(problems) == 1
    assert "iconOnly" in problems[0]
    button.setAccessibleName("Close")
    assert unnamed(Stop("probe", window)) == []
