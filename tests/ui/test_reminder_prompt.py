"""The reminder prompt: three answers, a timeout, never two answers, no focus stealing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from herstel.core.reminder_flow import PROMPT_TIMEOUT, Outcome, Shown
from herstel.ui.reminders.prompt import ReminderPrompt

# The offscreen platform has no window stacking: Qt's show() of a Tool window
# asks it to raise() and it answers with this warning. Nothing in the prompt
# calls raise() itself.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")

DUE = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
Factory = Callable[..., tuple[ReminderPrompt, list[Outcome]]]


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_prompt(qtbot: QtBot) -> Iterator[Factory]:
    made: list[ReminderPrompt] = []

    def make(
        kind: str = "scheduled", snooze: int = 10, floating: bool = False
    ) -> tuple[ReminderPrompt, list[Outcome]]:
        shown = Shown("timer" if kind == "timer" else "scheduled", DUE)
        prompt = ReminderPrompt(shown, snooze, floating=floating)
        answers: list[Outcome] = []
        prompt.answered.connect(answers.append)
        made.append(prompt)
        return prompt, answers

    yield make
    # Not qtbot.addWidget: the prompt deletes itself on close.
    for prompt in made:
        if shiboken6.isValid(prompt):
            prompt.close()
    flush_deletes()


def timeout_timer(prompt: ReminderPrompt) -> QTimer:
    timers = prompt.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    assert len(timers) == 1
    return timers[0]


@pytest.mark.parametrize(
    ("button", "outcome"),
    [
        ("start_button", Outcome.TAKEN),
        ("snooze_button", Outcome.SNOOZED),
        ("skip_button", Outcome.SKIPPED),
    ],
)
def test_each_button_answers_once_and_closes(
    qtbot: QtBot, make_prompt: Factory, button: str, outcome: Outcome
) -> None:
    prompt, answers = make_prompt()
    prompt.present()
    qtbot.waitExposed(prompt)
    target = getattr(prompt, button)
    assert isinstance(target, QPushButton)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert answers == [outcome]
    assert not prompt.isVisible()
    assert not timeout_timer(prompt).isActive()
    # Anything after the answer is ignored: a timeout, a replacement, a close.
    prompt.dismiss_as_missed()
    prompt.close()
    assert answers == [outcome]
    # The prompt cleans itself up.
    flush_deletes()
    assert not shiboken6.isValid(prompt)
    assert answers == [outcome]


def test_buttons_answer_from_the_keyboard(qtbot: QtBot, make_prompt: Factory) -> None:
    prompt, answers = make_prompt()
    prompt.present()
    prompt.snooze_button.setFocus()
    qtbot.keyClick(prompt.snooze_button, Qt.Key.Key_Space)
    assert answers == [Outcome.SNOOZED]


def test_the_prompt_asks_not_to_be_activated(qtbot: QtBot, make_prompt: Factory) -> None:
    """It must not take the keyboard from the window the user is typing in.

    What the prompt controls is the request: ``WA_ShowWithoutActivating``, which
    Qt hands to the platform as the native window's ``_q_showWithoutActivating``
    (xcb then sets ``_NET_WM_USER_TIME`` 0, Wayland does not activate). Whether
    ``QApplication.activeWindow()`` changes is up to the platform: the offscreen
    plugin activates every window it shows (any flags, any attributes) and Xvfb
    without a window manager activates none, so neither can tell a prompt that
    asks from one that does not.
    """
    prompt, _ = make_prompt()
    assert prompt.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    prompt.present()
    qtbot.waitExposed(prompt)
    assert prompt.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    handle = prompt.windowHandle()
    assert handle is not None
    assert handle.property("_q_showWithoutActivating") is True
    assert prompt.windowFlags() & Qt.WindowType.Tool
    assert prompt.windowFlags() & Qt.WindowType.WindowStaysOnTopHint


def test_the_prompt_sits_in_the_bottom_right_corner(qtbot: QtBot, make_prompt: Factory) -> None:
    prompt, _ = make_prompt()
    prompt.present()
    qtbot.waitExposed(prompt)
    area = prompt.screen().availableGeometry()
    frame = prompt.frameGeometry()
    assert area.contains(frame)
    # About 24 px from the corner (the window frame is placed with the client
    # size, so the frame's own margins eat into the gap a little).
    assert 16 <= area.right() - frame.right() <= 24
    assert 16 <= area.bottom() - frame.bottom() <= 24


def test_the_prompt_times_out_after_ten_minutes_as_missed(
    qtbot: QtBot, make_prompt: Factory
) -> None:
    prompt, answers = make_prompt()
    assert not timeout_timer(prompt).isActive()  # counts from present(), not creation
    prompt.present()
    timer = timeout_timer(prompt)
    assert timer.isActive()
    assert timer.isSingleShot()
    assert timer.interval() == PROMPT_TIMEOUT.total_seconds() * 1000 == 10 * 60 * 1000
    timer.timeout.emit()  # ten minutes later
    assert answers == [Outcome.MISSED]
    assert not prompt.isVisible()
    qtbot.mouseClick(prompt.start_button, Qt.MouseButton.LeftButton)
    assert answers == [Outcome.MISSED]


def test_dismiss_as_missed_answers_missed_once(qtbot: QtBot, make_prompt: Factory) -> None:
    prompt, answers = make_prompt()
    prompt.present()
    prompt.dismiss_as_missed()
    prompt.dismiss_as_missed()
    assert answers == [Outcome.MISSED]
    assert not prompt.isVisible()
    assert not timeout_timer(prompt).isActive()


def test_closing_without_an_answer_counts_as_skipped(qtbot: QtBot, make_prompt: Factory) -> None:
    prompt, answers = make_prompt()
    prompt.present()
    qtbot.waitExposed(prompt)
    prompt.close()  # the window manager's close button
    assert answers == [Outcome.SKIPPED]
    assert not timeout_timer(prompt).isActive()
    timeout_timer(prompt).timeout.emit()
    prompt.dismiss_as_missed()
    assert answers == [Outcome.SKIPPED]


def test_texts_name_the_snooze_time(make_prompt: Factory) -> None:
    prompt, _ = make_prompt(snooze=10)
    assert prompt.start_button.text() == "Start now"
    assert prompt.snooze_button.text() == "In 10 min"
    assert prompt.skip_button.text() == "Skip"
    assert prompt.snooze_button.accessibleName() == "Remind me again in 10 min"
    other, _ = make_prompt(snooze=25)
    assert other.snooze_button.text() == "In 25 min"
    assert "25" in other.snooze_button.accessibleName()


def test_a_timer_reminder_says_it_is_the_one_asked_for(make_prompt: Factory) -> None:
    scheduled, _ = make_prompt("scheduled")
    timer, _ = make_prompt("timer")
    assert scheduled.windowTitle() == "Time for a breathing break"
    assert "Your reminder: a breathing break" in labels(timer)
    assert "Your reminder: a breathing break" not in labels(scheduled)
    assert "Time for a breathing break" in labels(scheduled)


def labels(widget: QWidget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}


def test_after_a_long_call_the_prompt_offers_a_one_minute_reset(qtbot: QtBot) -> None:
    prompt = ReminderPrompt(Shown("scheduled", DUE, reset=True), 10)
    qtbot.addWidget(prompt)
    assert prompt._title.text() == "A one-minute reset after your call?"
    assert "One minute" in prompt._text.text()
    plain = ReminderPrompt(Shown("scheduled", DUE), 10)
    qtbot.addWidget(plain)
    assert plain._title.text() == "Time for a breathing break"


def test_on_wayland_the_prompt_has_a_fixed_size_and_no_key_answers_it(
    qtbot: QtBot, make_prompt: Factory
) -> None:
    prompt, answers = make_prompt(floating=True)
    prompt.present()
    qtbot.waitExposed(prompt)
    # A fixed size is what tiling compositors (sway) float instead of tiling.
    assert prompt.minimumSize() == prompt.maximumSize() == prompt.size()
    # As if the compositor gave it the keyboard while the user typed on.
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Enter):
        qtbot.keyClick(prompt.focusWidget() or prompt, key)
    assert answers == []  # the Enter meant for the editor starts nothing
    qtbot.mouseClick(prompt.start_button, Qt.MouseButton.LeftButton)
    assert answers == [Outcome.TAKEN]  # a click still does
