"""ReminderPresenter: one reminder on screen at a time, and every one gets an outcome.

A real ReminderService (a state file and a database in tmp_path) says what is
due; the presenter shows it as a prompt window or, with the notification style
and a tray that shows messages, as a notification. The tray is a stand-in (an
offscreen platform has no tray); the prompts are real widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.reminder_flow import Shown
from herstel.core.settings import ReminderStyle, Settings
from herstel.storage.database import Database
from herstel.ui.reminders.presenter import ReminderPresenter
from herstel.ui.reminders.prompt import ReminderPrompt
from herstel.ui.reminders.service import ReminderService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")

NINE = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Amsterdam


class FakeIcon(QObject):
    """The part of QSystemTrayIcon the presenter uses."""

    messageClicked = Signal()

    def supportsMessages(self) -> bool:
        return True


class FakeTray:
    def __init__(self) -> None:
        self.icon = FakeIcon()
        self.notes: list[str] = []

    def notify(self, title: str, text: str) -> None:
        self.notes.append(title)


@dataclass
class Harness:
    clock: ManualClock
    db: Database
    service: ReminderService
    settings: Settings = field(default_factory=Settings)
    tray: FakeTray | None = None
    breaks: list[Shown] = field(default_factory=list)
    presenter: ReminderPresenter | None = None

    def make(self) -> ReminderPresenter:
        presenter = ReminderPresenter(
            self.service,
            lambda: self.settings,
            lambda: self.tray,  # type: ignore[arg-type,return-value]
        )
        presenter.take_break.connect(self.breaks.append)
        self.presenter = presenter
        return presenter

    def outcomes(self) -> list[tuple[datetime, str]]:
        return [
            (datetime.fromisoformat(due), outcome)
            for _, due, outcome, _ in self.db.iter_reminder_rows()
        ]


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    clock = ManualClock(NINE)
    db = Database.open(tmp_path / "herstel.db")
    service = ReminderService(
        clock, tmp_path / "reminders.json", Settings(), UTC, db.record_reminder, lambda: False
    )
    h = Harness(clock, db, service)
    yield h
    if h.presenter is not None:
        h.presenter.withdraw()
    service.stop()
    db.close()


def visible_prompts() -> list[ReminderPrompt]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ReminderPrompt) and w.isVisible()
    ]


def test_a_new_reminder_replaces_the_open_prompt(harness: Harness, qtbot: QtBot) -> None:
    presenter = harness.make()
    first = Shown("scheduled", NINE)
    harness.service.due.emit(first)
    assert visible_prompts() == [presenter.prompt]
    old = presenter.prompt
    assert old is not None and old.shown == first

    harness.clock.advance(3600)
    second = Shown("scheduled", NINE + timedelta(hours=1))
    harness.service.due.emit(second)

    (shown,) = visible_prompts()  # never two prompts stacked on the screen
    assert shown is presenter.prompt and shown.shown == second
    assert harness.outcomes() == [(NINE, "missed")]  # the replaced one counts as missed


def test_a_new_reminder_replaces_the_open_notification(harness: Harness, qtbot: QtBot) -> None:
    harness.settings = Settings(reminder_style=ReminderStyle.NOTIFICATION)
    harness.tray = tray = FakeTray()
    harness.make()
    first, second = Shown("scheduled", NINE), Shown("timer", NINE + timedelta(minutes=25))
    harness.service.due.emit(first)
    harness.service.due.emit(second)
    assert len(tray.notes) == 2 and visible_prompts() == []
    assert harness.outcomes() == [(NINE, "missed")]

    tray.icon.messageClicked.emit()  # the click answers the one on screen: the second
    assert harness.breaks == [second]
    assert harness.outcomes() == [(NINE, "missed"), (second.due_at, "taken")]


def test_withdraw_counts_the_open_prompt_as_missed(harness: Harness, qtbot: QtBot) -> None:
    presenter = harness.make()
    harness.service.due.emit(Shown("scheduled", NINE))
    presenter.withdraw()
    assert visible_prompts() == [] and presenter.prompt is None
    assert harness.outcomes() == [(NINE, "missed")]
    presenter.withdraw()  # nothing open: nothing more is recorded
    assert harness.outcomes() == [(NINE, "missed")]


def test_start_now_in_the_prompt_asks_for_a_break(harness: Harness, qtbot: QtBot) -> None:
    presenter = harness.make()
    shown = Shown("timer", NINE)
    harness.service.due.emit(shown)
    assert presenter.prompt is not None
    presenter.prompt.start_button.click()
    assert harness.breaks == [shown] and visible_prompts() == []
    assert harness.outcomes() == [(NINE, "taken")]
