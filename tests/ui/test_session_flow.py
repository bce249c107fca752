"""SessionFlow: one way from a request to a stored session and the page after it.

A real SQLite file and real windows (offscreen); the clock is a ManualClock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.launch import BreatheOptions
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.rhythm import Pattern
from herstel.core.session import COUNTDOWN_SECONDS
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.ui.checkin.page import CheckinPage
from herstel.ui.common.settings_hub import SettingsHub
from herstel.ui.session.controller import SessionController
from herstel.ui.session.end_page import EndPage
from herstel.ui.session.flow import SessionFlow
from herstel.ui.session.window import SessionWindow

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ONE_BREATH = BreatheOptions(pattern=Pattern(2, 2), breaths=1)


class Parts:
    def __init__(self, tmp_path: Path, inhibitor_class: type[Any], settings: Settings) -> None:
        self.clock = ManualClock(NOW)
        self.db = Database.open(tmp_path / "herstel.sqlite3")
        self.hub = SettingsHub(tmp_path / "settings.json", self.clock)
        self.hub.update(settings)
        self.controller = SessionController(
            self.clock, settings=settings, inhibitor_factory=lambda _p: inhibitor_class()
        )
        self.flow = SessionFlow(self.controller, self.db, self.clock, self.hub)
        self.ended: list[SessionRecord] = []
        self.flow.ended.connect(self.ended.append)

    def window(self) -> SessionWindow:
        window = self.controller.window
        assert window is not None
        return window

    def breathe_to_the_end(self, qtbot: QtBot) -> SessionWindow:
        window = self.window()
        qtbot.addWidget(window)
        self.clock.advance(COUNTDOWN_SECONDS + 4.0)
        window.tick()
        return window


@pytest.fixture
def parts(tmp_path: Path, fake_inhibitor_class: type[Any]) -> Iterator[Parts]:
    made = Parts(tmp_path, fake_inhibitor_class, Settings(first_run_done=True))
    yield made
    made.db.close()


def make(tmp_path: Path, inhibitor_class: type[Any], **settings: Any) -> Parts:
    return Parts(tmp_path, inhibitor_class, Settings(**settings))


def test_a_session_is_stored_the_moment_it_ends_then_the_check_follows(
    qtbot: QtBot, parts: Parts
) -> None:
    parts.flow.start(ONE_BREATH, Trigger.CLI)
    window = parts.breathe_to_the_end(qtbot)
    assert [r.ended_how for r in parts.ended] == [EndedHow.COMPLETED]
    assert parts.db.session_count() == 1
    stored = parts.db.load_session(parts.ended[0].id)
    assert stored is not None and stored.record.trigger is Trigger.CLI
    assert isinstance(window.end_page(), CheckinPage)


def test_without_a_check_the_flow_puts_up_the_summary_and_announces_it(
    qtbot: QtBot, parts: Parts
) -> None:
    parts.flow.start(BreatheOptions(pattern=Pattern(2, 2), breaths=1, no_check=True), Trigger.CLI)
    window = parts.breathe_to_the_end(qtbot)
    page = window.end_page()
    assert isinstance(page, EndPage)
    assert page.heading.text() == "Breathe normally now."
    assert window.last_announcement() == "Breathe normally now."


def test_dizzy_ends_with_advice_and_never_asks(qtbot: QtBot, parts: Parts) -> None:
    parts.flow.start(ONE_BREATH, Trigger.WINDOW)
    window = parts.window()
    qtbot.addWidget(window)
    parts.clock.advance(COUNTDOWN_SECONDS + 1.0)
    window.dizzy()
    page = window.end_page()
    assert isinstance(page, EndPage)
    assert page.heading.text().startswith("Breathe normally and sit for a moment.")
    assert [r.ended_how for r in parts.ended] == [EndedHow.DIZZY]
    stored = parts.db.load_session(parts.ended[0].id)
    assert stored is not None and stored.record.ended_how is EndedHow.DIZZY


def test_a_second_start_raises_the_running_session_instead_of_a_second_one(
    qtbot: QtBot, parts: Parts
) -> None:
    starts: list[None] = []
    parts.flow.starting.connect(lambda: starts.append(None))
    parts.flow.start(ONE_BREATH, Trigger.WINDOW)
    first = parts.window()
    qtbot.addWidget(first)
    parts.flow.start(ONE_BREATH, Trigger.CLI)
    assert parts.window() is first
    assert len(starts) == 1  # a reminder on screen is withdrawn once, by the real start
    assert parts.flow.is_running


def test_the_first_session_marks_the_safety_note_as_seen(
    qtbot: QtBot, tmp_path: Path, fake_inhibitor_class: type[Any]
) -> None:
    fresh = make(tmp_path, fake_inhibitor_class, first_run_done=False)
    try:
        fresh.flow.start(ONE_BREATH, Trigger.WINDOW)
        fresh.breathe_to_the_end(qtbot)
        assert fresh.hub.settings.first_run_done
        again = SettingsHub(tmp_path / "settings.json", fresh.clock)
        assert again.settings.first_run_done  # saved, not only in memory
    finally:
        fresh.db.close()


def test_command_line_options_never_change_what_is_saved(
    qtbot: QtBot, parts: Parts, tmp_path: Path
) -> None:
    before = parts.hub.settings
    parts.flow.start(BreatheOptions(pattern=Pattern(3, 3), minutes=2), Trigger.CLI)
    qtbot.addWidget(parts.window())
    assert parts.window().run.plan.pattern == Pattern(3, 3)
    assert parts.hub.settings == before


# --- The rhythm finder is a session too -------------------------------------------------


def test_the_rhythm_finder_is_stored_as_one_session_and_saves_the_rhythm(
    qtbot: QtBot, parts: Parts
) -> None:
    from herstel.core.named_patterns import NamedPattern
    from herstel.ui.rhythm.pages import QuestionsPage, ResultPage

    parts.flow.find_rhythm(Trigger.WINDOW)
    window = parts.flow.finder_window
    assert window is not None and parts.flow.is_running
    qtbot.addWidget(window)
    parts.flow.start(ONE_BREATH, Trigger.CLI)  # a break asked for meanwhile raises the finder
    assert parts.controller.window is None
    window.intro.begin_button.click()
    for _ in range(5):
        session = window.session
        assert session is not None
        parts.clock.advance(COUNTDOWN_SECONDS + session.run.plan.duration)
        session.tick()
        page = window.current_page()
        assert isinstance(page, QuestionsPage)
        page.ease.set_value(5)
        page.calm.set_value(4)
        page.submit()
    result = window.current_page()
    assert isinstance(result, ResultPage)
    (record,) = parts.ended
    assert record.pattern == "finder" and record.ended_how is EndedHow.COMPLETED
    stored = parts.db.load_session(record.id)
    assert stored is not None and stored.record.done_breaths == 56
    result.save_button.click()
    assert parts.hub.settings.custom_patterns == (NamedPattern("My rhythm", "5.5-8"),)
    assert parts.hub.settings.pattern == "5.5-8"
    window.close()
    qtbot.waitUntil(lambda: parts.flow.finder_window is None, timeout=2000)
    assert not parts.flow.is_running


def test_closing_the_rhythm_finder_mid_step_keeps_what_was_breathed(
    qtbot: QtBot, parts: Parts
) -> None:
    parts.flow.find_rhythm(Trigger.WINDOW)
    window = parts.flow.finder_window
    assert window is not None
    qtbot.addWidget(window)
    window.intro.begin_button.click()
    parts.clock.advance(COUNTDOWN_SECONDS + 50.0)
    window.close()
    (record,) = parts.ended
    assert (record.pattern, record.ended_how, record.done_seconds) == (
        "finder",
        EndedHow.STOPPED,
        50.0,
    )
    assert parts.db.load_session(record.id) is not None
    assert parts.hub.settings.custom_patterns == ()  # nothing saved without asking


def test_quitting_with_the_rhythm_finder_open_stores_it_as_stopped(
    qtbot: QtBot, parts: Parts
) -> None:
    parts.flow.find_rhythm(Trigger.WINDOW)
    window = parts.flow.finder_window
    assert window is not None
    qtbot.addWidget(window)
    window.intro.begin_button.click()
    parts.clock.advance(COUNTDOWN_SECONDS + 20.0)
    parts.flow.stop_running()
    (record,) = parts.ended
    assert (record.ended_how, record.done_seconds) == (EndedHow.STOPPED, 20.0)


def test_a_reset_offered_after_a_long_call_starts_one_minute(qtbot: QtBot, parts: Parts) -> None:
    from herstel.core.reminder_flow import Shown

    parts.flow.start_from_reminder(Shown("scheduled", NOW, reset=True))
    window = parts.window()
    qtbot.addWidget(window)
    assert window.run.plan.breaths == 6  # one minute of 4-6
    parts.controller.stop_running()
    parts.flow.start_from_reminder(Shown("scheduled", NOW))
    qtbot.addWidget(parts.window())
    assert parts.window().run.plan.breaths == 30  # the saved five minutes
