"""Minutes breathed per day (the last 30 days) or per week, as soft bars."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
)
from PySide6.QtWidgets import QWidget

from herstel.storage.history import DayTotal, WeekTotal
from herstel.ui.common.i18n import fill
from herstel.ui.history.charts.base import (
    BarChart,
    day_name,
    draw_value_axis,
    number_text,
    rounded_top,
    short_date,
    value_axis,
)


class MinutesChart(BarChart):
    """Minutes breathed per day or per week, as soft bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[DayTotal] = []
        self._weeks: list[WeekTotal] = []
        self._per_week = False
        self._bars: list[QRectF] = []
        self.setMinimumHeight(190)
        self.setAccessibleName(self.tr("Minutes breathed"))
        self._changed()

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def set_data(self, days: Sequence[DayTotal], weeks: Sequence[WeekTotal]) -> None:
        """Per-day totals (the last days shown) and per-week totals."""
        self._days = list(days)
        self._weeks = list(weeks)
        self._changed()

    @property
    def per_week(self) -> bool:
        return self._per_week

    def set_per_week(self, per_week: bool) -> None:
        if per_week != self._per_week:
            self._per_week = per_week
            self._changed()

    def _values(self) -> list[tuple[date, float, int]]:
        if self._per_week:
            return [(w.week, w.minutes, w.sessions) for w in self._weeks]
        return [(d.day, d.minutes, d.sessions) for d in self._days]

    def _items(self) -> int:
        return len(self._values())

    def _layout(self) -> None:
        values = self._values()
        self._axis = value_axis(self, self.size(), max((v for _, v, _ in values), default=0), True)
        plot = self._axis.plot
        self._bars = []
        if not values:
            return
        slot = plot.width() / len(values)
        width = max(2.0, min(28.0, slot * 0.62))
        for k, (_, minutes, _) in enumerate(values):
            x = plot.left() + slot * k + (slot - width) / 2
            top = self._axis.y(minutes)
            height = max(2.0, plot.bottom() - top) if minutes > 0 else 2.0
            self._bars.append(QRectF(x, plot.bottom() - height, width, height))

    def _draw_static(self, painter: QPainter, size: QSize) -> None:
        c = self._colors
        values = self._values()
        small = self._small_font()
        draw_value_axis(painter, self._axis, c, small)
        painter.setPen(Qt.PenStyle.NoPen)
        for (_, minutes, _), bar in zip(values, self._bars, strict=True):
            painter.setBrush(c.bar if minutes > 0 else c.empty)
            painter.drawPath(rounded_top(bar, 4))
        # Dates under the bars: every 7th day (or 4th week), counted back from the latest.
        metrics = QFontMetricsF(small)
        painter.setFont(small)
        painter.setPen(c.muted)
        locale = QLocale()
        every = 4 if self._per_week else 7
        last_right = math.inf
        for k in range(len(values) - 1, -1, -every):
            label = short_date(values[k][0], locale)
            width = metrics.horizontalAdvance(label)
            center = self._bars[k].center().x()
            x = min(max(0.0, center - width / 2), size.width() - width)
            if x + width > last_right - 6:
                continue
            painter.drawText(QPointF(x, size.height() - 4), label)
            last_right = x
        if not any(v > 0 for _, v, _ in values):
            painter.setPen(c.muted)
            painter.setFont(self.font())
            painter.drawText(
                self._axis.plot, Qt.AlignmentFlag.AlignCenter, self.tr("No breathing here yet.")
            )

    def _item_text(self, index: int) -> str:
        values = self._values()
        if not 0 <= index < len(values):
            return ""
        day, minutes, sessions = values[index]
        locale = QLocale()
        if self._per_week:
            when = short_date(day, locale)
            if sessions == 1:
                text = self.tr("Week of {day}: {minutes} min in 1 session")
            else:
                text = self.tr("Week of {day}: {minutes} min in {sessions} sessions")
        else:
            when = day_name(day, locale)
            if sessions == 1:
                text = self.tr("{day}: {minutes} min in 1 session")
            else:
                text = self.tr("{day}: {minutes} min in {sessions} sessions")
        return fill(text, day=when, minutes=number_text(minutes, locale), sessions=sessions)

    def total_minutes(self) -> int:
        return round(sum(v for _, v, _ in self._values()))

    def _summary(self) -> str:
        values = self._values()
        locale = QLocale()
        if not values:
            return self.tr("No data.")
        total = self.total_minutes()
        if self._per_week:
            head = fill(self.tr("Minutes breathed per week, last {count} weeks"), count=len(values))
        else:
            head = fill(self.tr("Minutes breathed per day, last {count} days"), count=len(values))
        if total == 0:
            return fill(self.tr("{head}: none yet."), head=head)
        best = max(values, key=lambda v: (v[1], v[0]))
        if self._per_week:
            most = fill(
                self.tr("most in the week of {day} ({minutes})"),
                day=short_date(best[0], locale),
                minutes=number_text(best[1], locale),
            )
        else:
            most = fill(
                self.tr("most on {day} ({minutes})"),
                day=short_date(best[0], locale),
                minutes=number_text(best[1], locale),
            )
        return fill(
            self.tr("{head}: total {total}, {most}."),
            head=head,
            total=locale.toString(total),
            most=most,
        )
