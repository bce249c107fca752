"""Palettes, contrast, the light/dark choice and reduced motion."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.settings import Theme
from herstel.ui import theme
from herstel.ui.theme import (
    AA_TEXT,
    DARK,
    LIGHT,
    Colors,
    apply_theme,
    contrast_ratio,
    prefers_reduced_motion,
    resolve_scheme,
)


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_reaches_wcag_aa(colors: Colors) -> None:
    pairs = colors.text_pairs()
    assert len(pairs) >= 9
    for name, (foreground, background) in pairs.items():
        ratio = contrast_ratio(foreground, background)
        assert ratio >= AA_TEXT, f"{name}: {foreground} on {background} is {ratio:.2f}:1"


def test_the_design_accents() -> None:
    assert (LIGHT.accent, LIGHT.background) == ("#2F6A8F", "#F7F5F2")
    assert (DARK.accent, DARK.background) == ("#7FB7D9", "#1E2329")
    assert contrast_ratio(LIGHT.accent, LIGHT.background) == pytest.approx(5.4, abs=0.05)
    assert contrast_ratio(DARK.accent, DARK.background) == pytest.approx(7.3, abs=0.05)


def test_contrast_ratio_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def _hints(scheme: Qt.ColorScheme) -> Any:
    return SimpleNamespace(colorScheme=lambda: scheme)


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        (Theme.SYSTEM, Qt.ColorScheme.Dark, Qt.ColorScheme.Dark),
        (Theme.SYSTEM, Qt.ColorScheme.Light, Qt.ColorScheme.Light),
        (Theme.SYSTEM, Qt.ColorScheme.Unknown, Qt.ColorScheme.Light),
        (Theme.LIGHT, Qt.ColorScheme.Dark, Qt.ColorScheme.Light),
        (Theme.DARK, Qt.ColorScheme.Light, Qt.ColorScheme.Dark),
        (Theme.DARK, Qt.ColorScheme.Unknown, Qt.ColorScheme.Dark),
    ],
)
def test_resolve_scheme(setting: Theme, system: Qt.ColorScheme, expected: Qt.ColorScheme) -> None:
    assert resolve_scheme(setting, _hints(system)) == expected


def test_apply_theme_sets_palette_and_style(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        assert apply_theme(qapp, Theme.DARK) == Qt.ColorScheme.Dark
        palette = qapp.palette()
        assert palette.color(QPalette.ColorRole.Window).name().upper() == DARK.background
        assert palette.color(QPalette.ColorRole.Highlight).name().upper() == DARK.accent
        assert "border-radius" in qapp.styleSheet()
        assert apply_theme(qapp, Theme.LIGHT) == Qt.ColorScheme.Light
        assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == LIGHT.background
    finally:
        apply_theme(qapp, Theme.SYSTEM)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def test_reduced_motion_follows_the_setting() -> None:
    assert prefers_reduced_motion(True)
    assert not prefers_reduced_motion(False)  # Qt 6.11 exposes no OS preference


def test_reduced_motion_follows_the_os_where_qt_exposes_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    reduced = SimpleNamespace(name="ReducedMotion")
    hints = SimpleNamespace(motionPreference=lambda: reduced)
    style_hints = SimpleNamespace(accessibility=lambda: hints)
    fake_app = SimpleNamespace(styleHints=lambda: style_hints)
    monkeypatch.setattr(theme, "QGuiApplication", _FakeGuiApplication(fake_app))
    assert prefers_reduced_motion(False)
    hints.motionPreference = lambda: SimpleNamespace(name="NoPreference")
    assert not prefers_reduced_motion(False)


class _FakeGuiApplication:
    """Stands in for the QGuiApplication class: ``instance()`` and isinstance checks."""

    def __init__(self, app: object) -> None:
        self._app = app

    def instance(self) -> object:
        return self._app

    def __instancecheck__(self, instance: object) -> bool:
        return instance is self._app
