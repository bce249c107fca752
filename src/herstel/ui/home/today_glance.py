"""Today at a glance, for the home window: minutes, sessions, the last check's signals.

Small and quiet on purpose: one line of muted text and seven small dots, so it
never competes with the Start button. Each dot's *shape* tells its level
(filled = present, half = partly, ring = absent, dash = not asked), never its
colour alone, and the tooltip and the accessible description say the same in
words.

The dot painting lives here (rather than in the result page) because the home
window loads at start-up and should not pull in the result screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QWidget

from herstel.core.checkin import Signal, SignalLevel
from herstel.ui.checkin import texts
from herstel.ui.common.i18n import fill

if TYPE_CHECKING:
    from herstel.storage.stored import TodaySummary

SMALL_DOT: Final = 10
"""Diameter of a glance dot in pixels."""

DOT_GAP: Final = 7


def paint_level_dot(
    painter: QPainter, center: QPointF, diameter: float, level: SignalLevel, palette: QPalette
) -> None:
    """One signal's level as a shape: filled, half-filled, ring, or a short dash."""
    accent = palette.color(QPalette.ColorRole.Accent)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    radius = diameter / 2.0
    line = max(1.2, diameter / 9.0)
    box = QRectF(center.x() - radius, center.y() - radius, diameter, diameter)
    ring = box.adjusted(line / 2, line / 2, -line / 2, -line / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    level = SignalLevel(level)
    if level is SignalLevel.PRESENT:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawEllipse(box)
    elif level is SignalLevel.PARTLY:
        painter.setPen(QPen(accent, line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawPie(box, 90 * 16, 180 * 16)  # the left half, filled
    elif level is SignalLevel.ABSENT:
        painter.setPen(QPen(accent, line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
    else:  # not asked: a quiet dash where a dot would be
        pen = QPen(muted, line)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        half = radius * 0.55
        painter.drawLine(
            QPointF(center.x() - half, center.y()), QPointF(center.x() + half, center.y())
        )
    painter.restore()


def levels_text(levels: Mapping[Signal, SignalLevel]) -> str:
    """ "Breathing calm: present; Body light: partly; …" in signal order."""
    return "; ".join(
        texts.signal_with_level(signal, levels.get(signal, SignalLevel.NOT_ASKED))
        for signal in Signal
    )


class LevelDot(QWidget):
    """A single level dot (used in the result page's signal rows)."""

    def __init__(
        self, level: SignalLevel, diameter: int = 14, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._level = SignalLevel(level)
        self._diameter = diameter
        # As tall as a line of text, so the dot sits centred on its label's first line.
        line = QFontMetrics(self.font()).height()
        self.setFixedSize(diameter + 4, max(diameter + 2, line))
        self.setAccessibleName(texts.level_name(self._level))

    @property
    def level(self) -> SignalLevel:
        return self._level

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        center = QRectF(self.rect()).center()
        paint_level_dot(painter, center, float(self._diameter), self._level, self.palette())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(texts.level_name(self._level))
        super().changeEvent(event)


class SignalDots(QWidget):
    """Seven small dots, one per signal in ``Signal`` order."""

    def __init__(self, parent: QWidget | None = None, diameter: int = SMALL_DOT) -> None:
        super().__init__(parent)
        self._diameter = diameter
        self._levels: dict[Signal, SignalLevel] = dict.fromkeys(Signal, SignalLevel.NOT_ASKED)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._describe()

    def sizeHint(self) -> QSize:
        count = len(self._levels)
        width = count * self._diameter + (count - 1) * DOT_GAP + 4
        return QSize(width, self._diameter + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def levels(self) -> dict[Signal, SignalLevel]:
        return dict(self._levels)

    def set_levels(self, levels: Mapping[Signal, SignalLevel]) -> None:
        self._levels = {s: SignalLevel(levels.get(s, SignalLevel.NOT_ASKED)) for s in Signal}
        self._describe()
        self.update()

    def _describe(self) -> None:
        self.setAccessibleName(self.tr("Signals at the last check"))
        self.setAccessibleDescription(levels_text(self._levels))
        lines = [texts.signal_with_level(s, level) for s, level in self._levels.items()]
        self.setToolTip("\n".join([self.tr("At your last check:"), *lines]))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        step = self._diameter + DOT_GAP
        y = self.height() / 2.0
        x = 2.0 + self._diameter / 2.0
        for signal in Signal:
            center = QPointF(x, y)
            paint_level_dot(
                painter, center, float(self._diameter), self._levels[signal], self.palette()
            )
            x += step

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
        super().changeEvent(event)


class TodayGlance(QWidget):
    """Minutes breathed and sessions today, and the last check's seven signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayGlance")
        self._summary: TodaySummary | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._text = QLabel(self)
        self._text.setObjectName("todayText")
        self._text.setProperty("role", "muted")
        layout.addWidget(self._text)
        layout.addSpacing(14)
        self._dots_label = QLabel(self)
        self._dots_label.setObjectName("lastCheckLabel")
        self._dots_label.setProperty("role", "muted")
        layout.addWidget(self._dots_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.dots = SignalDots(self)
        layout.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._show()

    # --- public ----------------------------------------------------------------

    @property
    def summary(self) -> TodaySummary | None:
        return self._summary

    def set_summary(self, summary: TodaySummary | None) -> None:
        """Show ``Database.today_summary(...)``; None shows the empty state."""
        self._summary = summary
        self._show()

    def text(self) -> str:
        """The line as shown ("Today: 12 min breathed in 3 sessions")."""
        return self._text.text()

    def dots_visible(self) -> bool:
        return not self.dots.isHidden()

    # --- showing -----------------------------------------------------------------

    def _show(self) -> None:
        summary = self._summary
        self.setAccessibleName(self.tr("Today at a glance"))
        self._dots_label.setText(self.tr("Last check"))
        if summary is None or summary.sessions <= 0:
            self._text.setText(self.tr("No breathing break yet today."))
            self._set_dots(None)
            self.setAccessibleDescription(self._text.text())
            return
        text = fill(
            self.tr("Today: {minutes} breathed in {sessions}"),
            minutes=self._minutes(summary.minutes),
            sessions=self._sessions(summary.sessions),
        )
        self._text.setText(text)
        levels = summary.last_levels
        checked = any(
            levels.get(s, SignalLevel.NOT_ASKED) is not SignalLevel.NOT_ASKED for s in Signal
        )
        self._set_dots(levels if checked else None)
        if checked:
            description = fill(
                self.tr("{today}. Last check: {signals}."),
                today=text,
                signals=levels_text(levels),
            )
        else:
            description = text
        self.setAccessibleDescription(description)

    def _set_dots(self, levels: Mapping[Signal, SignalLevel] | None) -> None:
        if levels is None:
            self.dots.set_levels({})
            self.dots.hide()
            self._dots_label.hide()
        else:
            self.dots.set_levels(levels)
            self.dots.show()
            self._dots_label.show()

    def _minutes(self, minutes: float) -> str:
        whole = int(minutes + 0.5)
        if whole < 1:
            return self.tr("under a minute")
        return fill(self.tr("{count} min"), count=whole)

    def _sessions(self, count: int) -> str:
        if count == 1:
            return self.tr("1 session")
        return fill(self.tr("{count} sessions"), count=count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)


__all__ = [
    "LevelDot",
    "SignalDots",
    "TodayGlance",
    "levels_text",
    "paint_level_dot",
]
