"""The recovery check page: keyboard-only flow, mouse, Esc/skip, screen readers, storage."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from herstel.core.checkin import (
    CHANGE_KEY,
    ITEM_KEYS,
    SIGNAL_ITEMS,
    SLEEP_ITEM_KEYS,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
    night_for,
)
from herstel.core.clock import ManualClock
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.session import SessionRun
from herstel.storage.database import Database
from herstel.ui.checkin import texts
from herstel.ui.checkin.page import CheckinPage, CheckResult
from herstel.ui.checkin.scale_item import BUTTON_SIZE, ScaleItem
from herstel.ui.session.window import SessionWindow

NOW = datetime(2026, 3, 10, 8, 30, tzinfo=UTC)
SIGNAL_KEYS = [s.value for s in SIGNAL_ITEMS]
DIGIT = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def make_page(
    qtbot: QtBot, kind: CheckKind = CheckKind.AFTER, *, ask_sleep: bool = False
) -> tuple[CheckinPage, list[CheckResult]]:
    page = CheckinPage(kind, ask_sleep, ManualClock(NOW))
    qtbot.addWidget(page)
    results: list[CheckResult] = []
    page.submitted.connect(results.append)
    page.resize(680, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.items()[0], timeout=2000)
    return page, results


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where the keyboard focus is, as a real keyboard would send it."""
    if modifier is None:
        QTest.keyClick(focused(), key)
    else:
        QTest.keyClick(focused(), key, modifier)


def type_digits(qtbot: QtBot, digits: list[int]) -> None:
    for digit in digits:
        press(qtbot, DIGIT[digit])


# --- the keyboard-only flow ------------------------------------------------------------


def test_the_first_item_has_the_keyboard_at_once(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    assert focused() is page.item(Signal.BREATHING.value)


def test_digits_alone_answer_every_item_and_enter_submits(qtbot: QtBot) -> None:
    page, results = make_page(qtbot, ask_sleep=True)
    # slept deeply, woke rested, the six signals, then the change item.
    type_digits(qtbot, [5, 3, 4, 2, 6, 0, 3, 5, 4])
    assert results == []  # nothing is sent before Enter
    press(qtbot, Qt.Key.Key_Return)

    assert len(results) == 1
    result = results[0]
    assert result.status is CheckStatus.ANSWERED
    answers = result.answers
    assert answers is not None
    assert answers.kind is CheckKind.AFTER
    assert dict(answers.values) == {
        Signal.BREATHING: 4,
        Signal.BODY: 2,
        Signal.HEAD: 6,
        Signal.ENERGY: 0,
        Signal.MUSCLES: 3,
        Signal.MOOD: 5,
    }
    assert answers.change == 4  # key 4 on the change item …
    assert texts.change_word(answers.change) == "a bit better"  # … means "a bit better"
    assert page.item(CHANGE_KEY).button(4).isChecked()
    assert page.item(CHANGE_KEY).button(4).text() == "a bit better"
    assert answers.complete
    assert answers.answered_at == NOW
    assert result.night == NightAnswers(night_for(NOW), 5, 3, NOW)
    assert page.result is result


def test_the_change_item_maps_keys_one_to_five_onto_the_words(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    change = page.item(CHANGE_KEY)
    change.setFocus()
    words = {}
    for digit in range(1, 6):
        press(qtbot, DIGIT[digit])
        assert change.value == digit
        words[digit] = next(b.text() for b in change.buttons() if b.isChecked())
        change.setFocus()
    assert words == {
        1: "much worse",
        2: "a bit worse",
        3: "the same",
        4: "a bit better",
        5: "much better",
    }


def test_digits_outside_the_scale_are_ignored_on_the_change_item(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    change = page.item(CHANGE_KEY)
    change.setFocus()
    for digit in (0, 6, 7, 9):
        press(qtbot, DIGIT[digit])
        assert change.value is None
        assert focused() is change  # nothing answered, so the focus stays
    press(qtbot, DIGIT[2])
    assert change.value == 2


def test_digits_above_six_are_ignored_on_a_signal_item(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    first = page.item(Signal.BREATHING.value)
    for digit in (7, 8, 9):
        press(qtbot, DIGIT[digit])
    assert first.value is None
    assert focused() is first


def test_keypad_digits_answer_too(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    press(qtbot, DIGIT[3], Qt.KeyboardModifier.KeypadModifier)
    assert page.item(Signal.BREATHING.value).value == 3
    assert focused() is page.item(Signal.BODY.value)


def test_enter_before_complete_does_not_submit_and_points_at_the_first_open_item(
    qtbot: QtBot,
) -> None:
    page, results = make_page(qtbot)
    type_digits(qtbot, [4, 4])  # breathing and body
    page.item(Signal.MOOD.value).setFocus()
    type_digits(qtbot, [5])  # mood
    page.item(Signal.BREATHING.value).setFocus()
    press(qtbot, Qt.Key.Key_Return)

    assert results == []
    assert page.result is None
    assert focused() is page.item(Signal.HEAD.value)
    assert "4 questions are still open" in page.status_text()
    missing = [item.key for item in page.items() if item.is_missing()]
    assert missing == [Signal.HEAD.value, Signal.ENERGY.value, Signal.MUSCLES.value, CHANGE_KEY]

    # Answering the rest clears the marks; Enter then submits.
    type_digits(qtbot, [3, 3, 3])
    page.item(CHANGE_KEY).setFocus()
    press(qtbot, DIGIT[3])
    assert page.status_text() == ""
    assert not any(item.is_missing() for item in page.items())
    press(qtbot, Qt.Key.Key_Enter)
    assert len(results) == 1
    assert results[0].status is CheckStatus.ANSWERED


def test_one_open_question_is_named(qtbot: QtBot) -> None:
    page, results = make_page(qtbot, CheckKind.BEFORE)
    type_digits(qtbot, [4, 4, 4, 4, 4])
    press(qtbot, Qt.Key.Key_Return)
    assert results == []
    assert page.status_text() == "One question is still open: My mood is steady."


def test_after_the_last_item_the_focus_goes_to_done(qtbot: QtBot) -> None:
    page, results = make_page(qtbot)
    type_digits(qtbot, [1, 2, 3, 4, 5, 6, 3])
    assert focused() is page.done_button
    press(qtbot, Qt.Key.Key_Return)  # Enter on Done saves
    assert len(results) == 1


def test_up_down_and_tab_move_between_items(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    items = page.items()
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is items[1]
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is items[2]
    press(qtbot, Qt.Key.Key_Up)
    assert focused() is items[1]
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)  # stays on the first
    assert focused() is items[0]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is items[1]
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is items[0]
    assert all(item.value is None for item in items)  # moving never answers


def test_left_right_adjust_and_backspace_clears(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    item = page.item(Signal.BREATHING.value)
    press(qtbot, Qt.Key.Key_Right)
    assert item.value == 0
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    assert item.value == 2
    press(qtbot, Qt.Key.Key_Left)
    assert item.value == 1
    assert focused() is item  # arrows adjust without moving on
    press(qtbot, Qt.Key.Key_Backspace)
    assert item.value is None


# --- Esc and Skip ------------------------------------------------------------------------


def test_escape_after_three_answers_keeps_them_as_incomplete(qtbot: QtBot) -> None:
    _page, results = make_page(qtbot)
    type_digits(qtbot, [5, 1, 4])
    press(qtbot, Qt.Key.Key_Escape)

    assert len(results) == 1
    result = results[0]
    assert result.status is CheckStatus.INCOMPLETE
    assert result.answers is not None
    assert dict(result.answers.values) == {Signal.BREATHING: 5, Signal.BODY: 1, Signal.HEAD: 4}
    assert result.answers.change is None
    assert not result.answers.complete
    assert result.night is None


def test_escape_with_no_answers_is_skipped(qtbot: QtBot) -> None:
    _page, results = make_page(qtbot, ask_sleep=True)
    press(qtbot, Qt.Key.Key_Escape)
    assert results == [CheckResult(None, None, CheckStatus.SKIPPED)]


def test_escape_with_only_sleep_answers_keeps_the_night(qtbot: QtBot) -> None:
    _page, results = make_page(qtbot, ask_sleep=True)
    type_digits(qtbot, [2])
    press(qtbot, Qt.Key.Key_Escape)
    (result,) = results
    assert result.answers is None
    assert result.night == NightAnswers(night_for(NOW), 2, None, NOW)
    assert result.status is CheckStatus.INCOMPLETE


def test_the_skip_button_is_escape(qtbot: QtBot) -> None:
    page, results = make_page(qtbot)
    type_digits(qtbot, [3])
    assert page.skip_button.isVisible()
    assert page.skip_button.text() == "Skip"
    QTest.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    (result,) = results
    assert result.status is CheckStatus.INCOMPLETE
    assert result.answers is not None
    assert dict(result.answers.values) == {Signal.BREATHING: 3}


def test_it_submits_once(qtbot: QtBot) -> None:
    page, results = make_page(qtbot)
    press(qtbot, Qt.Key.Key_Escape)
    page.skip()
    page.submit()
    QTest.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert len(results) == 1


# --- the mouse ---------------------------------------------------------------------------


def test_a_click_on_a_number_answers(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    head = page.item(Signal.HEAD.value)
    QTest.mouseClick(head.button(5), Qt.MouseButton.LeftButton)
    assert head.value == 5
    assert [b.isChecked() for b in head.buttons()] == [v == 5 for v in range(7)]
    assert focused() is head  # the keyboard follows the mouse
    QTest.mouseClick(head.button(2), Qt.MouseButton.LeftButton)
    assert head.value == 2
    assert sum(b.isChecked() for b in head.buttons()) == 1
    QTest.mouseClick(head.button(2), Qt.MouseButton.LeftButton)  # clicking again keeps it
    assert head.value == 2
    change = page.item(CHANGE_KEY)
    QTest.mouseClick(change.button(2), Qt.MouseButton.LeftButton)
    assert change.value == 2


def test_a_check_done_entirely_with_the_mouse(qtbot: QtBot) -> None:
    page, results = make_page(qtbot)
    for item in page.items():
        QTest.mouseClick(item.button(item.scale[0] + 1), Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    (result,) = results
    assert result.status is CheckStatus.ANSWERED
    assert result.answers is not None
    assert set(result.answers.values.values()) == {1}
    assert result.answers.change == 2


def test_number_buttons_are_round_and_large_enough(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    assert BUTTON_SIZE >= 36
    for button in page.item(Signal.BODY.value).buttons():
        assert button.width() >= 36
        assert button.height() >= 36
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # the row takes the keys


# --- which items ----------------------------------------------------------------------------


def test_sleep_items_appear_only_when_asked(qtbot: QtBot) -> None:
    with_sleep, _ = make_page(qtbot, ask_sleep=True)
    assert [i.key for i in with_sleep.items()] == [*SLEEP_ITEM_KEYS, *SIGNAL_KEYS, CHANGE_KEY]
    without, _ = make_page(qtbot, ask_sleep=False)
    assert [i.key for i in without.items()] == [*SIGNAL_KEYS, CHANGE_KEY]
    assert set(ITEM_KEYS) == {i.key for i in with_sleep.items()}


def test_a_before_check_has_no_change_item(qtbot: QtBot) -> None:
    page, results = make_page(qtbot, CheckKind.BEFORE)
    assert [i.key for i in page.items()] == SIGNAL_KEYS
    type_digits(qtbot, [1, 2, 3, 4, 5, 6])
    press(qtbot, Qt.Key.Key_Return)
    (result,) = results
    assert result.status is CheckStatus.ANSWERED
    assert result.answers is not None
    assert result.answers.kind is CheckKind.BEFORE
    assert result.answers.change is None
    assert result.answers.complete


# --- screen readers ----------------------------------------------------------------------------


def test_accessible_names_and_descriptions(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot, ask_sleep=True)
    expected = {
        "slept_deeply": "Last night I slept deeply.",
        "woke_rested": "I woke up rested.",
        "breathing": "My breathing is calm and unhurried.",
        "body": "My body feels light.",
        "head": "My head feels clear.",
        "energy": "I have energy.",
        "muscles": "My muscles feel relaxed.",
        "mood": "My mood is steady.",
        CHANGE_KEY: "Compared with before the break I feel …",
    }
    for item in page.items():
        assert item.accessibleName() == expected[item.key]
        assert item.question.text() == expected[item.key]
        assert item.focusPolicy() & Qt.FocusPolicy.TabFocus
    body = page.item(Signal.BODY.value)
    assert body.accessibleDescription() == "0 = not at all, 6 = completely. Not answered yet."
    assert body.button(0).accessibleName() == "0, not at all"
    assert body.button(6).accessibleName() == "6, completely"
    assert body.low_label.text() == "not at all"
    assert body.high_label.text() == "completely"
    body.set_value(4)
    assert body.accessibleDescription() == "0 = not at all, 6 = completely. Your answer: 4."
    change = page.item(CHANGE_KEY)
    assert change.accessibleDescription().startswith("1 = much worse, 5 = much better.")
    change.set_value(4)
    assert change.accessibleDescription().endswith("Your answer: a bit better.")
    assert change.button(4).accessibleName() == "a bit better"
    for button in (page.skip_button, page.done_button):
        assert button.accessibleName()


def test_assistive_technology_sees_a_named_group_with_checkable_answers(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    head = page.item(Signal.HEAD.value)
    head.set_value(5)
    group = QAccessible.queryAccessibleInterface(head)
    assert group is not None
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == "My head feels clear."
    assert group.text(QAccessible.Text.Description) == (
        "0 = not at all, 6 = completely. Your answer: 5."
    )
    assert group.state().focusable
    answer = QAccessible.queryAccessibleInterface(head.button(5))
    assert answer is not None
    assert answer.state().checkable
    assert answer.state().checked
    other = QAccessible.queryAccessibleInterface(head.button(4))
    assert other is not None
    assert not other.state().checked


# --- in the session window, and into the database ----------------------------------------------


def test_in_the_session_window_it_takes_the_keyboard_and_esc_stays_in_the_check(
    qtbot: QtBot, inhibitor: Any
) -> None:
    clock = ManualClock(NOW)
    run = SessionRun(SessionPlan.from_breaths(Pattern(2, 2), 1), clock)
    window = SessionWindow(run, inhibitor=inhibitor)
    qtbot.addWidget(window)
    results: list[CheckResult] = []

    def ended(_outcome: object) -> None:
        page = CheckinPage(CheckKind.AFTER, False, clock)
        page.submitted.connect(results.append)
        window.show_end_page(page)

    window.ended.connect(ended)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    clock.advance(3.0 + 4.0)
    window.tick()
    page = window.end_page()
    assert isinstance(page, CheckinPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.items()[0], timeout=2000)

    type_digits(qtbot, [4, 5])
    press(qtbot, Qt.Key.Key_Escape)
    assert window.isVisible()  # Esc ended the check, not the window
    (result,) = results
    assert result.status is CheckStatus.INCOMPLETE
    assert result.answers is not None
    assert dict(result.answers.values) == {Signal.BREATHING: 4, Signal.BODY: 5}


@pytest.mark.parametrize("keys", [[], [3, 4, 5], [5, 3, 4, 2, 6, 0, 3, 5, 4]])
def test_every_result_is_accepted_by_the_database(
    qtbot: QtBot, tmp_path: Path, keys: list[int]
) -> None:
    _page, results = make_page(qtbot, ask_sleep=True)
    type_digits(qtbot, keys)
    press(qtbot, Qt.Key.Key_Return if len(keys) == 9 else Qt.Key.Key_Escape)
    (result,) = results
    record = SessionRecord(
        new_session_id(), NOW, "4-6", 300.0, 30, 300.0, 30, EndedHow.COMPLETED, Trigger.WINDOW
    )
    with Database.open(tmp_path / "herstel.db") as db:
        db.save_session(record, None, result.answers, result.night, result.status)
        stored = db.load_session(record.id)
        assert stored is not None
        assert stored.check_status is result.status
        assert stored.after == result.answers
        if result.night is not None:
            assert db.load_night(result.night.night) == result.night


def test_items_are_scale_items(qtbot: QtBot) -> None:
    page, _ = make_page(qtbot)
    assert all(isinstance(item, ScaleItem) for item in page.items())
    assert page.findChild(ScaleItem, "item_head") is page.item("head")
