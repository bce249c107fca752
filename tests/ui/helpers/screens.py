"""Every screen of the app, built for real and brought into each of its states.

The accessibility walk and the pseudo-locale run both tour these screens: each
``SCREENS`` entry is a generator that builds one screen (real widgets, a real
temporary SQLite database where data is needed, a ``ManualClock`` so a session
runs in milliseconds) and yields a ``Stop`` for every state worth looking at.
A stop's ``root`` is shown; everything visible under it is what a person (or
a screen reader) meets there. ``actions`` lists menus whose actions belong to
the stop (the tray menu, "Remind me in …").

The settings dialog is walked page by page, enumerating its tab widgets and
stacked widgets at run time, so pages added later are walked too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import QApplication, QMenu, QStackedWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind, Signal, SignalLevel
from herstel.core.clock import ManualClock
from herstel.core.launch import BreatheOptions
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.reminder_flow import Shown
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.session import COUNTDOWN_SECONDS, SessionOutcome, SessionRun, Stage
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.storage.history import HistoryStore
from herstel.storage.stored import TodaySummary
from herstel.ui.checkin.page import CheckinPage
from herstel.ui.checkin.result_page import ResultPage
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.history.window import HistoryWindow
from herstel.ui.home.today_glance import TodayGlance
from herstel.ui.home.window import HomeWindow
from herstel.ui.reminders.panel import ReminderPanel
from herstel.ui.reminders.prompt import ReminderPrompt
from herstel.ui.session.controller import SessionController
from herstel.ui.session.end_page import EndPage
from herstel.ui.session.flow import SessionFlow
from herstel.ui.session.window import SessionWindow
from herstel.ui.shell.tray import Tray, TrayStatus

NOW = datetime(2026, 3, 20, 17, 0, tzinfo=UTC)
"""A Friday afternoon: the first check of the day asks about last night too."""


@dataclass
class Stop:
    """One state of one screen: ``root`` is on screen, ``menus`` belong to it."""

    name: str
    root: QWidget
    menus: list[QMenu] = field(default_factory=list)


@dataclass
class Env:
    """What a screen needs to be built: the test's bot, a temp folder, a fake inhibitor."""

    qtbot: QtBot
    tmp_path: Path
    inhibitor_class: type[Any]
    clock: ManualClock = field(default_factory=lambda: ManualClock(NOW))

    def keep(self, widget: QWidget) -> QWidget:
        """Close and delete ``widget`` after the test."""
        self.qtbot.addWidget(widget)
        return widget

    def show(self, widget: QWidget) -> None:
        widget.show()
        self.qtbot.waitExposed(widget)


# --- helpers ---------------------------------------------------------------------------


def make_session_window(
    env: Env,
    plan: SessionPlan,
    *,
    show_count: bool = False,
    reduced_motion: bool = False,
    first_run: bool = False,
) -> SessionWindow:
    window = SessionWindow(
        SessionRun(plan, env.clock),
        show_count=show_count,
        reduced_motion=reduced_motion,
        first_run=first_run,
        inhibitor=env.inhibitor_class(),
    )

    def ended(outcome: SessionOutcome) -> None:  # as the session flow does without a check
        page = EndPage(outcome, window)
        window.show_end_page(page, announce=page.heading)

    window.ended.connect(ended)
    env.keep(window)
    env.show(window)
    return window


def step(window: SessionWindow, clock: ManualClock, seconds: float) -> None:
    clock.advance(seconds)
    window.tick()


def history_database(path: Path) -> Path:
    """A few days of sessions with answers, in a real SQLite file."""
    with Database.open(path) as db:
        for k in range(6):
            at = NOW - timedelta(days=5 - k, hours=3)
            record = SessionRecord(
                str(uuid.uuid4()),
                at,
                "4-6" if k % 2 else "5-5",
                300.0,
                30,
                300.0 if k != 3 else 120.0,
                30 if k != 3 else 12,
                EndedHow.COMPLETED if k != 3 else EndedHow.STOPPED,
                Trigger.REMINDER if k % 3 == 0 else Trigger.WINDOW,
            )
            values = dict.fromkeys(SIGNAL_ITEMS, 2 + k % 4)
            after = CheckAnswers(CheckKind.AFTER, values, 4, True, at + timedelta(minutes=6))
            before = CheckAnswers(CheckKind.BEFORE, dict.fromkeys(SIGNAL_ITEMS, 2), None, True, at)
            db.save_session(record, before if k % 2 else None, after, None, "answered")
    return path


def _page_label(page: QWidget | None) -> str:
    if page is None:
        return ""
    return page.accessibleName() or page.windowTitle() or page.objectName()


def pages_of(root: QWidget) -> Iterator[str]:
    """Make each page of every tab and stacked widget under ``root`` current in turn."""
    containers: list[QTabWidget | QStackedWidget] = [
        *root.findChildren(QTabWidget),
        *(
            stack
            for stack in root.findChildren(QStackedWidget)
            if not isinstance(stack.parent(), QTabWidget)  # a tab widget's own stack
        ),
    ]
    seen = False
    for container in containers:
        for index in range(container.count()):
            container.setCurrentIndex(index)
            QApplication.processEvents()
            label = (
                container.tabText(index)
                if isinstance(container, QTabWidget)
                else _page_label(container.widget(index)) or str(index)
            )
            seen = True
            yield f"{type(container).__name__} page {index} ({label})"
    if not seen:
        yield "single page"


# --- what assistive technology reads -----------------------------------------------


def accessible_name(widget: QWidget) -> str | None:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return None
    return interface.text(QAccessible.Text.Name)


def menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from menu_actions(submenu)


# --- the screens -----------------------------------------------------------------------


def home(env: Env) -> Iterator[Stop]:
    window = HomeWindow(Settings())
    env.keep(window)
    glance = TodayGlance()
    panel = ReminderPanel()
    window.add_section(glance)
    window.add_section(panel)
    glance.set_summary(
        TodaySummary(
            12.0, 3, dict.fromkeys(Signal, SignalLevel.PRESENT) | {Signal.SLEEP: SignalLevel.ABSENT}
        )
    )
    panel.set_status(
        TrayStatus(
            now=NOW,
            session_running=False,
            timer_due=NOW + timedelta(minutes=25),
            paused_until=None,
            next_reminder=NOW + timedelta(hours=1),
        )
    )
    window.show_notice(
        QApplication.translate(
            "Herstel",
            "This desktop shows no tray icon, so Herstel stays in this window. "
            "Closing it asks whether to keep your reminders running.",
        )
    )
    env.show(window)
    panel.menu.aboutToShow.emit()  # the menu is filled when it opens
    yield Stop("home", window, [panel.menu])


def session(env: Env) -> Iterator[Stop]:
    plan = SessionPlan.from_breaths(Pattern(4, 6, hold_in=1), 3)
    window = make_session_window(env, plan, show_count=True, first_run=True)
    assert window.run.countdown_left() > 0
    yield Stop("session: countdown", window)
    step(window, env.clock, COUNTDOWN_SECONDS + 1.0)
    assert window.run.stage == Stage.BREATHING
    yield Stop("session: breathing", window)
    window.pause()
    yield Stop("session: paused", window)
    window.toggle_pause()
    window.toggle_full_screen()
    env.qtbot.waitUntil(window.isFullScreen)
    yield Stop("session: full screen", window)
    window.toggle_full_screen()
    env.qtbot.waitUntil(lambda: not window.isFullScreen())
    step(window, env.clock, plan.duration)
    assert window.is_finished()
    yield Stop("session: ended, summary", window)

    dizzy = make_session_window(env, plan)
    step(dizzy, env.clock, COUNTDOWN_SECONDS + 2.0)
    dizzy.dizzy()
    yield Stop("session: dizzy advice", dizzy)


def check(env: Env) -> Iterator[Stop]:
    """The recovery check and its result, through the real flow and a real database."""
    db = Database.open(env.tmp_path / "check" / "herstel.sqlite3")
    controller = SessionController(
        env.clock, inhibitor_factory=lambda _parent: env.inhibitor_class()
    )
    hub = SettingsHub(env.tmp_path / "check" / "settings.json", env.clock)
    flow = SessionFlow(controller, db, env.clock, hub)
    try:
        flow.start(BreatheOptions(pattern=Pattern(2, 2), breaths=1), Trigger.WINDOW)
        window = controller.window
        assert window is not None
        env.keep(window)
        env.qtbot.waitExposed(window)
        step(window, env.clock, COUNTDOWN_SECONDS + 4.0)
        page = window.end_page()
        assert isinstance(page, CheckinPage)
        yield Stop("recovery check", window)
        for item in page.items():
            item.set_value(1 if item.key != "change" else 3)
        page.submit()
        assert isinstance(window.end_page(), ResultPage)
        yield Stop("recovery result", window)
    finally:
        db.close()

    before = CheckinPage(CheckKind.BEFORE, False, env.clock)
    env.keep(before)
    before.resize(640, 720)
    env.show(before)
    yield Stop("before-check", before)


def history(env: Env) -> Iterator[Stop]:
    path = history_database(env.tmp_path / "history" / "herstel.sqlite3")
    window = HistoryWindow(HistoryStore(path), env.clock)  # closing it lets the file go
    env.keep(window)
    env.show(window)
    window.show_sessions()
    window.table.selectRow(0)
    yield Stop("history: sessions", window)
    with env.qtbot.waitSignal(window.overview_loaded, timeout=5000):
        window.show_overview()
    yield Stop("history: overview", window)

    empty = HistoryWindow(HistoryStore(env.tmp_path / "none" / "herstel.sqlite3"), env.clock)
    env.keep(empty)
    env.show(empty)
    yield Stop("history: empty", empty)


def settings(env: Env) -> Iterator[Stop]:
    from herstel.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(Settings())
    env.keep(dialog)
    env.show(dialog)
    for page in pages_of(dialog):
        yield Stop(f"settings: {page}", dialog)


def reminder_prompt(env: Env) -> Iterator[Stop]:
    for kind in ("schedule", "timer"):
        prompt = ReminderPrompt(Shown(kind, NOW), 10)  # type: ignore[arg-type]
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        env.keep(prompt)
        env.show(prompt)
        yield Stop(f"reminder prompt ({kind})", prompt)


def pattern_chooser(env: Env) -> Iterator[Stop]:
    from herstel.ui.session.pattern_chooser import PatternChooser

    chooser = PatternChooser(Settings())
    env.keep(chooser)
    env.show(chooser)
    yield Stop("pattern chooser", chooser)
    chooser.select_custom()
    chooser.set_custom(inhale=2, exhale=2)  # outside 3-10 a minute: the warning shows
    yield Stop("pattern chooser: custom with a warning", chooser)

    from herstel.core.named_patterns import NamedPattern

    # A name the user typed is no text to translate: one without letters keeps the
    # pseudo-locale run honest about everything else.
    named = PatternChooser(Settings(pattern="5-7", custom_patterns=(NamedPattern("☾ 2", "5-7"),)))
    env.keep(named)
    env.show(named)
    yield Stop("pattern chooser: a saved rhythm", named)


def rhythm_finder(env: Env) -> Iterator[Stop]:
    """The guided finder: intro, a step, the questions, the result; and the dizzy advice."""
    from herstel.core.rhythm_finder import RhythmFinder
    from herstel.ui.rhythm.finder_window import RhythmFinderWindow
    from herstel.ui.rhythm.pages import QuestionsPage

    def finder_window() -> RhythmFinderWindow:
        window = RhythmFinderWindow(
            RhythmFinder(env.clock), Settings(), inhibitor=lambda _p: env.inhibitor_class()
        )
        env.keep(window)
        env.show(window)
        return window

    def breathe(window: RhythmFinderWindow) -> None:
        session = window.session
        assert session is not None
        step(session, env.clock, COUNTDOWN_SECONDS + session.run.plan.duration)

    window = finder_window()
    yield Stop("rhythm finder: intro", window)
    window.intro.begin_button.click()
    assert window.session is not None
    step(window.session, env.clock, COUNTDOWN_SECONDS + 2.0)
    yield Stop("rhythm finder: a step", window)
    step(window.session, env.clock, window.session.run.plan.duration)
    questions = window.current_page()
    assert isinstance(questions, QuestionsPage)
    yield Stop("rhythm finder: the questions", window)
    questions.ease.set_value(5)
    questions.calm.set_value(1)  # not calm: the finder stops here with its result
    questions.submit()
    yield Stop("rhythm finder: keep your rhythm", window)

    proposing = finder_window()
    proposing.intro.begin_button.click()
    breathe(proposing)
    page = proposing.current_page()
    assert isinstance(page, QuestionsPage)
    page.ease.set_value(5)
    page.calm.set_value(5)
    page.submit()
    proposing.stop()
    yield Stop("rhythm finder: the result", proposing)

    dizzy = finder_window()
    dizzy.intro.begin_button.click()
    dizzy.dizzy()
    yield Stop("rhythm finder: dizzy advice", dizzy)


def tray(env: Env) -> Iterator[Stop]:
    states = [
        TrayStatus(
            now=NOW, session_running=False, timer_due=None, paused_until=None, next_reminder=None
        ),
        TrayStatus(
            now=NOW,
            session_running=True,
            timer_due=NOW + timedelta(minutes=20),
            paused_until=None,
            next_reminder=NOW + timedelta(hours=1),
        ),
        TrayStatus(
            now=NOW,
            session_running=False,
            timer_due=None,
            paused_until=NOW + timedelta(hours=1),
            next_reminder=None,
        ),
    ]
    current = [states[0]]
    icon = Tray(lambda: current[0])
    try:
        for index, state in enumerate(states):
            current[0] = state
            icon.rebuild_menu()
            icon.refresh_tooltip()
            yield Stop(f"tray menu {index}", icon.menu, [icon.menu])
    finally:
        icon.close()


SCREENS: dict[str, Callable[[Env], Iterator[Stop]]] = {
    "home": home,
    "session": session,
    "check": check,
    "history": history,
    "settings": settings,
    "reminder_prompt": reminder_prompt,
    "pattern_chooser": pattern_chooser,
    "rhythm_finder": rhythm_finder,
    "tray": tray,
}
