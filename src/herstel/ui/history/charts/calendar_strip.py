"""The breathing days of the last weeks, and the current streak."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from herstel.storage.history import DayTotal, week_start
from herstel.ui.common.i18n import fill
from herstel.ui.history.charts.base import (
    Chart,
    day_name,
    number_text,
)
from herstel.ui.history.model import qdate


class CalendarStrip(Chart):
    """The last weeks as a strip of days (a column per week), breathing days filled.

    The fill deepens with the minutes breathed that day (under 5, under 10, 10 or
    more); today has a ring. A small key under the strip says so.
    """

    CELL: Final = 18.0  # the largest cell; narrower windows get smaller ones
    MIN_CELL: Final = 7.0
    GAP: Final = 4.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first = self._last = self._today = date(2000, 1, 3)
        self._minutes: dict[date, float] = {}
        self._sessions: dict[date, int] = {}
        self._streak = 0
        self._cells: list[tuple[date, QRectF]] = []
        self._cell = self.CELL
        self._left = self._top = 0.0
        self.setAccessibleName(self.tr("Breathing days"))
        self.setFixedHeight(self._height())
        self._changed()

    def sizeHint(self) -> QSize:
        return QSize(560, self._height())

    def _height(self) -> int:
        metrics = QFontMetricsF(self._small_font())
        grid = 7 * self.CELL + 6 * self.GAP
        return math.ceil(metrics.height() + 6 + grid + 10 + metrics.height() + 2)

    def set_data(self, days: Sequence[DayTotal], today: date, streak: int) -> None:
        """Day totals (oldest first, the last being ``today``) and the current streak."""
        self._minutes = {d.day: d.minutes for d in days}
        self._sessions = {d.day: d.sessions for d in days}
        self._today = today
        self._first = week_start(days[0].day) if days else week_start(today)
        self._last = today
        self._streak = streak
        self._changed()

    @property
    def streak(self) -> int:
        return self._streak

    def breathing_days(self) -> int:
        return sum(1 for n in self._sessions.values() if n > 0)

    def _items(self) -> int:
        return len(self._cells)

    def _layout(self) -> None:
        metrics = QFontMetricsF(self._small_font())
        left = max(metrics.horizontalAdvance(w) for w in self._weekday_letters()) + 8
        top = metrics.height() + 6
        weeks = (self._last - self._first).days // 7 + 1
        available = self.width() - left - 4
        cell = min(self.CELL, max(self.MIN_CELL, available / max(1, weeks) - self.GAP))
        self._cell = cell
        self._left, self._top = left, top
        self._cells = []
        day = self._first
        while day <= self._last:
            column = (day - self._first).days // 7
            row = day.weekday()
            x = left + column * (cell + self.GAP)
            y = top + row * (cell + self.GAP)
            self._cells.append((day, QRectF(x, y, cell, cell)))
            day += timedelta(days=1)

    def _weekday_letters(self) -> list[str]:
        locale = QLocale()
        return [locale.dayName(d, QLocale.FormatType.NarrowFormat) for d in (1, 3, 5)]

    def _fill(self, minutes: float) -> QColor:
        c = self._colors
        if minutes <= 0:
            return c.empty
        if minutes < 5:
            return c.bar_faint
        if minutes < 10:
            return c.bar_soft
        return c.bar

    def _draw_static(self, painter: QPainter, size: QSize) -> None:
        c = self._colors
        small = self._small_font()
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        locale = QLocale()
        painter.setPen(c.muted)
        for letter, row in zip(self._weekday_letters(), (0, 2, 4), strict=True):
            y = (
                self._top
                + row * (self._cell + self.GAP)
                + self._cell / 2
                + metrics.ascent() / 2
                - 1
            )
            painter.drawText(QPointF(0, y), letter)
        # Month names above the week in which each month starts; placed from the
        # right, so a partial first month gives way to the next when they crowd.
        starts = [(day, rect) for day, rect in self._cells if day.day == 1 or day == self._first]
        next_left = math.inf
        for day, rect in reversed(starts):
            label = locale.toString(qdate(day), "MMM")
            if rect.left() + metrics.horizontalAdvance(label) + 6 <= next_left:
                painter.drawText(QPointF(rect.left(), metrics.ascent()), label)
                next_left = rect.left()
        painter.setPen(Qt.PenStyle.NoPen)
        radius = max(2.0, self._cell / 4)
        for day, rect in self._cells:
            painter.setBrush(self._fill(self._minutes.get(day, 0.0)))
            painter.drawRoundedRect(rect, radius, radius)
        for day, rect in self._cells:
            if day == self._today:
                painter.setPen(QPen(c.text, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1, radius + 1)
        self._draw_key(painter, metrics)

    def _draw_key(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        """ "less ▪▪▪▪ more" under the strip, right-aligned with it."""
        c = self._colors
        if not self._cells:
            return
        less, more = self.tr("less"), self.tr("more")
        size = 10.0
        swatches = [self._fill(m) for m in (0.0, 1.0, 5.0, 10.0)]
        right = self._cells[-1][1].right() if self._cells else self.width() - 4.0
        right = max(right, self._left + 220)
        y = self._top + 7 * self._cell + 6 * self.GAP + 10
        width = (
            metrics.horizontalAdvance(less)
            + metrics.horizontalAdvance(more)
            + len(swatches) * (size + 3)
            + 12
        )
        x = min(right, self.width() - 4.0) - width
        baseline = y + metrics.ascent()
        painter.setPen(c.muted)
        painter.drawText(QPointF(x, baseline), less)
        x += metrics.horizontalAdvance(less) + 6
        painter.setPen(Qt.PenStyle.NoPen)
        for color in swatches:
            painter.setBrush(color)
            top = baseline - metrics.ascent() / 2 - size / 2 - 0.5
            painter.drawRoundedRect(QRectF(x, top, size, size), 2.5, 2.5)
            x += size + 3
        painter.setPen(c.muted)
        painter.drawText(QPointF(x + 3, baseline), more)

    def _hit(self, pos: QPointF) -> int | None:
        for k, (_, rect) in enumerate(self._cells):
            if rect.adjusted(-self.GAP / 2, -self.GAP / 2, self.GAP / 2, self.GAP / 2).contains(
                pos
            ):
                return k
        return None

    def _item_rect(self, index: int) -> QRectF:
        return self._cells[index][1] if 0 <= index < len(self._cells) else QRectF()

    def _item_text(self, index: int) -> str:
        if not 0 <= index < len(self._cells):
            return ""
        day = self._cells[index][0]
        locale = QLocale()
        sessions = self._sessions.get(day, 0)
        if sessions == 0:
            return fill(self.tr("{day}: no breathing"), day=day_name(day, locale))
        if sessions == 1:
            text = self.tr("{day}: {minutes} min in 1 session")
        else:
            text = self.tr("{day}: {minutes} min in {sessions} sessions")
        return fill(
            text,
            day=day_name(day, locale),
            minutes=number_text(self._minutes.get(day, 0.0), locale),
            sessions=sessions,
        )

    def _summary(self) -> str:
        total = len(self._cells)
        if total == 0:
            return self.tr("No data.")
        streak = (
            self.tr("current streak: 1 day")
            if self._streak == 1
            else fill(self.tr("current streak: {days} days"), days=self._streak)
        )
        return fill(
            self.tr("Breathing days, last {weeks} weeks: {breathing} of {total} days; {streak}."),
            weeks=math.ceil(total / 7),
            breathing=self.breathing_days(),
            total=total,
            streak=streak,
        )
