"""The rhythm finder window, offscreen: steps, questions, dizziness, the result and saving."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.clock import ManualClock
from herstel.core.named_patterns import NamedPattern
from herstel.core.records import EndedHow, SessionRecord
from herstel.core.rhythm import Pattern
from herstel.core.rhythm_finder import FINDER_LABEL, FinderStage, RhythmFinder
from herstel.core.session import COUNTDOWN_SECONDS, Stage
from herstel.core.settings import Settings
from herstel.ui.rhythm.finder_window import RhythmFinderWindow
from herstel.ui.rhythm.pages import DizzyPage, IntroPage, QuestionsPage, ResultPage

FakeInhibitor = Any


@pytest.fixture
def finder_window(
    qtbot: QtBot, fake_inhibitor_class: type[Any]
) -> tuple[RhythmFinderWindow, ManualClock, list[SessionRecord], list[Settings]]:
    clock = ManualClock()
    window = RhythmFinderWindow(
        RhythmFinder(clock), Settings(), inhibitor=lambda _parent: fake_inhibitor_class()
    )
    qtbot.addWidget(window)
    records: list[SessionRecord] = []
    chosen: list[Settings] = []
    window.ended.connect(records.append)
    window.settings_chosen.connect(chosen.append)
    window.show()
    qtbot.waitExposed(window)
    return window, clock, records, chosen


def key(qtbot: QtBot, key: Qt.Key, text: str = "") -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def breathe_step(window: RhythmFinderWindow, clock: ManualClock) -> None:
    session = window.session
    assert session is not None and window.current_page().objectName() == "finderStep"
    run = session.run
    assert run.started and run.plan is window.finder.step.plan  # type: ignore[union-attr]
    clock.advance(COUNTDOWN_SECONDS + run.plan.duration)
    session.tick()


def answer(qtbot: QtBot, window: RhythmFinderWindow, ease: int, calm: int) -> None:
    page = window.current_page()
    assert isinstance(page, QuestionsPage)
    assert QApplication.focusWidget() is page.ease
    key(qtbot, getattr(Qt.Key, f"Key_{ease}"))
    assert QApplication.focusWidget() is page.calm
    key(qtbot, getattr(Qt.Key, f"Key_{calm}"))
    key(qtbot, Qt.Key.Key_Return)


def test_the_intro_then_each_step_is_a_normal_run_followed_by_two_questions(
    qtbot: QtBot, finder_window: Any
) -> None:
    window, clock, records, _ = finder_window
    assert isinstance(window.current_page(), IntroPage)
    window.intro.begin_button.click()
    assert window.finder.stage is FinderStage.BREATHING
    session = window.session
    assert session is not None and session.phase_text() == "Get ready"
    assert session.run.plan.pattern == Pattern(3.5, 5.5)
    breathe_step(window, clock)
    page = window.current_page()
    assert isinstance(page, QuestionsPage)
    assert page.next_button.text() == "Next pace" and not page.next_button.isEnabled()
    answer(qtbot, window, 5, 4)
    assert window.session is not None and window.session.run.plan.pattern == Pattern(4, 6)
    assert records == []  # stored once, at the end


def test_dizzy_in_a_step_stops_at_once_with_the_calm_advice(
    qtbot: QtBot, finder_window: Any
) -> None:
    window, clock, records, _ = finder_window
    window.intro.begin_button.click()
    breathe_step(window, clock)
    answer(qtbot, window, 5, 5)
    session = window.session
    assert session is not None
    clock.advance(COUNTDOWN_SECONDS + 40.0)
    session.tick()
    qtbot.keyClick(session, Qt.Key.Key_D)
    page = window.current_page()
    assert isinstance(page, DizzyPage)
    assert page.heading.text().startswith("Breathe normally and sit for a moment.")
    assert session.run.stage is Stage.ENDED
    assert window.finder.stage is FinderStage.DIZZY
    (record,) = records
    assert (record.pattern, record.ended_how) == (FINDER_LABEL, EndedHow.DIZZY)
    assert record.done_seconds == pytest.approx(126.0 + 40.0)
    clock.advance(600.0)  # nothing goes on by itself
    session.tick()
    assert window.current_page() is page and len(records) == 1
    key(qtbot, Qt.Key.Key_D)
    assert window.current_page() is page


def test_dizzy_while_answering_also_stops(qtbot: QtBot, finder_window: Any) -> None:
    window, clock, records, _ = finder_window
    window.intro.begin_button.click()
    breathe_step(window, clock)
    key(qtbot, Qt.Key.Key_D)
    assert isinstance(window.current_page(), DizzyPage)
    assert records[0].ended_how is EndedHow.DIZZY


def test_the_result_proposes_the_slowest_easy_and_calm_pace_and_saves_it(
    qtbot: QtBot, finder_window: Any
) -> None:
    window, clock, records, chosen = finder_window
    window.intro.begin_button.click()
    for ease, calm in [(5, 5), (5, 4), (4, 4), (3, 5)]:
        breathe_step(window, clock)
        answer(qtbot, window, ease, calm)
    breathe_step(window, clock)
    page = window.current_page()
    assert isinstance(page, QuestionsPage) and page.next_button.text() == "See the result"
    answer(qtbot, window, 6, 6)
    result = window.current_page()
    assert isinstance(result, ResultPage)
    assert result.heading.text() == "Your rhythm: about 4.4 breaths a minute"
    assert result.detail.text() == "In 5.5 seconds, out 8 seconds (5.5-8)"
    assert records[0].ended_how is EndedHow.COMPLETED
    result.name_edit.setText("  Evening  ")
    result.save_button.click()
    (settings,) = chosen
    assert settings.custom_patterns == (NamedPattern("Evening", "5.5-8"),)
    assert settings.pattern == "5.5-8"
    assert "Evening" in result.status.text() and not result.save_button.isEnabled()


def test_stop_before_any_answer_keeps_the_current_rhythm(qtbot: QtBot, finder_window: Any) -> None:
    window, clock, records, _chosen = finder_window
    window.intro.begin_button.click()
    clock.advance(COUNTDOWN_SECONDS + 10.0)
    assert window.session is not None
    qtbot.keyClick(window.session, Qt.Key.Key_Escape)
    result = window.current_page()
    assert isinstance(result, ResultPage)
    assert result.heading.text() == "Keep your current rhythm"
    assert not result.save_button.isVisibleTo(result)
    assert records[0].ended_how is EndedHow.STOPPED and records[0].done_seconds == 10.0
