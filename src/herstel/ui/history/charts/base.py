"""What every chart shares: the cached picture, the hover label, keys, the value axis.

Each chart draws from small arrays the history has already aggregated and keeps
what does not move in a cached pixmap (rebuilt only on new data, resize, palette,
font or pixel-ratio change); a repaint is a blit plus the hover highlight.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

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

from herstel.ui.history.charts.colors import ChartColors, colors_for
from herstel.ui.history.model import qdate


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


def number_text(value: float, locale: QLocale) -> str:
    return locale.toString(round(value))


def short_date(day: date, locale: QLocale) -> str:
    return locale.toString(qdate(day), "d MMM")


def day_name(day: date, locale: QLocale) -> str:
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
        self._axis = Axis(QRectF(), 1.0, 1.0)
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


def rounded_top(rect: QRectF, radius: float) -> QPainterPath:
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
class Axis:
    """A value axis: the plot rectangle, the top value and the gridline step."""

    plot: QRectF
    top: float
    step: float

    def y(self, value: float) -> float:
        return self.plot.bottom() - self.plot.height() * (value / self.top if self.top else 0)


def value_axis(widget: Chart, size: QSize, top_value: float, bottom_labels: bool) -> Axis:
    metrics = QFontMetricsF(widget._small_font())
    top, step = nice_ceiling(top_value)
    locale = QLocale()
    label_width = max(
        metrics.horizontalAdvance(number_text(top, locale)), metrics.horizontalAdvance("0")
    )
    left = label_width + 10
    bottom = metrics.height() + 8 if bottom_labels else 4
    plot = QRectF(left, metrics.height() / 2 + 6, size.width() - left - 6, 0)
    plot.setBottom(size.height() - bottom)
    return Axis(plot, top, step)


def draw_value_axis(painter: QPainter, axis: Axis, colors: ChartColors, font: QFont) -> None:
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    locale = QLocale()
    value = 0.0
    while value <= axis.top + 1e-9:
        y = round(axis.y(value)) + 0.5
        painter.setPen(QPen(colors.grid, 1))
        painter.drawLine(QPointF(axis.plot.left(), y), QPointF(axis.plot.right(), y))
        painter.setPen(colors.muted)
        label = number_text(value, locale)
        painter.drawText(
            QPointF(
                axis.plot.left() - 8 - metrics.horizontalAdvance(label),
                y + metrics.ascent() / 2 - 1,
            ),
            label,
        )
        value += axis.step


class BarChart(Chart):
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
