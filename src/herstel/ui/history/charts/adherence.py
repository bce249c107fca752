"""What became of the reminders each week: taken, snoozed, skipped, missed, stacked."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
)
from PySide6.QtWidgets import QWidget

from herstel.storage.history import AdherenceWeek
from herstel.ui.common.i18n import fill
from herstel.ui.history.charts.base import (
    Axis,
    BarChart,
    draw_value_axis,
    rounded_top,
    short_date,
    value_axis,
)


class AdherenceChart(BarChart):
    """Reminders per week, stacked: taken, snoozed, skipped, missed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[AdherenceWeek] = []
        self._bars: list[QRectF] = []
        self._legend_y = 0.0
        self.setMinimumHeight(190)
        self.setAccessibleName(self.tr("Reminders per week"))
        self._changed()

    def sizeHint(self) -> QSize:
        return QSize(560, 200)

    def set_data(self, weeks: Sequence[AdherenceWeek]) -> None:
        self._weeks = list(weeks)
        self._changed()

    def _part_colors(self) -> tuple[QColor, QColor, QColor, QColor]:
        c = self._colors
        return (c.bar, c.bar_soft, c.skipped, c.missed)

    def _parts(self, week: AdherenceWeek) -> list[tuple[int, QColor]]:
        counts = (week.taken, week.snoozed, week.skipped, week.missed)
        return list(zip(counts, self._part_colors(), strict=True))

    def _names(self) -> tuple[str, str, str, str]:
        return (self.tr("taken"), self.tr("snoozed"), self.tr("skipped"), self.tr("missed"))

    def _items(self) -> int:
        return len(self._weeks)

    def _layout(self) -> None:
        metrics = QFontMetricsF(self._small_font())
        size = QSize(self.width(), self.height())
        legend = metrics.height() + 12
        axis = value_axis(self, size, max((w.total for w in self._weeks), default=0), True)
        plot = QRectF(axis.plot)
        plot.setTop(plot.top() + legend)
        self._axis = Axis(plot, axis.top, axis.step)
        self._legend_y = metrics.ascent() + 2
        self._bars = []
        if not self._weeks:
            return
        slot = plot.width() / len(self._weeks)
        width = max(3.0, min(30.0, slot * 0.62))
        for k, week in enumerate(self._weeks):
            x = plot.left() + slot * k + (slot - width) / 2
            top = self._axis.y(week.total)
            self._bars.append(QRectF(x, top, width, max(2.0, plot.bottom() - top)))

    def _draw_static(self, painter: QPainter, size: QSize) -> None:
        c = self._colors
        small = self._small_font()
        draw_value_axis(painter, self._axis, c, small)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        # Legend with the totals.
        x = self._axis.plot.left()
        totals = [0, 0, 0, 0]
        for week in self._weeks:
            for k, (count, _) in enumerate(self._parts(week)):
                totals[k] += count
        locale = QLocale()
        for name, total, color in zip(self._names(), totals, self._part_colors(), strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(x, self._legend_y - metrics.ascent() + 2, 10, 10), 3, 3)
            label = f"{name} {locale.toString(total)}"
            painter.setPen(c.muted)
            painter.drawText(QPointF(x + 15, self._legend_y), label)
            x += 15 + metrics.horizontalAdvance(label) + 18
        waited = sum(w.waited for w in self._weeks)
        if waited:  # reading the room: how often a reminder waited for a better moment
            painter.setPen(c.muted)
            painter.drawText(
                QPointF(x, self._legend_y), fill(self.tr("waited {count}×"), count=waited)
            )
        # Stacked bars, taken at the foot.
        plot = self._axis.plot
        for week, bar in zip(self._weeks, self._bars, strict=True):
            if week.total == 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(c.empty)
                painter.drawRect(QRectF(bar.left(), plot.bottom() - 2, bar.width(), 2))
                continue
            bottom = plot.bottom()
            parts = [(n, col) for n, col in self._parts(week) if n > 0]
            for k, (count, color) in enumerate(parts):
                height = plot.height() * count / self._axis.top
                piece = QRectF(bar.left(), bottom - height, bar.width(), height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                if k == len(parts) - 1:
                    painter.drawPath(rounded_top(piece, 4))
                else:
                    painter.drawRect(piece)
                bottom -= height
        every = 4
        last_right = math.inf
        painter.setPen(c.muted)
        for k in range(len(self._weeks) - 1, -1, -every):
            label = short_date(self._weeks[k].week, locale)
            width = metrics.horizontalAdvance(label)
            x = min(max(0.0, self._bars[k].center().x() - width / 2), size.width() - width)
            if x + width > last_right - 6:
                continue
            painter.drawText(QPointF(x, size.height() - 4), label)
            last_right = x
        if not any(w.total for w in self._weeks):
            painter.setFont(self.font())
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No reminders yet."))

    def _item_text(self, index: int) -> str:
        if not 0 <= index < len(self._weeks):
            return ""
        week = self._weeks[index]
        locale = QLocale()
        head = fill(
            self.tr("Week of {day}: {count} reminders"),
            day=short_date(week.week, locale),
            count=week.total,
        )
        room = self._room_text(week.waited, week.natural_breaks)
        if week.total == 0:
            return head + room
        names = self._names()
        counts = (week.taken, week.snoozed, week.skipped, week.missed)
        parts = ", ".join(f"{n} {c}" for n, c in zip(names, counts, strict=True))
        return head + "\n" + parts + room

    def _room_text(self, waited: int, natural_breaks: int) -> str:
        """Why reminders waited (reading the room), on a line of its own; empty when never."""
        if not waited and not natural_breaks:
            return ""
        return "\n" + fill(
            self.tr("waited for a better moment {waited}×, natural breaks {breaks}"),
            waited=waited,
            breaks=natural_breaks,
        )

    def _summary(self) -> str:
        if not self._weeks:
            return self.tr("No data.")
        total = sum(w.total for w in self._weeks)
        if total == 0:
            return fill(
                self.tr("Reminders per week, last {count} weeks: no reminders yet."),
                count=len(self._weeks),
            )
        names = self._names()
        sums = [
            sum(w.taken for w in self._weeks),
            sum(w.snoozed for w in self._weeks),
            sum(w.skipped for w in self._weeks),
            sum(w.missed for w in self._weeks),
        ]
        text = fill(
            self.tr("Reminders per week, last {count} weeks: {total} reminders; {parts}."),
            count=len(self._weeks),
            total=total,
            parts=", ".join(f"{n} {s}" for n, s in zip(names, sums, strict=True)),
        )
        room = self._room_text(
            sum(w.waited for w in self._weeks), sum(w.natural_breaks for w in self._weeks)
        )
        return text + room.replace("\n", " ")
