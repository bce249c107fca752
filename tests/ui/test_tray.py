"""The tray menu (rebuilt from a status each time it opens) and the wait for a tray."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTimer, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from herstel.core.schedule import TIMER_MINUTES_RANGE
from herstel.ui.shell.tray import (
    TIMER_PRESETS,
    TRAY_WAIT_MS,
    TRAY_WAIT_TRIES,
    Tray,
    TrayStatus,
    TrayWaiter,
    ask_timer_minutes,
)

# Monday 5 January 2026, 13:00 UTC = 14:00 in Amsterdam (UTC+1).
NOW = datetime(2026, 1, 5, 13, 0, tzinfo=UTC)
IDLE = TrayStatus(
    now=NOW, session_running=False, timer_due=None, paused_until=None, next_reminder=None
)


@dataclass
class Status:
    """The status provider the tray reads; tests change ``current`` between opens."""

    current: TrayStatus = IDLE
    reads: int = 0

    def __call__(self) -> TrayStatus:
        self.reads += 1
        return self.current


@pytest.fixture
def local_amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local zone, which the tray shows clock times in."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def status() -> Status:
    return Status()


@pytest.fixture
def tray(qtbot: QtBot, status: Status, local_amsterdam: None) -> Iterator[Tray]:
    made = Tray(status)
    yield made
    made.close()
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_menu(tray: Tray) -> QMenu:
    """What happens when the user opens the menu."""
    tray.menu.aboutToShow.emit()
    return tray.menu


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def action(menu: QMenu, text: str) -> QAction:
    found = [a for a in menu.actions() if a.text() == text]
    assert len(found) == 1, f"{text!r} not once in {texts(menu)}"
    return found[0]


def starting(menu: QMenu, prefix: str) -> QAction:
    found = [a for a in menu.actions() if a.text().startswith(prefix)]
    assert len(found) == 1, f"no single {prefix!r}… in {texts(menu)}"
    return found[0]


def submenu(menu: QMenu, title: str) -> QMenu:
    sub = action(menu, title).menu()
    assert isinstance(sub, QMenu)
    return sub


def collect(signal: SignalInstance) -> list[tuple[object, ...]]:
    seen: list[tuple[object, ...]] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


# -- the menu ---------------------------------------------------------------------------


def test_the_idle_menu_holds_every_action(tray: Tray) -> None:
    menu = open_menu(tray)
    assert texts(menu) == [
        "Start a break",
        "Remind me in",
        "Pause reminders",
        "Open Herstel",
        "History",
        "Settings…",
        "Quit Herstel",
    ]


def test_remind_me_in_offers_the_presets_and_another_time(tray: Tray) -> None:
    remind = submenu(open_menu(tray), "Remind me in")
    assert TIMER_PRESETS == (5, 10, 15, 25, 30, 45, 60)
    assert texts(remind) == [f"{m} minutes" for m in TIMER_PRESETS] + ["Other time…"]
    requested = collect(tray.timer_requested)
    for minutes in TIMER_PRESETS:
        action(remind, f"{minutes} minutes").trigger()
    assert requested == [(m,) for m in TIMER_PRESETS]


# QInputDialog.open() asks the offscreen platform for this; no real desktop warns.
no_size_hints = pytest.mark.qt_log_ignore(
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^This plugin does not support raise\(\)$",
)


def open_input_dialogs() -> list[QInputDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()
    ]


@no_size_hints
def test_asking_for_minutes_does_not_block(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[int] = []
    ask_timer_minutes(parent, chosen.append)
    (dialog,) = parent.findChildren(QInputDialog)
    qtbot.waitExposed(dialog)
    assert (dialog.intMinimum(), dialog.intMaximum()) == TIMER_MINUTES_RANGE == (1, 720)
    assert chosen == []  # open(), not exec(): the test got here while it waits
    dialog.setIntValue(42)
    dialog.accept()
    assert chosen == [42]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert parent.findChildren(QInputDialog) == []  # cleaned up when finished


@no_size_hints
def test_cancelling_the_question_sets_nothing(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[int] = []
    ask_timer_minutes(parent, chosen.append)
    (dialog,) = parent.findChildren(QInputDialog)
    dialog.reject()
    assert chosen == []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert parent.findChildren(QInputDialog) == []


@no_size_hints
def test_other_time_in_the_tray_asks_for_minutes(qtbot: QtBot, tray: Tray) -> None:
    requested = collect(tray.timer_requested)
    action(submenu(open_menu(tray), "Remind me in"), "Other time…").trigger()
    QCoreApplication.processEvents()
    dialogs = open_input_dialogs()
    assert len(dialogs) == 1
    dialogs[0].setIntValue(42)
    dialogs[0].accept()
    assert requested == [(42,)]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_pause_offers_half_an_hour_an_hour_and_tomorrow(tray: Tray) -> None:
    pause = submenu(open_menu(tray), "Pause reminders")
    assert texts(pause) == ["For 30 minutes", "For 1 hour", "Until tomorrow"]
    minutes = collect(tray.pause_requested)
    tomorrow = collect(tray.pause_tomorrow_requested)
    action(pause, "For 30 minutes").trigger()
    action(pause, "For 1 hour").trigger()
    assert minutes == [(30,), (60,)]
    assert tomorrow == []
    action(pause, "Until tomorrow").trigger()
    assert tomorrow == [()]
    assert minutes == [(30,), (60,)]


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Start a break", "start_requested"),
        ("Open Herstel", "open_requested"),
        ("History", "history_requested"),
        ("Settings…", "settings_requested"),
        ("Quit Herstel", "quit_requested"),
    ],
)
def test_each_entry_emits_its_own_signal(tray: Tray, text: str, signal: str) -> None:
    names = [
        "start_requested",
        "open_requested",
        "history_requested",
        "settings_requested",
        "quit_requested",
        "timer_cancelled",
        "pause_tomorrow_requested",
        "resume_requested",
    ]
    seen = {name: collect(getattr(tray, name)) for name in names}
    action(open_menu(tray), text).trigger()
    assert {name: len(calls) for name, calls in seen.items()} == {
        name: int(name == signal) for name in names
    }


def test_a_running_session_offers_to_go_back_to_it(tray: Tray, status: Status) -> None:
    status.current = replace(IDLE, session_running=True)
    menu = open_menu(tray)
    assert "Start a break" not in texts(menu)
    started = collect(tray.start_requested)
    action(menu, "Back to your session").trigger()
    assert started == [()]


def test_the_time_left_on_a_timer_is_computed_when_the_menu_opens(
    tray: Tray, status: Status
) -> None:
    due = NOW + timedelta(minutes=25)  # 14:25 local
    status.current = replace(IDLE, timer_due=due, next_reminder=due)
    menu = open_menu(tray)
    assert "Cancel reminder (in 25 min, at 14:25)" in texts(menu)
    assert "Next break: 14:25" in texts(menu)
    # Ten minutes later, the next time it opens.
    status.current = replace(status.current, now=NOW + timedelta(minutes=10))
    assert texts(tray.menu) == texts(menu)  # nothing counts down by itself
    menu = open_menu(tray)
    assert "Cancel reminder (in 15 min, at 14:25)" in texts(menu)
    assert "Cancel reminder (in 25 min, at 14:25)" not in texts(menu)
    cancelled = collect(tray.timer_cancelled)
    starting(menu, "Cancel reminder").trigger()
    assert cancelled == [()]


def test_a_timer_about_to_fire_still_shows_a_minute(tray: Tray, status: Status) -> None:
    due = NOW + timedelta(seconds=20)
    status.current = replace(IDLE, timer_due=due, next_reminder=due)
    assert "Cancel reminder (in 1 min, at 14:00)" in texts(open_menu(tray))


def test_no_timer_no_cancel_entry(tray: Tray, status: Status) -> None:
    status.current = replace(IDLE, next_reminder=NOW + timedelta(hours=1))
    menu = open_menu(tray)
    assert not [t for t in texts(menu) if t.startswith("Cancel")]
    assert "Next break: 15:00" in texts(menu)


def test_no_countdown_timer_runs(tray: Tray, status: Status) -> None:
    due = NOW + timedelta(minutes=25)
    status.current = replace(IDLE, timer_due=due, next_reminder=due)
    open_menu(tray)
    tray.refresh_tooltip()
    running = [t for t in tray.findChildren(QTimer) if t.isActive()]
    running += [t for t in tray.menu.findChildren(QTimer) if t.isActive()]
    assert running == []
    reads = status.reads
    QCoreApplication.processEvents()
    assert status.reads == reads  # nobody polls the status while the menu is closed


def test_paused_offers_resume_instead_of_pause(tray: Tray, status: Status) -> None:
    status.current = replace(
        IDLE,
        paused_until=NOW + timedelta(minutes=30),
        next_reminder=NOW + timedelta(hours=1),
    )
    menu = open_menu(tray)
    assert "Pause reminders" not in texts(menu)
    assert not [t for t in texts(menu) if t.startswith("Next break")]
    resumed = collect(tray.resume_requested)
    action(menu, "Resume reminders (paused until 14:30)").trigger()
    assert resumed == [()]
    status.current = IDLE
    assert "Pause reminders" in texts(open_menu(tray))


def test_the_menu_does_not_grow_when_reopened(tray: Tray) -> None:
    for _ in range(3):
        menu = open_menu(tray)
    assert len(texts(menu)) == 7
    assert len(texts(submenu(menu, "Remind me in"))) == len(TIMER_PRESETS) + 1


def test_reopening_the_menu_does_not_leak_submenus(tray: Tray) -> None:
    for _ in range(10):
        open_menu(tray)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(tray.menu.findChildren(QMenu)) == 2


# -- the tooltip ------------------------------------------------------------------------


def test_tooltip_names_the_local_clock_time_of_the_next_break(tray: Tray, status: Status) -> None:
    status.current = replace(IDLE, next_reminder=datetime(2026, 1, 5, 13, 30, tzinfo=UTC))
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — Next break: 14:30"
    # Summer time: 13:30 UTC is 15:30 in Amsterdam.
    july = datetime(2026, 7, 6, 13, 30, tzinfo=UTC)
    status.current = replace(IDLE, now=july - timedelta(hours=1), next_reminder=july)
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — Next break: 15:30"


def test_times_on_later_days_name_the_day(tray: Tray, status: Status) -> None:
    # Monday 14:00 now; Tuesday 09:00 and Wednesday 09:00 local.
    tuesday = datetime(2026, 1, 6, 8, 0, tzinfo=UTC)
    wednesday = datetime(2026, 1, 7, 8, 0, tzinfo=UTC)
    status.current = replace(IDLE, next_reminder=tuesday)
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — Next break: tomorrow 09:00"
    assert "Next break: tomorrow 09:00" in texts(open_menu(tray))
    status.current = replace(IDLE, next_reminder=wednesday)
    tray.refresh_tooltip()
    day = QLocale().dayName(3, QLocale.FormatType.ShortFormat)
    assert tray.icon.toolTip() == f"Herstel — Next break: {day} 09:00"


def test_today_is_the_local_calendar_day(tray: Tray, status: Status) -> None:
    # 23:30 UTC on Monday is already 00:30 on Tuesday in Amsterdam: "tomorrow"
    # is Wednesday there, and Tuesday 09:00 is today.
    late = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)
    status.current = replace(IDLE, now=late, next_reminder=datetime(2026, 1, 6, 8, 0, tzinfo=UTC))
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — Next break: 09:00"


def test_tooltip_when_paused_or_nothing_planned(tray: Tray, status: Status) -> None:
    status.current = replace(
        IDLE, paused_until=datetime(2026, 1, 6, 8, 0, tzinfo=UTC), next_reminder=NOW
    )
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — Reminders paused until tomorrow 09:00"
    status.current = replace(IDLE, paused_until=NOW + timedelta(minutes=30), next_reminder=NOW)
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — Reminders paused until 14:30"
    status.current = IDLE
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — No reminder planned"


def test_the_tooltip_is_set_from_the_start(qtbot: QtBot, local_amsterdam: None) -> None:
    status = Status(replace(IDLE, next_reminder=NOW + timedelta(minutes=45)))
    tray = Tray(status)
    try:
        assert tray.icon.toolTip() == "Herstel — Next break: 14:45"
        assert tray.icon.contextMenu() is tray.menu
    finally:
        tray.close()
        tray.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- waiting for a tray -----------------------------------------------------------------


class Availability:
    """A tray host that turns up on the ``appears_on``-th question (never if None)."""

    def __init__(self, appears_on: int | None) -> None:
        self.appears_on = appears_on
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.appears_on is not None and self.asked >= self.appears_on


def make_waiter(
    available: Callable[[], bool], tries: int = TRAY_WAIT_TRIES
) -> tuple[TrayWaiter, list[bool]]:
    waiter = TrayWaiter(available, tries=tries)
    decisions: list[bool] = []
    waiter.decided.connect(decisions.append)
    return waiter, decisions


def poll_timer(waiter: TrayWaiter) -> QTimer:
    (timer,) = waiter.findChildren(QTimer)
    return timer


def test_a_tray_that_is_there_is_taken_at_once(qtbot: QtBot) -> None:
    available = Availability(appears_on=1)
    waiter, decisions = make_waiter(available)
    with qtbot.waitSignal(waiter.decided, timeout=1000) as blocker:
        waiter.start()
        assert decisions == []  # decided from the event loop, after start() returns
    assert blocker.args == [True]
    assert decisions == [True]
    assert not poll_timer(waiter).isActive()


def test_no_tray_is_decided_after_all_the_tries(qtbot: QtBot) -> None:
    available = Availability(appears_on=None)
    waiter, decisions = make_waiter(available)
    waiter.start()
    timer = poll_timer(waiter)
    assert timer.isActive()
    assert timer.interval() == TRAY_WAIT_MS
    # About ten seconds in all: a panel starting after the app still counts.
    assert 5_000 <= TRAY_WAIT_MS * TRAY_WAIT_TRIES <= 30_000
    for _ in range(TRAY_WAIT_TRIES - 1):
        timer.timeout.emit()
    assert decisions == []
    assert timer.isActive()
    timer.timeout.emit()
    assert decisions == [False]
    assert not timer.isActive()
    assert available.asked == TRAY_WAIT_TRIES + 1  # once at start, once per try


def test_a_tray_that_appears_on_the_third_poll_is_taken(qtbot: QtBot) -> None:
    available = Availability(appears_on=4)  # asked at start, then polls 1, 2, 3
    waiter, decisions = make_waiter(available, tries=5)
    waiter.start()
    timer = poll_timer(waiter)
    timer.timeout.emit()
    timer.timeout.emit()
    assert decisions == []
    timer.timeout.emit()
    assert decisions == [True]
    assert not timer.isActive()


def test_tooltip_says_why_a_reminder_waits(tray: Tray, status: Status) -> None:
    from herstel.core.room import Sense

    expected = {
        Sense.CALL: "Herstel — Waiting: you are in a call",
        Sense.FULL_SCREEN: "Herstel — Waiting: something is full screen",
        Sense.DO_NOT_DISTURB: "Herstel — Waiting: Do Not Disturb is on",
    }
    for reason, tip in expected.items():
        status.current = replace(IDLE, next_reminder=NOW, waiting=reason)
        tray.refresh_tooltip()
        assert tray.icon.toolTip() == tip
    # Away: nothing fires and nobody reads it; the usual line stays.
    status.current = replace(IDLE, waiting=Sense.AWAY)
    tray.refresh_tooltip()
    assert tray.icon.toolTip() == "Herstel — No reminder planned"


def test_the_home_reminder_line_says_why_a_reminder_waits(qtbot: QtBot) -> None:
    from herstel.core.room import Sense
    from herstel.ui.reminders.panel import ReminderPanel

    panel = ReminderPanel()
    qtbot.addWidget(panel)
    panel.set_status(replace(IDLE, timer_due=NOW, waiting=Sense.CALL))
    assert panel.label.text() == "Waiting: you are in a call"
    panel.set_status(replace(IDLE, timer_due=NOW))
    assert panel.label.text().startswith("Your reminder:")
