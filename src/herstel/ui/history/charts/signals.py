"""Each signal's weekly mean after the session, with the before-check, as small multiples."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QWidget

from herstel.core import checkin
from herstel.core.checkin import SIGNAL_ITEMS
from herstel.storage.history import SignalWeek
from herstel.ui.checkin.texts import signal_name
from herstel.ui.common.i18n import fill
from herstel.ui.history.charts.base import (
    Chart,
    short_date,
)

TREND_SIGNALS: Final[tuple[checkin.Signal, ...]] = (*SIGNAL_ITEMS, checkin.Signal.SLEEP)


class SignalTrendChart(Chart):
    """Each signal's weekly mean (0–6) after the session, and before it where recorded."""

    COLUMNS: Final = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[SignalWeek] = []
        self._today: date | None = None
        self._panels: list[QRectF] = []
        self._plots: list[QRectF] = []
        self._legend = QRectF()
        self.setMinimumHeight(300)
        self.setAccessibleName(self.tr("Your signals over time"))
        self._changed()

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    def set_data(self, weeks: Sequence[SignalWeek], today: date | None = None) -> None:
        """Weekly means, oldest first; ``today`` ends the span named in the key."""
        self._weeks = list(weeks)
        self._today = today
        self._changed()

    def _items(self) -> int:
        return len(TREND_SIGNALS) * len(self._weeks)

    def _layout(self) -> None:
        columns = self.COLUMNS
        rows = math.ceil((len(TREND_SIGNALS) + 1) / columns)
        gap = 18.0
        width = (self.width() - gap * (columns - 1)) / columns
        height = (self.height() - gap * (rows - 1)) / rows
        metrics = QFontMetricsF(self.font())
        label_width = QFontMetricsF(self._small_font()).horizontalAdvance("6") + 8
        self._panels, self._plots = [], []
        for k in range(len(TREND_SIGNALS) + 1):
            row, column = divmod(k, columns)
            panel = QRectF(column * (width + gap), row * (height + gap), width, height)
            plot = panel.adjusted(4 + label_width, metrics.height() + 10, -4, -6)
            self._panels.append(panel)
            self._plots.append(plot)
        self._legend = self._panels.pop()
        self._plots.pop()

    def _x(self, plot: QRectF, week: int) -> float:
        count = len(self._weeks)
        if count <= 1:
            return plot.center().x()
        return plot.left() + plot.width() * week / (count - 1)

    @staticmethod
    def _y(plot: QRectF, value: float) -> float:
        return plot.bottom() - plot.height() * value / 6.0

    def _series(self, signal: checkin.Signal, before: bool) -> list[tuple[int, float]]:
        found = []
        for k, week in enumerate(self._weeks):
            value = (week.before if before else week.after).get(signal)
            if value is not None:
                found.append((k, float(value)))
        return found

    def _draw_static(self, painter: QPainter, size: QSize) -> None:
        c = self._colors
        title_font = QFont(self.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetricsF(title_font)
        small = self._small_font()
        small_metrics = QFontMetricsF(small)
        for signal, panel, plot in zip(TREND_SIGNALS, self._panels, self._plots, strict=True):
            painter.setFont(title_font)
            painter.setPen(c.text)
            painter.drawText(
                QPointF(panel.left() + 4, panel.top() + metrics.ascent()), signal_name(signal)
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(c.band)
            band = QRectF(
                plot.left(), self._y(plot, 6), plot.width(), self._y(plot, 4) - self._y(plot, 6)
            )
            painter.drawRoundedRect(band, 4, 4)
            painter.setFont(small)
            for value in (0, 3, 6):
                y = round(self._y(plot, value)) + 0.5
                painter.setPen(QPen(c.grid, 1))
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(c.muted)
                label = str(value)
                painter.drawText(
                    QPointF(
                        plot.left() - 6 - small_metrics.horizontalAdvance(label),
                        y + small_metrics.ascent() / 2 - 1,
                    ),
                    label,
                )
            self._draw_line(painter, plot, self._series(signal, True), c.muted, dashed=True)
            self._draw_line(painter, plot, self._series(signal, False), c.bar, dashed=False)
            if not self._series(signal, False):
                painter.setPen(c.muted)
                painter.setFont(self._small_font())
                painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No answers yet"))
        self._draw_legend(painter)

    def _draw_line(
        self,
        painter: QPainter,
        plot: QRectF,
        points: Sequence[tuple[int, float]],
        color: QColor,
        *,
        dashed: bool,
    ) -> None:
        if not points:
            return
        pen = QPen(color, 1.6 if dashed else 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setDashPattern([3.0, 3.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        previous: int | None = None
        for week, value in points:
            point = QPointF(self._x(plot, week), self._y(plot, value))
            if previous is None or week != previous + 1:
                path.moveTo(point)  # a week without answers breaks the line
            else:
                path.lineTo(point)
            previous = week
        painter.drawPath(path)
        if not dashed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            radius = 2.6 if len(points) < 20 else 1.8
            for week, value in points:
                painter.drawEllipse(
                    QPointF(self._x(plot, week), self._y(plot, value)), radius, radius
                )

    def _draw_legend(self, painter: QPainter) -> None:
        c = self._colors
        box = self._legend.adjusted(6, 2, -2, -2)
        font = self._small_font()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        line = metrics.height() + 6
        y = box.top() + metrics.ascent() + 4
        entries = (
            (c.bar, False, self.tr("after the session")),
            (c.muted, True, self.tr("before (when asked)")),
        )
        for color, dashed, text in entries:
            pen = QPen(color, 1.6 if dashed else 2.2)
            if dashed:
                pen.setDashPattern([3.0, 3.0])
            painter.setPen(pen)
            mid = y - metrics.ascent() / 2 + 1
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.left() + 22, mid))
            painter.setPen(c.muted)
            painter.drawText(QPointF(box.left() + 30, y), text)
            y += line
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(c.band)
        painter.drawRoundedRect(
            QRectF(box.left(), y - metrics.ascent(), 22, metrics.ascent()), 3, 3
        )
        painter.setPen(c.muted)
        painter.drawText(QPointF(box.left() + 30, y), self.tr("present (4 or more)"))
        y += line
        if self._weeks:
            locale = QLocale()
            span = fill(
                self.tr("Weekly average, 0–6\n{first} – {last}"),
                first=short_date(self._weeks[0].week, locale),
                last=short_date(self._span_end(), locale),
            )
            for part in span.split("\n"):
                painter.drawText(QPointF(box.left(), y + 4), part)
                y += metrics.height()

    def _span_end(self) -> date:
        end = self._weeks[-1].week + timedelta(days=6)
        return min(end, self._today) if self._today is not None else end

    def _hit(self, pos: QPointF) -> int | None:
        if not self._weeks:
            return None
        for k, plot in enumerate(self._plots):
            if self._panels[k].contains(pos):
                step = plot.width() / max(1, len(self._weeks) - 1)
                week = round((pos.x() - plot.left()) / step) if len(self._weeks) > 1 else 0
                week = max(0, min(len(self._weeks) - 1, week))
                return k * len(self._weeks) + week
        return None

    def _split(self, index: int) -> tuple[int, int]:
        return divmod(index, max(1, len(self._weeks)))

    def _item_rect(self, index: int) -> QRectF:
        panel, week = self._split(index)
        if not (0 <= panel < len(self._plots) and 0 <= week < len(self._weeks)):
            return QRectF()
        plot = self._plots[panel]
        value = self._weeks[week].after.get(TREND_SIGNALS[panel])
        x = self._x(plot, week)
        if value is None:
            return QRectF(x - 1, plot.top(), 2, plot.height())
        y = self._y(plot, float(value))
        return QRectF(x - 4, y - 4, 8, 8)

    def _item_text(self, index: int) -> str:
        panel, week_index = self._split(index)
        if not (0 <= panel < len(TREND_SIGNALS) and 0 <= week_index < len(self._weeks)):
            return ""
        signal = TREND_SIGNALS[panel]
        week = self._weeks[week_index]
        locale = QLocale()
        head = fill(
            self.tr("{signal}, week of {day}"),
            signal=signal_name(signal),
            day=short_date(week.week, locale),
        )
        after, count = week.after.get(signal), week.after_count.get(signal, 0)
        if after is None:
            return head + "\n" + self.tr("no answers")
        lines = [
            head,
            fill(self.tr("after: {mean} ({count} checks)"), mean=_mean(after, locale), count=count),
        ]
        before, before_count = week.before.get(signal), week.before_count.get(signal, 0)
        if before is not None:
            lines.append(
                fill(
                    self.tr("before: {mean} ({count} checks)"),
                    mean=_mean(before, locale),
                    count=before_count,
                )
            )
        return "\n".join(lines)

    def _summary(self) -> str:
        if not self._weeks:
            return self.tr("No data.")
        locale = QLocale()
        parts = [
            fill(
                self.tr("Weekly average of your answers from 0 to 6, last {count} weeks."),
                count=len(self._weeks),
            )
        ]
        for signal in TREND_SIGNALS:
            series = self._series(signal, False)
            checks = sum(w.after_count.get(signal, 0) for w in self._weeks)
            if not series:
                parts.append(fill(self.tr("{signal}: no answers."), signal=signal_name(signal)))
                continue
            text = fill(
                self.tr("{signal}: from {first} to {last} ({checks} answers)"),
                signal=signal_name(signal),
                first=_mean(series[0][1], locale),
                last=_mean(series[-1][1], locale),
                checks=checks,
            )
            paired = sum(w.change_count.get(signal, 0) for w in self._weeks)
            if paired:
                total = sum(
                    (w.change.get(signal) or 0.0) * w.change_count.get(signal, 0)
                    for w in self._weeks
                )
                text += fill(
                    self.tr(", {change} on average compared with before ({paired} sessions)"),
                    change=_signed(total / paired, locale),
                    paired=paired,
                )
            parts.append(text + ".")
        return " ".join(parts)


def _mean(value: float, locale: QLocale) -> str:
    return locale.toString(value, "f", 1)


def _signed(value: float, locale: QLocale) -> str:
    text = locale.toString(abs(value), "f", 1)
    return ("+" if value >= 0 else "−") + text
