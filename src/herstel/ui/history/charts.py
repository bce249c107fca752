"""The history's charts, drawn with QPainter: calm, readable in light and dark.

- ``MinutesChart`` — minutes breathed per day (last 30 days) or per week;
- ``SignalTrendChart`` — each signal's weekly mean after the session, with the
  before-check where one was recorded, as small multiples;
- ``AdherenceChart`` — what became of the reminders each week, stacked;
- ``CalendarStrip`` — the breathing days of the last weeks and the streak.

Every chart draws from small arrays the history has already aggregated (a few
dozen numbers), never queries while painting, and keeps everything that does
not move in a cached pixmap (rebuilt only on new data, resize, palette, font or
pixel-ratio change); a repaint is a blit plus the hover highlight. Hovering (or
moving with the arrow keys once the chart has focus) shows the exact values in
a small label. Each chart carries an accessible name and an accessible
description that says in words what the picture shows, totals included.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from herstel.core import checkin
from herstel.core.checkin import SIGNAL_ITEMS
from herstel.storage.history import AdherenceWeek, DayTotal, SignalWeek, WeekTotal, week_start
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import DARK, LIGHT, PALETTES, Colors
from herstel.ui.history.model import qdate, signal_name

TREND_SIGNALS: Final[tuple[checkin.Signal, ...]] = (*SIGNAL_ITEMS, checkin.Signal.SLEEP)


# --- colours --------------------------------------------------------------------------------


def mix(a: QColor | str, b: QColor | str, share: float) -> QColor:
    """``share`` of colour ``a`` over ``b`` (0 gives b, 1 gives a)."""
    ca, cb = QColor(a), QColor(b)
    s = max(0.0, min(1.0, share))
    return QColor.fromRgbF(
        ca.redF() * s + cb.redF() * (1 - s),
        ca.greenF() * s + cb.greenF() * (1 - s),
        ca.blueF() * s + cb.blueF() * (1 - s),
    )


def colors_for(palette: QPalette) -> Colors:
    """Herstel's palette for the light or dark scheme the widget palette shows.

    The app theme sets one of the two; under any other palette the chart still
    picks the scheme whose background is closer in lightness, so it stays readable.
    """
    window = palette.color(QPalette.ColorRole.Window)
    for known in PALETTES.values():  # light, dark and their high-contrast twins
        if window.name().upper() == known.background.upper():
            return known
    return DARK if window.lightnessF() < 0.5 else LIGHT


@dataclass(frozen=True, slots=True)
class ChartColors:
    """The colours a chart draws with, derived from one of the theme palettes."""

    surface: QColor  # the card under the chart
    text: QColor
    muted: QColor
    grid: QColor
    bar: QColor
    bar_soft: QColor
    bar_faint: QColor
    empty: QColor
    band: QColor  # the "present" zone in signal charts
    skipped: QColor
    missed: QColor

    @staticmethod
    def of(colors: Colors) -> ChartColors:
        surface = QColor(colors.surface)
        return ChartColors(
            surface=surface,
            text=QColor(colors.text),
            muted=QColor(colors.text_muted),
            grid=QColor(colors.border),
            bar=QColor(colors.accent),
            bar_soft=mix(colors.accent, surface, 0.55),
            bar_faint=mix(colors.accent, surface, 0.3),
            empty=QColor(colors.track),
            band=mix(colors.accent, surface, 0.08),
            skipped=mix(colors.text_muted, surface, 0.55),
            missed=mix(colors.text_muted, surface, 0.22),
        )


# --- the shared chart widget ----------------------------------------------------------------


def nice_ceiling(value: float) -> tuple[float, float]:
    """A round top for an axis and its step: 13 → (15, 5), 84 → (100, 25), 0 → (1, 1)."""
    if value <= 0:
        return 1.0, 1.0
    exponent = math.floor(math.log10(value))
    for step_base in (0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0):
        step = step_base * 10**exponent
        if step >= 1 or exponent < 0:
            top = math.ceil(value / step - 1e-9) * step
            if top / step <= 4:
                return float(top), float(step)
    return float(value), float(value)


def _number(value: float, locale: QLocale) -> str:
    return locale.toString(round(value))


def _short_date(day: date, locale: QLocale) -> str:
    return locale.toString(qdate(day), "d MMM")


def _day_name(day: date, locale: QLocale) -> str:
    return locale.toString(qdate(day), "ddd d MMM")


class Chart(QWidget):
    """A chart: a cached static picture, a hover label and an accessible summary."""

    hover_changed = Signal(str)
    """The hover label's text, or "" when nothing is hovered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._cache: QPixmap | None = None
        self._colors = ChartColors.of(colors_for(self.palette()))
        self._hover: int | None = None
        self._axis = _Axis(QRectF(), 1.0, 1.0)
        self.cache_builds = 0
        """How often the static picture was drawn (for tests and the bench)."""

    # --- for subclasses ---

    def _draw_static(self, painter: QPainter, size: QSize) -> None:
        raise NotImplementedError

    def _layout(self) -> None:
        """Work out the geometry for the current size (before drawing and hit tests)."""

    def _items(self) -> int:
        """How many things can be hovered."""
        return 0

    def _hit(self, pos: QPointF) -> int | None:
        return None

    def _item_rect(self, index: int) -> QRectF:
        return QRectF()

    def _item_text(self, index: int) -> str:
        return ""

    def _summary(self) -> str:
        return ""

    # --- data changes ---

    def _changed(self) -> None:
        """New data: redraw the static picture and say in words what it shows."""
        self._cache = None
        self._layout()
        if self._hover is not None and self._hover >= self._items():
            self._hover = None
        self.setAccessibleDescription(self._summary())
        self.update()

    # --- hover ---

    @property
    def hovered(self) -> int | None:
        return self._hover

    def hover_text(self) -> str:
        """What the hover label says now ("" when nothing is hovered)."""
        return "" if self._hover is None else self._item_text(self._hover)

    def set_hover(self, index: int | None) -> None:
        if index is not None and not 0 <= index < self._items():
            index = None
        if index == self._hover:
            return
        self._hover = index
        text = self.hover_text()
        self.setToolTip(text)
        self.hover_changed.emit(text)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._ensure_layout()
        self.set_hover(self._hit(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.set_hover(None)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = self._items()
        key = event.key()
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key), 0)
        if count and step:
            current = self._hover if self._hover is not None else (count if step < 0 else -1)
            self.set_hover(max(0, min(count - 1, current + step)))
            return
        if count and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.set_hover(0 if key == Qt.Key.Key_Home else count - 1)
            return
        if key == Qt.Key.Key_Escape and self._hover is not None:
            self.set_hover(None)
            return
        super().keyPressEvent(event)

    # --- painting ---

    def _ensure_layout(self) -> None:
        if self._cache is None:
            self._layout()

    def _static(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        cache = self._cache
        if cache is None or cache.devicePixelRatio() != ratio:
            self._layout()
            cache = QPixmap(
                max(1, math.ceil(self.width() * ratio)), max(1, math.ceil(self.height() * ratio))
            )
            cache.setDevicePixelRatio(ratio)
            cache.fill(Qt.GlobalColor.transparent)
            painter = QPainter(cache)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setFont(self.font())
            self._draw_static(painter, self.size())
            painter.end()
            self._cache = cache
            self.cache_builds += 1
        return cache

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static())
        if self._hover is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._draw_hover(painter, self._hover)
        if self.hasFocus():
            pen = QPen(QColor(self.palette().color(QPalette.ColorRole.Highlight)), 1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        painter.end()

    def _draw_hover(self, painter: QPainter, index: int) -> None:
        c = self._colors
        target = self._item_rect(index)
        if not target.isNull():
            painter.setPen(QPen(c.text, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(target.adjusted(-2, -2, 2, 2), 4, 4)
        text = self._item_text(index)
        if not text:
            return
        metrics = QFontMetricsF(self.font())
        lines = text.split("\n")
        width = max(metrics.horizontalAdvance(line) for line in lines) + 20
        height = metrics.height() * len(lines) + 12
        anchor = target.center() if not target.isNull() else QPointF(self.width() / 2, 0)
        x = min(max(4.0, anchor.x() - width / 2), self.width() - width - 4)
        y = target.top() - height - 8 if not target.isNull() else 4
        if y < 2:
            y = min(target.bottom() + 8, self.height() - height - 2)
        box = QRectF(x, max(2.0, y), width, height)
        painter.setPen(QPen(c.grid, 1))
        painter.setBrush(c.surface)
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(c.text)
        for k, line in enumerate(lines):
            baseline = box.top() + 6 + metrics.ascent() + k * metrics.height()
            painter.drawText(QPointF(box.left() + 10, baseline), line)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LanguageChange,
        ):
            self._colors = ChartColors.of(colors_for(self.palette()))
            self._changed()
        super().changeEvent(event)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(7.5, size * 0.85))
        return font


def _rounded_top(rect: QRectF, radius: float) -> QPainterPath:
    """A bar with rounded top corners and a square foot."""
    r = min(radius, rect.width() / 2, rect.height())
    path = QPainterPath()
    path.moveTo(rect.left(), rect.bottom())
    path.lineTo(rect.left(), rect.top() + r)
    path.quadTo(rect.left(), rect.top(), rect.left() + r, rect.top())
    path.lineTo(rect.right() - r, rect.top())
    path.quadTo(rect.right(), rect.top(), rect.right(), rect.top() + r)
    path.lineTo(rect.right(), rect.bottom())
    path.closeSubpath()
    return path


@dataclass(frozen=True, slots=True)
class _Axis:
    """A value axis: the plot rectangle, the top value and the gridline step."""

    plot: QRectF
    top: float
    step: float

    def y(self, value: float) -> float:
        return self.plot.bottom() - self.plot.height() * (value / self.top if self.top else 0)


def _value_axis(widget: Chart, size: QSize, top_value: float, bottom_labels: bool) -> _Axis:
    metrics = QFontMetricsF(widget._small_font())
    top, step = nice_ceiling(top_value)
    locale = QLocale()
    label_width = max(
        metrics.horizontalAdvance(_number(top, locale)), metrics.horizontalAdvance("0")
    )
    left = label_width + 10
    bottom = metrics.height() + 8 if bottom_labels else 4
    plot = QRectF(left, metrics.height() / 2 + 6, size.width() - left - 6, 0)
    plot.setBottom(size.height() - bottom)
    return _Axis(plot, top, step)


def _draw_value_axis(painter: QPainter, axis: _Axis, colors: ChartColors, font: QFont) -> None:
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    locale = QLocale()
    value = 0.0
    while value <= axis.top + 1e-9:
        y = round(axis.y(value)) + 0.5
        painter.setPen(QPen(colors.grid, 1))
        painter.drawLine(QPointF(axis.plot.left(), y), QPointF(axis.plot.right(), y))
        painter.setPen(colors.muted)
        label = _number(value, locale)
        painter.drawText(
            QPointF(
                axis.plot.left() - 8 - metrics.horizontalAdvance(label),
                y + metrics.ascent() / 2 - 1,
            ),
            label,
        )
        value += axis.step


# --- minutes --------------------------------------------------------------------------------


class _BarChart(Chart):
    """A chart of equal-width bars over a value axis: hover finds the bar by its slot."""

    _bars: list[QRectF]

    def _hit(self, pos: QPointF) -> int | None:
        plot = self._axis.plot
        if not self._bars or not plot.left() <= pos.x() <= plot.right():
            return None
        if not plot.top() - 10 <= pos.y() <= plot.bottom() + 20:
            return None
        slot = plot.width() / len(self._bars)
        return min(len(self._bars) - 1, int((pos.x() - plot.left()) / slot))

    def _item_rect(self, index: int) -> QRectF:
        return self._bars[index] if 0 <= index < len(self._bars) else QRectF()


class MinutesChart(_BarChart):
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
        self._axis = _value_axis(self, self.size(), max((v for _, v, _ in values), default=0), True)
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
        _draw_value_axis(painter, self._axis, c, small)
        painter.setPen(Qt.PenStyle.NoPen)
        for (_, minutes, _), bar in zip(values, self._bars, strict=True):
            painter.setBrush(c.bar if minutes > 0 else c.empty)
            painter.drawPath(_rounded_top(bar, 4))
        # Dates under the bars: every 7th day (or 4th week), counted back from the latest.
        metrics = QFontMetricsF(small)
        painter.setFont(small)
        painter.setPen(c.muted)
        locale = QLocale()
        every = 4 if self._per_week else 7
        last_right = math.inf
        for k in range(len(values) - 1, -1, -every):
            label = _short_date(values[k][0], locale)
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
            when = _short_date(day, locale)
            if sessions == 1:
                text = self.tr("Week of {day}: {minutes} min in 1 session")
            else:
                text = self.tr("Week of {day}: {minutes} min in {sessions} sessions")
        else:
            when = _day_name(day, locale)
            if sessions == 1:
                text = self.tr("{day}: {minutes} min in 1 session")
            else:
                text = self.tr("{day}: {minutes} min in {sessions} sessions")
        return fill(text, day=when, minutes=_number(minutes, locale), sessions=sessions)

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
                day=_short_date(best[0], locale),
                minutes=_number(best[1], locale),
            )
        else:
            most = fill(
                self.tr("most on {day} ({minutes})"),
                day=_short_date(best[0], locale),
                minutes=_number(best[1], locale),
            )
        return fill(
            self.tr("{head}: total {total}, {most}."),
            head=head,
            total=locale.toString(total),
            most=most,
        )


# --- signals --------------------------------------------------------------------------------


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
                first=_short_date(self._weeks[0].week, locale),
                last=_short_date(self._span_end(), locale),
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
            day=_short_date(week.week, locale),
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


# --- reminders ------------------------------------------------------------------------------


class AdherenceChart(_BarChart):
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
        axis = _value_axis(self, size, max((w.total for w in self._weeks), default=0), True)
        plot = QRectF(axis.plot)
        plot.setTop(plot.top() + legend)
        self._axis = _Axis(plot, axis.top, axis.step)
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
        _draw_value_axis(painter, self._axis, c, small)
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
                    painter.drawPath(_rounded_top(piece, 4))
                else:
                    painter.drawRect(piece)
                bottom -= height
        every = 4
        last_right = math.inf
        painter.setPen(c.muted)
        for k in range(len(self._weeks) - 1, -1, -every):
            label = _short_date(self._weeks[k].week, locale)
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
            day=_short_date(week.week, locale),
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


# --- calendar -------------------------------------------------------------------------------


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
            return fill(self.tr("{day}: no breathing"), day=_day_name(day, locale))
        if sessions == 1:
            text = self.tr("{day}: {minutes} min in 1 session")
        else:
            text = self.tr("{day}: {minutes} min in {sessions} sessions")
        return fill(
            text,
            day=_day_name(day, locale),
            minutes=_number(self._minutes.get(day, 0.0), locale),
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


def weeks_back(today: date, weeks: int) -> tuple[date, date]:
    """The Monday ``weeks - 1`` weeks before this week's, and this week's Monday."""
    last = week_start(today)
    return last - timedelta(weeks=weeks - 1), last
