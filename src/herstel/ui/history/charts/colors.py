"""The charts' colours: the theme's light or dark palette, and soft mixes of it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QPalette,
)

from herstel.ui.common.theme import DARK, LIGHT, PALETTES, Colors


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
