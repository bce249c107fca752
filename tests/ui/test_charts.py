"""The history charts: they paint offscreen in light and dark, say in words what they
show (totals included), show the value under the pointer, and repaint from cache."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QLocale, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from herstel.core.checkin import SIGNAL_ITEMS, Signal
from herstel.storage.history import AdherenceWeek, DayTotal, SignalWeek, week_totals
from herstel.ui.common.theme import (
    DARK,
    HIGH_CONTRAST_DARK,
    HIGH_CONTRAST_LIGHT,
    LIGHT,
    Colors,
    build_palette,
)
from herstel.ui.history.charts.adherence import AdherenceChart
from herstel.ui.history.charts.base import Chart, nice_ceiling
from herstel.ui.history.charts.calendar_strip import CalendarStrip
from herstel.ui.history.charts.colors import colors_for
from herstel.ui.history.charts.minutes import MinutesChart
from herstel.ui.history.charts.signals import SignalTrendChart

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def days(count: int = 30) -> list[DayTotal]:
    """``count`` days up to TODAY; 12 Nov has the most (15 min in 3 sessions)."""
    totals = []
    for k in range(count):
        day = TODAY - timedelta(days=count - 1 - k)
        minutes = 15.0 if day == date(2026, 11, 12) else float((k * 7) % 11 if k % 4 else 0)
        sessions = 3 if day == date(2026, 11, 12) else (1 if minutes else 0)
        totals.append(DayTotal(day, minutes * 60, sessions))
    return totals


def show(qtbot: QtBot, chart: Chart, width: int = 640) -> None:
    """Show the chart and wait for its first paint (which lays it out for its size)."""
    qtbot.addWidget(chart)
    chart.resize(width, max(chart.minimumHeight(), chart.sizeHint().height()))
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.waitUntil(lambda: chart.cache_builds > 0, timeout=2000)


def move(chart: QWidget, point: QPointF) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        chart.mapToGlobal(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart, event)


def make_charts() -> list[Chart]:
    minutes = MinutesChart()
    minutes.set_data(days(), week_totals(days(70)))
    trend = SignalTrendChart()
    trend.set_data(signal_weeks())
    adherence = AdherenceChart()
    adherence.set_data(adherence_weeks())
    calendar = CalendarStrip()
    calendar.set_data(days(70), TODAY, 4)
    return [minutes, trend, adherence, calendar]


def signal_weeks() -> list[SignalWeek]:
    weeks = []
    for k in range(6):
        monday = date(2026, 10, 19) + timedelta(weeks=k)
        after: dict[Signal, float | None] = dict.fromkeys(SIGNAL_ITEMS, 3.0 + k * 0.3)
        after[Signal.SLEEP] = 2.5 if k != 2 else None
        counts = dict.fromkeys(SIGNAL_ITEMS, 4) | {Signal.SLEEP: 0 if k == 2 else 5}
        before = dict.fromkeys(SIGNAL_ITEMS, 2.0 + k * 0.2 if k >= 3 else None)
        before_counts = dict.fromkeys(SIGNAL_ITEMS, 2 if k >= 3 else 0)
        change = dict.fromkeys(SIGNAL_ITEMS, 1.0 if k >= 3 else None)
        weeks.append(
            SignalWeek(monday, after, counts, before, before_counts, change, before_counts)
        )
    return weeks


def adherence_weeks() -> list[AdherenceWeek]:
    return [
        AdherenceWeek(date(2026, 11, 2), taken=10, snoozed=3, skipped=2, missed=1),
        AdherenceWeek(date(2026, 11, 9)),
        AdherenceWeek(date(2026, 11, 16), taken=14, snoozed=1, skipped=0, missed=4),
        AdherenceWeek(date(2026, 11, 23), taken=2),
    ]


# --- painting -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "colors",
    [LIGHT, DARK, HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK],
    ids=["light", "dark", "high-contrast-light", "high-contrast-dark"],
)
def test_every_chart_paints_with_and_without_data(qtbot: QtBot, colors: Colors) -> None:
    palette = build_palette(colors)
    charts: list[Chart] = [*make_charts(), MinutesChart(), SignalTrendChart(), AdherenceChart()]
    empty_calendar = CalendarStrip()
    empty_calendar.set_data([], TODAY, 0)
    charts.append(empty_calendar)
    for chart in charts:
        chart.setPalette(palette)
        assert colors_for(chart.palette()) is colors
        show(qtbot, chart)
        image = chart.grab().toImage()
        assert not image.isNull()
        # Something was drawn: not every pixel is the same.
        corner = image.pixelColor(0, 0)
        assert any(
            image.pixelColor(x, y) != corner
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        )


def test_a_repaint_reuses_the_cached_picture(qtbot: QtBot) -> None:
    chart = make_charts()[0]
    show(qtbot, chart)
    chart.repaint()
    built = chart.cache_builds
    assert built >= 1
    for _ in range(5):
        chart.repaint()
    move(chart, QPointF(chart.width() / 2, chart.height() / 2))
    chart.repaint()
    assert chart.cache_builds == built  # hovering draws over the cache
    chart.resize(chart.width() + 40, chart.height())
    chart.repaint()
    assert chart.cache_builds == built + 1
    chart.setPalette(build_palette(DARK))
    chart.repaint()
    assert chart.cache_builds == built + 2


# --- words ----------------------------------------------------------------------------------


def test_minutes_chart_says_the_total_and_the_best_day(qtbot: QtBot) -> None:
    chart = MinutesChart()
    data = days()
    chart.set_data(data, week_totals(data))
    total = round(sum(d.minutes for d in data))
    assert chart.accessibleName() == "Minutes breathed"
    assert chart.accessibleDescription() == (
        f"Minutes breathed per day, last 30 days: total {total}, most on 12 Nov (15)."
    )
    chart.set_per_week(True)
    assert chart.accessibleDescription().startswith("Minutes breathed per week, last 5 weeks: ")
    assert f"total {total}" in chart.accessibleDescription()
    empty = MinutesChart()
    empty.set_data([DayTotal(TODAY, 0.0, 0)], [])
    assert empty.accessibleDescription() == "Minutes breathed per day, last 1 days: none yet."


def test_minutes_chart_shows_the_value_under_the_pointer(qtbot: QtBot) -> None:
    chart = MinutesChart()
    chart.set_data(days(), [])
    show(qtbot, chart)
    index = [d.day for d in days()].index(date(2026, 11, 12))
    bar = chart._item_rect(index)
    with qtbot.waitSignal(chart.hover_changed, timeout=1000) as signal:
        move(chart, bar.center())
    assert signal.args == ["Thu 12 Nov: 15 min in 3 sessions"]
    assert chart.hovered == index
    assert chart.toolTip() == "Thu 12 Nov: 15 min in 3 sessions"
    move(chart, QPointF(chart.width() - 1, 2))
    assert chart.hover_text() == ""
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_End)
    last = round(days()[-1].minutes)
    assert chart.hover_text() == f"Wed 25 Nov: {last} min in 1 session"
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.hovered == len(days()) - 2
    qtbot.keyClick(chart, Qt.Key.Key_Escape)
    assert chart.hovered is None


def test_adherence_totals_and_hover(qtbot: QtBot) -> None:
    chart = AdherenceChart()
    chart.set_data(adherence_weeks())
    assert chart.accessibleDescription() == (
        "Reminders per week, last 4 weeks: 37 reminders; taken 26, snoozed 4, skipped 2, missed 5."
    )
    show(qtbot, chart)
    move(chart, chart._item_rect(2).center())
    assert chart.hover_text() == (
        "Week of 16 Nov: 19 reminders\ntaken 14, snoozed 1, skipped 0, missed 4"
    )
    move(chart, chart._item_rect(1).center())
    assert chart.hover_text() == "Week of 9 Nov: 0 reminders"
    none = AdherenceChart()
    none.set_data([AdherenceWeek(date(2026, 11, 23))])
    assert none.accessibleDescription() == "Reminders per week, last 1 weeks: no reminders yet."


def test_adherence_says_how_often_reminders_waited(qtbot: QtBot) -> None:
    chart = AdherenceChart()
    weeks = adherence_weeks()
    weeks[2] = replace(weeks[2], waited=3, natural_breaks=2)
    chart.set_data(weeks)
    assert chart.accessibleDescription().endswith(
        "missed 5. waited for a better moment 3×, natural breaks 2"
    )
    show(qtbot, chart)
    move(chart, chart._item_rect(2).center())
    assert chart.hover_text() == (
        "Week of 16 Nov: 19 reminders\ntaken 14, snoozed 1, skipped 0, missed 4\n"
        "waited for a better moment 3×, natural breaks 2"
    )


def test_calendar_says_the_days_and_the_streak(qtbot: QtBot) -> None:
    chart = CalendarStrip()
    data = days(70)
    chart.set_data(data, TODAY, 4)
    breathing = sum(1 for d in data if d.sessions)
    assert chart.accessibleDescription() == (
        f"Breathing days, last 11 weeks: {breathing} of 73 days; current streak: 4 days."
    )
    assert chart.streak == 4
    show(qtbot, chart)
    move(chart, chart._item_rect(chart._items() - 1).center())
    assert chart.hover_text() == f"Wed 25 Nov: {round(data[-1].minutes)} min in 1 session"
    first = chart._item_rect(0)
    move(chart, first.center())
    assert chart.hover_text() == "Mon 14 Sept: no breathing"


def test_signal_trend_words_and_hover(qtbot: QtBot) -> None:
    chart = SignalTrendChart()
    chart.set_data(signal_weeks())
    text = chart.accessibleDescription()
    assert text.startswith("Weekly average of your answers from 0 to 6, last 6 weeks.")
    assert (
        "Head clear: from 3.0 to 4.5 (24 answers), "
        "+1.0 on average compared with before (6 sessions)." in text
    )
    assert "Sleep: from 2.5 to 2.5 (25 answers)." in text
    show(qtbot, chart, 800)
    head = list(chart_signals()).index(Signal.HEAD)
    index = head * 6 + 4
    move(chart, chart._item_rect(index).center())
    assert chart.hover_text() == (
        "Head clear, week of 16 Nov\nafter: 4.2 (4 checks)\nbefore: 2.8 (2 checks)"
    )
    sleep = list(chart_signals()).index(Signal.SLEEP)
    chart.set_hover(sleep * 6 + 2)
    assert chart.hover_text() == "Sleep, week of 2 Nov\nno answers"


def chart_signals() -> tuple[Signal, ...]:
    from herstel.ui.history.charts.signals import TREND_SIGNALS

    return TREND_SIGNALS


def test_nice_axis_tops() -> None:
    assert nice_ceiling(0) == (1.0, 1.0)
    assert nice_ceiling(13) == (15.0, 5.0)
    assert nice_ceiling(84) == (100.0, 25.0)
    assert nice_ceiling(3) == (3.0, 1.0)
    for value in (0.4, 1, 7, 19, 61, 240, 1999, 25_000):
        top, step = nice_ceiling(value)
        assert top >= value and top / step <= 4
