"""The result page: levels in words, at most two suggestions, proactive lines, the GP note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from herstel.core import advice
from herstel.core.advice import Strategy, Suggestion
from herstel.core.checkin import Signal, SignalLevel
from herstel.ui.checkin import texts
from herstel.ui.checkin.result_page import ResultPage
from herstel.ui.home.today_glance import LevelDot

P, H, A, N = SignalLevel.PRESENT, SignalLevel.PARTLY, SignalLevel.ABSENT, SignalLevel.NOT_ASKED
ALL_ABSENT = dict.fromkeys(Signal, A)


def make_page(
    qtbot: QtBot,
    levels: dict[Signal, SignalLevel],
    *,
    changes: dict[Signal, int] | None = None,
    proactive: list[Signal] | None = None,
    show_gp: bool = False,
    suggestions: list[Suggestion] | None = None,
) -> ResultPage:
    page = ResultPage(
        levels,
        changes or {},
        advice.suggestions(levels) if suggestions is None else suggestions,
        proactive or [],
        show_gp,
    )
    qtbot.addWidget(page)
    page.resize(680, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def visible_texts(page: ResultPage) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]


def strategy_texts_shown(page: ResultPage) -> set[Strategy]:
    """Which strategies' words appear anywhere on the page."""
    shown = " ".join(visible_texts(page))
    return {strategy for strategy in Strategy if texts.strategy_text(strategy) in shown}


def test_every_signal_shows_its_level_in_words(qtbot: QtBot) -> None:
    levels = {
        Signal.BREATHING: P,
        Signal.BODY: H,
        Signal.HEAD: A,
        Signal.ENERGY: P,
        Signal.MUSCLES: H,
        Signal.MOOD: A,
        Signal.SLEEP: N,
    }
    page = make_page(qtbot, levels)
    assert page.signal_row_text(Signal.BREATHING) == "Breathing calm: present"
    assert page.signal_row_text(Signal.BODY) == "Body light: partly"
    assert page.signal_row_text(Signal.HEAD) == "Head clear: absent"
    assert page.signal_row_text(Signal.SLEEP) == "Sleep: not asked"
    shown = visible_texts(page)
    for word in ("present", "partly", "absent", "not asked"):
        assert word in shown  # the level is written out, not only drawn
    dots = page.findChildren(LevelDot)
    assert [d.level for d in dots] == [levels[s] for s in Signal]
    assert all(d.accessibleName() == texts.level_name(d.level) for d in dots)


def test_missing_levels_count_as_not_asked(qtbot: QtBot) -> None:
    page = make_page(qtbot, {Signal.HEAD: P})
    assert page.levels()[Signal.SLEEP] is N
    assert page.signal_row_text(Signal.MOOD) == "Mood steady: not asked"


def test_before_after_change_per_signal(qtbot: QtBot) -> None:
    page = make_page(
        qtbot,
        dict.fromkeys(Signal, P),
        changes={Signal.BREATHING: 2, Signal.HEAD: -1, Signal.MOOD: 0},
    )
    assert page.signal_row_text(Signal.BREATHING) == (
        "Breathing calm: present, 2 higher than before"
    )
    assert page.signal_row_text(Signal.HEAD) == "Head clear: present, 1 lower than before"
    assert page.signal_row_text(Signal.MOOD) == "Mood steady: present, the same as before"
    assert page.signal_row_text(Signal.BODY) == "Body light: present"
    assert "2 higher than before" in visible_texts(page)


def test_many_absent_signals_get_at_most_two_suggestions(qtbot: QtBot) -> None:
    page = make_page(qtbot, ALL_ABSENT)
    assert len(page.suggestion_texts()) == 2
    assert page.suggestion_texts() == [
        texts.strategy_text(Strategy.BREATHING_RHYTHM),  # breathing, first choice
        texts.strategy_text(Strategy.REST_PACE_MOVEMENT),  # body, first choice
    ]
    assert strategy_texts_shown(page) == {Strategy.BREATHING_RHYTHM, Strategy.REST_PACE_MOVEMENT}
    assert page.proactive_texts() == []


def test_even_a_longer_suggestion_list_is_cut_to_two(qtbot: QtBot) -> None:
    many = [Suggestion(s, advice.STRATEGY_TABLE[s][0]) for s in Signal]
    page = make_page(qtbot, ALL_ABSENT, suggestions=many)
    assert len(page.suggestion_texts()) == 2


def test_a_combined_choice_reads_as_one_suggestion(qtbot: QtBot) -> None:
    levels = dict.fromkeys(Signal, P) | {Signal.ENERGY: A}
    page = make_page(qtbot, levels)
    (text,) = page.suggestion_texts()
    assert texts.strategy_text(Strategy.SLEEP_SCHEDULE) in text
    assert texts.strategy_text(Strategy.NOURISHING_FOOD) in text
    assert "For more energy" in visible_texts(page)


def test_nothing_absent_means_no_suggestions_and_a_calm_closing_line(qtbot: QtBot) -> None:
    page = make_page(qtbot, dict.fromkeys(Signal, P))
    assert page.suggestion_texts() == []
    assert strategy_texts_shown(page) == set()
    assert any("come back to the rhythm" in text for text in visible_texts(page))


def test_a_proactive_line_for_a_signal_that_kept_staying_away(qtbot: QtBot) -> None:
    levels = dict.fromkeys(Signal, P) | {Signal.HEAD: H}
    page = make_page(qtbot, levels, proactive=[Signal.HEAD])
    assert page.proactive_texts() == [
        "Your head has often not felt clear after breaks lately. Something to try: "
        + texts.strategy_text(Strategy.MENTAL_QUIET)
    ]
    assert "Lately" in visible_texts(page)


def test_a_proactive_signal_absent_now_is_told_on_its_card_not_twice(qtbot: QtBot) -> None:
    levels = dict.fromkeys(Signal, P) | {Signal.HEAD: A}
    page = make_page(qtbot, levels, proactive=[Signal.HEAD])
    assert page.suggestion_texts() == [texts.strategy_text(Strategy.MENTAL_QUIET)]
    assert page.proactive_texts() == []
    shown = visible_texts(page)
    assert "Your head has often not felt clear after breaks lately." in shown
    assert sum(texts.strategy_text(Strategy.MENTAL_QUIET) in t for t in shown) == 1


def test_a_proactive_line_never_repeats_a_suggestion_on_the_page(qtbot: QtBot) -> None:
    # Breathing is absent now (rest rhythm); body kept staying away: its first choice
    # (movement at rest pace) is new, so that is offered.
    levels = dict.fromkeys(Signal, P) | {Signal.BREATHING: A}
    page = make_page(qtbot, levels, proactive=[Signal.BODY, Signal.MUSCLES, Signal.MOOD])
    lines = page.proactive_texts()
    assert len(lines) == 2  # at most two lines
    assert lines[0].endswith(texts.strategy_text(Strategy.REST_PACE_MOVEMENT))
    # Muscles' choices (rest-pace movement, rest rhythm) are both on the page already.
    assert lines[1].endswith("The suggestions above fit here too.")


def test_gp_note_only_when_asked(qtbot: QtBot) -> None:
    without = make_page(qtbot, ALL_ABSENT, show_gp=False)
    assert not without.gp_note_visible()
    assert not any("GP" in text for text in visible_texts(without))
    with_note = make_page(qtbot, ALL_ABSENT, show_gp=True)
    assert with_note.gp_note_visible()
    assert with_note.gp_note_text() == texts.gp_note()
    assert "occupational physician" in with_note.gp_note_text()


def test_no_score_and_no_exclamation_anywhere(qtbot: QtBot) -> None:
    page = make_page(
        qtbot, ALL_ABSENT, changes={Signal.HEAD: -2}, proactive=[Signal.SLEEP], show_gp=True
    )
    for text in visible_texts(page):
        assert "score" not in text.lower()
        assert "%" not in text
        assert "!" not in text


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_done_by_button_enter_or_escape(qtbot: QtBot, key: Qt.Key) -> None:
    page = make_page(qtbot, ALL_ABSENT)
    assert page.done_button.text() == "Done"
    with qtbot.waitSignal(page.done, timeout=1000):
        QTest.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.done, timeout=1000):
        QTest.keyClick(page, key)
